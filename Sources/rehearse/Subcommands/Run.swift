import ArgumentParser
import FoundationEssentials
import Glibc
import InterviewKit
import SystemIO

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

        @Flag(help: "Practise the question with the weakest record in your history (of the scenario given, or of any).")
        var weakest = false

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
            if resume != nil && (seed != nil || maxProbes != nil || noProbes || transcript != nil || question != nil || weakest) {
                throw ValidationError("--resume continues with the recorded seed, options and transcript; leave out --seed, --max-probes, --no-probes, --question, --weakest and --transcript")
            }
            if weakest && question != nil {
                throw ValidationError("--weakest chooses the question from your history; leave out --question, or --weakest")
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
            var scenario = self.scenario
            var question = self.question
            if weakest {
                let spot = try weakestQuestion(analyzers: analyzers)
                scenario = spot.path
                question = spot.question
            }
            let file = try ScenarioFile.load(path: scenario, analyzers: analyzers)
            if let question, file.scenario.question(question) == nil {
                let ids = file.scenario.questions.map(\.id)
                let hint = closestMatch(to: question, in: ids).map { "did you mean '\($0)'?" } ?? "its questions are " + ids.joined(separator: ", ")
                throw CommandFailure.usage("\(file.path) has no question '\(question)'; \(hint)")
            }
            let options = EngineOptions(maxProbes: maxProbes, probesEnabled: !noProbes, onlyQuestion: question)
            let session = try InterviewSetup.newSession(
                file: file, analyzers: analyzers, options: options, seed: seed ?? UInt64.random(in: 0...999_999), explain: explain,
                timeLimit: timeLimit, transcript: transcript)
            try converse(with: session, resuming: false)
        }

        /// The question with the weakest record in the history (of the named scenario, when one is
        /// named) and the scenario file to ask it from; says why, before the interview starts.
        private func weakestQuestion(analyzers: AnalyzerSet) throws -> (path: String, question: String) {
            var named: ScenarioFile?
            if let scenario { named = try ScenarioFile.load(path: scenario, analyzers: analyzers) }
            let spot = try PracticeHistoryFile.using { try $0.weakest(HistoryFilter(scenario: named?.scenario.id)) }
            guard let spot else {
                let which = named.map { " of \($0.scenario.id)" } ?? ""
                throw CommandFailure.noInput("your history has no answered question\(which) yet; practise with `\(CommandName.invoked.shellWord) run` first, and --weakest then picks up where it helps most")
            }
            // The scenario named, else the recorded file, else the bundled one of that name.
            let path = named?.path ?? (FileBytes.exists(spot.scenarioPath) ? spot.scenarioPath : ScenarioLocator.bundledScenarioPath(named: spot.scenarioID))
            guard let path else {
                throw CommandFailure.noInput("the weakest question, '\(spot.questionID)', is from \(spot.scenarioPath), which is not there any more; name the scenario file: --weakest FILE")
            }
            print("Practising your weakest question so far: “\(spot.questionText)” (\(spot.scenarioTitle)). \(spot.reason)".visibleControls)
            print("")
            return (path, spot.questionID)
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
            let (session, recordedExplain) = try InterviewSetup.resumedSession(
                transcript: path, scenario: scenario, timeLimit: timeLimit, analyzers: { try TranscriptFile.analyzers(analyzerOptions, recorded: $0) })
            try converse(with: session, resuming: true, explain: explain || recordedExplain)
        }
    }
}
