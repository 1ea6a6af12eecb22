import FoundationEssentials
import InterviewKit
import SystemIO

/// Sessions as `rehearse run` and `rehearse serve` make them: the same transcript folder, the
/// same checks before anyone types, the same practice history.
enum InterviewSetup {
    /// A new interview on `file`, recording to `transcript` or to a new file in the transcript
    /// folder (opened now, so a place that cannot be written is reported before the first question).
    /// - Parameter history: the practice history to record into, shared by every interview of a
    ///   server (one connection, whose writes queue in this process rather than contend for the
    ///   file's lock); nil opens it for this interview.
    static func newSession(
        file: ScenarioFile, analyzers: AnalyzerSet, options: EngineOptions, seed: UInt64, explain: Bool, timeLimit: Double?, transcript: String?,
        history: PracticeHistory? = nil
    ) throws -> InterviewSession {
        let interviewer = Interviewer(scenario: file.scenario, analyzers: analyzers, options: options)
        let now = Date()
        var header = TranscriptHeader(
            scenario: file.scenario, contentHash: file.sha256, path: file.path, analyzers: analyzers, seed: seed, options: options, started: now)
        // So that --resume carries on as the interview began.
        header.explain = explain ? true : nil
        header.timeLimit = timeLimit
        let writer: TranscriptWriter
        if let path = transcript {
            try TranscriptLocation.checkFreeSpace(for: path)
            do {
                writer = try TranscriptWriter(creating: path, header: header)
            } catch {
                let exists = FileManager.default.fileExists(atPath: path)
                throw CommandFailure.io(exists ? "the transcript \(path) already exists; choose a new name, or continue it with --resume" : "\(error)")
            }
        } else {
            writer = try TranscriptLocation.create(scenarioID: file.scenario.id, at: now, header: header)
        }
        let session = InterviewSession(
            interviewer: interviewer, writer: writer, header: header, feedbackPath: try feedbackFile(for: writer, resuming: false), timeLimit: timeLimit)
        session.history = history.flatMap { $0.indexedPath(of: writer.path) == nil ? nil : $0 } ?? PracticeHistoryFile.openForRecording(transcript: writer.path)
        return session
    }

    /// The interrupted interview in the transcript at `path`, ready to `resume()`, and whether it
    /// was recorded with `--explain`.
    /// - Parameters:
    ///   - scenario: the scenario file to continue it with (default: the recorded one).
    ///   - analyzers: the analyzers to continue with, given the recorded transcript.
    static func resumedSession(
        transcript path: String, scenario: String?, timeLimit: Double?, analyzers: (Transcript) throws -> AnalyzerSet, history: PracticeHistory? = nil
    ) throws -> (session: InterviewSession, explain: Bool) {
        // The writer first: it holds the transcript's lock, so no other session can add to it
        // between this reading and the next answer.
        let writer: TranscriptWriter
        do {
            writer = try TranscriptWriter(appendingTo: path, droppingPartialLastLine: false)
        } catch {
            switch error {
            case .cannotRead, .notAFile: throw CommandFailure.noInput("\(error)")
            case .inUse: throw CommandFailure(message: "\(error)", code: ExitStatus.tempFailure)
            default: throw CommandFailure.io("\(error)")
            }
        }
        let recorded = try TranscriptFile.read(path, purpose: "resume")
        let analyzers = try analyzers(recorded)
        let file = try ScenarioFile.load(path: scenario ?? recorded.header.scenario.path, analyzers: analyzers)
        let recordedScenario = recorded.header.scenario
        if file.scenario.id != recordedScenario.id && scenario == nil {
            throw CommandFailure.data(
                "\(path) is an interview on '\(recordedScenario.title)' (\(recordedScenario.id)), but \(file.path) is now the scenario '\(file.scenario.id)'; "
                    + "name the scenario file it was recorded with: \(CommandName.invoked.shellWord) run FILE --resume \(path.shellWord)")
        }
        if file.scenario.id != recordedScenario.id {
            throw CommandFailure.usage(
                "\(path) is an interview on '\(recordedScenario.title)' (\(recordedScenario.id), \(recordedScenario.path)), not on \(file.path); "
                    + "leave out the scenario to continue it on its own: \(CommandName.invoked.shellWord) run --resume \(path.shellWord)")
        }
        if file.sha256 != recorded.header.scenario.sha256 {
            printError("warning: \(file.path) has changed since this interview was recorded; continuing with the current version")
        }
        let interviewer = Interviewer(scenario: file.scenario, analyzers: analyzers, options: recorded.header.options)
        let resumption: Resumption
        do {
            resumption = try interviewer.resume(recorded)
        } catch {
            throw CommandFailure.data("cannot continue \(path): \(error)")
        }
        // Room and a whole last line before anything is written, the feedback file included.
        try TranscriptLocation.checkFreeSpace(for: path)
        do {
            try writer.dropPartialLastLine()
        } catch {
            throw CommandFailure.io("\(error)")
        }
        let session = InterviewSession(
            resuming: recorded, from: resumption, interviewer: interviewer, writer: writer,
            feedbackPath: try feedbackFile(for: writer, resuming: true), timeLimit: timeLimit ?? recorded.header.timeLimit)
        session.history = history.flatMap { $0.indexedPath(of: path) == nil ? nil : $0 } ?? PracticeHistoryFile.openForRecording(transcript: path)
        return (session, recorded.header.explain == true)
    }

    private static func feedbackFile(for writer: TranscriptWriter, resuming: Bool) throws -> String {
        do {
            return try InterviewSession.claimFeedbackFile(for: writer.path, resuming: resuming)
        } catch {
            throw CommandFailure.io("\(error)")
        }
    }
}
