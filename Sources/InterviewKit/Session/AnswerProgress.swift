import BuiltInAnalyzers
import InterviewCore

/// How the answer to the current question looks so far: which STAR parts it has, each with a quote
/// when it has it, and the analyzers' reason for a follow-up. Made from the analysis the session
/// already holds, not by reading the answer again.
public struct AnswerProgress: Sendable {
    public struct Part: Sendable, Hashable {
        public var name: String
        public var present: Bool
        public var quote: String?
    }

    public var parts: [Part]
    /// Why the analyzers would ask a follow-up, in a sentence; empty when they would not.
    public var reason: String

    init(analysis: Analysis) {
        let checked = [
            ("specific example", STARFeature.specificExample), ("situation", STARFeature.situation), ("task", STARFeature.task),
            ("your actions", STARFeature.action), ("result", STARFeature.result),
        ]
        parts = checked.compactMap { name, feature in
            guard let present = analysis[feature]?.boolValue else { return nil }
            return Part(name: name, present: present, quote: analysis.evidence.first { $0.feature == feature }?.text)
        }
        reason = analysis.reason
    }
}
