import InterviewCore

/// Finds the parts of a STAR answer (Situation, Task, Action, Result), whether it tells one specific
/// past example, and whether the actions are the speaker's own; recommends the follow-up a good
/// interviewer would ask. The rules read each clause (who acts, tense and aspect, markers) and
/// decide; given a `STARModel`, a small learned model decides from what they read instead.
/// Deterministic, offline, microseconds per answer.
public struct STARAnalyzer: Analyzer, SegmentedAnalyzer {
    public let identifier = "star"
    /// Recorded in transcripts: "2.1-model+embeddings" decides with the learned model and the
    /// MiniLM token embeddings when their files are installed, "2.0-model" with the model alone,
    /// "1.0" by the rules. Known before the files are read: damaged files are told in a note.
    public var version: String {
        !usesBuiltInModel && givenModel == nil ? "1.0" : embeddings?.installed == true ? "2.1-model+embeddings" : "2.0-model"
    }
    public let summary = "STAR structure: situation, task, action, result, and whether the answer is one specific past example"
    public let followups = ["example", "action", "result", "situation"]

    /// What to ask for, most important first: one example for a generic answer (its parts mean
    /// little until there is a story); for a story, the speaker's own part, the outcome, then the
    /// setting. `["none"]` for a complete story.
    static func followups(specific: Bool, action: Bool, result: Bool, situation: Bool) -> [String] {
        guard specific else { return ["example"] }
        let missing = [(action, "action"), (result, "result"), (situation, "situation")].filter { !$0.0 }.map(\.1)
        return missing.isEmpty ? ["none"] : missing
    }
    /// The learned decision; nil decides by the rules alone. The built-in model's weights are read
    /// when the first answer is analysed, not when the analyzer is made (start-up stays short).
    package var model: STARModel? { usesBuiltInModel ? STARModel.builtIn : givenModel }
    private let usesBuiltInModel: Bool
    private let givenModel: STARModel?
    /// The token-embedding signal, combined with the model's specific-example and declined heads.
    package let embeddings: EmbeddingSignal?

    /// The built-in learned model (`STARModel.builtIn`), or the rules alone should this build's
    /// weights not read (a test checks that they do); no embeddings (InterviewKit's
    /// `AnalyzerRegistry.installed` adds them when the model files are installed).
    public init() { self.init(builtInModel: true, model: nil, embeddings: nil) }

    /// Decides with `model`, or by the rules alone when it is nil; with `embeddings` too, when given
    /// and a model decides.
    package init(model: STARModel?, embeddings: EmbeddingSignal? = nil) { self.init(builtInModel: false, model: model, embeddings: embeddings) }

    /// The built-in learned model with `embeddings`.
    package static func builtIn(embeddings: EmbeddingSignal?) -> STARAnalyzer { STARAnalyzer(builtInModel: true, model: nil, embeddings: embeddings) }

    private init(builtInModel: Bool, model: STARModel?, embeddings: EmbeddingSignal?) {
        usesBuiltInModel = builtInModel
        givenModel = model
        self.embeddings = embeddings
    }

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
            FeatureDescriptor(STARFeature.declined, .bool, "the candidate says they cannot think of an example"),
            FeatureDescriptor(STARFeature.reasoning, .bool, "the answer says why the speaker acts as they do ('because', 'so that')"),
            FeatureDescriptor(STARFeature.tailored, .bool, "the answer fits the approach to the person ('their goals', 'each client', 'I adjust')"),
            FeatureDescriptor(STARFeature.score, .number, "how many of situation, task, action and result are present (0 to 4)"),
            FeatureDescriptor(STARFeature.followup, .choice(followups + ["none"]), "the follow-up this analyzer recommends"),
        ]
    }

    func read(_ text: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis {
        let reading = STARReading(text)
        let depth = AnswerDepth(text)
        if let model {
            let decision = model.decide(reading, text, kind: context.kind, embeddings: embeddings)
            return read(reading, text, decision: decision, depth: depth, context: context)
        }
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
            .bool(!reading.isSpecific && reading.declines),
            .bool(depth.reasoning != nil),
            .bool(depth.tailoring != nil),
            .number(Double(reading.score)),
            .text(followup),
        ])
        // Goal questions ask about the future; a STAR follow-up would be the wrong question there.
        if context.kind != .goals {
            analysis.followups = reading.followups
            analysis.reason = reading.reason
        }
        analysis.evidence = reading.evidence + depth.evidence(text)
        return analysis
    }
}
