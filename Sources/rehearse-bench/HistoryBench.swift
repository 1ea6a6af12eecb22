import Foundation
import InterviewKit
import SystemIO

extension RehearseBench {
    // MARK: 6. Practice history

    /// The history's targets (issue 22): recording adds at most 1 ms p99 to a turn; `history` and
    /// `progress` on 10,000 sessions print in under 100 ms with a peak under 64 MiB; `--rebuild`
    /// of 1,000 ten-answer transcripts takes under 5 s on one core.
    static func historyFigures() throws {
        print("6. Practice history")
        try recordingCost()
        try readingLargeHistory()
        print("")
    }

    /// The scenario the figures are taken on: its path, content hash, and an interviewer for it.
    static func clinicianBehavioral() throws -> (path: String, contentHash: String, scenario: Scenario, interviewer: Interviewer) {
        let path = root.appendingPathComponent("Scenarios/clinician-behavioral.xml").path
        let loaded = ScenarioLoader(analyzers: analyzers).load(contentsOf: path)
        guard let scenario = loaded.scenario else { throw BenchError("cannot load \(path)") }
        return (path, loaded.contentHash ?? "", scenario, Interviewer(scenario: scenario, analyzers: analyzers))
    }

    /// Whole turns (analyse, decide, write the transcript) with and without recording into the
    /// history, interleaved in one run so that both see the same machine.
    static func recordingCost() throws {
        let (path, contentHash, scenario, interviewer) = try clinicianBehavioral()
        let folder = scratch.appendingPathComponent("recording/transcripts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (history, _) = try PracticeHistory.open(at: scratch.appendingPathComponent("recording/history.sqlite").path, transcripts: folder.path)
        let answers = try corpusAnswers()
        let interviews = quick ? 40 : 200
        var plain: [Double] = [], recorded: [Double] = []
        for index in 0..<(2 * interviews) {
            let withHistory = index % 2 == 1
            let file = folder.appendingPathComponent("s\(index).jsonl").path
            let header = TranscriptHeader(
                scenario: scenario, contentHash: contentHash, path: path, analyzers: analyzers, seed: UInt64(index), options: EngineOptions(),
                started: Date())
            let session = InterviewSession(
                interviewer: interviewer, writer: try TranscriptWriter(creating: file, header: header), header: header,
                feedbackPath: try InterviewSession.claimFeedbackFile(for: file, resuming: false))
            if withHistory { session.history = history }
            _ = try session.start()
            var turn = 0
            while !session.isOver && turn < 10 {
                let answer = answers[(index * 13 + turn) % answers.count]
                let start = Measure.now()
                _ = try session.answer(answer)
                let seconds = Double(Measure.now() - start) / 1e9
                if withHistory { recorded.append(seconds) } else { plain.append(seconds) }
                turn += 1
            }
            if !session.isOver { _ = try session.stop(because: "benchmark") }
        }
        let table = Table(columns: [("a turn of clinician-behavioral, up to 10 per interview", 56), ("p50", 10), ("p99", 10), ("max", 10)])
        table.header()
        for (label, samples) in [("transcript only", plain), ("transcript and history (target: p99 +1 ms at most)", recorded)] {
            table.row(
                label, Measure.format(seconds: Measure.percentile(samples, 0.5)), Measure.format(seconds: Measure.percentile(samples, 0.99)),
                Measure.format(seconds: samples.max() ?? 0))
        }
        let added = Measure.percentile(recorded, 0.99) - Measure.percentile(plain, 0.99)
        print("   the history adds \(Measure.format(seconds: max(0, added))) at p99 (\(plain.count) and \(recorded.count) turns)")
    }

    /// `rehearse history`, `progress` and `--rebuild` as a user runs them, on generated histories.
    static func readingLargeHistory() throws {
        let (path, contentHash, scenario, interviewer) = try clinicianBehavioral()

        // 1,000 ten-answer transcripts, indexed from nothing by `history --rebuild`.
        let small = scratch.appendingPathComponent("rebuild")
        let smallFolder = small.appendingPathComponent("rehearse/transcripts")
        _ = try writeTranscripts(count: 1_000, turns: 10, into: smallFolder, engine: interviewer, scenarioPath: path, contentHash: contentHash)
        setenv("XDG_DATA_HOME", small.path, 1)
        _ = ChildRun.run(rehearse, ["history"])
        let rebuilds = (0..<3).compactMap { _ in ChildRun.run("/usr/bin/taskset", ["-c", "0", rehearse, "history", "--rebuild"]) }
        let table = Table(columns: [("command", 72), ("median", 10), ("max RSS", 10)])
        table.header()
        table.row(
            "history --rebuild: 1,000 ten-answer transcripts, one core (target < 5 s)", Measure.format(seconds: Measure.percentile(rebuilds.map(\.seconds), 0.5)),
            PeakMemory.of(rehearse, ["history", "--rebuild"]))

        // 10,000 sessions: ten template transcripts copied, their rows stored directly (indexing
        // them one by one is what --rebuild measures above).
        let large = scratch.appendingPathComponent("large")
        let largeFolder = large.appendingPathComponent("rehearse/transcripts")
        let templates = scratch.appendingPathComponent("templates")
        _ = try writeTranscripts(count: 10, turns: 10, into: templates, engine: interviewer, scenarioPath: path, contentHash: contentHash)
        try FileManager.default.createDirectory(at: largeFolder, withIntermediateDirectories: true)
        let (history, _) = try PracticeHistory.open(at: large.appendingPathComponent("rehearse/history.sqlite").path, transcripts: largeFolder.path)
        var template: [IndexedSession] = []
        for index in 0..<10 {
            let source = templates.appendingPathComponent("t\(index).jsonl").path
            let transcript = try TranscriptReader.read(contentsOf: source).transcript
            template.append(IndexedSession(transcript, path: source, file: FileIdentity.of(source)!, contentHash: nil, scenario: scenario))
        }
        let start = Date().timeIntervalSince1970 - 10_000 * 3_600
        var batch: [IndexedSession] = []
        for index in 0..<10_000 {
            let file = largeFolder.appendingPathComponent(String(format: "2026%05d-q.jsonl", index)).path
            try FileManager.default.copyItem(atPath: templates.appendingPathComponent("t\(index % 10).jsonl").path, toPath: file)
            var session = template[index % 10]
            session.session.name = String(format: "2026%05d-q", index)
            session.session.transcriptPath = file
            let identity = FileIdentity.of(file)!
            session.session.fileSize = identity.size
            session.session.fileModified = identity.modified
            session.session.started = start + Double(index) * 3_600
            batch.append(session)
            if batch.count == 500 {
                try history.store(batch)
                batch.removeAll()
            }
        }
        try history.store(batch)
        setenv("XDG_DATA_HOME", large.path, 1)
        for (label, arguments) in [
            ("history on 10,000 sessions (the newest 30; target < 100 ms, < 64 MiB)", ["history"]), ("history --all on 10,000 sessions", ["history", "--all"]),
            ("progress on 10,000 sessions (target < 100 ms)", ["progress"]),
            ("progress --format html on 10,000 sessions", ["progress", "--format", "html"]),
        ] {
            let runs = (0..<5).compactMap { _ in ChildRun.run(rehearse, arguments) }
            table.row(label, Measure.format(seconds: Measure.percentile(runs.map(\.seconds), 0.5)), PeakMemory.of(rehearse, arguments))
        }
        unsetenv("XDG_DATA_HOME")
    }
}
