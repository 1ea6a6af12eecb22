import InterviewCore
import Transcripts

/// Something the session has to say to the candidate, in the order it happens. A front decides how
/// it looks; what is said, and when, is the session's.
public enum SessionEvent: Sendable {
    /// The interview begins: its title, how many questions it has, its seed and the opening words.
    case opened(title: String, questions: Int, seed: UInt64, opening: String)
    /// A resumed interview goes on, with `answers` already given; `question` is the question a
    /// pending follow-up belongs to, as it was asked, so that the follow-up makes sense.
    case resumed(title: String, answers: Int, question: String?)
    /// A question to answer, as question `prompt.number` of `of` (nil once branches have taken the
    /// interview past the usual count).
    case question(QuestionPrompt, of: Int?)
    /// A follow-up on the current question.
    case probe(ProbePrompt)
    /// The interviewer's last words; the feedback follows.
    case closing(String, reason: StepReason)
    /// The answer took longer than the time limit; the feedback notes it (nobody is cut off).
    case overTime(seconds: Double, limit: Double)
    /// The current question's hint, or nil when it has none.
    case hint(String?)
    /// The current prompt's words again.
    case repeated(String)
    /// Why the last follow-up was asked, or nil when none has been asked for this question.
    case why(ProbeExplanation?)
    /// How the answer to this question looks so far, or nil when nothing is answered yet.
    case progress(AnswerProgress?)
    /// The feedback so far was written.
    case saved(transcript: String, feedback: String)
    /// The candidate stopped before the end; the interview can be resumed from `transcript`.
    case stopped(transcript: String)
    /// The interview is over: its feedback (nil when a stopped interview has no answer to judge),
    /// and where the transcript and the feedback file are (nil when it could not be written).
    case finished(InterviewFeedback?, transcript: String, feedbackFile: String?)
    /// The feedback file could not be written, and why; the transcript is unaffected.
    case feedbackNotSaved(String)
    /// The practice history stopped recording this interview, and why; the transcript is
    /// unaffected, and the history indexes it when it is next read.
    case historyNotRecorded(String)
}
