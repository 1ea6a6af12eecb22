import ArgumentParser
import FoundationEssentials
import InterviewKit

extension Rehearse {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check scenario files and report every problem with its line and column.",
            discussion: "Exit status: 0 when all files are valid, 65 when any has errors, 66 when a file cannot be read.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "Scenario files to check, or names of bundled scenarios (quick-start, peer-specialist, …).")
        var files: [String]

        @Option(help: "Output format: text (compiler-style) or json.")
        var format: Format = .text

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            try reportingFailures {
                let loader = ScenarioLoader(analyzers: try analyzerOptions.resolve(), available: AnalyzerRegistry.builtIn.identifiers)
                var reports: [FileReport] = []
                for file in try files.map({ try ScenarioFile.resolve($0) ?? $0 }) {
                    let result = loader.load(contentsOf: file)
                    reports.append(FileReport(path: file, ok: !result.diagnostics.hasErrors, diagnostics: result.diagnostics))
                }
                try DiagnosticReport.print(reports, format: format)
            }
        }
    }
}
