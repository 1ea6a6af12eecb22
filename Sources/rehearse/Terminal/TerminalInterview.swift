import Glibc
import InterviewKit

/// The interview in a terminal: a thin adapter around the library's `InterviewSession`. It reads
/// answers (line editor or pipe) and colon commands, forwards them, and prints what the session
/// says. Only what is the terminal's own lives here: multi-line entry, `:help`, Ctrl-C and Ctrl-D.
struct TerminalInterview {
    static let commandNames = [":help"] + InterviewCommand.allCases.map { ":\($0.rawValue)" }

    let session: InterviewSession
    let explain: Bool
    let style: Style
    private var input: any LineSource

    init(session: InterviewSession, input: any LineSource, explain: Bool, style: Style) {
        self.session = session
        self.input = input
        self.explain = explain
        self.style = style
        LineEditor.completions = Self.commandNames
    }

    /// Runs the interview to its end or until the candidate stops: from the opening, or from where
    /// a resumed interview left off.
    mutating func run(resuming: Bool) throws {
        try show(resuming ? session.resume() : session.start())
        while !session.isOver {
            switch try readAnswer() {
            case .answer(let text): try show(session.answer(text))
            case .command(let command): try show(session.perform(command))
            case .stop(let why, let unfinished): try show(session.stop(because: why, unfinishedAnswer: unfinished))
            }
        }
    }

    // MARK: Reading

    private enum Input {
        case answer(String)
        case command(InterviewCommand)
        /// Stop, keeping what was typed of an answer.
        case stop(String, unfinished: String?)
    }

    /// Reads one answer (lines until an empty line) or one command, with Ctrl-C / Ctrl-D handling.
    private mutating func readAnswer() throws -> Input {
        var lines: [String] = []
        var bytes = 0
        var emptyTries = 0
        var interruptedOnce = false
        var typed: String? { lines.isEmpty ? nil : lines.joined(separator: "\n") }
        while true {
            if Interrupts.terminating { return .stop("the session was ended by a signal", unfinished: typed) }
            switch input.read(prompt: prompt(continuing: !lines.isEmpty)) {
            case .end:
                // A signal can cut a read short, which looks like the end of input.
                if Interrupts.terminating { return .stop("the session was ended by a signal", unfinished: typed) }
                // Ctrl-D or end of input: keep what was typed, then stop.
                if let typed { return .answer(typed) }
                return .stop(isatty(STDIN_FILENO) == 1 ? "the candidate ended the session (Ctrl-D)" : "input ended", unfinished: nil)
            case .interrupt(let partial):
                // A line cut short by Ctrl-C is kept: "go on typing" means what was typed stays.
                if let partial, !partial.trimmingBlanks.isEmpty, !(lines.isEmpty && partial.trimmingBlanks.hasPrefix(":")) {
                    lines.append(partial)
                    bytes += partial.utf8.count + 1
                }
                if Interrupts.terminating { return .stop("the session was ended by a signal", unfinished: typed) }
                if interruptedOnce { return .stop("the candidate stopped (Ctrl-C)", unfinished: typed) }
                interruptedOnce = true
                print("")
                print(style.dim(typed == nil
                    ? "Press Ctrl-C again to stop (everything so far is saved), or go on typing."
                    : "Kept what you typed. Press Ctrl-C again to stop (everything so far is saved), or go on typing on a new line."))
            case .paste(let block):
                // A paste is one block whatever it holds: its blank lines do not end the answer.
                // It is shown as it will be recorded; Enter on an empty line then finishes.
                interruptedOnce = false
                var pasted = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                while pasted.last?.trimmingBlanks.isEmpty == true { pasted.removeLast() }
                guard !pasted.isEmpty else { continue }
                bytes += block.utf8.count
                guard bytes <= InputLimits.answerBytes else {
                    throw CommandFailure.data(SessionError.answerTooLong(transcript: session.transcriptPath).description(command: CommandName.invoked))
                }
                for line in pasted { print(style.dim("    · ") + line, wrapping: false) }
                lines += pasted
            case .line(let line):
                interruptedOnce = false
                let trimmed = line.trimmingBlanks
                if lines.isEmpty && trimmed.hasPrefix(":") {
                    input.remember(trimmed)
                    if let command = command(trimmed) { return .command(command) }
                    continue
                }
                if trimmed.isEmpty {
                    if let typed {
                        input.remember(lines.joined(separator: " "))
                        return .answer(typed)
                    }
                    emptyTries += 1
                    print(style.dim(emptyTries == 1 ? "Take your time. Type your answer, then press Enter on an empty line." : "If you would rather move on, type :skip."))
                    continue
                }
                bytes += line.utf8.count + 1
                // Stop reading at once rather than gather more than the session would take.
                guard bytes <= InputLimits.answerBytes else {
                    throw CommandFailure.data(SessionError.answerTooLong(transcript: session.transcriptPath).description(command: CommandName.invoked))
                }
                lines.append(line)
            }
        }
    }

    /// The prompt; with `--time-limit`, it shows the time left for this answer (or how far over),
    /// as of each new line.
    private func prompt(continuing: Bool) -> String {
        guard let limit = session.timeLimit else { return continuing ? "    · " : "you › " }
        let left = limit - session.secondsOnPrompt
        let whole = Int(abs(left).rounded(.down))
        let clock = "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
        let timer = left >= 0 ? "\(clock) left" : "\(clock) over"
        return continuing ? "    · [\(timer)] " : "you [\(timer)] › "
    }

    /// The command a colon line names; nil after `:help` or an unknown name, which are answered here.
    private func command(_ text: String) -> InterviewCommand? {
        let name = String(text.split(separator: " ").first ?? "").dropFirst()
        switch name {
        case "help", "h", "?":
            let width = Self.commandNames.map(\.count).max() ?? 0
            let rows = InterviewCommand.allCases.map { ":\($0.rawValue)".padding(to: width + 2) + $0.summary }
            print(style.dim((rows + ["End an answer by pressing Enter on an empty line. Tab completes commands."]).joined(separator: "\n")))
            return nil
        case "q", "exit":
            return .quit
        default:
            if let command = InterviewCommand(rawValue: String(name)) { return command }
            // A typo ("hnit") or a start ("fe") names the command meant.
            let names = Self.commandNames.map { String($0.dropFirst()) }
            let suggestion = (closestMatch(to: String(name), in: names) ?? names.first { name.count >= 2 && $0.hasPrefix(name) }).map { ":" + $0 }
            print(style.dim("Unknown command :\(name)\(suggestion.map { " (did you mean \($0)?)" } ?? ""). Commands: \(Self.commandNames.joined(separator: " "))"))
            return nil
        }
    }

    // MARK: Printing

    private func show(_ events: [SessionEvent]) throws {
        for event in events { try show(event) }
    }

    private func show(_ event: SessionEvent) throws {
        switch event {
        case .opened(let title, let questions, let seed, let opening):
            print(style.heading(title) + style.dim(" · \(questions) question\(questions == 1 ? "" : "s") · seed \(seed)"))
            print(style.dim("Answer in as many lines as you like and press Enter on an empty line to finish. Type :help for commands."))
            print("")
            print(style.interviewer(opening))
        case .resumed(let title, let answers, let question):
            print("Resuming \(title) — \(answers) answer\(answers == 1 ? "" : "s") so far. Press Enter on an empty line to finish an answer; :help lists the commands.")
            if let question {
                print("")
                print(style.dim("You were answering: \(question)"))
            }
        case .question(let prompt, let total):
            print("")
            if prompt.reason.rule == .again {
                print(style.dim("The same question, from the start (your first answer is kept in the transcript):"))
            } else {
                print(style.dim(total.map { "Question \(prompt.number) of \($0)" } ?? "Question \(prompt.number)"))
            }
            if explain && prompt.number > 1 { print(style.dim("  (why: \(prompt.reason.summary))")) }
            print(style.interviewer(prompt.text))
        case .probe(let prompt):
            if explain { print(style.dim("  (why: \(prompt.reason.summary))")) }
            print(style.interviewer(prompt.text))
        case .closing(let closing, let reason):
            if explain { print(style.dim("  (why: \(reason.summary))")) }
            print("")
            print(style.interviewer(closing))
        case .overTime(let seconds, let limit):
            print(style.dim("(That took \(Self.duration(seconds)); the limit is \(Self.duration(limit)). It is noted in the feedback.)"))
        case .hint(let hint):
            print(style.dim(hint.map { "Hint: \($0)" } ?? "There is no hint for this question."))
        case .repeated(let text):
            print(style.interviewer(text))
        case .why(let explanation):
            guard let explanation else {
                print(style.dim("No follow-up has been asked for this question yet."))
                return
            }
            print(style.dim("“\(explanation.text)”: \(explanation.plainReason)"))
            let found = explanation.parts.filter(\.present)
            if !found.isEmpty { print(style.dim("What your answer already had:")) }
            for part in found { print(style.good("  ✓ \(part.name)" + (part.quote.map { ": “\($0)”" } ?? ""))) }
            // For the scenario's author: the rule and what it read.
            if explain {
                print(style.dim("For authors: \(explanation.reason.summary)."))
                if !explanation.analysisReason.isEmpty { print(style.dim(explanation.analysisReason)) }
                for item in explanation.evidence { print(style.dim("  \(item.feature): “\(item.text)”")) }
            }
        case .progress(let progress):
            guard let progress else {
                print(style.dim("Nothing answered for this question yet."))
                return
            }
            let assessment = progress.assessment
            print(style.dim("So far: \(assessment.rating.level.name). \(assessment.rating.reason)"))
            for part in progress.parts {
                let quote = part.quote.map { ": “\($0)”" } ?? ""
                switch part.state {
                case .present: print(style.good("  ✓ \(part.name)\(quote)"))
                case .implied: print(style.dim("  · \(part.name): clear from the story"))
                case .missing: print(style.missing("  ✗ \(part.name)"))
                }
            }
            if let next = assessment.nextTime { print(style.dim("Next: \(next)")) }
        case .saved(let transcript, let feedback):
            print(style.dim("Saved. Transcript: \(transcript)\nFeedback so far: \(feedback)"), wrapping: false)
        case .stopped(let transcript):
            print("")
            // The command on a line of its own, so that wrapping never splits it.
            print("Stopped. Your answers so far are saved; continue later with:")
            print("  \(CommandName.invoked.shellWord) run --resume \(transcript.shellWord)", wrapping: false)
        case .finished(let feedback, let transcript, let feedbackFile):
            if let feedback {
                print("")
                print(feedback.text(explain: explain))
            }
            print("")
            print("Transcript: \(transcript)", wrapping: false)
            if let feedbackFile { print("Feedback:   \(feedbackFile)", wrapping: false) }
        case .historyNotRecorded(let problem):
            printError("warning: the practice history stopped recording this interview: \(problem); the transcript has every answer, and `rehearse history` adds it later")
        case .feedbackNotSaved(let problem):
            // At the end, a feedback file not written fails the command; during the interview it is said and the interview goes on.
            if session.isOver { throw CommandFailure.io("\(problem); the transcript is saved in \(session.transcriptPath)") }
            printError("rehearse: \(problem); the interview goes on, and the transcript is saved")
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}


extension TerminalInterview {
    // What the interview says wraps at word boundaries to the terminal; a line that must stay
    // whole (a command to copy, a path) says `wrapping: false`.
    fileprivate func print(_ text: String, wrapping: Bool = true) { rehearse.print(text, wrapping: wrapping) }
    fileprivate func print(_ text: StyledText, wrapping: Bool = true) { rehearse.print(text, wrapping: wrapping) }
}
