import InterviewCore
import Transcripts

/// Why a session could not do what it was asked. Every case leaves what was recorded intact.
public enum SessionError: Error, Sendable, CustomStringConvertible {
    /// The transcript refused an event. `answer` is the candidate's answer when it is the part not
    /// saved, to show back so that it can be kept.
    case notSaved(TranscriptError, transcript: String, answer: String?)
    /// The answer is over the size limit for one answer; it was not recorded.
    case answerTooLong(transcript: String)
    /// The feedback file could not be written (the transcript is unaffected).
    case feedbackNotWritten(String)
    /// The interview is over (or stopped by a transcript that could not be written); nothing more
    /// can be answered or asked.
    case over
    /// `start()` or `resume()` was called a second time.
    case alreadyBegun
    /// An answer or a command came before `start()` or `resume()`.
    case notBegun
    /// An answer with nothing in it; the prompt is still open.
    case emptyAnswer

    public var description: String { description(command: "rehearse") }

    /// The message, naming the program as the user ran it (`.build/release/rehearse`, or `rehearse` from PATH).
    public func description(command: String) -> String {
        switch self {
        case .notSaved(let error, let path, let answer):
            let saved = answer == nil ? "your answers so far are saved" : "the answers before this one are saved"
            return "\(error); \(saved) in \(path); once there is room, continue with: \(command.shellWord) run --resume \(path.shellWord)"
        case .answerTooLong(let path):
            return "this answer is over \(InputLimits.describe(InputLimits.answerBytes)), the limit for one answer, and was not saved; "
                + "the answers before it are saved in \(path); continue with: \(command.shellWord) run --resume \(path.shellWord)"
        case .feedbackNotWritten(let why):
            return why
        case .over:
            return "the interview is over"
        case .alreadyBegun:
            return "the interview has already begun"
        case .notBegun:
            return "the interview has not begun; start or resume it first"
        case .emptyAnswer:
            return "the answer is empty; say something, or skip the question"
        }
    }
}
