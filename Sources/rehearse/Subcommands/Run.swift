import ArgumentParser
import FoundationEssentials
import Glibc
import InterviewKit

extension Rehearse {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a mock interview.",
            discussion: """
                Type each answer over as many lines as you like; an empty line ends it. \
                At the start of an answer, :skip moves to the next question, :hint shows a hint and :quit stops. \
                Answers can also be piped in, one block per answer separated by empty lines. \
                Every answer is saved to the transcript as soon as it is given.
                """)

        @Argument(help: "Scenario file (default: the bundled quick start; with --resume, the recorded one).")
        var scenario: String?

        @Option(help: "Seed for choosing among a question's phrasings; the same seed gives the same interview.")
        var seed: UInt64?

        @Option(help: "Most follow-up probes per question, overriding the scenario.")
        var maxProbes: Int?

        @Flag(help: "Ask the questions only, with no follow-up probes.")
        var noProbes = false

        @Flag(help: "Show why each follow-up or branch was chosen.")
        var explain = false

        @Option(help: ArgumentHelp("Seconds per answer; longer answers are noted in the feedback (nobody is cut off).", valueName: "seconds"))
        var timeLimit: Double?

        @Option(help: ArgumentHelp("Where to save the transcript (default: a new file under ~/.local/share/rehearse/transcripts).", valueName: "path"))
        var transcript: String?

        @Option(help: ArgumentHelp("Continue an interrupted interview from its transcript.", valueName: "transcript"))
        var resume: String?

        @Option(help: ArgumentHelp("Practise this one question (its id, as `rehearse scenarios --questions` lists them), with its follow-ups.", valueName: "id"))
        var question: String?

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func validate() throws {
            if let timeLimit, timeLimit <= 0 {
                throw ValidationError("--time-limit is in seconds and must be more than 0, e.g. --time-limit 120")
            }
            if let maxProbes, maxProbes < 0 {
                throw ValidationError("--max-probes must be 0 or more")
            }
            if noProbes && maxProbes != nil {
                throw ValidationError("--no-probes and --max-probes contradict each other; use one")
            }
            if resume != nil && (seed != nil || maxProbes != nil || noProbes || transcript != nil || question != nil) {
                throw ValidationError("--resume continues with the recorded seed, options and transcript; leave out --seed, --max-probes, --no-probes, --question and --transcript")
            }
        }

        func run() throws {
            try reportingFailures {
                if let resume {
                    try resumeInterview(resume)
                } else {
                    try startInterview()
                }
            }
        }

        private func startInterview() throws {
            let analyzers = try analyzerOptions.resolve()
            let file = try ScenarioFile.load(path: scenario, analyzers: analyzers)
            if let question, file.scenario.question(question) == nil {
                let ids = file.scenario.questions.map(\.id)
                let hint = closestMatch(to: question, in: ids).map { "did you mean '\($0)'?" } ?? "its questions are " + ids.joined(separator: ", ")
                throw CommandFailure.usage("\(file.path) has no question '\(question)'; \(hint)")
            }
            let options = EngineOptions(maxProbes: maxProbes, probesEnabled: !noProbes, onlyQuestion: question)
            let interviewer = Interviewer(scenario: file.scenario, analyzers: analyzers, options: options)
            let seed = self.seed ?? UInt64.random(in: 0...999_999)
            let now = Date()
            let path = try transcript ?? TranscriptLocation.newPath(scenarioID: file.scenario.id, at: now)
            var header = TranscriptHeader(
                scenario: file.scenario, contentHash: file.sha256, path: file.path, analyzers: analyzers, seed: seed,
                options: options, started: now)
            // So that --resume carries on as the interview began.
            header.explain = explain ? true : nil
            header.timeLimit = timeLimit
            // Opened before the first question, so a place that cannot be written is reported before anyone types.
            let writer: TranscriptWriter
            try TranscriptLocation.checkFreeSpace(for: path)
            do {
                writer = try TranscriptWriter(creating: path, header: header)
            } catch {
                let exists = FileManager.default.fileExists(atPath: path)
                throw CommandFailure.io(exists ? "the transcript \(path) already exists; choose a new name, or continue it with --resume" : "\(error)")
            }
            let session = InterviewSession(
                interviewer: interviewer, writer: writer, header: header, feedbackPath: try feedbackFile(for: writer, resuming: false),
                timeLimit: timeLimit)
            try converse(with: session, resuming: false)
        }

        private func feedbackFile(for writer: TranscriptWriter, resuming: Bool) throws -> String {
            do {
                return try InterviewSession.claimFeedbackFile(for: writer.path, resuming: resuming)
            } catch {
                throw CommandFailure.io("\(error)")
            }
        }

        /// The interview in this terminal: a line editor on a terminal, plain lines from a pipe;
        /// Ctrl-C and termination signals are caught.
        private func converse(with session: InterviewSession, resuming: Bool, explain: Bool? = nil) throws {
            let explain = explain ?? self.explain
            Interrupts.install()
            let input: any LineSource = isatty(STDIN_FILENO) == 1 ? (LineEditor() ?? PipedLines()) as any LineSource : PipedLines()
            var interview = TerminalInterview(session: session, input: input, explain: explain, style: Style.detect())
            do {
                try interview.run(resuming: resuming)
            } catch let error as SessionError {
                switch error {
                case .notSaved(_, _, let answer?) where !answer.isEmpty:
                    // Nothing typed is lost: an answer that could not be saved goes back to the screen to copy.
                    printError("rehearse: this answer could not be saved; here it is, so you can keep it:\n\(answer)\n")
                    throw CommandFailure.io(error.description(command: CommandName.invoked))
                case .answerTooLong: throw CommandFailure.data(error.description(command: CommandName.invoked))
                default: throw CommandFailure.io(error.description(command: CommandName.invoked))
                }
            }
        }

        private func resumeInterview(_ path: String) throws {
            // The writer first: it holds the transcript's lock, so no other session can add to it
            // between this reading and the next answer.
            let writer: TranscriptWriter
            do {
                writer = try TranscriptWriter(appendingTo: path, droppingPartialLastLine: false)
            } catch {
                switch error {
                case .cannotRead, .notAFile: throw CommandFailure.noInput("\(error)")
                case .inUse: throw CommandFailure(message: "\(error)", code: ExitStatus.tempFailure)
                default: throw CommandFailure.io("\(error)")
                }
            }
            let recorded = try TranscriptFile.read(path, purpose: "resume")
            let analyzers = try TranscriptFile.analyzers(analyzerOptions, recorded: recorded)
            let file = try ScenarioFile.load(path: scenario ?? recorded.header.scenario.path, analyzers: analyzers)
            let recordedScenario = recorded.header.scenario
            if file.scenario.id != recordedScenario.id && scenario == nil {
                throw CommandFailure.data(
                    "\(path) is an interview on '\(recordedScenario.title)' (\(recordedScenario.id)), but \(file.path) is now the scenario '\(file.scenario.id)'; "
                        + "name the scenario file it was recorded with: \(CommandName.invoked.shellWord) run FILE --resume \(path.shellWord)")
            }
            if file.scenario.id != recordedScenario.id {
                throw CommandFailure.usage(
                    "\(path) is an interview on '\(recordedScenario.title)' (\(recordedScenario.id), \(recordedScenario.path)), not on \(file.path); "
                        + "leave out the scenario to continue it on its own: \(CommandName.invoked.shellWord) run --resume \(path.shellWord)")
            }
            if file.sha256 != recorded.header.scenario.sha256 {
                printError("warning: \(file.path) has changed since this interview was recorded; continuing with the current version")
            }
            let interviewer = Interviewer(scenario: file.scenario, analyzers: analyzers, options: recorded.header.options)
            let resumption: Resumption
            do {
                resumption = try interviewer.resume(recorded)
            } catch {
                throw CommandFailure.data("cannot continue \(path): \(error)")
            }
            // Room and a whole last line before anything is written, the feedback file included.
            try TranscriptLocation.checkFreeSpace(for: path)
            do {
                try writer.dropPartialLastLine()
            } catch {
                throw CommandFailure.io("\(error)")
            }
            let session = InterviewSession(
                resuming: recorded, from: resumption, interviewer: interviewer, writer: writer,
                feedbackPath: try feedbackFile(for: writer, resuming: true), timeLimit: timeLimit ?? recorded.header.timeLimit)
            try converse(with: session, resuming: true, explain: explain || recorded.header.explain == true)
        }
    }
}
