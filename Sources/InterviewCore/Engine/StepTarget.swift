/// Where a step leads, without the words: enough to compare a recorded step with a new one.
public enum StepTarget: Sendable, Hashable, CustomStringConvertible {
    case question(String)
    case probe(question: String, probe: String)
    case end

    public var description: String {
        switch self {
        case .question(let id): "question '\(id)'"
        case .probe(_, let probe): "probe '\(probe)'"
        case .end: "the end"
        }
    }
}

extension Step {
    public var target: StepTarget {
        switch self {
        case .question(let prompt): .question(prompt.questionID)
        case .probe(let prompt): .probe(question: prompt.questionID, probe: prompt.probeID)
        case .end: .end
        }
    }
}

extension InterviewEngine {
    /// The state after the candidate's `answer` (nil for a skip) when the interview went to
    /// `target`, whatever the engine would decide now. Replays and resumes use it to walk a
    /// recorded path. Nil when the target no longer exists in the scenario.
    public func follow(_ target: StepTarget, afterAnswer answer: String?, in state: InterviewState) -> InterviewState? {
        switch target {
        case .probe(let questionID, let probeID):
            guard state.currentQuestion == questionID, scenario.question(questionID)?.probes.contains(where: { $0.id == probeID }) == true else { return nil }
        case .question(let id):
            guard scenario.question(id) != nil else { return nil }
        case .end:
            break
        }
        var state = state
        if let answer { state.hear(answer) }
        state.move(to: target)
        return state
    }
}
