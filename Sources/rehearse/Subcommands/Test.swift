import ArgumentParser
import Foundation
import InterviewKit

extension Rehearse {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run scenario tests: *.test.json files, and recorded transcripts, in a folder.",
            discussion: """
                A test file lists answers along a path and the question, probe or end expected after each \
                (format in docs/authoring-guide.md). A transcript (.jsonl) recorded against a scenario in the \
                folder is a test too: every recorded decision must come out the same. Prints pass or fail for \
                each, then what no test reached. Exit status 1 when any test fails.
                """)

        @Argument(help: "Folders or files to test (default: Scenarios).")
        var paths: [String] = ["Scenarios"]

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            try reportingFailures {
                let analyzers = try analyzerOptions.resolve()
                let files = try collect()
                guard !files.isEmpty else {
                    throw CommandFailure.noInput("no *.test.json files or transcripts in \(paths.joined(separator: ", "))")
                }
                var failed = 0
                var passed = 0
                var coverage: [String: (scenario: Scenario, coverage: ScenarioTestSuite.Coverage)] = [:]
                var scenarios: [String: ScenarioFile] = [:]
                func scenario(_ path: String) throws -> ScenarioFile {
                    let key = URL(fileURLWithPath: path).standardizedFileURL.path
                    if let loaded = scenarios[key] { return loaded }
                    let loaded = try ScenarioFile.load(path: path, analyzers: analyzers)
                    scenarios[key] = loaded
                    return loaded
                }
                for file in files where file.hasSuffix(".test.json") {
                    let suite: ScenarioTestSuite
                    do {
                        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure.noInput("cannot read \(file)") }
                        suite = try ScenarioTestSuite.parse(data, path: file)
                    } catch let error as ScenarioTestError {
                        throw CommandFailure.data("\(error)")
                    }
                    let loaded = try scenario(suite.scenarioPath)
                    let engine = InterviewEngine(scenario: loaded.scenario, analyzers: analyzers)
                    let (failures, reached) = suite.run(with: engine)
                    for testCase in suite.cases {
                        if let failure = failures.first(where: { $0.caseName == testCase.name }) {
                            failed += 1
                            print("FAIL \(file): \(testCase.name)")
                            print("     step \(failure.step): expected \(failure.expected), got \(failure.actual) (\(failure.reason))")
                        } else {
                            passed += 1
                            print("pass \(file): \(testCase.name)")
                        }
                    }
                    coverage[loaded.path, default: (loaded.scenario, .init())].coverage.formUnion(reached)
                }
                for file in files where file.hasSuffix(".jsonl") {
                    let transcript = try TranscriptFile.read(file, analyses: false)
                    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
                    let candidates = [transcript.header.scenario.path, folder.appendingPathComponent(URL(fileURLWithPath: transcript.header.scenario.path).lastPathComponent).path]
                    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                        failed += 1
                        print("FAIL \(file): its scenario \(transcript.header.scenario.path) is not found")
                        continue
                    }
                    let loaded = try scenario(path)
                    let result = Reanalysis.run(transcript, engine: InterviewEngine(scenario: loaded.scenario, analyzers: analyzers, options: transcript.header.options))
                    if result.differences.isEmpty && result.stoppedEarly == nil {
                        passed += 1
                        print("pass \(file): \(result.compared) recorded decisions")
                    } else {
                        failed += 1
                        print("FAIL \(file): \(result.differences.count) decision(s) differ; `rehearse replay --reanalyze \(file)` shows them")
                    }
                }
                for (path, entry) in coverage.sorted(by: { $0.key < $1.key }) {
                    let missing = entry.coverage.missing(in: entry.scenario)
                    if missing.isEmpty {
                        print("\(path): tests reach every question, probe and branch")
                    } else {
                        print("\(path): not reached by any test: \(missing.joined(separator: ", "))")
                    }
                }
                print("\(passed) passed, \(failed) failed")
                if failed > 0 { throw ExitCode(1) }
            }
        }

        private func collect() throws -> [String] {
            var files: [String] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CommandFailure.noInput("no such file or folder \(path)")
                }
                if !isDirectory.boolValue {
                    guard path.hasSuffix(".test.json") || path.hasSuffix(".jsonl") else {
                        throw CommandFailure.usage("\(path) is neither a scenario test (NAME.test.json) nor a transcript (.jsonl)")
                    }
                    files.append(path)
                    continue
                }
                let enumerator = FileManager.default.enumerator(atPath: path)
                while let name = enumerator?.nextObject() as? String {
                    if name.hasSuffix(".test.json") || name.hasSuffix(".jsonl") { files.append((path as NSString).appendingPathComponent(name)) }
                }
            }
            return files.sorted()
        }
    }
}
