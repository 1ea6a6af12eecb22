import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

@Suite struct InterviewFeedbackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the quick start with real analyzers and builds the feedback from its transcript.
    func feedback(_ answers: [String], timeLimit: Double? = nil, seconds: Double = 30) throws -> InterviewFeedback {
        let analyzers = try AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let scenario = try #require(ScenarioLoader(analyzers: analyzers).load(contentsOf: Self.root.appendingPathComponent("Scenarios/quick-start.xml").path).scenario)
        let engine = Interviewer(scenario: scenario, analyzers: analyzers)
        var recorder = TranscriptRecorder()
        var turn = engine.start(seed: 1)
        var events = recorder.started(turn, at: Date())
        for answer in answers where !turn.state.hasEnded {
            if answer == ":skip" {
                turn = engine.skip(turn.state)
                events += recorder.skipped(turn: turn, at: Date())
            } else {
                turn = engine.respond(to: answer, in: turn.state)
                events += recorder.answered(answer, seconds: seconds, turn: turn, at: Date())
            }
        }
        let header = TranscriptHeader(scenario: scenario, contentHash: "", path: "quick-start.xml", analyzers: analyzers, seed: 1, options: EngineOptions(), started: Date())
        return InterviewFeedback(transcript: Transcript(header: header, events: events), scenario: scenario, timeLimit: timeLimit)
    }

    @Test func partsQuotesFollowupsAndCompetencies() throws {
        let result = try feedback([
            "Last year I had a client who was court ordered and refused to talk. I used reflective listening and asked what she wanted. She finished the program in three months.",
            "We disagreed about meds once.",
            "We met and talked it through.",
            // "once" and "we met" make a story told as the team's: the own-part probe.
            "I mostly listened.",
            "I want to get my LCSW license by next June.",
        ])
        #expect(result.questions.map(\.questionID) == ["reluctant-client", "team-disagreement", "practice-goal"])
        let first = result.questions[0]
        #expect(first.parts.first { $0.name == "result" }?.present == true)
        #expect(first.parts.first { $0.name == "result" }?.quote == "She finished the program in three months")
        #expect(first.followups.isEmpty)
        let second = result.questions[1]
        #expect(!second.followups.isEmpty)
        #expect(second.parts.first { $0.name == "your own actions" }?.present == false)
        let goal = result.questions[2]
        #expect(goal.goal.map(\.present) == [true, true, true])
        #expect(result.competenciesShown == ["Engaging reluctant clients", "Professional growth"])
        #expect(result.competenciesNotShown == ["Working with the care team"])
        #expect((1...3).contains(result.practice.count))
        #expect(result.markdown.hasPrefix("# Feedback: Quick start\n"))
        #expect(result.text.contains("✓ result: “She finished the program in three months”"))
    }

    @Test func theMostFrequentGapComesFirstAndOvertimeIsNoted() throws {
        let result = try feedback(["I always listen.", "I always listen.", "I always listen.", "We talk.", "We talk.", "I want to grow."], timeLimit: 10, seconds: 40)
        // Over time on all three questions; no example on the two STAR questions; then ranked by importance.
        #expect(result.practice.count == 3)
        #expect(result.practice[0].hasPrefix("Keep answers to about two minutes"), "\(result.practice)")
        #expect(result.practice[1].hasPrefix("Start with one real time"))
        #expect(result.questions.allSatisfy { $0.overtime == 30 })
    }
}
