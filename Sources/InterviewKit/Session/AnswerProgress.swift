import BuiltInAnalyzers
import InterviewCore
import Transcripts

/// How the answer to the current question looks so far, as the final feedback will read it: its
/// parts (each with a quote where the feedback can stand behind one), where it stands, and the one
/// thing that would help most now. Made from the analysis the session already holds, not by
/// reading the answer again.
public struct AnswerProgress: Sendable {
    public var assessment: AnswerAssessment
    public var parts: [AnswerAssessment.Part] { assessment.parts }

    /// - Parameter parts: the answer and each reply to a follow-up, in order.
    init(analysis: Analysis, parts: [String], kind: QuestionKind) {
        // Only the answer to the question itself can run long, as in the final feedback.
        // Only when delivery is among the analyzers in use, as the final feedback reads it.
        let firstWords = parts.count > 1 && analysis.features[DeliveryFeature.words] != nil
            ? DeliveryAnalyzer().analyze(parts[0], context: AnalysisContext(kind: kind))[DeliveryFeature.words]?.numberValue.map { Int($0) } : nil
        assessment = AnswerAssessment(
            features: analysis.features, evidence: analysis.evidence, answer: parts.joined(separator: "\n\n"), kind: kind, firstAnswerWords: firstWords)
    }
}
