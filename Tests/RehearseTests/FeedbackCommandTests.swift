import Foundation
import Testing

/// The feedback a candidate reads, end to end through the built binary: at the end of `run`, in the
/// Markdown beside the transcript, and in the replayed reports.
@Suite struct FeedbackCommandTests {
    static let answers = """
        Usually I try to build rapport first. I meet clients where they are, um, you know, I kind of validate their feelings.

        Last spring I had a client, a 19-year-old who was court-mandated after a DUI. He told me he'd only come because the judge made him. I asked him what he wanted out of the hours, and we built the first sessions around getting his license back.

        By the end of the twelve weeks he had come to every session, and he asked to keep going after the mandate ended.

        A psychiatrist on our team wanted to discharge a client after two missed appointments. I disagreed because I knew she had lost her housing that month. I asked for ten minutes at the team meeting and proposed a two-week outreach plan with the case manager. The team agreed, and she was back in care within the month.

        In three years I want to be a licensed clinical social worker. I plan to finish my supervised hours by next June and pass the LCSW exam by the end of next year.

        """

    static let jargon = ["probe '", "`", "star.", "smart.", "delivery.", "followup ==", "holds", "reluctant-"]

    @Test func aWholeInterviewEndsWithFeedbackInPlainWords() throws {
        let folder = try ExternalAnalyzerTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let run = try Rehearse.run(["run", "quick-start", "--seed", "3", "--transcript", transcript], input: Self.answers + ":quit\n")
        #expect(run.status == 0, "\(run.stderr)")
        let feedback = try #require(run.stdout.components(separatedBy: "\nFeedback\n").last)
        for word in Self.jargon { #expect(!feedback.contains(word), "\(word) in:\n\(feedback)") }
        #expect(feedback.contains("Rated "))
        #expect(feedback.contains("Done well: "))
        #expect(feedback.contains("Next time: "))
        #expect(feedback.contains("I asked for one specific time because your answer described what you usually do."))
        #expect(feedback.contains("✓ measurable") && feedback.contains("✓ time-bound"), "the goal is shown as a goal")
        #expect(feedback.contains("Practise next:"))
        let markdown = try String(contentsOfFile: folder.appendingPathComponent("t.md").path, encoding: .utf8)
        for word in Self.jargon { #expect(!markdown.contains(word), "\(word) in:\n\(markdown)") }

        // For authors, --explain adds each follow-up's probe and condition.
        let explained = try Rehearse.run(["run", "quick-start", "--seed", "3", "--explain", "--transcript", folder.appendingPathComponent("e.jsonl").path], input: Self.answers)
        #expect(explained.stdout.components(separatedBy: "\nFeedback\n").last?.contains("for authors: probe 'reluctant-example'") == true, "\(explained.stdout)")

        for format in ["markdown", "html"] {
            let replay = try Rehearse.run(["replay", transcript, "--format", format])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stdout.contains("Feedback"))
            #expect(replay.stdout.contains("Practise next"))
            #expect(replay.stdout.contains("Shown: "), "the recorded scenario gives the competencies")
            for word in ["probe '", "holds", "followup =="] { #expect(!replay.stdout.contains(word), "\(word) in the \(format) report") }
        }
        let text = try Rehearse.run(["replay", transcript])
        #expect(text.stdout.contains("(I asked for one specific time because"))
    }
}

/// Practising what one chooses, and resuming that explains itself.
@Suite struct PracticeCommandTests {
    /// A competency its `unless` topic withheld is named in the feedback with the words that cost
    /// it, in plain language: no topic id, no attribute.
    @Test func aWithheldCompetencyIsExplainedWithTheCandidatesWords() throws {
        let answers = "Last month a girl told me her dad hit her. I told her we would keep it between us, and I called CPS that afternoon. She was placed with her aunt.\n\nI was glad she told me.\n\n"
        let run = try Rehearse.run(["run", "--seed", "1", Rehearse.fixture("withheld.xml")], input: answers)
        #expect(run.status == 0, "\(run.stderr)")
        let feedback = try #require(run.stdout.components(separatedBy: "\nFeedback\n").last)
        #expect(feedback.contains("Not shown yet: Reporting abuse promptly, Keeping her safe today."), "\(feedback)")
        #expect(feedback.contains("Reporting abuse promptly isn't credited, because the same answer also said “keep it between us”."), "\(feedback)")
        #expect(feedback.contains("Next time: “keep it between us” cost this answer the credit for the skill it was about"), "\(feedback)")
        #expect(!feedback.contains("Done well") && !feedback.contains("Strengths"), "no praise beside the red flag")
        #expect(feedback.contains("Something said in the answer cost it the skill the question was about (question 1)"), "\(feedback)")
        #expect(feedback.contains("Leave no doubt about what you would do (question 1)"), "\(feedback)")
        #expect(!feedback.contains("secrecy") && !feedback.contains("unless") && !feedback.contains("withheld"))
    }

    @Test func scenariosListsWhatCanBePractised() throws {
        let result = try Rehearse.run(["scenarios", "--questions"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("quick-start"))
        #expect(result.stdout.contains("Quick start — Mental health clinician · 3 questions"))
        #expect(result.stdout.contains("practises: Engaging reluctant clients, Working with the care team, Professional growth"))
        #expect(result.stdout.contains("reluctant-client: Tell me about a time you worked with a client who didn't want to be in treatment."))
        let folder = try ExternalAnalyzerTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Rehearse.fixture("branching.xml"), toPath: folder.appendingPathComponent("mine.xml").path)
        let own = try Rehearse.run(["scenarios"], environment: ["REHEARSE_SCENARIOS": folder.path])
        #expect(own.stdout.hasPrefix("Your scenarios, from REHEARSE_SCENARIOS (\(folder.path)):\n  mine"), "\(own.stdout)")
    }

    @Test func oneQuestionAndAgain() throws {
        let folder = try ExternalAnalyzerTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("q.jsonl").path
        let input = "I always listen to them.\n\n:again\nLast spring a client refused to come in. I called her and offered a walk instead. She came the next week.\n\n"
        let run = try Rehearse.run(["run", "quick-start", "--question", "reluctant-client", "--seed", "2", "--transcript", transcript], input: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("· 1 question · seed 2"))
        #expect(run.stdout.contains("The same question, from the start"))
        #expect(!run.stdout.contains("Describe a time you disagreed"), "only the question chosen")
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("\"text\":\"I always listen to them.\"") && text.contains("\"type\":\"again\""), "both attempts are kept")
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.contains("\"question\":\"reluctant-client\""), "the header records the question practised: \(header)")
        // The recording replays the same with today's engine: one question, then the end.
        let again = try Rehearse.run(["replay", transcript, "--reanalyze"])
        #expect(again.status == 0, "\(again.stdout)")
        let wrong = try Rehearse.run(["run", "quick-start", "--question", "relutant-client"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("has no question 'relutant-client'; did you mean 'reluctant-client'?"))
    }

    @Test func resumeSaysWhenTheTranscriptIsAnotherScenarios() throws {
        let folder = try ExternalAnalyzerTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("c.jsonl").path
        // Stopped on a follow-up, with --explain and a time limit.
        let first = try Rehearse.run(["run", "peer-specialist", "--seed", "1", "--explain", "--time-limit", "90", "--transcript", transcript], input: "I always listen.\n\n:quit\n")
        #expect(first.status == 0, "\(first.stderr)")
        let other = try Rehearse.run(["run", "quick-start", "--resume", transcript])
        #expect(other.status == 64)
        #expect(other.stderr.contains("is an interview on 'Peer support specialist' (peer-specialist"), "\(other.stderr)")
        #expect(other.stderr.contains("leave out the scenario to continue it on its own"))
        let resumed = try Rehearse.run(["run", "--resume", transcript], input: ":quit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("You were answering: "), "the question the pending follow-up belongs to: \(resumed.stdout)")
        #expect(resumed.stdout.contains("(why: "), "--explain is carried on")
    }
}

@Suite struct AgainCommandTests {
    /// Answering again is the same question, not a new one: the next question keeps its number.
    @Test func againKeepsTheQuestionsNumbersAndWords() throws {
        let folder = try ExternalAnalyzerTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("a.jsonl").path
        let input = "I always listen.\n\n:again\n:skip\n:quit\n"
        let run = try Rehearse.run(["run", "quick-start", "--seed", "4", "--transcript", transcript], input: input)
        #expect(run.status == 0, "\(run.stderr)")
        let asked = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Interviewer: ") }
        #expect(asked.count >= 4)
        #expect(run.stdout.contains("Question 2 of 3"), "\(run.stdout)")
        #expect(!run.stdout.contains("Question 3 of 3") && !run.stdout.contains("Question 4"))
        // The question asked again in the same words.
        let first = try #require(asked.first { $0.contains("client") })
        #expect(run.stdout.components(separatedBy: String(first)).count - 1 == 2, "\(run.stdout)")
        let resumed = try Rehearse.run(["replay", transcript, "--reanalyze"])
        #expect(resumed.status == 0, "\(resumed.stdout)")
    }
}
