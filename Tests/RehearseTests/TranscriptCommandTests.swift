import Foundation
import Testing

@Suite struct TranscriptCommandTests {
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-transcripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func answerLines(_ path: String) -> Int {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.contains("\"type\":\"answer\"") }.count
    }

    static let answers = [
        "I always try to stay calm.",
        "Last spring a woman in our group said she wanted to die. I sat with her and I called the crisis line with her.",
        "She went to the hospital that night and she came back to group a week later.",
        "Last month a new member asked about my past. I told him a little and asked what he wanted for himself. He came back the next week.",
    ]

    @Test func killedAfterTwoAnswersThenResumed() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("killed.jsonl").path

        let process = Process()
        process.executableURL = Rehearse.binary
        process.arguments = ["run", "--seed", "1", "--transcript", transcript, Rehearse.fixture("branching.xml")]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        input.fileHandleForWriting.write(Data((Self.answers[0] + "\n\n" + Self.answers[1] + "\n\n").utf8))
        // Wait (bounded) until both answers are on disk, then kill without warning.
        let deadline = Date().addingTimeInterval(20)
        while answerLines(transcript) < 2 && Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(answerLines(transcript) == 2)

        let resumed = try Rehearse.run(["run", "--resume", transcript], input: Self.answers[2] + "\n\n" + Self.answers[3] + "\n\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.hasPrefix("Resuming End-to-end fixture — 2 answers so far."))
        #expect(resumed.stdout.contains("Interviewer: How did it turn out?"))
        #expect(resumed.stdout.contains("Interviewer: Thanks, that is all."))
        #expect(answerLines(transcript) == 4)

        let replay = try Rehearse.run(["replay", transcript])
        #expect(replay.status == 0)
        for answer in Self.answers { #expect(replay.stdout.contains("You: \(answer)")) }
        let again = try Rehearse.run(["run", "--resume", transcript])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already reached its end"))
    }

    @Test func replayFormatsAndAnEditedScenario() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.xml")
        try FileManager.default.copyItem(atPath: Rehearse.fixture("branching.xml"), toPath: scenario.path)
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let run = try Rehearse.run(["run", "--seed", "1", "--transcript", transcript, scenario.path], input: Self.answers.joined(separator: "\n\n") + "\n\n")
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("Transcript: \(transcript)\nFeedback:   \(folder.appendingPathComponent("t.md").path)\n"))

        let markdown = try Rehearse.run(["replay", "--format", "markdown", transcript])
        #expect(markdown.stdout.hasPrefix("# End-to-end fixture"))
        let page = folder.appendingPathComponent("report.html").path
        let html = try Rehearse.run(["replay", "--format", "html", "--output", page, transcript])
        #expect(html.status == 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("chip yes"))
        #expect(try Rehearse.run(["replay", "--reanalyze", transcript]).status == 0)

        // Edit the scenario: one probe per question instead of two, so the second probe is not asked now;
        // the content hash differs, which replay mentions but does not refuse.
        let edited = try String(contentsOf: scenario, encoding: .utf8).replacingOccurrences(of: "max-probes=\"2\"", with: "max-probes=\"1\"")
        try edited.write(to: scenario, atomically: true, encoding: .utf8)
        let plain = try Rehearse.run(["replay", transcript])
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("has changed since this interview was recorded"))
        let compared = try Rehearse.run(["replay", "--reanalyze", transcript])
        #expect(compared.status == 1)
        #expect(compared.stdout.contains("(changed since the recording)"))
        #expect(compared.stdout.contains("  recorded  probe 'crisis-result'"))
        #expect(compared.stdout.contains("  now       question 'boundaries'"))
        let json = try Rehearse.run(["replay", "--reanalyze", "--format", "json", transcript])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["scenario_unchanged"] as? Bool == false)
        #expect((object["differences"] as? [Any])?.count == 1)
    }

    @Test func transcriptPlaceProblemsAreReportedBeforeTheInterview() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("exists.jsonl").path
        _ = FileManager.default.createFile(atPath: existing, contents: Data())
        let clash = try Rehearse.run(["run", "--transcript", existing], input: "An answer.\n\n")
        #expect(clash.status == 74)
        #expect(clash.stderr.contains("already exists"))
        #expect(!clash.stdout.contains("Interviewer:"))
        let nowhere = try Rehearse.run(["run", "--transcript", "/proc/no-such-dir/t.jsonl"], input: "An answer.\n\n")
        #expect(nowhere.status == 74)
        #expect(!nowhere.stdout.contains("Interviewer:"))
    }

    /// A disk that fills up mid-interview: the answer that could not be saved is shown so it can be
    /// kept, the transcript stays whole (no half-written line), and the interview can be resumed.
    @Test func aWriteFailureMidInterviewLosesNothing() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("full.jsonl").path
        // Sized so the answer's line does not fit in the transcript's 16 KB, but the answer does fit in stderr (also 16 KB).
        let answer = "Last year a client refused to talk to me, so I sat with him and asked about his music. " + String(repeating: "I kept listening. ", count: 830)
        let result = try Rehearse.run(["run", "--seed", "1", "--transcript", path], input: "A first answer that fits.\n\n\(answer)\n\n", fileSizeLimit: 16384)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("this answer could not be saved; here it is, so you can keep it:\n\(answer)"))
        #expect(result.stderr.contains("File too large; the answers before this one are saved in \(path); once there is room, continue with: \(Rehearse.binary.path) run --resume \(path)"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasSuffix("\n"))
        #expect(saved.contains("A first answer that fits."))
        let replay = try Rehearse.run(["replay", path])
        #expect(replay.status == 0)
        #expect(replay.stderr.isEmpty, "a clean file, no cut-off line: \(replay.stderr)")
        let resumed = try Rehearse.run(["run", "--resume", path], input: "\(answer)\n\n:quit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("I kept listening."))
    }

    /// Too little room where the transcript goes is reported before the first question (needs root for a small tmpfs).
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")))
    func aNearlyFullDiskIsReportedBeforeTheInterview() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=256k", "tmpfs", folder.path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }  // no permission to mount here (a restricted container)
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [folder.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let result = try Rehearse.run(["run", "--transcript", folder.appendingPathComponent("t.jsonl").path], input: "An answer.\n\n")
        #expect(result.status == 74)
        #expect(result.stderr.contains("KB free on the disk for"))
        #expect(result.stderr.contains("choose another place with --transcript PATH"))
        #expect(!result.stdout.contains("Interviewer:"))
    }

    /// A paced replay shows the interview as it was: each probe's reason names the competency by its label.
    @Test func aPacedReplayShowsTheInterviewAsItWas() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        // The first question (why peer work) is skipped: the relapse question's probes are the point.
        let answers = ":skip\nLast month a man I support stopped answering his phone. I went by his place and I knocked on his door.\n\nIn the end he let me in and we talked for an hour.\n\n:quit\n"
        let run = try Rehearse.run(["run", "--seed", "1", "--transcript", transcript, "Scenarios/peer-specialist.xml"], input: answers)
        #expect(run.status == 0, "\(run.stderr)")
        let replay = try Rehearse.run(["replay", "--pace", "1000", transcript])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("I wanted to hear more about recognizing relapse warning signs in what you did."), "\(replay.stdout)")
        #expect(replay.stdout.contains("You: In the end he let me in and we talked for an hour."))
        let plain = try Rehearse.run(["replay", transcript])
        #expect(plain.stdout.contains("I wanted to hear more about recognizing relapse warning signs in what you did."), "the paced replay and the plain one agree")
    }

    @Test func replayErrors() throws {
        #expect(try Rehearse.run(["replay", "/no/such.jsonl"]).status == 66)
        let notTranscript = try Rehearse.run(["replay", Rehearse.fixture("broken.xml")])
        #expect(notTranscript.status == 65)
        #expect(notTranscript.stderr.contains(":1:1: error: not a Rehearse transcript"))
        #expect(try Rehearse.run(["replay", "--pace", "0", "x.jsonl"]).status == 64)
        #expect(try Rehearse.run(["replay", "--scenario", "x.xml", "x.jsonl"]).status == 64)
    }
}
