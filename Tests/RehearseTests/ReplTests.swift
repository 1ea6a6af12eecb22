import Foundation
import Testing

/// The interview as a person meets it: on a pseudo-terminal with the line editor, and through a pipe.
@Suite(.serialized) struct ReplTests {
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: PseudoTerminal.available))
    func aWholeInterviewOnATerminal() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let terminal = try PseudoTerminal(["run", "--seed", "1", "--transcript", transcript, Rehearse.fixture("branching.xml")])
        #expect(terminal.expect("you › "))
        // Tab completes a command; :help lists them all.
        terminal.send(":he\t\r")
        #expect(terminal.expect(":feedback  how your answer to this question looks so far"))
        terminal.send(":hint\r")
        #expect(terminal.expect("There is no hint for this question."))
        terminal.send(":why\r")
        #expect(terminal.expect("No follow-up has been asked for this question yet."))
        terminal.send(":rep\t\r")
        #expect(terminal.expect("Interviewer: Tell me about a time you supported someone in crisis.", count: 2))
        terminal.send(":nonsense\r")
        #expect(terminal.expect("Unknown command :nonsense"))
        // A general answer draws the example probe; a weak story then branches to the scaffold.
        terminal.send("I stay calm and listen.\r\r")
        #expect(terminal.expect("Interviewer: Can you give me one specific time?"))
        terminal.send(":why\r")
        // Lines are wrapped to the terminal's width, so only the start of the sentence is looked for.
        #expect(terminal.expect("I asked for one specific time"))
        terminal.send("Last spring a woman in our group was shaking. We called the crisis line together.\r\r")
        #expect(terminal.expect("Interviewer: What did you yourself do?"))
        terminal.send(":feedback\r")
        #expect(terminal.expect("✗ your own actions"))
        terminal.send("Not sure.\r\r")
        #expect(terminal.expect("Let's go step by step"))
        terminal.send(":save\r")
        #expect(terminal.expect("Feedback so far: \(folder.appendingPathComponent("t.md").path)"))
        terminal.send("Last week I sat with a woman in group who was crying, and I asked her what she needed. She calmed down.\r\r")
        #expect(terminal.expect("How do you decide what to share"))
        terminal.send(":skip\r")
        #expect(terminal.expect("Interviewer: Thanks, that is all."))
        #expect(terminal.expect("Practise next:"))
        #expect(terminal.wait() == 0)
        let markdown = try String(contentsOfFile: folder.appendingPathComponent("t.md").path, encoding: .utf8)
        #expect(markdown.hasPrefix("# Feedback: End-to-end fixture"))
        let permissions = try FileManager.default.attributesOfItem(atPath: transcript)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test(.enabled(if: PseudoTerminal.available))
    func ctrlCAsksFirstThenStopsAndSaves() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let terminal = try PseudoTerminal(["run", "--seed", "1", "--transcript", transcript, Rehearse.fixture("branching.xml")])
        #expect(terminal.expect("you › "))
        terminal.send("Last spring a woman in group said she wanted to die. I sat with her and called the crisis line.\r\r")
        #expect(terminal.expect("Interviewer: How did it turn out?"))
        #expect(terminal.expect("you › ", count: 2))
        terminal.send("She went to the")
        // Ctrl-C flushes what the terminal has not handed over yet: wait until the line editor has it.
        #expect(terminal.expect("She went to the"))
        terminal.send("\u{3}")
        #expect(terminal.expect("Kept what you typed. Press Ctrl-C again to stop"))
        // The kept line begins the answer: the prompt goes on from it.
        #expect(terminal.expect("    · "))
        terminal.send("\u{3}")
        // The command as it was run (here by its path), on a line of its own so that wrapping never splits it.
        #expect(terminal.expect("continue later with:"))
        #expect(terminal.expect("  \(Rehearse.binary.path) run --resume \(transcript)"), "\(terminal.screen)")
        #expect(terminal.wait() == 0)
        // The line cut short by Ctrl-C is in the transcript.
        #expect(try String(contentsOfFile: transcript, encoding: .utf8).contains("\"text\":\"She went to the\""))
        let resumed = try Rehearse.run(["run", "--resume", transcript], input: "She went to the hospital and came back a week later.\n\nI share a little.\n\nLast month I told a new member a little about my recovery and he opened up.\n\n")
        #expect(resumed.status == 0)
        // The kept line answered the follow-up; the interview goes on from the question after it.
        #expect(!resumed.stdout.contains("Interviewer: How did it turn out?"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("Interviewer: Thanks, that is all."), "\(resumed.stdout)")
    }

    /// "Go on typing" keeps the line Ctrl-C cut short: the answer has every line typed.
    @Test(.enabled(if: PseudoTerminal.available))
    func ctrlCOnceKeepsThePartialLine() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let terminal = try PseudoTerminal(["run", "--seed", "1", "--transcript", transcript, Rehearse.fixture("branching.xml")])
        #expect(terminal.expect("you › "))
        terminal.send("Last spring a woman in group said she wanted to die.\r")
        #expect(terminal.expect("    · "))
        terminal.send("I sat with her and")
        #expect(terminal.expect("I sat with her and"))
        terminal.send("\u{3}")
        #expect(terminal.expect("Kept what you typed."))
        terminal.send("called the crisis line.\r\r")
        // The next prompt, so that Ctrl-D stops the interview rather than ending the answer.
        #expect(terminal.expect("you › ", count: 2))
        terminal.send("\u{4}")
        #expect(terminal.wait() == 0)
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("Last spring a woman in group said she wanted to die.\\nI sat with her and\\ncalled the crisis line."), "\(text)")
    }

    /// A pasted answer stays one answer, blank lines and all (bracketed paste); keys that start
    /// with an escape, like the arrows, still edit the line.
    @Test(.enabled(if: PseudoTerminal.available))
    func aPasteIsOneAnswerAndArrowsStillEdit() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let terminal = try PseudoTerminal(["run", "--seed", "1", "--transcript", transcript, Rehearse.fixture("branching.xml")])
        #expect(terminal.expect("you › "))
        #expect(terminal.expect("\u{1B}[?2004h"), "bracketed paste is asked of the terminal")
        terminal.send("\u{1B}[200~Last spring a client walked out of group.\r\rI followed her to the hallway and asked what happened.\r\rShe came back the next week.\u{1B}[201~")
        #expect(terminal.expect("    · She came back the next week."))
        terminal.send("\r")
        #expect(terminal.expect("Interviewer: "))
        #expect(terminal.expect("you › ", count: 2))
        terminal.send("I listn")
        #expect(terminal.expect("I listn"))
        terminal.send("\u{1B}[De\r\r")
        #expect(terminal.expect("you › ", count: 3))
        terminal.send("\u{4}")
        #expect(terminal.wait() == 0)
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("\"text\":\"Last spring a client walked out of group.\\n\\nI followed her to the hallway and asked what happened.\\n\\nShe came back the next week.\""), "\(text)")
        #expect(text.contains("\"text\":\"I listen\""), "\(text)")
    }

    /// With --time-limit the prompt shows the time left for the answer, line by line.
    @Test(.enabled(if: PseudoTerminal.available))
    func aTimeLimitShowsTheTimeLeft() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let terminal = try PseudoTerminal(["run", "--seed", "1", "--time-limit", "90", "--transcript", transcript, Rehearse.fixture("branching.xml")])
        #expect(terminal.expect("you [1:30 left] › ") || terminal.expect("you [1:29 left] › "), "\(terminal.screen)")
        terminal.send("I listen first.\r")
        #expect(terminal.expect(" left] "))
        #expect(terminal.expect("    · [1:"), "\(terminal.screen)")
        // A blank line ends the answer; Ctrl-D only once the follow-up's prompt is up, so that it
        // stops the interview however slowly the machine runs.
        terminal.send("\r")
        #expect(terminal.expect("Interviewer: "))
        #expect(terminal.expect(" left] › ", count: 2), "\(terminal.screen)")
        terminal.send("\u{4}")
        #expect(terminal.expect("Stopped. Your answers so far are saved"))
        #expect(terminal.wait() == 0)
    }

    @Test(.enabled(if: PseudoTerminal.available))
    func ctrlDSavesAndEnds() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let terminal = try PseudoTerminal(["run", "--seed", "1", "--transcript", transcript, Rehearse.fixture("branching.xml")])
        #expect(terminal.expect("you › "))
        terminal.send("I listen first.\r\r")
        #expect(terminal.expect("Interviewer: Can you give me one specific time?"))
        terminal.send("\u{4}")
        #expect(terminal.expect("Stopped. Your answers so far are saved"))
        #expect(terminal.wait() == 0)
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("\"text\":\"I listen first.\""))
        #expect(text.contains("Ctrl-D"))
    }

    @Test func sigtermSavesAndSaysHowToGoOn() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let process = Process()
        process.executableURL = Rehearse.binary
        process.arguments = ["run", "--seed", "1", "--transcript", transcript, Rehearse.fixture("branching.xml")]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        input.fileHandleForWriting.write(Data("I always listen.\n\n".utf8))
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, !((try? String(contentsOfFile: transcript, encoding: .utf8))?.contains("\"type\":\"probe\"") ?? false) { usleep(20_000) }
        process.terminate()  // SIGTERM, while the session waits for the next answer
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("Stopped. Your answers so far are saved; continue later with:\n  \(Rehearse.binary.path) run --resume \(transcript)"))
        let saved = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(saved.contains("\"completed\":false"))
        #expect(saved.contains("the session was ended by a signal"))
    }

    @Test func everyCommandThroughAPipe() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let input = [":help", ":hint", ":repeat", ":why", ":feedback", ":bogus", "", "", "I stay calm.", "", ":why", ":feedback", ":save", ":skip", ":quit"].joined(separator: "\n") + "\n"
        let result = try Rehearse.run(["run", "--seed", "1", "--transcript", transcript, "Scenarios/quick-start.xml"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains(":repeat    hear the question again"))
        #expect(out.contains("Hint: Pick one client."))
        #expect(out.contains("No follow-up has been asked for this question yet."))
        #expect(out.contains("Nothing answered for this question yet."))
        #expect(out.contains("Unknown command :bogus"))
        #expect(out.contains("Take your time. Type your answer, then press Enter on an empty line."))
        #expect(out.contains("If you would rather move on, type :skip."))
        #expect(out.contains("I asked for one specific time because your answer described what you usually do."))
        #expect(!out.contains("probe '"), "the probe's id is for authors")
        #expect(out.contains("✗ a specific example"))
        #expect(out.contains("Feedback so far: \(folder.appendingPathComponent("t.md").path)"))
        #expect(out.contains("Question 2 of 3"))
        #expect(out.contains("Stopped. Your answers so far are saved"))
        #expect(!out.contains("\u{1B}["))  // no colour when not on a terminal
    }

    @Test(.enabled(if: PseudoTerminal.available))
    func aTimeLimitIsNotedNotEnforced() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let terminal = try PseudoTerminal(["run", "--seed", "1", "--time-limit", "1", "--no-probes", "--transcript", transcript, Rehearse.fixture("branching.xml")])
        #expect(terminal.expect("left] › "))
        usleep(1_300_000)
        terminal.send("I listen.\r")
        // The timer goes on past the limit: it says how far over, and nobody is cut off.
        #expect(terminal.expect("    · [0:0"))
        #expect(terminal.expect(" over] "), "\(terminal.screen)")
        terminal.send("\r")
        #expect(terminal.expect("the limit is 1 s. It is noted in the feedback."))
        terminal.send(":quit\r")
        #expect(terminal.expect("Over the time limit by"))
        #expect(terminal.wait() == 0)
    }

    @Test func aOneMegabytePasteIsAcceptedAndAnalysed() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let sentence = "Last year I had a client who was angry, so I sat with him and he calmed down. "
        let paste = String(repeating: sentence, count: 1_000_000 / sentence.count + 1)
        let result = try Rehearse.run(["run", "--seed", "1", "--no-probes", "--transcript", transcript, Rehearse.fixture("branching.xml")], input: paste + "\n\n:quit\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("How do you decide what to share"))
        let saved = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(saved.utf8.count > 1_000_000)
    }
}
