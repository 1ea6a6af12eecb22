import BuiltInAnalyzers
import History
import FoundationEssentials
import InterviewCore
import SystemIO
import Transcripts

/// One mock interview from its opening to its feedback, for any front: the REPL reads lines and
/// prints what the session says; a web page would send requests and show the same. The session
/// owns the interview's policy: it takes each turn through the `Interviewer`, records every event
/// in the transcript as it happens (before it answers), runs the commands, and builds the feedback
/// from what it already holds.
///
/// Promise: nothing the candidate gave is lost. An answer is written to the transcript before the
/// next prompt is returned; when it cannot be written, `SessionError.notSaved` carries it back.
/// Not thread-safe, and `answer` may wait on a plugin and on the disk: a front calls it from one
/// task or thread at a time (a web front keeps each session behind a lock or in an actor).
public final class InterviewSession {
    public let interviewer: Interviewer
    public let timeLimit: Double?
    /// Where the feedback is written (`save`, and at the end), beside the transcript.
    public let feedbackPath: String
    public let transcriptPath: String

    /// The step being asked: the prompt an answer goes to, or the end.
    public private(set) var turn: Turn
    /// Everything recorded, in memory as in the file: the feedback is made from it.
    public private(set) var transcript: Transcript
    /// True once the interview has ended, completed or stopped; every later call is refused.
    public private(set) var isOver = false
    /// The practice history the interview is recorded into as it goes (after the transcript, at
    /// every step, on a thread of its own so that no turn waits for it); set before `start()` or
    /// `resume()`. If it fails, one `historyNotRecorded` event says so and the interview goes on:
    /// the history picks the transcript up when it is next read.
    public var history: PracticeHistory? {
        get { historyRecorder?.history }
        set { historyRecorder = newValue.map(BackgroundRecorder.init(history:)) }
    }
    private var historyRecorder: BackgroundRecorder?
    /// Why the history stopped recording, until it has been said.
    private var historyNote: String?

    /// Held (with the transcript's lock) until the interview is over, then let go, so that it can
    /// be resumed at once, by this process or another.
    private var writer: TranscriptWriter?
    private var recorder: TranscriptRecorder
    private let clock: @Sendable () -> Date
    /// When the current prompt was given, for the answer's time.
    private var asked: Date

    /// Seconds since the current prompt was asked: what the time limit is measured against.
    public var secondsOnPrompt: Double { max(0, clock().timeIntervalSince(asked)) }
    /// The analysis of everything said for the current question so far.
    private var analysisSoFar: Analysis?
    /// The last follow-up asked for the current question, and the analysis that led to it.
    private var lastProbe: (prompt: ProbePrompt, analysis: Analysis?)?

    private init(
        interviewer: Interviewer, writer: TranscriptWriter, transcript: Transcript, turn: Turn, recorder: TranscriptRecorder,
        feedbackPath: String, timeLimit: Double?, clock: @escaping @Sendable () -> Date
    ) {
        self.interviewer = interviewer
        self.writer = writer
        transcriptPath = writer.path
        self.transcript = transcript
        self.turn = turn
        self.recorder = recorder
        self.feedbackPath = feedbackPath
        self.timeLimit = timeLimit
        self.clock = clock
        asked = clock()
    }

    /// A new interview, recorded by `writer` (whose header is `header`). Call `start()` next.
    public convenience init(
        interviewer: Interviewer, writer: TranscriptWriter, header: TranscriptHeader, feedbackPath: String, timeLimit: Double? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            interviewer: interviewer, writer: writer, transcript: Transcript(header: header, events: []),
            turn: interviewer.start(seed: header.seed), recorder: TranscriptRecorder(), feedbackPath: feedbackPath,
            timeLimit: timeLimit, clock: clock)
    }

    /// An interrupted interview, continued from its transcript (`recorded`, which `writer` appends
    /// to): the recorded path is walked again and the prompt left open is asked again. Call
    /// `resume()` next.
    public convenience init(
        resuming recorded: Transcript, interviewer: Interviewer, writer: TranscriptWriter, feedbackPath: String,
        timeLimit: Double? = nil, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(ResumeError) {
        self.init(
            resuming: recorded, from: try interviewer.resume(recorded), interviewer: interviewer, writer: writer,
            feedbackPath: feedbackPath, timeLimit: timeLimit, clock: clock)
    }

    /// The same, from where `interviewer.resume(recorded)` found the interview stopped, for a front
    /// that checks that before it claims anything.
    public convenience init(
        resuming recorded: Transcript, from resumption: Resumption, interviewer: Interviewer, writer: TranscriptWriter,
        feedbackPath: String, timeLimit: Double? = nil, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            interviewer: interviewer, writer: writer, transcript: recorded, turn: resumption.turn,
            recorder: TranscriptRecorder(resuming: resumption.question, probe: resumption.probe), feedbackPath: feedbackPath,
            timeLimit: timeLimit, clock: clock)
        pendingStep = resumption.decidedNow
        // What was said for the open question, so that :feedback and :why answer as before the stop.
        analysisSoFar = resumption.turn.analysis ?? interviewer.analysisSoFar(in: resumption.turn.state)
    }

    /// A resumed interview whose last answer's next step was decided now, and is not yet recorded.
    private var pendingStep = false
    /// Set by `start()` or `resume()`, which may be called once.
    private var begun = false

    public var scenario: Scenario { interviewer.scenario }

    /// Questions a candidate meets when no branch is taken, for "Question 2 of 10".
    public var questionCount: Int { interviewer.engine.options.onlyQuestion == nil ? scenario.sequence.count : 1 }

    // MARK: The interview

    /// Opens the interview: records its first step and returns the opening and the first prompt.
    public func start() throws(SessionError) -> [SessionEvent] {
        try begin()
        try record(recorder.started(turn, at: clock()))
        return [.opened(title: Self.title(of: scenario), questions: questionCount, seed: turn.state.seed, opening: scenario.opening)]
            + advance()
    }

    /// Continues a resumed interview: returns how far it had come and the prompt to answer.
    /// The step decided now for an answer recorded just before the stop may be the end: the
    /// interview then closes at once, with its feedback.
    public func resume() throws(SessionError) -> [SessionEvent] {
        try begin()
        if pendingStep {
            pendingStep = false
            try record(recorder.next(turn, at: clock()))
        }
        let answered = transcript.events.filter { $0.type == .answer }.count
        var question: String?
        if case .probe(let probe) = turn.step {
            question = transcript.events.last { $0.type == .question && $0.question == probe.questionID }?.text
        }
        return [.resumed(title: scenario.title, answers: answered, question: question)] + advance()
    }

    private func begin() throws(SessionError) {
        guard !begun else { throw .alreadyBegun }
        begun = true
    }

    /// The candidate's answer to the current prompt: analysed, recorded, and the next step.
    public func answer(_ text: String) throws(SessionError) -> [SessionEvent] {
        try checkOpen()
        guard !text.trimmed.isEmpty else { throw .emptyAnswer }
        guard text.utf8.count <= InputLimits.answerBytes else { throw .answerTooLong(transcript: transcriptPath) }
        let seconds = clock().timeIntervalSince(asked)
        let next = interviewer.respond(to: text, in: turn.state)
        try record(recorder.answered(text, seconds: seconds, turn: next, at: clock()), unsaved: text)
        var events: [SessionEvent] = []
        if let timeLimit, seconds > timeLimit { events.append(.overTime(seconds: seconds, limit: timeLimit)) }
        analysisSoFar = next.analysis
        turn = next
        return events + advance()
    }

    /// The hint for the question being asked, in the phrasing it was asked (nil when it has none).
    public var currentHint: String? {
        guard let id = turn.state.currentQuestion, let question = scenario.question(id) else { return nil }
        if case .question(let prompt) = turn.step { return prompt.hint }
        return interviewer.engine.hint(of: question, in: turn.state)
    }

    private func kind(of question: String?) -> QuestionKind { question.flatMap { scenario.question($0)?.kind } ?? .behavioral }

    /// Runs one of the interview's commands.
    public func perform(_ command: InterviewCommand) throws(SessionError) -> [SessionEvent] {
        try checkOpen()
        switch command {
        case .hint:
            return [.hint(currentHint)]
        case .repeat:
            return [.repeated(turn.step.text)]
        case .skip:
            let next = interviewer.skip(turn.state)
            try record(recorder.skipped(turn: next, at: clock()))
            turn = next
            return advance()
        case .again:
            let next = interviewer.engine.again(turn.state)
            try record(recorder.again(turn: next, at: clock()))
            turn = next
            return advance()
        case .why:
            let scenario = scenario
            return [.why(lastProbe.map { probe in
                ProbeExplanation(
                    prompt: probe.prompt, analysis: probe.analysis, kind: kind(of: probe.prompt.questionID), answer: turn.state.answerSoFar,
                    competencyLabel: { scenario.competency($0)?.label })
            })]
        case .feedback:
            let kind = kind(of: turn.state.currentQuestion)
            return [.progress(analysisSoFar.map { AnswerProgress(analysis: $0, parts: turn.state.answerParts, kind: kind) })]
        case .save:
            // A feedback file that cannot be written leaves the interview as it was.
            if let problem = writeFeedback(feedback) { return [.feedbackNotSaved(problem)] }
            return [.saved(transcript: transcriptPath, feedback: feedbackPath)]
        case .quit:
            return try stop(because: "the candidate stopped")
        }
    }

    /// Ends the interview before its end: an answer typed but not finished (`unfinishedAnswer`) is
    /// recorded first, its next prompt left open for a resume; then the stop and its reason
    /// ("the candidate stopped (Ctrl-C)"); then the feedback so far is written.
    public func stop(because reason: String, unfinishedAnswer: String? = nil) throws(SessionError) -> [SessionEvent] {
        try checkOpen()
        if let unfinishedAnswer, !unfinishedAnswer.trimmed.isEmpty {
            guard unfinishedAnswer.utf8.count <= InputLimits.answerBytes else { throw .answerTooLong(transcript: transcriptPath) }
            let next = interviewer.respond(to: unfinishedAnswer, in: turn.state)
            try record(recorder.answered(unfinishedAnswer, seconds: nil, turn: next, at: clock()), unsaved: unfinishedAnswer)
            turn = next
        }
        try record([recorder.stopped(reason, at: clock())])
        return [.stopped(transcript: transcriptPath)] + finish(completed: false)
    }

    /// The feedback on everything recorded so far, from what the session holds.
    public var feedback: InterviewFeedback {
        InterviewFeedback(transcript: transcript, scenario: scenario, timeLimit: timeLimit)
    }

    // MARK: Steps

    /// What follows the step just taken: the prompt, or the closing and the feedback.
    private func advance() -> [SessionEvent] {
        let shown = historyNotes() + show(turn.step)
        guard case .end = turn.step else { return shown }
        return shown + finish(completed: true)
    }

    private func show(_ step: Step) -> [SessionEvent] {
        asked = clock()
        switch step {
        case .question(let prompt):
            lastProbe = nil
            analysisSoFar = nil
            return [.question(prompt, of: prompt.number <= questionCount ? questionCount : nil)]
        case .probe(let prompt):
            lastProbe = (prompt, analysisSoFar)
            return [.probe(prompt)]
        case .end(let closing, let reason):
            return [.closing(closing, reason: reason)]
        }
    }

    /// Ends the interview: lets go of the transcript and writes the feedback. A feedback file that
    /// cannot be written is said after the feedback, which is shown all the same.
    private func finish(completed: Bool) -> [SessionEvent] {
        if let problem = historyRecorder?.finish() { historyNote = historyNote ?? problem.description }
        historyRecorder = nil
        let notes = historyNotes()
        close()
        let feedback = self.feedback
        let problem = writeFeedback(feedback)
        let worthShowing = completed || feedback.questions.contains(where: \.answered)
        let finished = SessionEvent.finished(worthShowing ? feedback : nil, transcript: transcriptPath, feedbackFile: problem == nil ? feedbackPath : nil)
        return notes + [finished] + (problem.map { [.feedbackNotSaved($0)] } ?? [])
    }

    /// The history's problem, said once.
    private func historyNotes() -> [SessionEvent] {
        guard let note = historyNote else { return [] }
        historyNote = nil
        return [.historyNotRecorded(note)]
    }

    private func close() {
        isOver = true
        writer?.close()
        writer = nil
    }

    private func checkOpen() throws(SessionError) {
        if !begun { throw .notBegun }
        if isOver { throw .over }
    }

    // MARK: Recording

    private func record(_ events: [TranscriptEvent], unsaved answer: String? = nil) throws(SessionError) {
        guard let writer else { throw .over }
        var written = 0
        do {
            for event in events {
                try writer.append(event)
                transcript.events.append(event)
                written += 1
            }
        } catch {
            // The file now ends part way through a turn: the interview goes on only by a resume,
            // which reads what was written. The answer is lost only if its own event was not.
            close()
            let lost = events[written...].contains { $0.type == .answer } ? answer : nil
            throw .notSaved(error, transcript: transcriptPath, answer: lost)
        }
        if let historyRecorder {
            if let problem = historyRecorder.takeProblem() {
                historyNote = problem.description
                self.historyRecorder = nil
            } else {
                historyRecorder.submit(transcript, at: transcriptPath, scenario: scenario)
            }
        }
    }

    /// Writes the feedback file; nil when done, else why not.
    private func writeFeedback(_ feedback: InterviewFeedback) -> String? {
        do {
            try FileWriting.write(feedback.markdown.utf8, to: feedbackPath, mode: .atomic, permissions: 0o600)
            return nil
        } catch {
            return error.description
        }
    }

    /// "Peer support specialist — Peer support specialist (recovery coach)" says it twice; say it once.
    static func title(of scenario: Scenario) -> String {
        scenario.role.lowercased().hasPrefix(scenario.title.lowercased()) ? scenario.role : "\(scenario.title) — \(scenario.role)"
    }

    // MARK: Files

    /// The feedback file for a transcript: `NAME.md` beside `NAME.jsonl`, created now, exclusively
    /// and owner-only, or `NAME-2.md` and so on when the name is taken, so no file of the user's is
    /// ever replaced. A resumed interview keeps its earlier feedback file: the first of those names
    /// that is a regular file of Rehearse's feedback (not a link).
    public static func claimFeedbackFile(for transcript: String, resuming: Bool) throws(SessionError) -> String {
        let stem = transcript.hasSuffix(".jsonl") ? String(transcript.dropLast(6)) : transcript
        if resuming {
            for number in 1...1_000 {
                let path = stem + (number == 1 ? "" : "-\(number)") + ".md"
                guard let bytes = FileBytes.existingRegularFile(path, limit: 64) else {
                    if FileBytes.exists(path) { continue }
                    break
                }
                if bytes.isEmpty || bytes.starts(with: Array(InterviewFeedback.markdownHeading.utf8)) { return path }
            }
        }
        do {
            return try FileWriting.claimNewFile(stem: stem, suffix: ".md")
        } catch {
            throw .feedbackNotWritten(error.description)
        }
    }
}
