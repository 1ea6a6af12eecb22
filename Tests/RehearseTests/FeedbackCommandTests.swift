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
