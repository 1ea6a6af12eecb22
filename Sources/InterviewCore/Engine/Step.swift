/// Why the engine chose a step: the rule that fired and the feature values it read.
public struct StepReason: Sendable, Hashable, CustomStringConvertible {
    public enum Rule: Sendable, Hashable {
        /// The interview's first question.
        case start
        /// A probe's condition held.
        case probe(id: String)
        /// A branch's condition held (or it had none); `index` counts the question's branches from 0.
        case branch(index: Int)
        /// No branch applied, so the next question in document order (or the end after the last).
        case documentOrder
        /// The candidate skipped the question.
        case skipped
        /// A branch target had been asked too often; the interview moved on to stop a loop.
        case loopGuard
        /// The candidate asked to answer the current question once more from the start.
        case again
    }

    public var rule: Rule
    /// A sentence for people, e.g. "probe 'crisis-example': `followup == 'example'` holds (followup = example)".
    public var summary: String
    /// The condition that fired, as written.
    public var condition: String?
    /// The values of the features that condition read.
    public var values: [String: FeatureValue]

    public init(rule: Rule, summary: String, condition: String? = nil, values: [String: FeatureValue] = [:]) {
        self.rule = rule
        self.summary = summary
        self.condition = condition
        self.values = values
    }

    public var description: String { summary }
}

/// What the interviewer does next.
public enum Step: Sendable, Hashable {
    /// Ask a question (a new one, or one reached by a branch).
    case question(QuestionPrompt)
    /// Ask a follow-up about the current question.
    case probe(ProbePrompt)
    /// Say the closing line; the interview is over.
    case end(closing: String, reason: StepReason)

    public var reason: StepReason {
        switch self {
        case .question(let prompt): prompt.reason
        case .probe(let prompt): prompt.reason
        case .end(_, let reason): reason
        }
    }

    /// The words the interviewer says.
    public var text: String {
        switch self {
        case .question(let prompt): prompt.text
        case .probe(let prompt): prompt.text
        case .end(let closing, _): closing
        }
    }
}

public struct QuestionPrompt: Sendable, Hashable {
    public var questionID: String
    /// The phrasing chosen for this interview.
    public var text: String
    public var hint: String?
    /// 1-based count of questions asked so far, this one included.
    public var number: Int
    public var reason: StepReason
    /// What kind of answer the question asks for: a story, a plan, a goal.
    public var kind: QuestionKind

    public init(questionID: String, text: String, hint: String?, number: Int, reason: StepReason, kind: QuestionKind = .behavioral) {
        self.questionID = questionID
        self.kind = kind
        self.text = text
        self.hint = hint
        self.number = number
        self.reason = reason
    }
}

public struct ProbePrompt: Sendable, Hashable {
    public var questionID: String
    public var probeID: String
    public var text: String
    public var reason: StepReason

    public init(questionID: String, probeID: String, text: String, reason: StepReason) {
        self.questionID = questionID
        self.probeID = probeID
        self.text = text
        self.reason = reason
    }
}

/// The result of one turn: the analysis of the answer so far (none at the start or on a skip),
/// the next step, and the state to pass back in.
public struct Turn: Sendable {
    public var analysis: Analysis?
    public var step: Step
    public var state: InterviewState

    public init(analysis: Analysis?, step: Step, state: InterviewState) {
        self.analysis = analysis
        self.step = step
        self.state = state
    }
}
