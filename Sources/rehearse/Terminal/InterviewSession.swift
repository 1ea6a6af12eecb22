import FoundationEssentials
import Glibc
import InterviewKit

/// The interview in the terminal: asks, reads answers (line editor or pipe), handles the colon
/// commands, records every event to the transcript as it happens, and ends with feedback.
struct InterviewSession {
    static let commands = [":help", ":hint", ":repeat", ":skip", ":why", ":feedback", ":save", ":quit"]

    let engine: InterviewEngine
    let writer: TranscriptWriter
    let explain: Bool
    let timeLimit: Double?
    let style: Style
    private var input: any LineSource
    private var recorder: TranscriptRecorder
    /// The last follow-up asked for the current question, and the analysis that led to it.
    private var lastProbe: (prompt: ProbePrompt, analysis: Analysis?)?
    private var lastAnalysis: Analysis?

    init(
        engine: InterviewEngine, writer: TranscriptWriter, feedbackPath: String, input: any LineSource, explain: Bool, timeLimit: Double?,
        style: Style, recorder: TranscriptRecorder = TranscriptRecorder()
    ) {
        self.feedbackPath = feedbackPath
        self.engine = engine
        self.writer = writer
        self.input = input
        self.explain = explain
        self.timeLimit = timeLimit
        self.style = style
        self.recorder = recorder
        LineEditor.completions = Self.commands
    }

    /// Where the feedback is written, beside the transcript: claimed when the session starts.
    private let feedbackPath: String

    /// Runs from the opening turn, or from a resumed turn (whose prompt is shown again).
    /// `recordFirstStep` adds the first step to the transcript (a resumed answer's next step, decided now).
    mutating func run(from start: Turn, resumed: Bool, recordFirstStep: Bool = false) throws {
        let scenario = engine.scenario
        var turn = start
        if !resumed {
            let count = scenario.sequence.count
            // "Peer support specialist — Peer support specialist (recovery coach)" says it twice; say it once.
            let title = scenario.role.lowercased().hasPrefix(scenario.title.lowercased()) ? scenario.role : "\(scenario.title) — \(scenario.role)"
            print(style.heading(title) + style.dim(" · \(count) question\(count == 1 ? "" : "s") · seed \(start.state.seed)"))
            print(style.dim("Answer in as many lines as you like and press Enter on an empty line to finish. Type :help for commands."))
            print("")
            print(style.interviewer(scenario.opening))
            try record(recorder.started(turn, at: Date()))
        } else if recordFirstStep {
            try record(recorder.next(turn, at: Date()))
        }
        while true {
            show(turn.step)
            if case .end = turn.step {
                try finish(completed: true)
                return
            }
            let asked = Date()
            switch try readAnswer(for: turn) {
            case .answer(let answer):
                let seconds = Date().timeIntervalSince(asked)
                let next = engine.respond(to: answer, in: turn.state)
                try record(recorder.answered(answer, seconds: seconds, turn: next, at: Date()))
                if let timeLimit, seconds > timeLimit {
                    print(style.dim("(That took \(Self.duration(seconds)); the limit is \(Self.duration(timeLimit)). It is noted in the feedback.)"))
                }
                lastAnalysis = next.analysis
                turn = next
            case .skip:
                turn = engine.skip(turn.state)
                try record(recorder.skipped(turn: turn, at: Date()))
            case .stop(let why):
                try record([recorder.stopped(why, at: Date())])
                print("")
                print("Stopped. Your answers so far are saved; continue later with: rehearse run --resume \(writer.path)")
                try finish(completed: false)
                return
            }
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }

    private mutating func show(_ step: Step) {
        switch step {
        case .question(let prompt):
            let count = engine.scenario.sequence.count
            print("")
            print(style.dim(prompt.number <= count ? "Question \(prompt.number) of \(count)" : "Question \(prompt.number)"))
            if explain && prompt.number > 1 { print(style.dim("  (why: \(prompt.reason.summary))")) }
            print(style.interviewer(prompt.text))
            lastProbe = nil
            lastAnalysis = nil
        case .probe(let prompt):
            if explain { print(style.dim("  (why: \(prompt.reason.summary))")) }
            print(style.interviewer(prompt.text))
            lastProbe = (prompt, lastAnalysis)
        case .end(let closing, let reason):
            if explain { print(style.dim("  (why: \(reason.summary))")) }
            print("")
            print(style.interviewer(closing))
        }
    }

    private func record(_ events: [TranscriptEvent]) throws {
        var written = 0
        do {
            for event in events {
                try writer.append(event)
                written += 1
            }
        } catch {
            // Nothing typed is lost: an answer that could not be saved goes back to the screen to copy.
            let unsaved = events[written...].first(where: { $0.type == .answer })?.text ?? ""
            if !unsaved.isEmpty {
                printError("rehearse: this answer could not be saved; here it is, so you can keep it:\n\(unsaved)\n")
            }
            let saved = unsaved.isEmpty ? "your answers so far are saved" : "the answers before this one are saved"
            throw CommandFailure.io(
                "\(error); \(saved) in \(writer.path); once there is room, continue with: rehearse run --resume \(writer.path)")
        }
    }

    private enum Answer {
        case answer(String)
        case skip
        case stop(String)
    }

    /// Reads one answer: lines until an empty line, with commands at the start and Ctrl-C / Ctrl-D handling.
    private mutating func readAnswer(for turn: Turn) throws -> Answer {
        var lines: [String] = []
        var bytes = 0
        var emptyTries = 0
        var interruptedOnce = false
        while true {
            if Interrupts.terminating { return stopping(lines, turn, why: "the session was ended by a signal") }
            switch input.read(prompt: lines.isEmpty ? "you › " : "    · ") {
            case .end:
                // A signal can cut a read short, which looks like the end of input.
                if Interrupts.terminating { return stopping(lines, turn, why: "the session was ended by a signal") }
                // Ctrl-D or end of input: keep what was typed, then stop.
                if !lines.isEmpty { return .answer(lines.joined(separator: "\n")) }
                return .stop(isatty(STDIN_FILENO) == 1 ? "the candidate ended the session (Ctrl-D)" : "input ended")
            case .interrupt:
                if Interrupts.terminating { return stopping(lines, turn, why: "the session was ended by a signal") }
                if interruptedOnce { return stopping(lines, turn, why: "the candidate stopped (Ctrl-C)") }
                interruptedOnce = true
                print("")
                print(style.dim("Press Ctrl-C again to stop (everything so far is saved), or go on typing."))
            case .line(let line):
                interruptedOnce = false
                let trimmed = line.trimmingBlanks
                if lines.isEmpty && trimmed.hasPrefix(":") {
                    input.remember(trimmed)
                    if let answer = try command(trimmed, turn: turn) { return answer }
                    continue
                }
                if trimmed.isEmpty {
                    if !lines.isEmpty {
                        let answer = lines.joined(separator: "\n")
                        input.remember(lines.joined(separator: " "))
                        return .answer(answer)
                    }
                    emptyTries += 1
                    print(style.dim(emptyTries == 1 ? "Take your time. Type your answer, then press Enter on an empty line." : "If you would rather move on, type :skip."))
                    continue
                }
                bytes += line.utf8.count + 1
                guard bytes <= InputLimits.answerBytes else {
                    throw CommandFailure.data(
                        "this answer is over \(InputLimits.describe(InputLimits.answerBytes)), the limit for one answer, and was not saved; "
                            + "the answers before it are saved in \(writer.path); continue with: rehearse run --resume \(writer.path)")
                }
                lines.append(line)
            }
        }
    }

    /// Stopping with a half-typed answer keeps the answer: it is recorded before the stop.
    private mutating func stopping(_ lines: [String], _ turn: Turn, why: String) -> Answer {
        if !lines.isEmpty {
            let answer = lines.joined(separator: "\n")
            let next = engine.respond(to: answer, in: turn.state)
            try? record(recorder.answered(answer, seconds: nil, turn: next, at: Date()))
            // The next prompt was recorded as asked; stopping now leaves it open for --resume.
        }
        return .stop(why)
    }

    /// Runs a colon command; returns an answer when the command ends the prompt (:skip, :quit).
    private mutating func command(_ text: String, turn: Turn) throws -> Answer? {
        let name = String(text.split(separator: " ").first ?? "")
        switch name {
        case ":help", ":h", ":?":
            print(style.dim("""
                :hint      a hint for this question
                :repeat    hear the question again
                :skip      move on to the next question
                :why       why the last follow-up was asked
                :feedback  how your answer to this question looks so far
                :save      write the feedback so far next to the transcript
                :quit      stop (everything is saved; continue later with --resume)
                End an answer by pressing Enter on an empty line. Tab completes commands.
                """))
        case ":hint":
            let hint = turn.state.currentQuestion.flatMap { engine.scenario.question($0)?.hint }
            print(style.dim(hint.map { "Hint: \($0)" } ?? "There is no hint for this question."))
        case ":repeat":
            print(style.interviewer(turn.step.text))
        case ":skip":
            return .skip
        case ":quit", ":q", ":exit":
            return .stop("the candidate stopped")
        case ":why":
            explainLastProbe()
        case ":feedback":
            feedbackSoFar(turn)
        case ":save":
            try writeFeedback()
            print(style.dim("Saved. Transcript: \(writer.path)\nFeedback so far: \(feedbackPath)"))
        default:
            let suggestion = Self.commands.first { $0.hasPrefix(String(name.prefix(3))) }
            print(style.dim("Unknown command \(name)\(suggestion.map { " (did you mean \($0)?)" } ?? ""). Commands: \(Self.commands.joined(separator: " "))"))
        }
        return nil
    }

    private func explainLastProbe() {
        guard let (prompt, analysis) = lastProbe else {
            print(style.dim("No follow-up has been asked for this question yet."))
            return
        }
        print(style.dim("I asked “\(prompt.text)” because \(prompt.reason.summary)."))
        if let analysis {
            if !analysis.reason.isEmpty { print(style.dim(analysis.reason)) }
            let features = Set(prompt.reason.values.keys).union(["star.situation", "star.action", "star.result"])
            for item in analysis.evidence where features.contains(item.feature) {
                print(style.dim("  \(item.feature): “\(item.text)”"))
            }
        }
    }

    private func feedbackSoFar(_ turn: Turn) {
        let said = turn.state.answerSoFar
        guard !said.trimmed.isEmpty else {
            print(style.dim("Nothing answered for this question yet."))
            return
        }
        let analysis = engine.analyzers.analyze(said, context: engine.context(for: turn.state))
        for (name, feature) in [("specific example", "star.specific_example"), ("situation", "star.situation"), ("task", "star.task"), ("your actions", "star.action"), ("result", "star.result")] {
            guard let present = analysis[feature]?.boolValue else { continue }
            let quote = analysis.evidence.first { $0.feature == feature }.map { ": “\($0.text)”" } ?? ""
            print(present ? style.good("  ✓ \(name)\(quote)") : style.missing("  ✗ \(name)"))
        }
        if !analysis.reason.isEmpty { print(style.dim(analysis.reason)) }
    }

    /// The feedback file for a transcript: `NAME.md` beside `NAME.jsonl`, created now, exclusively
    /// and owner-only, or `NAME-2.md` and so on when the name is taken, so no file of the user's is
    /// ever replaced. A resumed interview keeps its earlier feedback file: the first of those names
    /// that is a regular file of Rehearse's feedback (not a link).
    static func claimFeedbackFile(for transcript: String, resuming: Bool) throws -> String {
        let stem = transcript.hasSuffix(".jsonl") ? String(transcript.dropLast(6)) : transcript
        if resuming {
            for number in 1...1_000 {
                let path = stem + (number == 1 ? "" : "-\(number)") + ".md"
                var status = stat()
                guard lstat(path, &status) == 0 else { break }
                if status.st_mode & S_IFMT == S_IFREG, case .success(let bytes) = FileBytes.contents(of: path, limit: 64),
                    bytes.isEmpty || bytes.starts(with: Array("# Feedback: ".utf8))
                {
                    return path
                }
            }
        }
        return try FileWriting.claimNewFile(stem: stem, suffix: ".md")
    }

    private func writeFeedback() throws {
        let transcript = try TranscriptFile.read(writer.path)
        let feedback = InterviewFeedback(transcript: transcript, scenario: engine.scenario, timeLimit: timeLimit)
        try FileWriting.write(feedback.markdown.utf8, to: feedbackPath, mode: .atomic, permissions: 0o600)
    }

    private func finish(completed: Bool) throws {
        let transcript = try TranscriptFile.read(writer.path)
        let feedback = InterviewFeedback(transcript: transcript, scenario: engine.scenario, timeLimit: timeLimit)
        if completed || feedback.questions.contains(where: \.answered) {
            print("")
            print(feedback.text)
        }
        try writeFeedback()
        print("")
        print("Transcript: \(writer.path)")
        print("Feedback:   \(feedbackPath)")
    }
}
