/// What a candidate can ask of the interview besides answering. A front offers them as it likes
/// (the REPL as `:hint`, `:skip`…; a page as buttons).
public enum InterviewCommand: String, Sendable, CaseIterable {
    /// A hint for the current question.
    case hint
    /// The current prompt again.
    case `repeat`
    /// Move on to the next question, leaving this one unanswered.
    case skip
    /// Answer the current question once more from the start; both attempts are kept.
    case again
    /// Why the last follow-up was asked.
    case why
    /// How the answer to this question looks so far.
    case feedback
    /// Write the feedback so far next to the transcript.
    case save
    /// Stop; everything is saved, and the interview can be resumed.
    case quit

    /// What the command does, in a line for a help text or a button's title.
    public var summary: String {
        switch self {
        case .hint: "a hint for this question"
        case .repeat: "hear the question again"
        case .skip: "move on to the next question"
        case .again: "answer this question again from the start (both attempts are kept)"
        case .why: "why the last follow-up was asked"
        case .feedback: "how your answer to this question looks so far"
        case .save: "write the feedback so far next to the transcript"
        case .quit: "stop (everything is saved; continue later with --resume)"
        }
    }
}
