import CLibXML2
import Foundation
import InterviewKit
import SystemIO

/// Prints how fast Rehearse is, each figure beside a baseline measured in the same run.
/// Build with `swift build -c release --static-swift-stdlib`, then run `.build/release/rehearse-bench [--quick]`.
@main
struct RehearseBench {
    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    static let rehearse = binaries.appendingPathComponent("rehearse").path
    static let quick = CommandLine.arguments.contains("--quick")
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bench-\(getpid())")

    static func main() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // --keep leaves the generated scenarios, corpus and transcripts, for profiling.
        defer {
            if CommandLine.arguments.contains("--keep") {
                print("Generated files kept in \(scratch.path)")
            } else {
                try? FileManager.default.removeItem(at: scratch)
            }
        }
        #if DEBUG
        print("warning: this is a debug build; build with `swift build -c release --static-swift-stdlib` and run `.build/release/rehearse-bench`\n")
        #endif
        guard FileManager.default.isExecutableFile(atPath: rehearse) else {
            print("error: no rehearse binary beside the benchmark at \(rehearse); run `swift build -c release --static-swift-stdlib` first")
            exit(1)
        }
        print("Rehearse benchmarks — \(Date()) — \(ProcessInfo.processInfo.activeProcessorCount) cores — \(cpuModel())")
        print("rehearse: \(buildKind())")
        print("")
        if wants("loading") { try scenarioLoading() }
        if wants("analyzers") { try analyzerThroughput() }
        if wants("engine") { try engineLatency() }
        if wants("replay") { try replayThroughput() }
        if wants("startup") { startup() }
        if wants("history") { try historyFigures() }
        if wants("serve") { try serveFigures() }
    }

    /// `--only loading,analyzers,engine,replay,startup,history,serve` runs some sections (for profiling one of them).
    static func wants(_ section: String) -> Bool {
        guard let index = CommandLine.arguments.firstIndex(of: "--only"), index + 1 < CommandLine.arguments.count else { return true }
        return CommandLine.arguments[index + 1].split(separator: ",").contains { $0 == section }
    }

    static func cpuModel() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        return info.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    }

    /// Whether the measured binary carries the Swift runtime or loads it at start, and its size:
    /// start-up, and so the loading ratios, differ by a few milliseconds between the two.
    static func buildKind() -> String {
        let size = ((try? FileManager.default.attributesOfItem(atPath: rehearse)[.size]) as? Int).map { " (\($0 / 1_000_000) MB)" } ?? ""
        // The dynamic loader lists the libraries it would load instead of running the program.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rehearse)
        process.arguments = ["--version"]
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_TRACE_LOADED_OBJECTS": "1"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "unknown build\(size)" }
        let libraries = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return libraries.contains("libswiftCore.so")
            ? "dynamic build\(size), the Swift runtime loaded at start (the shipped build is `swift build -c release --static-swift-stdlib`)"
            : "self-contained build\(size), the Swift runtime linked in (`swift build -c release --static-swift-stdlib`)"
    }

    static var analyzers: AnalyzerSet { try! AnalyzerRegistry.installed.resolve(AnalyzerRegistry.defaultIdentifiers) }

    // MARK: 1. Scenario loading

    static func scenarioLoading() throws {
        print("1. Scenario loading (parse, validate, compile) against xmllint --noout, both as processes run by turns, median of 15 (5 over 4 MB)")
        let xmllint = ChildRun.which("xmllint")
        if xmllint == nil { print("   (xmllint is not installed: apt-get install libxml2-utils; its column stays empty)") }
        print("   in-process: the load inside this process, beside libxml2's own parse of the same bytes (no start-up in either)")
        print("   lint: rehearse lint on the same file, run by turns with the others, and its time over validate's")
        let table = Table(columns: [("scenario", 22), ("size", 9), ("rehearse", 10), ("xmllint", 10), ("ratio", 7), ("in-process", 11), ("libxml2", 10), ("ratio", 7), ("max RSS", 10), ("lint", 10), ("÷ valid.", 8)])
        table.header()
        // The usual shape at four sizes, then shapes that once made loading quadratic: a file
        // written on one line, and tags full of (unknown) attributes, each just under the limit.
        var shapes: [(label: String, xml: String, status: Int32)] = (quick ? [10, 100, 1_000] : [10, 100, 1_000, 10_000]).map {
            ("\($0) questions", ScenarioGenerator.xml(questions: $0), 0)
        }
        shapes.append(("1000 on one line", ScenarioGenerator.xml(questions: 1_000, oneLine: true), 0))
        if !quick { shapes.append(("10000 on one line", ScenarioGenerator.xml(questions: 10_000, oneLine: true), 0)) }
        shapes.append(("2000 tags × 250 attrs", ScenarioGenerator.attributeHeavy(tags: 2_000, attributes: 250), 65))
        for (number, shape) in shapes.enumerated() {
            let file = scratch.appendingPathComponent("scenario-\(number).xml")
            try shape.xml.write(to: file, atomically: true, encoding: .utf8)
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            // By turns, so that a busy moment on a shared machine falls on both programs alike.
            var runs: [Double] = []
            var baselines: [Double] = []
            var lints: [Double] = []
            for _ in 0..<(size > 4_000_000 ? 5 : 15) {
                guard let run = ChildRun.run(rehearse, ["validate", file.path]), run.exit == .exited(shape.status) else {
                    print("error: rehearse validate did not exit \(shape.status) on the generated scenario '\(shape.label)'")
                    exit(1)
                }
                runs.append(run.seconds)
                if let xmllint, let baseline = ChildRun.run(xmllint, ["--noout", file.path]) { baselines.append(baseline.seconds) }
                if let lint = ChildRun.run(rehearse, ["lint", file.path]), case .exited = lint.exit { lints.append(lint.seconds) }
            }
            let lint = lints.isEmpty ? nil : Measure.percentile(lints, 0.5)
            let ours = Measure.percentile(runs, 0.5)
            let loader = ScenarioLoader(analyzers: analyzers)
            let inProcess = Measure.median(5) { _ = loader.load(contentsOf: file.path) }
            let parse = Measure.median(5) { libxml2Parse(file.path) }
            var theirs = "-"
            var ratio = "-"
            if !baselines.isEmpty {
                let baseline = Measure.percentile(baselines, 0.5)
                theirs = Measure.format(seconds: baseline)
                ratio = String(format: "%.2f×", ours / baseline)
            }
            table.row(
                shape.label, "\(size / 1024) KiB", Measure.format(seconds: ours), theirs, ratio, Measure.format(seconds: inProcess),
                Measure.format(seconds: parse), String(format: "%.2f×", inProcess / parse), PeakMemory.of(rehearse, ["validate", file.path]),
                lint.map { Measure.format(seconds: $0) } ?? "-", lint.map { String(format: "%.2f×", $0 / ours) } ?? "-")
        }
        print("")
    }

    /// What `xmllint --noout` does inside its process: read the file, parse it into a tree, free it.
    static func libxml2Parse(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        data.withUnsafeBytes { buffer in
            guard let base = buffer.bindMemory(to: CChar.self).baseAddress,
                let document = xmlReadMemory(base, Int32(buffer.count), path, "UTF-8", options)
            else { return }
            xmlFreeDoc(document)
        }
    }

    // MARK: 2. Analyzer throughput

    static func corpusAnswers() throws -> [String] {
        var answers: [String] = []
        for name in ["dev", "test", "holdout"] {
            let path = root.appendingPathComponent("Tests/Fixtures/answers/\(name).jsonl").path
            answers += try LabelledAnswer.parseLines(String(contentsOfFile: path, encoding: .utf8), file: path).map(\.answer)
        }
        return answers
    }

    /// `star` (the learned model over the rules, the default), the rules alone beside it, and all
    /// the default analyzers: measured in one run, so their ratio is the figure to read.
    static func analyzerSets() throws -> [(String, AnalyzerSet)] {
        let star = try AnalyzerRegistry.installed.resolve(["star"])
        let all = AnalyzerRegistry.defaultIdentifiers.joined(separator: ",")
        // The default path has the token embeddings only when the model files are installed.
        let embedded = star.analyzers.first?.version.hasSuffix("+embeddings") == true
        var sets: [(String, AnalyzerSet)] = []
        if embedded { sets.append(("star (model + embeddings)", star)) }
        sets += [
            ("star (learned model)", try AnalyzerRegistry.builtIn.resolve(["star"])),
            ("star (rules alone)", star.replacing(STARAnalyzer(model: nil))),
        ]
        if embedded { sets.append((all + " (+ embeddings)", try AnalyzerRegistry.installed.resolve(AnalyzerRegistry.defaultIdentifiers))) }
        sets.append((all, try AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)))
        return sets
    }

    static func analyzerThroughput() throws {
        let answers = try corpusAnswers()
        let target = quick ? 2_000_000 : 8_000_000
        var corpus: [String] = []
        var bytes = 0
        while bytes < target {
            for answer in answers {
                corpus.append(answer)
                bytes += answer.utf8.count + 1
            }
        }
        let file = scratch.appendingPathComponent("corpus.txt")
        try corpus.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let megabytes = Double(bytes) / 1_000_000

        print("2. Analyzer throughput on \(corpus.count) answers (\(String(format: "%.1f", megabytes)) MB, the corpus repeated), one core")
        let table = Table(columns: [("analyzers", 34), ("answers/s", 11), ("MB/s", 8), ("× wc -w", 8)])
        table.header()
        var wcRate = 0.0
        if let wc = ChildRun.which("wc") {
            let seconds = Measure.percentile((0..<3).compactMap { _ in ChildRun.run(wc, ["-w", file.path])?.seconds }, 0.5)
            wcRate = megabytes / seconds
            table.row("wc -w (reads every byte once)", "-", String(format: "%.0f", wcRate), "1.00")
        }
        for (name, set) in try analyzerSets() {
            let context = AnalysisContext(kind: .behavioral)
            let seconds = Measure.median(3) {
                for answer in corpus { _ = set.analyze(answer, context: context) }
            }
            let rate = megabytes / seconds
            table.row(name, String(format: "%.0f", Double(corpus.count) / seconds), String(format: "%.1f", rate), wcRate > 0 ? String(format: "%.3f", rate / wcRate) : "-")
        }

        let words = answers.joined(separator: " ").split(separator: " ")
        let answer150 = words.prefix(150).joined(separator: " ")
        print("")
        print("   One 150-word answer, median of 20,000 analyses:")
        for (name, set) in try analyzerSets() {
            var samples: [Double] = []
            for _ in 0..<(quick ? 2_000 : 20_000) {
                let start = Measure.now()
                _ = set.analyze(answer150, context: AnalysisContext(kind: .behavioral))
                samples.append(Double(Measure.now() - start) / 1e9)
            }
            print("   \(name): p50 \(Measure.format(seconds: Measure.percentile(samples, 0.5))), p99 \(Measure.format(seconds: Measure.percentile(samples, 0.99)))")
        }
        if let run = ChildRun.run(rehearse, ["analyze", "--file", file.path]) {
            print("   The whole corpus as one answer (rehearse analyze --file): \(Measure.format(seconds: run.seconds)), peak memory \(PeakMemory.of(rehearse, ["analyze", "--file", file.path]))")
        }
        let evalFile = scratch.appendingPathComponent("corpus.jsonl")
        try corpus.enumerated().map { index, answer in
            // A label on every line, so eval analyses every answer (it skips what it cannot score).
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": "a\(index)", "answer": answer, "followup": "none"]), as: UTF8.self)
        }.joined(separator: "\n").write(to: evalFile, atomically: true, encoding: .utf8)
        if let run = ChildRun.run(rehearse, ["eval", evalFile.path]), run.exit == .exited(0) {
            print("   The corpus answer by answer (rehearse eval, \(corpus.count) answers): \(Measure.format(seconds: run.seconds)), peak memory \(PeakMemory.of(rehearse, ["eval", evalFile.path]))")
        }
        print("")
    }

    // MARK: 3. Engine turns

    static func engineLatency() throws {
        let answers = try corpusAnswers()
        let path = root.appendingPathComponent("Scenarios/quick-start.xml").path
        guard let scenario = ScenarioLoader(analyzers: analyzers).load(contentsOf: path).scenario else {
            print("error: cannot load \(path)")
            exit(1)
        }
        let engine = Interviewer(scenario: scenario, analyzers: analyzers)
        let turns = quick ? 10_000 : 100_000
        var samples: [Double] = []
        samples.reserveCapacity(turns)
        var turn = engine.engine.start(seed: 1)
        var seed: UInt64 = 1
        for index in 0..<turns {
            let answer = answers[index % answers.count]
            let start = Measure.now()
            turn = engine.respond(to: answer, in: turn.state)
            samples.append(Double(Measure.now() - start) / 1e9)
            if turn.state.hasEnded {
                seed += 1
                turn = engine.engine.start(seed: seed)
            }
        }
        print("3. Engine turn latency (analyse with the default analyzers, then decide), \(turns) turns on quick-start")
        print("   p50 \(Measure.format(seconds: Measure.percentile(samples, 0.5))), p99 \(Measure.format(seconds: Measure.percentile(samples, 0.99))), max \(Measure.format(seconds: samples.max() ?? 0))")
        print("")
    }

    // MARK: 4. Replay with re-analysis

    /// Writes `count` transcripts of `turns` answers each, recorded the way `rehearse run` records them.
    static func writeTranscripts(count: Int, turns: Int, into folder: URL, engine: Interviewer, scenarioPath: String, contentHash: String) throws -> Int {
        let answers = try corpusAnswers()
        let scenario = engine.scenario
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var bytes = 0
        for index in 0..<count {
            let path = folder.appendingPathComponent("t\(index).jsonl").path
            let header = TranscriptHeader(
                scenario: scenario, contentHash: contentHash, path: scenarioPath, analyzers: engine.analyzers, seed: UInt64(index),
                options: EngineOptions(), started: Date())
            let writer = try TranscriptWriter(creating: path, header: header)
            var recorder = TranscriptRecorder()
            var turn = engine.engine.start(seed: UInt64(index))
            for event in recorder.started(turn, at: Date()) { try writer.append(event) }
            var answered = 0
            while answered < turns, !turn.state.hasEnded {
                let answer = answers[(index * 7 + answered) % answers.count]
                turn = engine.respond(to: answer, in: turn.state)
                for event in recorder.answered(answer, seconds: 42, turn: turn, at: Date()) { try writer.append(event) }
                answered += 1
            }
            if !turn.state.hasEnded { try writer.append(recorder.stopped("benchmark", at: Date())) }
            bytes += (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        return bytes
    }

    static func replayThroughput() throws {
        let count = 1_000
        let folder = scratch.appendingPathComponent("transcripts")
        let scenarioPath = root.appendingPathComponent("Scenarios/clinician-behavioral.xml").path
        let loaded = ScenarioLoader(analyzers: analyzers).load(contentsOf: scenarioPath)
        guard let scenario = loaded.scenario else { throw BenchError("cannot load \(scenarioPath)") }
        let engine = Interviewer(scenario: scenario, analyzers: analyzers)
        // Recorded with the scenario's own path, so `rehearse test` finds it as `rehearse run` would.
        let bytes = try writeTranscripts(
            count: count, turns: 10, into: folder, engine: engine, scenarioPath: scenarioPath, contentHash: loaded.contentHash ?? "")
        let paths = (0..<count).map { folder.appendingPathComponent("t\($0).jsonl").path }
        print("4. Replay with re-analysis: \(count) transcripts of 10 answers (\(bytes / 1024) KiB), clinician-behavioral, median of 3")
        let table = Table(columns: [("how", 50), ("time", 10), ("transcripts/s", 14), ("max RSS", 10)])
        table.header()
        if let wc = ChildRun.which("wc") {
            let runs = (0..<3).compactMap { _ in ChildRun.run(wc, ["-l"] + paths) }
            let seconds = Measure.percentile(runs.map(\.seconds), 0.5)
            table.row("wc -l on all of them (reads every byte once)", Measure.format(seconds: seconds), String(format: "%.0f", Double(count) / seconds), "-")
        }
        var differences = 0
        let seconds = Measure.median(3) {
            differences = 0
            for path in paths {
                guard let transcript = try? TranscriptReader.read(contentsOf: path, analyses: false).transcript else { continue }
                differences += Reanalysis.run(transcript, interviewer: engine).differences.count
            }
        }
        table.row("in-process, one core: read, re-analyse, compare", Measure.format(seconds: seconds), String(format: "%.0f", Double(count) / seconds), "-")
        if differences != 0 { print("   warning: \(differences) decisions differ; the benchmark expects none") }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for (label, jobs) in [("rehearse test --jobs 1 FOLDER (one core)", 1), ("rehearse test FOLDER (all \(cores) cores)", cores)] {
            let arguments = ["test", "--jobs", "\(jobs)", folder.path]
            let runs = (0..<3).compactMap { _ in ChildRun.run(rehearse, arguments) }
            guard runs.count == 3, runs.allSatisfy({ $0.exit == .exited(0) }) else {
                print("   rehearse test on the transcripts failed (status \(runs.map(\.status)))")
                continue
            }
            let seconds = Measure.percentile(runs.map(\.seconds), 0.5)
            table.row(label, Measure.format(seconds: seconds), String(format: "%.0f", Double(count) / seconds), PeakMemory.of(rehearse, arguments))
        }
        print("")
    }

    // MARK: 5. Start-up

    static func startup() {
        print("5. Start-up wall time, median of 20 runs, against /bin/true")
        let table = Table(columns: [("command", 44), ("median", 10), ("max RSS", 10)])
        table.header()
        let quickStart = root.appendingPathComponent("Scenarios/quick-start.xml").path
        for (label, path, arguments) in [
            ("/bin/true", "/bin/true", [String]()), ("rehearse --version", rehearse, ["--version"]),
            ("rehearse validate Scenarios/quick-start.xml", rehearse, ["validate", quickStart]),
        ] {
            let runs = (0..<20).compactMap { _ in ChildRun.run(path, arguments) }
            table.row(label, Measure.format(seconds: Measure.percentile(runs.map(\.seconds), 0.5)), PeakMemory.of(path, arguments))
        }
        print("")
    }
}
