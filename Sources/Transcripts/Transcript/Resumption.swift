import InterviewCore
/// Why a recorded interview cannot be continued.
public enum ResumeError: Error, Sendable, CustomStringConvertible {
    case finished
    case nothingOpen
    case missing(StepTarget)

    public var description: String {
        switch self {
        case .finished: "the interview already reached its end"
        case .nothingOpen: "no question is waiting for an answer"
        case .missing(let target): "the recorded \(target) is no longer in the scenario"
        }
    }
}

/// Where an interrupted interview goes on from.
public struct Resumption: Sendable {
    /// The turn to continue with: its step is the prompt to show.
    public var turn: Turn
    /// True when the recording ended right after an answer, before its next step was written: the
    /// step was decided now and should be added to the transcript.
    public var decidedNow: Bool
    /// The prompt the recorded answers were last given to, for the recorder.
    public var question: String?
    public var probe: String?
}

extension Interviewer {
    /// The turn an interrupted interview stopped at: the recorded path is walked again (the
    /// recording decides, not today's rules) and the question or probe left unanswered is asked again.
    /// An answer recorded just before the process died is kept, and what follows it is decided now.
    public func resume(_ transcript: Transcript) throws(ResumeError) -> Resumption {
        if transcript.isComplete { throw .finished }
        let (start, exchanges, pending) = transcript.recordedPath
        var state = InterviewState(seed: transcript.header.seed)
        if let first = start?.stepTarget {
            guard let followed = engine.follow(first, afterAnswer: nil, in: state) else { throw .missing(first) }
            state = followed
        }
        for exchange in exchanges {
            guard let next = exchange.again && exchange.next == .question(exchange.question) ? engine.again(state).state
                : engine.follow(exchange.next, afterAnswer: exchange.answer, in: state) else { throw .missing(exchange.next) }
            state = next
        }
        if let pending {
            let turn = pending.again ? engine.again(state) : pending.answer.map { respond(to: $0, in: state) } ?? engine.skip(state)
            return Resumption(turn: turn, decidedNow: true, question: pending.question, probe: pending.probe)
        }
        guard let open = transcript.openPrompt, let openTarget = open.stepTarget else { throw .nothingOpen }
        let reason = StepReason(rule: .start, summary: "resumed: " + (open.reason?.summary ?? "the prompt left unanswered"))
        switch openTarget {
        case .probe(let question, let probe):
            let turn = Turn(analysis: nil, step: .probe(ProbePrompt(questionID: question, probeID: probe, text: open.text ?? "", reason: reason)), state: state)
            return Resumption(turn: turn, decidedNow: false, question: question, probe: probe)
        case .question(let id):
            let text = open.text ?? engine.scenario.question(id).map { engine.phrasing(of: $0, in: state) } ?? ""
            let prompt = QuestionPrompt(questionID: id, text: text, hint: engine.scenario.question(id)?.hint(for: text), number: open.number ?? state.questionsAsked, reason: reason,
                kind: engine.scenario.question(id)?.kind ?? .behavioral)
            return Resumption(turn: Turn(analysis: nil, step: .question(prompt), state: state), decidedNow: false, question: id, probe: nil)
        case .end:
            throw .finished
        }
    }
}
