import InterviewKit

/// Where an interview stands, as the page draws it after a reload or in a second tab: the
/// conversation so far (from the transcript it records), and the prompt now open.
struct InterviewStateJSON: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        /// `interviewer`, `you` or `note`.
        var who: String
        var text: String
        /// Above an interviewer's question: "Question 2 of 10".
        var label: String?
    }

    struct Prompt: Encodable, Sendable {
        /// `question` or `follow_up`.
        var kind: String
        var text: String
        var number: Int?
        var of: Int?
        var hasHint: Bool
    }

    var id: String
    /// The session's name in the history, for replay.
    var name: String
    var title: String
    var scenario: String
    var questions: Int
    var over: Bool
    /// How many events the transcript holds: an answer may name the turn it answers, so that one
    /// sent twice is taken once.
    var turn: Int
    /// Answers given so far.
    var answered: Int
    var prompt: Prompt?
    var conversation: [Line]

    init(id: String, name: String, session: InterviewSession) {
        self.id = id
        self.name = name
        title = session.scenario.title
        scenario = session.scenario.id
        questions = session.questionCount
        over = session.isOver
        turn = session.transcript.events.count
        answered = session.transcript.events.count { $0.type == .answer }
        switch session.turn.step {
        case .question(let question) where !session.isOver:
            prompt = Prompt(kind: "question", text: question.text, number: question.number, of: questions, hasHint: question.hint != nil)
        case .probe(let probe) where !session.isOver:
            prompt = Prompt(kind: "follow_up", text: probe.text, hasHint: session.currentHint != nil)
        default:
            prompt = nil
        }
        conversation = []
        if !session.scenario.opening.isEmpty { conversation.append(Line(who: "interviewer", text: session.scenario.opening)) }
        for event in session.transcript.events {
            switch event.type {
            case .question:
                let label = event.reason?.rule == "again" ? "The same question, from the start" : event.number.map { $0 <= questions ? "Question \($0) of \(questions)" : "Question \($0)" }
                conversation.append(Line(who: "interviewer", text: event.text ?? "", label: label))
            case .probe: conversation.append(Line(who: "interviewer", text: event.text ?? ""))
            case .answer: conversation.append(Line(who: "you", text: event.text ?? ""))
            case .skip: conversation.append(Line(who: "note", text: "Skipped."))
            case .end where event.completed == true: conversation.append(Line(who: "interviewer", text: event.text ?? ""))
            case .end: conversation.append(Line(who: "note", text: "Stopped before the end. Every answer is saved."))
            default: break
            }
        }
    }
}
