import InterviewKit

/// A `SessionEvent` as the API sends it. `type` says which; the fields a type has are set, the
/// rest left out. Text for the candidate is plain language; what is for authors (rules, probe
/// ids, features) is under `for_authors`, which the page shows only when asked.
struct WireEvent: Encodable, Sendable {
    struct Part: Encodable, Sendable {
        var name: String
        /// `present`, `implied` or `missing`.
        var state: String
        var quote: String?
    }

    struct ForAuthors: Encodable, Sendable {
        var rule: String
        var probe: String?
        var analysis: String?
        var evidence: [String]?
    }

    var type: String
    var text: String?
    var title: String?
    /// For a question: its number, and of how many (nil past the usual count).
    var number: Int?
    var of: Int?
    var questions: Int?
    var answers: Int?
    /// A question asked again from the start (`again`).
    var again: Bool?
    /// For `why` and `progress`: the parts of the answer.
    var parts: [Part]?
    var rating: String?
    var next: String?
    var seconds: Double?
    var limit: Double?
    var transcript: String?
    /// For `finished`: the feedback, as the terminal shows it and as HTML.
    var feedback: FeedbackJSON?
    var forAuthors: ForAuthors?

    init(type: String) {
        self.type = type
    }

    init(_ event: SessionEvent) {
        switch event {
        case .opened(let title, let questions, _, let opening):
            self.init(type: "opened")
            self.title = title
            self.questions = questions
            text = opening
        case .resumed(let title, let answers, let question):
            self.init(type: "resumed")
            self.title = title
            self.answers = answers
            text = question
        case .question(let prompt, let total):
            self.init(type: "question")
            text = prompt.text
            number = prompt.number
            of = total
            again = prompt.reason.rule == .again ? true : nil
            forAuthors = ForAuthors(rule: prompt.reason.summary, probe: nil)
        case .probe(let prompt):
            self.init(type: "probe")
            text = prompt.text
            forAuthors = ForAuthors(rule: prompt.reason.summary, probe: prompt.probeID)
        case .closing(let closing, let reason):
            self.init(type: "closing")
            text = closing
            forAuthors = ForAuthors(rule: reason.summary)
        case .overTime(let seconds, let limit):
            self.init(type: "over_time")
            self.seconds = seconds
            self.limit = limit
        case .hint(let hint):
            self.init(type: "hint")
            text = hint
        case .repeated(let text):
            self.init(type: "repeated")
            self.text = text
        case .why(let explanation):
            self.init(type: "why")
            guard let explanation else { return }
            text = "“\(explanation.text)”: \(explanation.plainReason)"
            parts = explanation.parts.filter(\.present).map(Self.part)
            forAuthors = ForAuthors(
                rule: explanation.reason.summary, analysis: explanation.analysisReason.isEmpty ? nil : explanation.analysisReason,
                evidence: explanation.evidence.map { "\($0.feature): “\($0.text)”" })
        case .progress(let progress):
            self.init(type: "progress")
            guard let progress else { return }
            rating = progress.assessment.rating.level.name
            text = progress.assessment.rating.reason
            parts = progress.parts.map(Self.part)
            next = progress.assessment.nextTime
        case .saved(let transcript, _):
            self.init(type: "saved")
            self.transcript = SessionName.of(transcript)
        case .stopped(let transcript):
            self.init(type: "stopped")
            self.transcript = SessionName.of(transcript)
        case .finished(let feedback, let transcript, _):
            self.init(type: "finished")
            self.transcript = SessionName.of(transcript)
            self.feedback = feedback.map(FeedbackJSON.init)
        case .feedbackNotSaved(let problem):
            self.init(type: "feedback_not_saved")
            text = problem
        case .historyNotRecorded(let problem):
            self.init(type: "history_not_recorded")
            text = problem
        }
    }

    static func part(_ part: AnswerAssessment.Part) -> Part {
        Part(name: part.name, state: part.state == .present ? "present" : part.state == .implied ? "implied" : "missing", quote: part.quote)
    }
}

/// The feedback on an interview: the text the terminal prints, and the same as an HTML section
/// (every text in it escaped) for the page.
struct FeedbackJSON: Encodable, Sendable {
    var text: String
    var html: String

    init(_ feedback: InterviewFeedback) {
        text = feedback.text(explain: false)
        html = feedback.htmlSection(escape: { $0.htmlEscaped })
    }
}
