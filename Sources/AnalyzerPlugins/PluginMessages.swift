import InterviewCore
/// The JSON Lines messages Rehearse and an external analyzer exchange (docs/analyzer-protocol.md).
/// One JSON object per line each way; unknown keys are ignored, so either side may add keys.
enum PluginMessages {
    /// The protocol version this Rehearse speaks. A plugin that answers with another one is not used.
    static let protocolVersion = 1

    /// Rehearse's greeting, the first line a plugin reads.
    struct HelloRequest: Encodable {
        var type = "hello"
        var `protocol` = PluginMessages.protocolVersion
        var rehearse: String
    }

    /// The plugin's answer to the greeting: who it is and what it provides.
    struct HelloResponse: Decodable {
        struct Feature: Decodable {
            var name: String
            /// `bool`, `number`, or `choice` (with `values`).
            var type: String
            var values: [String]?
            var description: String?
        }

        var type: String
        var `protocol`: Int?
        var name: String?
        var version: String?
        var description: String?
        var features: [Feature]?
        /// Follow-ups it may recommend, for conditions such as `followup == 'safety_plan'`.
        var followups: [String]?
    }

    /// One answer to analyse: everything said so far for the question.
    struct AnalyzeRequest: Encodable {
        struct Question: Encodable {
            var id: String?
            var text: String?
            var kind: String?
            var assesses: [String]
        }

        var type = "analyze"
        var id: Int
        var question: Question
        var answer: String
    }

    /// The plugin's analysis of one answer.
    struct AnalysisResponse: Decodable {
        struct Span: Decodable {
            var feature: String
            var start: Int
            var end: Int
        }

        var type: String
        var id: Int?
        var features: [String: FeatureValue]?
        var followup: String?
        var followups: [String]?
        var reason: String?
        var evidence: [Span]?
    }
}
