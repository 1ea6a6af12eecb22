import Foundation
import Testing

@Suite struct RunCommandTests {
    /// Lines the interviewer said, in order.
    func interviewerLines(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("Interviewer: ") }.map { String($0.dropFirst("Interviewer: ".count)) }
    }

    @Test func probesAndBranchesFollowTheAnswers() throws {
        let answers = """
            I always try to stay calm and listen.

            Last spring a woman in our group was shaking and said she wanted to die. We called the crisis line together.

            I sat with her and asked her about her safety plan.

            Last month a new member asked about my drug use. I told him I had used for years and then I asked what he wanted for himself. He came back the next week and joined the group.

            """
        let result = try Rehearse.run(["run", "--seed", "1", "--explain", Rehearse.fixture("branching.xml")], input: answers)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(interviewerLines(result.stdout) == [
            "Welcome to the test interview.",
            "Tell me about a time you supported someone in crisis.",
            "Can you give me one specific time?",
            "What did you yourself do?",
            "How do you decide what to share from your own recovery?",
            "Thanks, that is all.",
        ])
        #expect(result.stdout.contains("(why: probe 'crisis-example': `followup == 'example'` holds (followup = example))"))
        #expect(result.stdout.contains("(why: probe 'crisis-own': `followup == 'action'` holds (followup = action))"))
        #expect(result.stdout.contains("Question 2 of 2"))
    }

    @Test func aWeakAnswerBranchesToTheScaffoldedQuestion() throws {
        let answers = "I stay calm.\n\nI would listen.\n\nI would call someone.\n\nMy first client was yelling at staff and I sat with him and he calmed down.\n\nI would not share much.\n\n"
        let result = try Rehearse.run(["run", "--seed", "1", "--explain", Rehearse.fixture("branching.xml")], input: answers)
        #expect(result.status == 0)
        let lines = interviewerLines(result.stdout)
        #expect(lines.contains("Let's go step by step: who was it, and what was the first thing you did?"))
        #expect(result.stdout.contains("branch to 'crisis-scaffold': `star.score <= 1` holds"))
        #expect(lines.last == "Thanks, that is all.")
    }

    @Test func aBundledScenarioCanBeNamedWithoutItsPath() throws {
        let result = try Rehearse.run(["run", "--seed", "1", "peer-specialist"], input: ":quit\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Peer support specialist (recovery coach, peer counselor) · 11 questions"))
        let validate = try Rehearse.run(["validate", "peer-specialist", "career-goals"])
        #expect(validate.status == 0)
        #expect(validate.stdout.hasSuffix("Scenarios/peer-specialist.xml: ok\n" + Rehearse.packageRoot.appendingPathComponent("Scenarios/career-goals.xml").path + ": ok\n"))
        #expect(try Rehearse.run(["lint", "--werror", "resistance-junior"]).status == 0)
        let unknown = try Rehearse.run(["run", "peer-specalist"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no scenario file or bundled scenario named 'peer-specalist'; the bundled ones are career-goals, case-manager, clinician-behavioral, clinician-case-vignette, clinician-practice, crisis-line-988, legal-ethics, peer-specialist, peer-specialist-team, quick-start, resistance-junior, supervisor-panel"))
    }

    @Test func noProbesAsksTheQuestionsOnly() throws {
        let result = try Rehearse.run(["run", "--no-probes", Rehearse.fixture("branching.xml")], input: "I listen.\n\nI share a little.\n\nNot much.\n\n")
        #expect(result.status == 0)
        #expect(interviewerLines(result.stdout).count == 5)  // opening, question, scaffold, question, closing
    }

    /// The command to continue is one a shell reads back: a path with a space or a quote is
    /// quoted, and the line as printed, run by a shell, continues the interview.
    @Test func theResumeCommandIsQuotedForTheShell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse tests \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("Sam's interview.jsonl").path
        let result = try Rehearse.run(["run", "--transcript", transcript, Rehearse.fixture("branching.xml")], input: "I listen.\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let said = try #require(lines.firstIndex { $0.hasSuffix("continue later with:") }.map { lines[$0 + 1].trimmingCharacters(in: .whitespaces) })
        #expect(said.hasSuffix(" run --resume \(transcript.shellWord)"), "\(said)")
        #expect(said.contains("/Sam'\\''s interview.jsonl'"), "\(said)")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", said]
        let input = Pipe(), output = Pipe()
        shell.standardInput = input
        shell.standardOutput = output
        shell.standardError = output
        try shell.run()
        input.fileHandleForWriting.write(Data(":quit\n".utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("Stopped. Your answers so far are saved"), "\(printed)")
    }

    @Test func skipAndEndOfInput() throws {
        let result = try Rehearse.run(["run", Rehearse.fixture("branching.xml")], input: ":skip\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("How do you decide what to share from your own recovery?"))
        #expect(result.stdout.contains("Stopped. Your answers so far are saved; continue later with:\n  \(Rehearse.binary.path) run --resume "))
        #expect(result.stdout.contains("Question 2 of 2"))
        #expect(result.stdout.contains("Feedback:   "))
    }

    @Test func theDefaultScenarioRunsFromAnyDirectory() throws {
        let result = try Rehearse.run(["run", "--seed", "2"], input: ":quit\n", directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Quick start — Mental health clinician · 3 questions · seed 2"))
    }

    @Test func sameSeedSameInterview() throws {
        let input = "I usually listen.\n\n"
        let first = try Rehearse.run(["run", "--seed", "11"], input: input)
        let second = try Rehearse.run(["run", "--seed", "11"], input: input)
        func withoutPath(_ text: String) -> String { text.split(separator: "\n").filter { !$0.hasPrefix("Transcript:") && !$0.hasPrefix("Feedback:") && !$0.hasPrefix("Stopped.") && !$0.contains(" run --resume ") }.joined(separator: "\n") }
        #expect(withoutPath(first.stdout) == withoutPath(second.stdout))
        #expect(first.stdout.contains("Transcript: "))
    }

    @Test func badInputGetsOneClearLine() throws {
        let missing = try Rehearse.run(["run", "nowhere.xml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasSuffix("rehearse: error: cannot open the scenario nowhere.xml\n"))

        let broken = try Rehearse.run(["run", Rehearse.fixture("broken.xml")])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("error: unknown question id 'crisis'"))

        let conflicting = try Rehearse.run(["run", "--no-probes", "--max-probes", "1"])
        #expect(conflicting.status == 64)
        #expect(conflicting.stderr.contains("--no-probes and --max-probes contradict each other"))
    }
}
