import Foundation
import Testing
@testable import History
@testable import InterviewCore
@testable import InterviewKit
@testable import Transcripts

/// The practice history in the library: interviews written as transcripts into a folder, indexed,
/// and read back as the reports people see.
@Suite struct HistoryTests {
    static let analyzers = InterviewFeedbackTests.analyzers
    let folder: String
    let scenario: Scenario

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/transcripts", withIntermediateDirectories: true)
        let path = InterviewFeedbackTests.root.appendingPathComponent("Scenarios/quick-start.xml").path
        scenario = try #require(ScenarioLoader(analyzers: Self.analyzers).load(contentsOf: path).scenario)
    }

    /// Writes an interview of quick-start answered with `answers` (analysed by `analyzers`),
    /// started `daysAgo` days ago, into the transcript folder.
    func record(_ answers: [String], daysAgo: Double, name: String, analyzers: AnalyzerSet = Self.analyzers) throws {
        let started = Date(timeIntervalSinceNow: -daysAgo * 86_400)
        let engine = Interviewer(scenario: scenario, analyzers: analyzers)
        var recorder = TranscriptRecorder()
        var turn = engine.start(seed: 1)
        var events = recorder.started(turn, at: started)
        for answer in answers where !turn.state.hasEnded {
            turn = engine.respond(to: answer, in: turn.state)
            events += recorder.answered(answer, seconds: 30, turn: turn, at: started.addingTimeInterval(60))
        }
        let header = TranscriptHeader(
            scenario: scenario, contentHash: "test", path: "quick-start.xml", analyzers: analyzers, seed: 1, options: EngineOptions(), started: started)
        let writer = try TranscriptWriter(creating: "\(folder)/transcripts/\(name).jsonl", header: header)
        for event in events { try writer.append(event) }
    }

    func history() throws -> PracticeHistory {
        let scenario = self.scenario
        return try PracticeHistory.openSynchronized(at: folder + "/history.sqlite", transcripts: folder + "/transcripts", scenarios: { _ in scenario }).history
    }

    static let general = "I always listen first and I try to be patient with everyone."
    static let story = InterviewFeedbackTests.completeStory

    func progress(_ history: PracticeHistory) throws -> ProgressReport {
        ProgressReport(samples: try history.trendSamples(), competencies: try history.competencies(), weakest: try history.weakest())
    }

    @Test func sparklinesRunFromTheLowestMarkToTheHighest() {
        #expect(Sparkline.marks([0, 0.25, 0.5, 1], maximum: 1) == "▁▃▅█")
        // Out of range is drawn at the ends; with nothing to scale by, everything is the lowest.
        #expect(Sparkline.marks([-1, 2], maximum: 1) == "▁█")
        #expect(Sparkline.marks([3, 5], maximum: 0) == "▁▁")
        #expect(ProgressReport.buckets([1, 2, 3, 4, 5, 6], count: 3) == [1.5, 3.5, 5.5])
        #expect(ProgressReport.buckets([1, 2], count: 5) == [1, 2])
    }

    @Test func progressIsShownAsSparklinesOrInWords() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try record([Self.general], daysAgo: 3, name: "a")
        try record([Self.story], daysAgo: 2, name: "b")
        try record([Self.story], daysAgo: 1, name: "c")
        let report = try progress(try history())
        #expect(report.sessions == 3)
        let marks = report.text(sparklines: true)
        #expect(marks.hasPrefix("Progress over 3 interviews, "), "\(marks)")
        #expect(marks.contains("\nNeeded an example      █▁▁  100% → 0%  better\n"), "\(marks)")
        #expect(marks.contains("\nSMART parts in goals   no answers of this kind yet\n"), "\(marks)")
        let words = report.text(sparklines: false)
        #expect(words.contains("\nNeeded an example      100%, 0%, 0% (oldest to latest); better\n"), "\(words)")
        #expect(!words.contains(where: { Sparkline.levels.contains($0) }))
        #expect(try progress(try history()).text(sparklines: false) == words, "read again, the same")
        #expect(ProgressReport(samples: [], competencies: [], weakest: nil).text(sparklines: true).hasPrefix("No interviews in the history yet."))
    }

    @Test func theProgressPageIsWellFormedSelfContainedAndEscaped() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try record([Self.general], daysAgo: 2, name: "a")
        try record([Self.story], daysAgo: 1, name: "b")
        // A title from a hand-edited transcript (the newest, whose title the page shows), with markup in it.
        let path = "\(folder)/transcripts/b.jsonl"
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"Quick start\"", with: "\"Quick <b>start</b> & co\"")
        #expect(edited != (try String(contentsOfFile: path, encoding: .utf8)))
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let history = try history()
        let html = try progress(history).html(questions: try history.questionSummaries())
        #expect(InterviewFeedbackTests().xmlErrors(html).isEmpty, "\(InterviewFeedbackTests().xmlErrors(html))")
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), "nothing from elsewhere")
        #expect(html.components(separatedBy: "<svg").count - 1 == 4, "a chart per trend with answers of its kind")
        #expect(html.contains("@media print"))
        #expect(!html.contains("<b>start</b>"))
        #expect(html.contains("Quick &lt;b&gt;start&lt;/b&gt; &amp; co"), "the title is shown, escaped")
    }

    @Test func theWeakestQuestionIsTheWorstRecordAndNeverABranch() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Vague throughout: the first question needs an example, then its branch-only help
        // question is asked and answered vaguely too.
        try record([Self.general, Self.general, Self.general], daysAgo: 3, name: "a")
        let history = try history()
        let attempts = try history.attempts(at: "reluctant-scaffold")
        #expect(attempts.count == 1 && attempts[0].attempt.rating == "basic", "\(attempts)")
        var weakest = try #require(try history.weakest())
        #expect(weakest.questionID == "reluctant-client", "a branch-only question cannot be practised alone: \(weakest)")
        #expect(weakest.reason.hasPrefix("The one time you answered it, "), "\(weakest.reason)")
        // Answered well twice since: the vague answers to the next question are now the weakest.
        try record([Self.story, Self.general, Self.general], daysAgo: 2, name: "b")
        try record([Self.story, Self.general, Self.general], daysAgo: 1, name: "c")
        _ = try history.synchronize()
        weakest = try #require(try history.weakest())
        #expect(weakest.questionID == "team-disagreement", "\(weakest)")
        #expect(weakest.attempts == 2)
        // Filtered to the first session only, it is the first question again.
        let first = try #require(try history.sessions().last)
        let filter = HistoryFilter(until: Date(timeIntervalSince1970: first.started + 1))
        #expect(try history.weakest(filter)?.questionID == "reluctant-client")
    }

    @Test func reanalysingCountsTheSessionsWhoseAnalysisChanged() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try record([Self.general], daysAgo: 2, name: "a", analyzers: .fake)
        try record([Self.story], daysAgo: 1, name: "b", analyzers: .fake)
        let history = try history()
        let recorded = try history.sessions()
        #expect(recorded.allSatisfy { $0.analyzedWith == "fake test" && $0.starShare == 0 }, "\(recorded)")
        let interviewer = Interviewer(scenario: scenario, analyzers: Self.analyzers)
        let today = HistoryReanalysis.names(Self.analyzers)
        let first = try history.reanalyze { (HistoryReanalysis.reanalyzed($0, by: interviewer), today) }
        #expect(first.changed == 2 && first.sessions == 2 && first.problems.isEmpty, "\(first)")
        let sessions = try history.sessions()
        #expect(sessions.allSatisfy { $0.analyzedWith == today && $0.recordedWith == "fake test" }, "\(sessions)")
        #expect(sessions.map(\.starShare) == [1, 0], "newest first: the story has every part, the vague answer none")
        let again = try history.reanalyze { (HistoryReanalysis.reanalyzed($0, by: interviewer), today) }
        #expect(again.changed == 0 && again.sessions == 2, "\(again)")
        let refused = try history.reanalyze { _ in nil }
        #expect(refused.changed == 0 && refused.problems.count == 2, "\(refused)")
    }
}
