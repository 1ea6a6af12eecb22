/// The engine with the analyzers that read its answers: what every front (the REPL's session, a
/// web session, `rehearse test`, replay and resume) uses to take a turn, so that each takes it the
/// same way. Analysing comes first, outside the engine (a plugin may do I/O there); deciding is
/// the engine's, and pure.
public struct Interviewer: Sendable {
    public let engine: InterviewEngine
    /// Prepared for the engine's scenario.
    public let analyzers: AnalyzerSet

    public init(engine: InterviewEngine, analyzers: AnalyzerSet) {
        self.engine = engine
        self.analyzers = analyzers.prepared(for: engine.scenario)
    }

    public init(scenario: Scenario, analyzers: AnalyzerSet, options: EngineOptions = EngineOptions()) {
        self.init(engine: InterviewEngine(scenario: scenario, options: options), analyzers: analyzers)
    }

    private init(engine: InterviewEngine, prepared: AnalyzerSet) {
        self.engine = engine
        analyzers = prepared
    }

    /// The same scenario and analyzers (prepared once) with other engine options, e.g. a recorded
    /// interview's.
    public func with(_ options: EngineOptions) -> Interviewer {
        Interviewer(engine: InterviewEngine(scenario: engine.scenario, options: options), prepared: analyzers)
    }

    public var scenario: Scenario { engine.scenario }

    /// The analysis of everything said so far for the current question, `answer` included.
    public func analyze(_ answer: String, in state: InterviewState) -> Analysis {
        analyzers.analyze((state.answerParts + [answer]).joined(separator: "\n\n"), context: engine.context(for: state))
    }

    /// The analysis of everything said so far for the current question, nil when nothing was.
    public func analysisSoFar(in state: InterviewState) -> Analysis? {
        guard !state.answerParts.isEmpty else { return nil }
        return analyzers.analyze(state.answerSoFar, context: engine.context(for: state))
    }

    /// The opening turn (the engine's).
    public func start(seed: UInt64) -> Turn { engine.start(seed: seed) }

    /// Leaves the current question unanswered (the engine's).
    public func skip(_ state: InterviewState) -> Turn { engine.skip(state) }

    /// Analyses the answer, then lets the engine decide the next step.
    public func respond(to answer: String, in state: InterviewState) -> Turn {
        engine.decide(after: answer, analysis: analyze(answer, in: state), in: state)
    }
}
