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

/// What analyzers found in an answer: named features, a recommended follow-up and the evidence.
public struct Analysis: Sendable, Hashable {
    public var features: [String: FeatureValue]
    /// The follow-up the analyzers recommend (e.g. `example`, `result`, `none`), if any gives one.
    public var followup: String?
    /// Why that follow-up, in a sentence a candidate can read.
    public var reason: String
    public var evidence: [Evidence]

    public init(features: [String: FeatureValue] = [:], followup: String? = nil, reason: String = "", evidence: [Evidence] = []) {
        self.features = features
        self.followup = followup
        self.reason = reason
        self.evidence = evidence
    }

    public subscript(feature: String) -> FeatureValue? { features[feature] }

    /// Adds another analyzer's findings. The first follow-up recommended is kept.
    public mutating func merge(_ other: Analysis) {
        // Into nothing, the other's features are taken whole, without hashing each name again.
        if features.isEmpty { features = other.features } else { features.merge(other.features) { current, _ in current } }
        if followup == nil, let recommended = other.followup {
            followup = recommended
            reason = other.reason
        }
        evidence += other.evidence
    }
}
