import InterviewCore

/// Finds the parts of a STAR answer (Situation, Task, Action, Result), whether it tells one specific
/// past example, and whether the actions are the speaker's own; recommends the follow-up a good
/// interviewer would ask. Rule-based: deterministic, offline, microseconds per answer.
public struct STARAnalyzer: Analyzer, SegmentedAnalyzer {
    public let identifier = "star"
    public let version = "1.0"
    public let summary = "STAR structure: situation, task, action, result, and whether the answer is one specific past example"
    public let followups = ["example", "action", "result", "situation"]

    public init() {}

    static let featureTemplate = FeatureTemplate(STARAnalyzer().features)

    public var features: [FeatureDescriptor] {
        [
            FeatureDescriptor(STARFeature.situation, .bool, "the answer sets the scene of a particular event"),
            FeatureDescriptor(STARFeature.task, .bool, "the answer says what the speaker had to do or aimed for"),
            FeatureDescriptor(STARFeature.action, .bool, "the speaker describes concrete things they did themselves"),
            FeatureDescriptor(STARFeature.result, .bool, "the answer says how it turned out"),
            FeatureDescriptor(STARFeature.specificExample, .bool, "the answer tells one specific past example"),
            FeatureDescriptor(STARFeature.hypothetical, .bool, "the answer says what the speaker would do, not what they did"),
            FeatureDescriptor(STARFeature.generic, .bool, "the answer describes habits or beliefs rather than an event"),
            FeatureDescriptor(STARFeature.groupAction, .bool, "actions are told as 'we' or 'the team'"),
            FeatureDescriptor(STARFeature.weOnly, .bool, "only 'we' or 'the team' acted; the speaker's own part is missing"),
            FeatureDescriptor(STARFeature.resultQuantified, .bool, "the result has a number, amount or count"),
            FeatureDescriptor(STARFeature.resultUncertain, .bool, "the answer says the outcome is unknown"),
            FeatureDescriptor(STARFeature.score, .number, "how many of situation, task, action and result are present (0 to 4)"),
            FeatureDescriptor(STARFeature.followup, .choice(followups + ["none"]), "the follow-up this analyzer recommends"),
        ]
    }

    func read(_ text: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis {
        let reading = STARReading(text)
        let followup = reading.followup
        // In the order of `features`.
        var analysis = SegmentedAnalysis(values: [
            .bool(reading.situation != nil),
            .bool(reading.task != nil),
            .bool(reading.ownAction != nil),
            .bool(reading.result != nil),
            .bool(reading.isSpecific),
            .bool(reading.isHypothetical),
            .bool(reading.isGeneric),
            .bool(reading.groupAction != nil),
            .bool(reading.groupAction != nil && reading.ownAction == nil),
            .bool(reading.resultQuantified),
            .bool(reading.uncertain != nil && reading.result == nil),
            .number(Double(reading.score)),
            .text(followup),
        ])
        // Goal questions ask about the future; a STAR follow-up would be the wrong question there.
        if context.kind != .goals {
            analysis.followup = followup
            analysis.reason = reading.reason
        }
        analysis.evidence = reading.evidence
        return analysis
    }
}
