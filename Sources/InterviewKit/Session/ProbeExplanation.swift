import BuiltInAnalyzers
import InterviewCore

/// Why a follow-up was asked: the rule that chose it and the parts of the answer it rested on.
public struct ProbeExplanation: Sendable {
    /// The follow-up's words.
    public var text: String
    /// The engine's reason, for authors: the probe and the condition that held.
    public var reason: StepReason
    /// The analyzers' reason for the follow-up they recommended, in a sentence; empty when none.
    public var analysisReason: String
    /// Quotes from the answer for the features the condition read, and for the STAR parts found.
    public var evidence: [Evidence]

    init(prompt: ProbePrompt, analysis: Analysis?) {
        text = prompt.text
        reason = prompt.reason
        analysisReason = analysis?.reason ?? ""
        let features = Set(prompt.reason.values.keys).union([STARFeature.situation, STARFeature.action, STARFeature.result])
        evidence = (analysis?.evidence ?? []).filter { features.contains($0.feature) }
    }
}
