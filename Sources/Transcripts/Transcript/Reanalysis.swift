import InterviewCore
/// A recorded interview driven through the engine again, with today's scenario and analyzers,
/// comparing every decision with the one recorded.
public struct Reanalysis: Sendable {
    public struct Difference: Sendable {
        /// 0 for the opening question, then 1-based over the recorded answers and skips.
        public var exchange: Int
        public var question: String
        public var probe: String?
        public var answer: String?
        public var recorded: StepTarget
        public var recordedReason: String
        public var now: StepTarget
        public var nowReason: String
    }

    public var differences: [Difference] = []
    /// Decisions compared, the opening included.
    public var compared = 0
    /// Why the comparison stopped early, if it did.
    public var stoppedEarly: String?

    /// Whether today's engine and analyzers take every recorded decision, to the end.
    public var agrees: Bool { differences.isEmpty && stoppedEarly == nil }
    /// What the engine reached on the recorded path today: question ids, probe ids, and
    /// "question#index" for each branch taken; `rehearse test` counts them towards coverage.
    public var reachedQuestions: Set<String> = []
    public var reachedProbes: Set<String> = []
    public var reachedBranches: Set<String> = []

    private mutating func reached(_ turn: Turn, after question: String?) {
        switch turn.step.target {
        case .question(let id): reachedQuestions.insert(id)
        case .probe(_, let probe): reachedProbes.insert(probe)
        case .end: break
        }
        if case .branch(let index) = turn.step.reason.rule, let question { reachedBranches.insert("\(question)#\(index)") }
    }

    /// Walks the recorded path: at each recorded answer, asks the engine what it would do now,
    /// then follows the recording, so every decision is compared on the recorded state.
    public static func run(_ transcript: Transcript, interviewer: Interviewer) -> Reanalysis {
        let engine = interviewer.engine
        var result = Reanalysis()
        let (start, exchanges) = transcript.path
        let opening = engine.start(seed: transcript.header.seed)
        var state = opening.state
        result.reached(opening, after: nil)
        if let start, let recorded = start.stepTarget {
            result.compared += 1
            if recorded != opening.step.target {
                result.differences.append(
                    Difference(exchange: 0, question: start.question ?? "", probe: nil, answer: nil, recorded: recorded, recordedReason: start.reason?.summary ?? "", now: opening.step.target, nowReason: opening.step.reason.summary))
                guard let followed = engine.follow(recorded, afterAnswer: nil, in: InterviewState(seed: transcript.header.seed)) else {
                    result.stoppedEarly = "the recorded first \(recorded) is not in the scenario any more"
                    return result
                }
                state = followed
            }
        }
        for (index, exchange) in exchanges.enumerated() {
            let now = exchange.again ? engine.again(state) : exchange.answer.map { interviewer.respond(to: $0, in: state) } ?? engine.skip(state)
            result.compared += 1
            result.reached(now, after: state.currentQuestion)
            if now.step.target != exchange.next {
                result.differences.append(
                    Difference(exchange: index + 1, question: exchange.question, probe: exchange.probe, answer: exchange.answer, recorded: exchange.next, recordedReason: exchange.reason, now: now.step.target, nowReason: now.step.reason.summary))
            }
            // Answering again is the same visit to the question, not a new one.
            guard let followed = exchange.again && exchange.next == .question(exchange.question) ? engine.again(state).state
                : engine.follow(exchange.next, afterAnswer: exchange.answer, in: state) else {
                result.stoppedEarly = "the recorded \(exchange.next) is not in the scenario any more; later answers cannot be compared"
                return result
            }
            state = followed
        }
        return result
    }
}
