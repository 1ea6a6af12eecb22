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

    init(analysis: Analysis, answer: String, kind: QuestionKind) {
        assessment = AnswerAssessment(features: analysis.features, evidence: analysis.evidence, answer: answer, kind: kind)
    }
}
