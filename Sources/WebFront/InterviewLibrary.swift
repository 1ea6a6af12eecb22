import FoundationEssentials
import InterviewKit

/// What the web front needs from the machine it runs on: the scenarios it may offer, where a new
/// interview's transcript goes, which stopped interviews can be continued, and the practice
/// history. The command line gives the real one (the same folders as `rehearse run`); tests give
/// their own.
public protocol InterviewLibrary: Sendable {
    /// The scenarios a candidate can choose, in the order to show them.
    func scenarios() -> [ScenarioChoice]
    /// A new interview on the scenario `id`, recording to a new transcript; not yet started.
    func newInterview(scenario id: String, seed: UInt64?) throws(LibraryError) -> InterviewSession
    /// The stopped interview recorded in the transcript named `name` (as `resumable()` names it),
    /// ready to `resume()`.
    func resumeInterview(named name: String) throws(LibraryError) -> InterviewSession
    /// Interviews stopped before their end whose transcripts can be continued, newest first.
    func resumable() -> [ResumableInterview]
    /// The practice history, brought up to date with the transcripts.
    func history() throws(LibraryError) -> PracticeHistory
    /// A saved transcript and its feedback, by its session name, for replay.
    func transcript(named name: String) throws(LibraryError) -> (transcript: Transcript, feedback: InterviewFeedback?)
}

/// A scenario as the chooser shows it.
public struct ScenarioChoice: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var role: String
    public var description: String?
    public var questions: Int
    /// The competencies it practises, as labels.
    public var practises: [String]

    public init(id: String, title: String, role: String, description: String?, questions: Int, practises: [String]) {
        self.id = id
        self.title = title
        self.role = role
        self.description = description
        self.questions = questions
        self.practises = practises
    }

    public init(_ scenario: Scenario) {
        self.init(
            id: scenario.id, title: scenario.title, role: scenario.role, description: scenario.description, questions: scenario.sequence.count,
            practises: scenario.competencies.map(\.label))
    }
}

/// A stopped interview that can be continued.
public struct ResumableInterview: Sendable, Hashable, Codable {
    /// The session's name, as the history lists it.
    public var name: String
    public var title: String
    public var started: Date
    public var answers: Int

    public init(name: String, title: String, started: Date, answers: Int) {
        self.name = name
        self.title = title
        self.started = started
        self.answers = answers
    }
}

/// Why the library could not do what was asked, in words for the person at the page.
public struct LibraryError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case notFound, conflict, failed }
    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
