import ArgumentParser
import FoundationEssentials
import InterviewKit
import SystemIO

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

        @Option(help: ArgumentHelp("Transcripts to re-analyse at once (default: one per processor; 1 with an external analyzer).", valueName: "n"))
        var jobs: Int?

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

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
                // Each scenario loaded once, with the analyzers prepared for it once.
                var scenarios: [String: (file: ScenarioFile, interviewer: Interviewer)] = [:]
                func scenario(_ path: String) throws -> (file: ScenarioFile, interviewer: Interviewer) {
                    let key = URL(fileURLWithPath: path).standardizedFileURL.path
                    if let loaded = scenarios[key] { return loaded }
                    let file = try ScenarioFile.load(path: path, analyzers: analyzers)
                    let loaded = (file, Interviewer(scenario: file.scenario, analyzers: analyzers))
                    scenarios[key] = loaded
                    return loaded
                }
                for file in files where file.hasSuffix(".test.json") {
                    let suite: ScenarioTestSuite
                    do {
                        let data: Data
                        switch FileBytes.contents(of: file, limit: InputLimits.scenarioTestBytes + 1) {
                        case .success(let bytes) where bytes.count <= InputLimits.scenarioTestBytes: data = Data(bytes)
                        case .success:
                            throw CommandFailure.data(
                                "\(file):1:1: error: the file is over \(InputLimits.describe(InputLimits.scenarioTestBytes)), the limit for a scenario test")
                        case .failure(let failure): throw CommandFailure.noInput("cannot read \(file): it \(FileBytes.describe(failure))")
                        }
                        suite = try ScenarioTestSuite.parse(data, path: file)
                    } catch let error as ScenarioTestError {
                        throw CommandFailure.data("\(error)")
                    }
                    let (loaded, interviewer) = try scenario(suite.scenarioPath)
                    let unknown = suite.unknownTargets(in: loaded.scenario, path: file)
                    if !unknown.isEmpty {
                        unknown.dropLast().forEach { printError($0.description) }
                        throw CommandFailure.data(unknown.last!.description)
                    }
                    let (failures, reached) = suite.run(with: interviewer)
                    for testCase in suite.cases {
                        if let failure = failures.first(where: { $0.caseName == testCase.name }) {
                            failed += 1
                            print("FAIL \(file): \(testCase.name)")
                            print("     \(failure)")
                        } else {
                            passed += 1
                            print("pass \(file): \(testCase.name)")
                        }
                    }
                    coverage[loaded.path, default: (loaded.scenario, .init())].coverage.formUnion(reached)
                }
                // Transcripts are independent: read and re-analyse them on every core, then report
                // in file order, exactly as one at a time would (up to the first that cannot be read).
                let transcripts = files.filter { $0.hasSuffix(".jsonl") }
                let jobs = analyzers.analysesInParallel ? jobs ?? ProcessInfo.processInfo.activeProcessorCount : 1
                let read = transcripts.parallelMap(jobs: jobs) { file in
                    Swift.Result {
                        let result = try TranscriptFile.readQuietly(file, analyses: false)
                        try TranscriptFile.requireWhole(result, path: file, purpose: "test")
                        return result
                    }
                }
                var checks: [TranscriptCheck] = []
                for (file, result) in zip(transcripts, read) {
                    let read: TranscriptReader.Result
                    do {
                        read = try result.get()
                    } catch {
                        checks.append(TranscriptCheck(file: file, warnings: [], outcome: .error(error)))
                        break
                    }
                    let transcript = read.transcript
                    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
                    let candidates = [transcript.header.scenario.path, folder.appendingPathComponent(URL(fileURLWithPath: transcript.header.scenario.path).lastPathComponent).path]
                    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                        checks.append(TranscriptCheck(file: file, warnings: read.warnings, outcome: .missingScenario(transcript.header.scenario.path)))
                        continue
                    }
                    do {
                        let interviewer = try scenario(path).interviewer.with(transcript.header.options)
                        checks.append(TranscriptCheck(file: file, warnings: read.warnings, outcome: .replay(transcript, interviewer), scenario: try scenario(path).file))
                    } catch {
                        checks.append(TranscriptCheck(file: file, warnings: read.warnings, outcome: .error(error)))
                        break
                    }
                }
                let outcomes = checks.parallelMap(jobs: jobs) { check -> TranscriptCheck.Outcome in
                    guard case .replay(let transcript, let interviewer) = check.outcome else { return check.outcome }
                    return .replayed(Reanalysis.run(transcript, interviewer: interviewer))
                }
                for (check, outcome) in zip(checks, outcomes) {
                    check.warnings.forEach { printError($0.description) }
                    switch outcome {
                    case .error(let error):
                        throw error
                    case .missingScenario(let path):
                        failed += 1
                        print("FAIL \(check.file): its scenario \(path) is not found")
                    case .replayed(let result):
                        if result.agrees {
                            passed += 1
                            print("pass \(check.file): \(result.compared) recorded decisions")
                            // A recorded interview that still runs the same way reaches what it recorded.
                            if let loaded = check.scenario {
                                var reached = ScenarioTestSuite.Coverage()
                                reached.questions = result.reachedQuestions
                                reached.probes = result.reachedProbes
                                reached.branches = result.reachedBranches
                                coverage[loaded.path, default: (loaded.scenario, .init())].coverage.formUnion(reached)
                            }
                        } else {
                            failed += 1
                            print("FAIL \(check.file): \(result.differences.count) decision(s) differ; `\(CommandName.invoked.shellWord) replay --reanalyze \(check.file.shellWord)` shows them")
                        }
                    case .replay:
                        break
                    }
                }
                for (path, entry) in coverage.sorted(by: { $0.key < $1.key }) {
                    let missing = entry.coverage.missing(in: entry.scenario)
                    if missing.isEmpty {
                        print("\(path): tests reach every question, probe and branch")
                    } else {
                        print("\(path): not reached by any test: \(missing.joined(separator: ", "))")
                    }
                    let untested = entry.coverage.untestedCompetencies(in: entry.scenario)
                    if !untested.isEmpty {
                        let what = entry.scenario.topics.isEmpty ? "competencies" : "competencies and topics"
                        print("\(path): \(what) no test checks both ways (\"shows\" and \"does-not-show\"): \(untested.joined(separator: ", "))")
                    } else if !entry.scenario.competencies.isEmpty {
                        print("\(path): tests check every competency\(entry.scenario.topics.isEmpty ? "" : " and topic") both ways")
                    }
                }
                print("\(passed) passed, \(failed) failed")
                if failed > 0 { throw ExitCode(1) }
            }
        }

        private func collect() throws -> [String] {
            var files: [String] = []
            for path in paths {
                var isDirectory = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CommandFailure.noInput("no such file or folder \(path)")
                }
                if !isDirectory {
                    guard path.hasSuffix(".test.json") || path.hasSuffix(".jsonl") else {
                        throw CommandFailure.usage("\(path) is neither a scenario test (NAME.test.json) nor a transcript (.jsonl)")
                    }
                    files.append(path)
                    continue
                }
                for name in (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? [] {
                    if name.hasSuffix(".test.json") || name.hasSuffix(".jsonl") { files.append(path.appendingPathComponent(name)) }
                }
            }
            return files.sorted()
        }
    }
}

/// One transcript on its way through `rehearse test`.
private struct TranscriptCheck: Sendable {
    enum Outcome: Sendable {
        /// Cannot be read, or its scenario cannot be loaded: the command stops here.
        case error(Error)
        case missingScenario(String)
        case replay(Transcript, Interviewer)
        case replayed(Reanalysis)
    }

    var file: String
    var warnings: [Diagnostic]
    var outcome: Outcome
    /// The scenario it is checked against, once found.
    var scenario: ScenarioFile? = nil
}
