import ArgumentParser
import FoundationEssentials
import Glibc
import InterviewKit
import SystemIO

extension Rehearse {
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay",
            abstract: "Show a saved interview again, or re-run it with today's scenario and analyzers.",
            discussion: """
                With --reanalyze, every recorded answer goes through the engine again and each decision \
                (probe, branch, end) is compared with the recording. Exit status 1 when any decision differs, \
                so a folder of transcripts works as a regression test for a scenario.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, markdown, html, json
        }

        @Argument(help: "A transcript (.jsonl) saved by rehearse run.")
        var file: String

        @Option(help: "Output format: text, markdown, html (one self-contained page) or json.")
        var format: Format = .text

        @Option(help: ArgumentHelp("Replay with the recorded pauses, sped up this many times (text only; 1 = real time).", valueName: "speed"))
        var pace: Double?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        @Flag(help: "Drive the engine again with the recorded answers and report every decision that differs.")
        var reanalyze = false

        @Option(help: ArgumentHelp("With --reanalyze: the scenario to use (default: the recorded path).", valueName: "path"))
        var scenario: String?

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func validate() throws {
            if let pace, pace <= 0 { throw ValidationError("--pace must be more than 0, e.g. --pace 4 for four times as fast") }
            if pace != nil && (format != .text || reanalyze || output != nil) {
                throw ValidationError("--pace replays text to the terminal; leave out --format, --output and --reanalyze")
            }
            if !reanalyze && (scenario != nil || !analyzerOptions.analyzers.isEmpty) {
                throw ValidationError("--scenario and --analyzer go with --reanalyze")
            }
        }

        func run() throws {
            try reportingFailures {
                // Shown even when damaged (the damaged lines are warned about); compared only whole.
                let transcript = try TranscriptFile.read(file, analyses: !reanalyze, allowingDamage: !reanalyze, purpose: "re-analyse")
                if reanalyze {
                    try compare(transcript)
                } else if let pace {
                    paced(transcript, speed: pace)
                } else {
                    let same = checkScenario(transcript, path: transcript.header.scenario.path)
                    let format = TranscriptRenderer.Format(rawValue: format.rawValue)!
                    // The feedback goes with the Markdown and HTML reports; the scenario, when it is
                    // the recorded one, gives it the competencies' labels and what each question assesses.
                    let feedback = format == .json ? nil : InterviewFeedback(transcript: transcript, scenario: same ? recordedScenario(transcript) : nil)
                    try emit(TranscriptRenderer.render(transcript, as: format, feedback: feedback))
                }
            }
        }

        /// Warns when the scenario file has changed since the recording (its content hash differs).
        @discardableResult
        private func checkScenario(_ transcript: Transcript, path: String) -> Bool {
            guard case .success(let bytes) = FileBytes.contents(of: path, limit: InputLimits.scenarioBytes + 1) else { return true }
            let same = TranscriptHeader.contentHash(Array(bytes)) == transcript.header.scenario.sha256
            if !same {
                printError("warning: \(path) has changed since this interview was recorded (its content hash differs)")
            }
            return same
        }

        /// The recorded scenario, when it still loads; the report does without it otherwise.
        private func recordedScenario(_ transcript: Transcript) -> Scenario? {
            // The built-in analyzers are enough to read it; a scenario that needs a plugin's features is done without.
            guard let analyzers = try? AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers) else { return nil }
            return ScenarioLoader(analyzers: analyzers).load(contentsOf: transcript.header.scenario.path).scenario
        }

        private func emit(_ text: String) throws {
            guard let output else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
                return
            }
            // It holds the candidate's answers: owner-only, like the transcript.
            try FileWriting.write(text.visibleControls.utf8, to: output, mode: .replace, permissions: 0o600)
        }

        private func paced(_ transcript: Transcript, speed: Double) {
            print(transcript.header.scenario.title.visibleControls)
            // Probes name competencies by their labels, as in the interview, when the scenario is the recorded one.
            let same = checkScenario(transcript, path: transcript.header.scenario.path)
            let labels = same ? InterviewFeedback.competencyLabels(of: recordedScenario(transcript)) : [:]
            var previous = transcript.header.started
            var lastAnalysis: TranscriptEvent?
            for event in transcript.events {
                defer { if event.type == .analysis { lastAnalysis = event } }
                // Long silences are shortened to five seconds, so a break does not stall the replay.
                let pause = min(5, max(0, event.time.timeIntervalSince(previous)) / speed)
                if pause > 0 { usleep(useconds_t(pause * 1_000_000)) }
                previous = event.time
                for line in TranscriptRenderer.textLines(for: event, competencyLabels: labels, after: lastAnalysis) { print(line) }
                fflushStandardOutput()
            }
        }

        private func compare(_ transcript: Transcript) throws {
            let analyzers = try TranscriptFile.analyzers(analyzerOptions, recorded: transcript)
            let file = try ScenarioFile.load(path: scenario ?? transcript.header.scenario.path, analyzers: analyzers)
            let unchanged = file.sha256 == transcript.header.scenario.sha256
            let interviewer = Interviewer(scenario: file.scenario, analyzers: analyzers, options: transcript.header.options)
            let result = Reanalysis.run(transcript, interviewer: interviewer)
            if format == .json {
                try emit(try JSONOutput.string(ReanalysisJSON(result, scenario: file.path, unchanged: unchanged, analyzers: analyzers.identifiers)))
            } else {
                try emit(ReanalysisText.render(result, transcript: transcript, scenario: file.path, unchanged: unchanged, analyzers: analyzers.identifiers))
            }
            if !result.differences.isEmpty || result.stoppedEarly != nil { throw ExitCode(1) }
        }
    }
}

/// The `replay --reanalyze` report for people: each difference side by side, with both reasons.
enum ReanalysisText {
    static func render(_ result: Reanalysis, transcript: Transcript, scenario: String, unchanged: Bool, analyzers: [String]) -> String {
        var lines = [
            "Re-ran \(transcript.header.scenario.title) with \(scenario)\(unchanged ? "" : " (changed since the recording)") and analyzers \(analyzers.joined(separator: ",")).",
            "Compared \(result.compared) decision\(result.compared == 1 ? "" : "s"): \(result.differences.isEmpty ? "all the same" : "\(result.differences.count) differ\(result.differences.count == 1 ? "s" : "")").",
        ]
        for difference in result.differences {
            lines.append("")
            if difference.exchange == 0 {
                lines.append("At the start:")
            } else {
                let answer = difference.answer.map { "\"\(excerpt($0))\"" } ?? "(skipped)"
                let prompt = difference.probe.map { "probe '\($0)'" } ?? "question '\(difference.question)'"
                lines.append("After answer \(difference.exchange), to \(prompt): \(answer)")
            }
            let width = max(difference.recorded.description.count, difference.now.description.count) + 2
            lines.append("  recorded  " + pad(difference.recorded.description, width) + difference.recordedReason)
            lines.append("  now       " + pad(difference.now.description, width) + difference.nowReason)
        }
        if let stopped = result.stoppedEarly {
            lines.append("")
            lines.append("Stopped comparing: \(stopped).")
        }
        return lines.joined(separator: "\n")
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

/// The `replay --reanalyze --format json` report.
struct ReanalysisJSON: Encodable {
    struct Difference: Encodable {
        var exchange: Int
        var question: String
        var probe: String?
        var answer: String?
        var recorded: String
        var recordedReason: String
        var now: String
        var nowReason: String

        enum CodingKeys: String, CodingKey {
            case exchange, question, probe, answer, recorded, now
            case recordedReason = "recorded_reason"
            case nowReason = "now_reason"
        }
    }

    var scenario: String
    var scenarioUnchanged: Bool
    var analyzers: [String]
    var compared: Int
    var differences: [Difference]
    var stoppedEarly: String?

    enum CodingKeys: String, CodingKey {
        case scenario, analyzers, compared, differences
        case scenarioUnchanged = "scenario_unchanged"
        case stoppedEarly = "stopped_early"
    }

    init(_ result: Reanalysis, scenario: String, unchanged: Bool, analyzers: [String]) {
        self.scenario = scenario
        scenarioUnchanged = unchanged
        self.analyzers = analyzers
        compared = result.compared
        stoppedEarly = result.stoppedEarly
        differences = result.differences.map {
            Difference(exchange: $0.exchange, question: $0.question, probe: $0.probe, answer: $0.answer, recorded: $0.recorded.description, recordedReason: $0.recordedReason, now: $0.now.description, nowReason: $0.nowReason)
        }
    }
}
