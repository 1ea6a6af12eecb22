import BuiltInAnalyzers
import InterviewCore
import Transcripts

/// Why a follow-up was asked: in the candidate's words, with what the answer already had; and,
/// for authors (`--explain`), the rule that chose it and the evidence it rested on.
public struct ProbeExplanation: Sendable {
    /// The follow-up's words.
    public var text: String
    /// Why it was asked, for the candidate ("I asked for one specific time because…").
    public var plainReason: String
    /// What the answer had when it was asked, each part with a quote where the feedback can stand behind one.
    public var parts: [AnswerAssessment.Part]
    /// The engine's reason, for authors: the probe and the condition that held.
    public var reason: StepReason
    /// The analyzers' reason for the follow-up they recommended, in a sentence; empty when none.
    public var analysisReason: String
    /// Quotes from the answer for the features the condition read, and for the STAR parts found, for authors.
    public var evidence: [Evidence]

    init(prompt: ProbePrompt, analysis: Analysis?, kind: QuestionKind, answer: String, competencyLabel: (String) -> String?) {
        text = prompt.text
        reason = prompt.reason
        plainReason = FollowupReason.plain(values: prompt.reason.values, analysis: analysis?.features ?? [:], competencyLabel: competencyLabel)
        parts = analysis.map { AnswerAssessment(features: $0.features, evidence: $0.evidence, answer: answer, kind: kind).parts } ?? []
        analysisReason = analysis?.reason ?? ""
        let features = Set(prompt.reason.values.keys).union([STARFeature.situation, STARFeature.action, STARFeature.result])
        evidence = (analysis?.evidence ?? []).filter { features.contains($0.feature) }
    }
}
