/// A span of the answer that supports a finding. Offsets count Unicode scalars of the answer.
public struct Evidence: Sendable, Hashable, Codable {
    public var feature: String
    public var start: Int
    public var end: Int
    public var text: String

    public init(feature: String, start: Int, end: Int, text: String) {
        self.feature = feature
        self.start = start
        self.end = end
        self.text = text
    }
}

/// What analyzers found in an answer: named features, recommended follow-ups and the evidence.
public struct Analysis: Sendable, Hashable {
    public var features: [String: FeatureValue]
    /// The follow-ups the answer calls for, most important first (e.g. `["action", "result"]`), or
    /// `["none"]`; empty when no analyzer recommends any. The engine asks for the first one not
    /// asked for yet, so a probe the candidate has already had is not put again in other words.
    public var followups: [String]
    /// Why the first follow-up, in a sentence a candidate can read.
    public var reason: String
    public var evidence: [Evidence]

    public init(features: [String: FeatureValue] = [:], followup: String? = nil, reason: String = "", evidence: [Evidence] = []) {
        self.init(features: features, followups: followup.map { [$0] } ?? [], reason: reason, evidence: evidence)
    }

    public init(features: [String: FeatureValue], followups: [String], reason: String = "", evidence: [Evidence] = []) {
        self.features = features
        self.followups = followups
        self.reason = reason
        self.evidence = evidence
    }

    /// The most important follow-up (e.g. `example`, `result`, `none`), if any analyzer gives one.
    /// Setting it replaces the whole list with that one.
    public var followup: String? {
        get { followups.first }
        set { followups = newValue.map { [$0] } ?? [] }
    }

    public subscript(feature: String) -> FeatureValue? { features[feature] }

    /// Adds another analyzer's findings. The first follow-up recommended is kept.
    public mutating func merge(_ other: Analysis) {
        // Into nothing, the other's features are taken whole, without hashing each name again.
        if features.isEmpty { features = other.features } else { features.merge(other.features) { current, _ in current } }
        if followups.isEmpty && !other.followups.isEmpty {
            followups = other.followups
            reason = other.reason
        }
        evidence += other.evidence
    }
}
