import ArgumentParser
import Foundation
import InterviewKit

extension Rehearse {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and report every problem with its line and column.",
            discussion: "Exit status: 0 when all files are valid, 65 when any has errors, 66 when a file cannot be read.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "Scenario files to check.")
        var files: [String]

        @Option(help: "Output format: text (compiler-style) or json.")
        var format: Format = .text

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            try reportingFailures {
                let loader = ScenarioLoader(analyzers: try analyzerOptions.resolve())
                var reports: [FileReport] = []
                for file in files {
                    let result = loader.load(contentsOf: file)
                    reports.append(FileReport(path: file, ok: !result.diagnostics.hasErrors, diagnostics: result.diagnostics))
                }
                switch format {
                case .text:
                    for report in reports {
                        if report.diagnostics.isEmpty {
                            print("\(report.path): ok")
                        }
                        for diagnostic in report.diagnostics {
                            print(diagnostic)
                        }
                    }
                case .json:
                    print(try JSONOutput.string(ValidationReport(files: reports)))
                }
                let unreadable = ["no-such-file", "is-directory", "unreadable"]
                if reports.contains(where: { $0.diagnostics.contains { unreadable.contains($0.code) } }) {
                    throw ExitStatus.noInput
                }
                if reports.contains(where: { !$0.ok }) {
                    throw ExitStatus.dataError
                }
            }
        }
    }

    struct FileReport: Encodable {
        var path: String
        var ok: Bool
        var diagnostics: [Diagnostic]
    }

    struct ValidationReport: Encodable {
        var files: [FileReport]
    }
}
