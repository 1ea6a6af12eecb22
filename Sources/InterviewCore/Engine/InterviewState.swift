/// Where an interview stands. A value: the engine returns a new state for every step.
public struct InterviewState: Sendable, Hashable, Codable {
    /// Chooses phrasings reproducibly.
    public let seed: UInt64
    /// The question being asked, or nil once the interview has ended.
    public internal(set) var currentQuestion: String?
    /// Probes asked for the current question, in order.
    public internal(set) var probesAsked: [String] = []
    /// What the candidate has said for the current question: the answer and each probe's answer.
    public internal(set) var answerParts: [String] = []
    /// How often each question has been asked, for phrasing variety and the loop guard.
    public internal(set) var visits: [String: Int] = [:]
    /// Questions asked so far, counting revisits.
    public internal(set) var questionsAsked = 0
    public var hasEnded: Bool { currentQuestion == nil }

    package init(seed: UInt64) {
        self.seed = seed
    }

    /// The one place where an interview moves on: to a new question (its probes and answers so far
    /// start afresh, and it counts as a visit), to a probe of the current question, or to the end.
    package mutating func move(to target: StepTarget) {
        switch target {
        case .question(let id):
            currentQuestion = id
            probesAsked = []
            answerParts = []
            visits[id, default: 0] += 1
            questionsAsked += 1
        case .probe(_, let probe):
            probesAsked.append(probe)
        case .end:
            currentQuestion = nil
            probesAsked = []
            answerParts = []
        }
    }

    /// The current question from the start again (`:again`): its probes and what was said for it
    /// are set aside; it is the same visit, so its number and its phrasing stay.
    package mutating func restartQuestion() {
        probesAsked = []
        answerParts = []
    }

    /// Adds the candidate's answer to what was said for the current question.
    package mutating func hear(_ answer: String) {
        answerParts.append(answer)
    }

    /// Everything said for the current question, as one answer.
    public var answerSoFar: String { answerParts.joined(separator: "\n\n") }
}
