import FoundationEssentials
import Synchronization
import Testing
@testable import InterviewCore
@testable import InterviewKit
@testable import Transcripts

/// The library's interview session driven as a front would drive it, with no terminal: a whole
/// interview, its commands, stopping (quit, Ctrl-C with a half-typed answer) and resuming.
@Suite struct InterviewSessionTests {
    let scenario: Scenario
    let folder: String

    init() throws {
        let result = load(InterviewEngineTests.xml)
        scenario = try #require(result.scenario, "\(result.diagnostics)")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-session-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    var interviewer: Interviewer { Interviewer(scenario: scenario, analyzers: .fake) }

    /// A new session recording to a new transcript in the test's folder.
    func newSession(seed: UInt64 = 1, timeLimit: Double? = nil, clock: @escaping @Sendable () -> Date = { Date() }) throws -> InterviewSession {
        let path = folder + "/interview.jsonl"
        let header = TranscriptHeader(
            scenario: scenario, contentHash: "test", path: "test.xml", analyzers: .fake, seed: seed, options: EngineOptions(), started: Date())
        let writer = try TranscriptWriter(creating: path, header: header)
        return InterviewSession(
            interviewer: interviewer, writer: writer, header: header,
            feedbackPath: try InterviewSession.claimFeedbackFile(for: path, resuming: false), timeLimit: timeLimit, clock: clock)
    }

    /// The prompt an event list ends on: `q:id`, `p:id`, `end` or nil.
    func prompt(_ events: [SessionEvent]) -> String? {
        for event in events.reversed() {
            switch event {
            case .question(let prompt, _): return "q:\(prompt.questionID)"
            case .probe(let prompt): return "p:\(prompt.probeID)"
            case .closing: return "end"
            default: continue
            }
        }
        return nil
    }

    func recorded(_ path: String) throws -> Transcript {
        try TranscriptReader.read(contentsOf: path).transcript
    }

    @Test func aWholeInterviewIsRecordedAndEndsWithItsFeedback() throws {
        let session = try newSession()
        let opening = try session.start()
        guard case .opened(_, let count, let seed, let words)? = opening.first else {
            Issue.record("the first event is not the opening: \(opening)")
            return
        }
        #expect(count == 3 && seed == 1 && words == scenario.opening)
        #expect(prompt(opening) == "q:warmup")
        if case .question(let first, let total)? = opening.last { #expect(first.number == 1 && total == 3) }

        var steps = [prompt(opening)]
        var last: [SessionEvent] = []
        let answers = [
            "specifically warm outcome", "hello there", "specifically an outcome with many cold words to say here", "fine",
            "specifically the outcome I want", "yes", "no",
        ]
        for answer in answers where !session.isOver {
            last = try session.answer(answer)
            steps.append(prompt(last))
        }
        #expect(session.isOver)
        #expect(steps.contains("p:crisis-example"))
        #expect(steps.last == "end")
        guard case .finished(let feedback?, let transcript, let feedbackFile?)? = last.last else {
            Issue.record("the interview did not end with its feedback: \(last)")
            return
        }
        // Everything is in the file as it is in memory, and the feedback is the same either way.
        let file = try recorded(transcript)
        #expect(file.events.map(\.type) == session.transcript.events.map(\.type))
        #expect(file.isComplete)
        #expect(InterviewFeedback(transcript: file, scenario: scenario).markdown == feedback.markdown)
        #expect(try String(contentsOfFile: feedbackFile, encoding: .utf8) == feedback.markdown)
        #expect(throws: SessionError.self) { try session.answer("too late") }
    }

    @Test func theCommandsAnswerFromWhatTheSessionHolds() throws {
        let session = try newSession()
        _ = try session.start()
        // Nothing answered or asked yet for the first question.
        guard case .progress(nil)? = try session.perform(.feedback).first else { Issue.record("progress before an answer"); return }
        guard case .why(nil)? = try session.perform(.why).first else { Issue.record("a reason before any follow-up"); return }
        guard case .hint(nil)? = try session.perform(.hint).first else { Issue.record("a hint the scenario does not have"); return }
        guard case .repeated(let again)? = try session.perform(.repeat).first else { Issue.record("no repeat"); return }
        #expect(again == session.turn.step.text)
        // An answer that draws a follow-up: :why and :feedback now say why, from the same analysis.
        let events = try session.answer("I usually help")
        #expect(prompt(events) == "p:warmup-example")
        guard case .why(let explanation?)? = try session.perform(.why).first else { Issue.record("no reason for the follow-up"); return }
        #expect(explanation.text == session.turn.step.text)
        #expect(explanation.reason.summary.contains("followup"))
        #expect(explanation.analysisReason == "fake reason")
        guard case .progress(let progress?)? = try session.perform(.feedback).first else { Issue.record("no progress after an answer"); return }
        #expect(progress.assessment.rating.level == .basic)
        // The fixture's question is a general one: what would help is a reason.
        #expect(progress.assessment.nextTime?.contains("reason") == true, "\(String(describing: progress.assessment.nextTime))")
        #expect(explanation.plainReason.hasPrefix("I asked for one specific time"), "\(explanation.plainReason)")
        // :save writes the feedback so far; nothing of the interview changes.
        let before = session.transcript.events.count
        guard case .saved(let transcript, let feedback)? = try session.perform(.save).first else { Issue.record("not saved"); return }
        #expect(try String(contentsOfFile: feedback, encoding: .utf8).hasPrefix(InterviewFeedback.markdownHeading))
        #expect(try recorded(transcript).events.count == before)
        // :skip records the skip and moves on in order.
        let skipped = try session.perform(.skip)
        #expect(prompt(skipped) == "q:crisis")
        #expect(session.transcript.events.contains { $0.type == .skip && $0.question == "warmup" })
    }

    @Test func quitStopsAndKeepsEverything() throws {
        let session = try newSession()
        _ = try session.start()
        _ = try session.answer("specifically warm outcome")
        let events = try session.perform(.quit)
        guard case .stopped(let path)? = events.first, case .finished(let feedback, _, _)? = events.last else {
            Issue.record("quit did not stop: \(events)")
            return
        }
        #expect(feedback != nil, "a stopped interview with an answer has feedback")
        let file = try recorded(path)
        #expect(!file.isComplete)
        #expect(file.events.last?.type == .end && file.events.last?.completed == false && file.events.last?.reason?.summary == "the candidate stopped")
        #expect(session.isOver)
        #expect(throws: SessionError.self) { try session.perform(.hint) }
    }

    @Test func ctrlCKeepsAHalfTypedAnswerAndTheInterviewResumesAfterIt() throws {
        let session = try newSession()
        _ = try session.start()
        _ = try session.answer("specifically warm outcome")
        #expect(prompt([.question(try #require(questionPrompt(session.turn.step)), of: nil)]) == "q:crisis")
        let stopped = try session.stop(because: "the candidate stopped (Ctrl-C)", unfinishedAnswer: "hello")
        #expect(stopped.count == 2)
        let path = session.transcriptPath
        let file = try recorded(path)
        #expect(file.events.filter { $0.type == .answer }.map(\.text) == ["specifically warm outcome", "hello"])
        #expect(file.events.last?.reason?.summary == "the candidate stopped (Ctrl-C)")

        // Resuming asks the follow-up that the half-typed answer drew, and goes on recording.
        let writer = try TranscriptWriter(appendingTo: path)
        let resumed = try InterviewSession(
            resuming: file, interviewer: interviewer, writer: writer,
            feedbackPath: try InterviewSession.claimFeedbackFile(for: path, resuming: true))
        #expect(resumed.feedbackPath == session.feedbackPath, "a resumed interview keeps its feedback file")
        let events = try resumed.resume()
        guard case .resumed(_, let answers, let question)? = events.first else { Issue.record("not resumed: \(events)"); return }
        #expect(answers == 2)
        #expect(question != nil, "a pending follow-up comes with the question it belongs to")
        #expect(prompt(events) == "p:crisis-example")
        _ = try resumed.answer("specifically the outcome")
        let after = try recorded(path)
        #expect(after.events.filter { $0.type == .answer }.count == 3)
        #expect(after.events.last?.type == .question || after.events.last?.type == .probe)
    }

    @Test func anAnswerOverTheLimitIsRefusedAndNothingIsRecorded() throws {
        let session = try newSession()
        _ = try session.start()
        let before = session.transcript.events.count
        #expect(throws: SessionError.self) { try session.answer(String(repeating: "a", count: InputLimits.answerBytes + 1)) }
        #expect(session.transcript.events.count == before)
        #expect(!session.isOver)
    }

    @Test func anAnswerIsTimedFromItsPromptAndOverTheLimitIsNoted() throws {
        let clock = TestClock()
        let session = try newSession(timeLimit: 30, clock: { clock.now })
        _ = try session.start()
        clock.advance(by: 20)
        let quick = try session.answer("specifically warm outcome")
        #expect(!quick.contains { if case .overTime = $0 { true } else { false } })
        clock.advance(by: 45)
        let slow = try session.answer("hello")
        guard case .overTime(let seconds, let limit)? = slow.first else { Issue.record("no note: \(slow)"); return }
        #expect(seconds == 45 && limit == 30)
        #expect(session.transcript.events.filter { $0.type == .answer }.map(\.seconds) == [20, 45])
    }

    @Test func anEmptyAnswerIsRefusedAndTheSessionBeginsOnce() throws {
        let session = try newSession()
        #expect(throws: SessionError.self) { try session.answer("before the start") }
        #expect(throws: SessionError.self) { try session.perform(.skip) }
        _ = try session.start()
        #expect(throws: SessionError.self) { try session.answer("  \n ") }
        #expect(throws: SessionError.self) { try session.start() }
        #expect(!session.transcript.events.contains { $0.type == .answer })
    }

    @Test func anInterviewCutOffAfterItsLastAnswerClosesWhenResumed() throws {
        let session = try newSession()
        _ = try session.start()
        for _ in 0..<30 where !session.isOver {
            _ = try session.answer("specifically a cold outcome")
        }
        #expect(session.isOver)
        let path = session.transcriptPath
        // The process died after the last answer was written, before its end was.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let lastAnswer = try #require(lines.lastIndex { $0.contains("\"type\":\"answer\"") })
        try (lines[...lastAnswer].joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let resumed = try InterviewSession(
            resuming: try recorded(path), interviewer: interviewer, writer: try TranscriptWriter(appendingTo: path),
            feedbackPath: try InterviewSession.claimFeedbackFile(for: path, resuming: true))
        let events = try resumed.resume()
        #expect(prompt(events) == "end")
        #expect(resumed.isOver, "the end decided on resuming closes the interview")
        guard case .finished(_?, _, _?)? = events.last else { Issue.record("no feedback: \(events)"); return }
        #expect(try recorded(path).isComplete)
    }

    @Test func afterAResumeTheCommandsKnowWhatWasSaid() throws {
        let session = try newSession()
        _ = try session.start()
        _ = try session.answer("specifically warm outcome")
        _ = try session.answer("hello")
        #expect(prompt([.probe(try #require(probePrompt(session.turn.step)))]) == "p:crisis-example")
        _ = try session.perform(.quit)
        let path = session.transcriptPath
        let resumed = try InterviewSession(
            resuming: try recorded(path), interviewer: interviewer, writer: try TranscriptWriter(appendingTo: path),
            feedbackPath: try InterviewSession.claimFeedbackFile(for: path, resuming: true))
        _ = try resumed.resume()
        guard case .progress(let progress?)? = try resumed.perform(.feedback).first else { Issue.record("no progress after resuming"); return }
        #expect(progress.assessment.nextTime != nil, "after resuming, :feedback says what would help")
        guard case .why(let why?)? = try resumed.perform(.why).first else { Issue.record("no reason after resuming"); return }
        #expect(why.reason.summary.contains("crisis-example"))
    }

    func probePrompt(_ step: Step) -> ProbePrompt? {
        if case .probe(let prompt) = step { return prompt }
        return nil
    }

    func questionPrompt(_ step: Step) -> QuestionPrompt? {
        if case .question(let prompt) = step { return prompt }
        return nil
    }
}

/// A clock the test moves by hand.
private final class TestClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_000_000))

    var now: Date { time.withLock { $0 } }

    func advance(by seconds: Double) {
        time.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
