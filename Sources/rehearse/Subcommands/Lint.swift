import ArgumentParser
import FoundationEssentials
import InterviewKit

extension Rehearse {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check scenario files for everything validate checks, and for structural problems.",
            discussion: """
                Beyond validate: questions no interview reaches, endings left implicit, probes that can never \
                be asked or repeat another, branches never taken, loops, competencies never assessed, and \
                behavioral questions without a hint. Exit status: 0 when clean (warnings allowed unless --werror), \
                65 when there are errors, 66 when a file cannot be read.
                """)

        @Argument(help: "Scenario files to check, or names of bundled scenarios (quick-start, peer-specialist, …).")
        var files: [String]

        @Option(help: "Output format: text (compiler-style) or json.")
        var format: Validate.Format = .text

        @Flag(help: "Treat warnings as errors.")
        var werror = false

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            try reportingFailures {
                let analyzers = try analyzerOptions.resolve()
                let loader = ScenarioLoader(analyzers: analyzers, available: AnalyzerRegistry.builtIn.identifiers)
                var reports: [FileReport] = []
                for file in try files.map({ try ScenarioFile.resolve($0) ?? $0 }) {
                    let result = loader.load(contentsOf: file)
                    var diagnostics = result.diagnostics
                    if let scenario = result.scenario {
                        diagnostics += ScenarioLinter(catalog: loader.catalog).lint(scenario)
                    }
                    if werror {
                        diagnostics = diagnostics.map { diagnostic in
                            var promoted = diagnostic
                            if promoted.severity == .warning { promoted.severity = .error }
                            return promoted
                        }
                    }
                    reports.append(FileReport(path: file, ok: !diagnostics.hasErrors, diagnostics: diagnostics.sortedByLocation()))
                }
                try DiagnosticReport.print(reports, format: format)
            }
        }
    }
}
