import Foundation
import Testing

/// The practice history through the binary: interviews recorded as they go, listed, rebuilt,
/// mended when damaged, shared by two interviews at once, and forgotten on request.
@Suite struct HistoryCommandTests {
    /// A data folder for one test (the caller removes it); its history and transcripts live in it.
    static func dataFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let generalThenStory = "I always listen first.\n\nLast year a client refused to talk to me. I asked about his music and I listened.\n\nHe came back every week after that.\n\n:quit\n"
    static let completeStory = "Last year I had a client who was court ordered and refused to talk. I used reflective listening and asked what she wanted. She finished the program in three months.\n\n:quit\n"

    func sessions(_ environment: [String: String]) throws -> [[String: Any]] {
        let result = try Rehearse.run(["history", "--format", "json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stdout)")
    }

    @Test func interviewsAreRecordedListedAndComparedAcrossAttempts() throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_DATA_HOME": folder.path]
        #expect(try Rehearse.run(["history"], environment: environment).stdout.contains("No interviews in the history yet."))
        #expect(try Rehearse.run(["run", "--seed", "3"], input: Self.generalThenStory, environment: environment).status == 0)
        #expect(try Rehearse.run(["run", "--seed", "4"], input: Self.completeStory, environment: environment).status == 0)
        let listed = try sessions(environment)
        #expect(listed.count == 2)
        #expect(listed.allSatisfy { $0["scenario"] as? String == "quick-start" && $0["questions_answered"] as? Int == 1 })
        // Newest first: the second interview needed no follow-up, the first needed two.
        #expect(listed.map { $0["followups"] as? Int } == [0, 2], "\(listed)")
        let text = try Rehearse.run(["history"], environment: environment)
        #expect(text.stdout.hasPrefix("Session "), "\(text.stdout)")
        #expect(text.stdout.contains("2 sessions."))
        #expect(try Rehearse.run(["history", "--scenario", "career-goals"], environment: environment).stdout.contains("No interviews"))
        #expect(try sessions(environment.merging(["X": "1"]) { a, _ in a }).count == 2)
        let filtered = try Rehearse.run(["history", "--format", "json", "--question", "reluctant-client", "--since", "2000-01-01"], environment: environment)
        #expect((try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [Any])?.count == 2)
        let compared = try Rehearse.run(["progress", "--question", "reluctant-client"], environment: environment)
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(compared.stdout.contains(": 2 attempts"))
        #expect(compared.stdout.contains("2 (example, result)"), "\(compared.stdout)")
        #expect(compared.stdout.contains("Better than the first time: "), "\(compared.stdout)")
        #expect(compared.stdout.contains("gave a specific example without being asked"), "\(compared.stdout)")
        // Piped: the trends in words, not sparklines.
        let progress = try Rehearse.run(["progress"], environment: environment)
        #expect(progress.stdout.contains("Needed an example      100%, 0% (oldest to latest); better"), "\(progress.stdout)")
        #expect(!progress.stdout.contains("▁"))
        #expect(progress.stdout.contains("Practise next: reluctant-client (quick-start)"))
        // The weakest question is the one --weakest asks.
        let weakest = try Rehearse.run(["run", "--weakest", "--seed", "1"], input: ":quit\n", environment: environment)
        #expect(weakest.status == 0, "\(weakest.stderr)")
        #expect(weakest.stdout.hasPrefix("Practising your weakest question so far: “Think of a client who pushed back"), "\(weakest.stdout)")
        #expect(weakest.stdout.contains("Question 1 of 1"))
        #expect(try Rehearse.run(["history", "--since", "2026-02-30"], environment: environment).status == 64)
    }

    @Test func theHistoryIsOwnerOnlyAndRebuiltWithTheSameContent() throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_DATA_HOME": folder.path]
        #expect(try Rehearse.run(["run", "--seed", "3"], input: Self.generalThenStory, environment: environment, umask: "000").status == 0)
        let database = folder.appendingPathComponent("rehearse/history.sqlite").path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int)
        #expect(mode == 0o600, "\(String(mode, radix: 8))")
        let before = try Rehearse.run(["history", "--format", "json"], environment: environment).stdout
        // Deleted: made again from the transcripts, the same.
        try FileManager.default.removeItem(atPath: database)
        let again = try Rehearse.run(["history", "--format", "json"], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == before)
        let rebuilt = try Rehearse.run(["history", "--rebuild"], environment: environment)
        #expect(rebuilt.stdout.contains("Made the history again from "), "\(rebuilt.stdout)")
        #expect(try Rehearse.run(["history", "--format", "json"], environment: environment).stdout == before)
        // Damaged: replaced, with a line that says so, and the same content.
        try Data("this is not a database, just some bytes that a crash or a stray cp left behind".utf8).write(to: URL(fileURLWithPath: database))
        let mended = try Rehearse.run(["history", "--format", "json"], environment: environment)
        #expect(mended.status == 0, "\(mended.stderr)")
        #expect(mended.stderr.contains("note: the practice history \(database) could not be read"), "\(mended.stderr)")
        #expect(mended.stdout == before)
        // Made by a build whose first migration had other tables (its migrations recorded, an
        // index missing): made again, with a note, the same content.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP INDEX attemptRecord'); c.execute(\"DELETE FROM grdb_migrations WHERE identifier != 'v1'\"); c.commit()", database]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let differing = try Rehearse.run(["history", "--format", "json"], environment: environment)
        #expect(differing.status == 0, "\(differing.stderr)")
        #expect(differing.stderr.hasPrefix("note: the practice history \(database) has tables this Rehearse does not expect ("), "\(differing.stderr)")
        #expect(differing.stderr.contains("); made it again from the transcripts"))
        #expect(differing.stdout == before)
        // A damaged history never stops an interview either.
        try Data(repeating: 0xAB, count: 4096).write(to: URL(fileURLWithPath: database))
        let interview = try Rehearse.run(["run", "--seed", "4"], input: Self.completeStory, environment: environment)
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect(try sessions(environment).count == 2)
        // A transcript edited by hand is indexed again; one removed by hand leaves the history.
        let transcripts = folder.appendingPathComponent("rehearse/transcripts")
        let files = try FileManager.default.contentsOfDirectory(atPath: transcripts.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        try FileManager.default.removeItem(at: transcripts.appendingPathComponent(files[0]))
        #expect(try sessions(environment).count == 1)
    }

    @Test func anInterviewKilledMidwayIsInTheHistoryWithTheAnswersItHad() throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = Rehearse.binary
        process.arguments = ["run", "--seed", "3"]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": folder.path]) { _, new in new }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("I always listen first.\n\n".utf8))
        // Killed once the follow-up is in the transcript, whether or not the history's own write
        // (which follows) has happened: either way the history shows what the transcript holds.
        let transcripts = folder.appendingPathComponent("rehearse/transcripts")
        func probeRecorded() -> Bool {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: transcripts.path)) ?? []
            return files.filter { $0.hasSuffix(".jsonl") }.contains { name in
                ((try? String(contentsOf: transcripts.appendingPathComponent(name), encoding: .utf8)) ?? "").contains("\"type\":\"probe\"")
            }
        }
        let deadline = Date().addingTimeInterval(30)
        while !probeRecorded() && Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let listed = try sessions(["XDG_DATA_HOME": folder.path])
        #expect(listed.count == 1)
        #expect(listed.first?["questions_answered"] as? Int == 1)
        #expect(listed.first?["completed"] as? Bool == false)
        #expect(listed.first?["followups"] as? Int == 1, "the follow-up asked before the kill is recorded: \(listed)")
    }

    @Test func twoInterviewsAtOnceAreBothRecorded() throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_DATA_HOME": folder.path]
        // Both start together and answer together, writing the one history at the same moments.
        let script = """
            ( printf '\(Self.completeStory.replacingOccurrences(of: "\n", with: "\\n"))' | "$0" run --seed 1 >/dev/null 2>&1 & \
              printf '\(Self.completeStory.replacingOccurrences(of: "\n", with: "\\n"))' | "$0" run --seed 2 >/dev/null 2>&1 & wait )
            """
        let result = try Rehearse.run(["-c", script, Rehearse.binary.path], environment: environment, shell: true)
        #expect(result.status == 0, "\(result.stderr)")
        let listed = try sessions(environment)
        #expect(listed.count == 2, "\(listed)")
        #expect(listed.allSatisfy { $0["questions_answered"] as? Int == 1 })
    }

    @Test func forgetRemovesWhatItSays() throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_DATA_HOME": folder.path]
        #expect(try Rehearse.run(["run", "--seed", "3"], input: Self.generalThenStory, environment: environment).status == 0)
        #expect(try Rehearse.run(["run", "--seed", "4"], input: Self.completeStory, environment: environment).status == 0)
        let listed = try sessions(environment)
        let kept = try #require(listed.first?["session"] as? String), dropped = try #require(listed.last?["session"] as? String)
        let transcripts = folder.appendingPathComponent("rehearse/transcripts")
        // Without --delete: out of the history, and it stays out, though its transcript stays.
        let forgot = try Rehearse.run(["history", "--forget", kept], environment: environment)
        #expect(forgot.status == 0, "\(forgot.stderr)")
        #expect(forgot.stdout.contains("Its transcript stays in "))
        #expect(FileManager.default.fileExists(atPath: transcripts.appendingPathComponent(kept + ".jsonl").path))
        #expect(try sessions(environment).map { $0["session"] as? String } == [dropped])
        #expect(try Rehearse.run(["history", "--rebuild"], environment: environment).status == 0)
        #expect(try sessions(environment).map { $0["session"] as? String } == [dropped], "a rebuild keeps it forgotten")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("rehearse/history.sqlite"))
        #expect(try sessions(environment).map { $0["session"] as? String } == [dropped], "so does a history deleted and made again")
        let forgotten = folder.appendingPathComponent("rehearse/history.sqlite-forgotten").path
        #expect((try FileManager.default.attributesOfItem(atPath: forgotten)[.posixPermissions] as? Int) == 0o600)
        // With --delete: the transcript and the feedback file go too, and it says which.
        let deleted = try Rehearse.run(["history", "--forget", dropped, "--delete"], environment: environment)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        for suffix in [".jsonl", ".md"] {
            let file = transcripts.appendingPathComponent(dropped + suffix).path
            #expect(deleted.stdout.contains("Deleted \(file)"), "\(deleted.stdout)")
            #expect(!FileManager.default.fileExists(atPath: file))
        }
        #expect(try sessions(environment).isEmpty)
        let unknown = try Rehearse.run(["history", "--forget", "no-such-session"], environment: environment)
        #expect(unknown.status == 74)
        #expect(unknown.stderr.contains("no session named 'no-such-session' in the history"))
        #expect(try Rehearse.run(["history", "--delete"], environment: environment).status == 64)
    }

    @Test func reanalysingRefreshesTheStoredAnalysisAndSaysHowManyChanged() throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_DATA_HOME": folder.path]
        #expect(try Rehearse.run(["run", "--seed", "4"], input: Self.completeStory, environment: environment).status == 0)
        let unchanged = try Rehearse.run(["history", "--reanalyze"], environment: environment)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.hasPrefix("Analysed 1 of 1 interview again with star "), "\(unchanged.stdout)")
        #expect(unchanged.stdout.hasSuffix(": 0 changed.\n"), "recorded as it went, the same as from the file: \(unchanged.stdout)")
        // An analysis edited by hand (as an older analyzer might have made it) is picked up...
        let transcripts = folder.appendingPathComponent("rehearse/transcripts")
        let name = try #require(try sessions(environment).first?["session"] as? String)
        let transcript = transcripts.appendingPathComponent(name + ".jsonl")
        let text = try String(contentsOf: transcript, encoding: .utf8)
        #expect(text.contains("\"star.result\":true"))
        try text.replacingOccurrences(of: "\"star.result\":true", with: "\"star.result\":false").write(to: transcript, atomically: true, encoding: .utf8)
        let edited = try sessions(environment).first?["star_share"] as? Double
        #expect(edited == 0.5, "situation and action left; the task is no longer plain from an outcome: \(String(describing: edited))")
        // ...and made again by today's analyzers.
        let refreshed = try Rehearse.run(["history", "--reanalyze"], environment: environment)
        #expect(refreshed.stdout.hasSuffix(": 1 changed.\n"), "\(refreshed.stdout)")
        #expect(try sessions(environment).first?["star_share"] as? Double == 1)
        #expect(try Rehearse.run(["history", "--reanalyze"], environment: environment).stdout.hasSuffix(": 0 changed.\n"))
        // A transcript whose scenario cannot be found is left as it was, with a warning.
        let orphan = text.replacingOccurrences(of: "quick-start", with: "gone-scenario")
        try orphan.write(to: transcripts.appendingPathComponent("20200101-000000-orphan.jsonl"), atomically: true, encoding: .utf8)
        let partial = try Rehearse.run(["history", "--reanalyze"], environment: environment)
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("warning: ") && partial.stderr.contains("20200101-000000-orphan.jsonl: could not be re-analysed"), "\(partial.stderr)")
        #expect(partial.stdout.hasPrefix("Analysed 1 of 2 interviews again"), "\(partial.stdout)")
        // A title with right-to-left and terminal control characters: valid JSON, nothing raw on the terminal.
        let bidi = text.replacingOccurrences(of: "\"Quick start\"", with: "\"Quick \\u202e\\u009b2J start\"")
        try bidi.write(to: transcripts.appendingPathComponent("20200102-000000-bidi.jsonl"), atomically: true, encoding: .utf8)
        let listed = try Rehearse.run(["history", "--format", "json"], environment: environment)
        #expect(!listed.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stdout)")
        #expect(parsed.contains { ($0["scenario_title"] as? String) == "Quick \u{202E}\u{9B}2J start" }, "\(listed.stdout)")
    }
}
