import ArgumentParser
import Foundation
import InterviewKit

extension Rehearse {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a mock interview.",
            discussion: """
                Type each answer over as many lines as you like; an empty line ends it. \
                At the start of an answer, :skip moves to the next question, :hint shows a hint and :quit stops. \
                Answers can also be piped in, one block per answer separated by empty lines.
                """)

        @Argument(help: "Scenario file (default: the bundled quick start).")
        var scenario: String?

        @Option(help: "Seed for choosing among a question's phrasings; the same seed gives the same interview.")
        var seed: UInt64?

        @Option(help: "Most follow-up probes per question, overriding the scenario.")
        var maxProbes: Int?

        @Flag(help: "Ask the questions only, with no follow-up probes.")
        var noProbes = false

        @Flag(help: "Show why each follow-up or branch was chosen.")
        var explain = false

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func validate() throws {
            if let maxProbes, maxProbes < 0 {
                throw ValidationError("--max-probes must be 0 or more")
            }
            if noProbes && maxProbes != nil {
                throw ValidationError("--no-probes and --max-probes contradict each other; use one")
            }
        }

        func run() throws {
            try reportingFailures {
                let analyzers = try analyzerOptions.resolve()
                let scenario = try ScenarioFile.load(path: self.scenario, analyzers: analyzers)
                let engine = InterviewEngine(
                    scenario: scenario, analyzers: analyzers,
                    options: EngineOptions(maxProbes: maxProbes, probesEnabled: !noProbes))
                var session = PlainInterview(engine: engine, seed: seed ?? UInt64.random(in: 0...999_999), explain: explain)
                session.run()
            }
        }
    }
}
