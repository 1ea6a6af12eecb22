import Foundation
import InterviewKit
import WebFront

/// The scenarios bundled with Rehearse, transcripts in a folder of the test's own: the web front
/// as `rehearse serve` drives it, without the user's data folder.
final class TestLibrary: InterviewLibrary, @unchecked Sendable {
    let folder: URL
    let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
    private let lock = NSLock()
    private var count = 0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func scenarioPath(_ id: String) -> String { Rehearse.packageRoot.appendingPathComponent("Scenarios/\(id).xml").path }

    func scenarios() -> [ScenarioChoice] {
        ["quick-start", "career-goals"].compactMap { id in
            ScenarioLoader(analyzers: analyzers).load(contentsOf: scenarioPath(id)).scenario.map(ScenarioChoice.init)
        }
    }

    func newInterview(scenario id: String, seed: UInt64?) throws(LibraryError) -> InterviewSession {
        let result = ScenarioLoader(analyzers: analyzers).load(contentsOf: scenarioPath(id))
        guard let scenario = result.scenario else { throw LibraryError(.notFound, "no scenario \(id)") }
        let path = lock.withLock { () -> String in
            count += 1
            return folder.appendingPathComponent("interview-\(count).jsonl").path
        }
        do {
            let header = TranscriptHeader(
                scenario: scenario, contentHash: result.contentHash ?? "", path: scenarioPath(id), analyzers: analyzers, seed: seed ?? 1,
                options: EngineOptions(), started: Date())
            let writer = try TranscriptWriter(creating: path, header: header)
            return InterviewSession(
                interviewer: Interviewer(scenario: scenario, analyzers: analyzers), writer: writer, header: header,
                feedbackPath: try InterviewSession.claimFeedbackFile(for: path, resuming: false))
        } catch {
            throw LibraryError(.failed, "\(error)")
        }
    }

    func resumeInterview(named name: String) throws(LibraryError) -> InterviewSession {
        let path = folder.appendingPathComponent(name + ".jsonl").path
        do {
            let writer = try TranscriptWriter(appendingTo: path)
            let recorded = try TranscriptReader.read(contentsOf: path).transcript
            let scenario = ScenarioLoader(analyzers: analyzers).load(contentsOf: recorded.header.scenario.path).scenario!
            return try InterviewSession(
                resuming: recorded, interviewer: Interviewer(scenario: scenario, analyzers: analyzers), writer: writer,
                feedbackPath: try InterviewSession.claimFeedbackFile(for: path, resuming: true))
        } catch {
            throw LibraryError(.failed, "\(error)")
        }
    }

    func resumable() -> [ResumableInterview] { [] }

    func history() throws(LibraryError) -> PracticeHistory {
        do {
            return try PracticeHistory.openSynchronized(at: folder.appendingPathComponent("history.sqlite").path, transcripts: folder.path).history
        } catch {
            throw LibraryError(.failed, error.description)
        }
    }

    func transcript(named name: String) throws(LibraryError) -> (transcript: Transcript, feedback: InterviewFeedback?) {
        do {
            let transcript = try TranscriptReader.read(contentsOf: folder.appendingPathComponent(name + ".jsonl").path).transcript
            return (transcript, InterviewFeedback(transcript: transcript, scenario: nil))
        } catch {
            throw LibraryError(.notFound, "no transcript \(name)")
        }
    }
}
