import FoundationEssentials
import Glibc
import InterviewKit
import SystemIO
import WebFront

/// What `rehearse serve` offers: the scenarios `rehearse scenarios` lists, transcripts in the
/// same folder as `rehearse run`, the same practice history. Messages say what to do in words for
/// the person at the page.
struct LocalInterviewLibrary: InterviewLibrary {
    let analyzerOptions: AnalyzerOptions
    let analyzers: AnalyzerSet
    /// Each scenario's id and file, loaded once when the server starts.
    private let files: [(choice: ScenarioChoice, path: String)]
    /// The practice history every interview of this server records into.
    private let recording: PracticeHistory?

    init(analyzerOptions: AnalyzerOptions, analyzers: AnalyzerSet) {
        self.analyzerOptions = analyzerOptions
        self.analyzers = analyzers
        var files: [(ScenarioChoice, String)] = []
        var seen = Set<String>()
        for folder in ScenarioLocator.listedFolders() {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
            for name in names {
                let path = folder.path.appendingPathComponent(name)
                guard let scenario = ScenarioLoader(analyzers: analyzers).load(contentsOf: path).scenario, seen.insert(scenario.id).inserted else { continue }
                files.append((ScenarioChoice(scenario), path))
            }
        }
        // The default first: it is the one to try.
        files.sort { ($0.0.id == "quick-start" ? 0 : 1, $0.0.title) < ($1.0.id == "quick-start" ? 0 : 1, $1.0.title) }
        self.files = files
        // The folder first (owner-only, as `run` makes it), so the history knows it is the one it indexes.
        let transcripts = TranscriptLocation.directory()
        _ = FileWriting.makeDirectories(transcripts.deletingLastPathComponent, permissions: 0o700) ?? FileWriting.makeDirectories(transcripts, permissions: 0o700)
        recording = PracticeHistoryFile.openForRecording(transcript: transcripts + "/new.jsonl")
    }

    func scenarios() -> [ScenarioChoice] { files.map(\.choice) }

    func newInterview(scenario id: String, seed: UInt64?) throws(LibraryError) -> InterviewSession {
        guard let path = files.first(where: { $0.choice.id == id })?.path else {
            throw LibraryError(.notFound, "There is no scenario '\(id)' here; choose one from the list.")
        }
        return try Self.failing {
            let file = try ScenarioFile.load(path: path, analyzers: analyzers)
            return try InterviewSetup.newSession(
                file: file, analyzers: analyzers, options: EngineOptions(), seed: seed ?? UInt64.random(in: 0...999_999), explain: false,
                timeLimit: nil, transcript: nil, history: recording)
        }
    }

    func resumeInterview(named name: String) throws(LibraryError) -> InterviewSession {
        let path = try Self.transcriptPath(name)
        if TranscriptWriter.writer(of: path) != nil {
            throw LibraryError(.conflict, "This interview is being continued somewhere else (another window, or `rehearse run` in a terminal). Finish or close it there, then continue it here.")
        }
        return try Self.failing {
            try InterviewSetup.resumedSession(
                transcript: path, scenario: nil, timeLimit: nil, analyzers: { try TranscriptFile.analyzers(analyzerOptions, recorded: $0) },
                history: recording
            ).session
        }
    }

    func resumable() -> [ResumableInterview] {
        guard let sessions = try? PracticeHistoryFile.using({ try $0.sessions(limit: 100) }) else { return [] }
        return sessions.filter { !$0.completed && TranscriptWriter.writer(of: $0.transcriptPath) == nil }.prefix(10).map {
            ResumableInterview(name: $0.name, title: $0.scenarioTitle, started: Date(timeIntervalSince1970: $0.started), answers: $0.questionsAnswered)
        }
    }

    func history() throws(LibraryError) -> PracticeHistory {
        try Self.failing { try PracticeHistoryFile.openSynchronized() }
    }

    func transcript(named name: String) throws(LibraryError) -> (transcript: Transcript, feedback: InterviewFeedback?) {
        let path = try Self.transcriptPath(name)
        return try Self.failing {
            let transcript = try TranscriptFile.read(path, allowingDamage: true, purpose: "show")
            let scenario = PracticeHistoryFile.scenarios().scenario(for: transcript.header.scenario)
            return (transcript, InterviewFeedback(transcript: transcript, scenario: scenario))
        }
    }

    /// The transcript a session name (as the history lists it) stands for, in the transcript
    /// folder and nowhere else: a plain name, and a regular file there (not a link out of it).
    private static func transcriptPath(_ name: String) throws(LibraryError) -> String {
        let allowed = name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "-_".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.count <= 200, allowed else { throw LibraryError(.notFound, "There is no saved interview '\(name)'.") }
        let path = TranscriptLocation.directory() + "/" + name + ".jsonl"
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { throw LibraryError(.notFound, "There is no saved interview '\(name)'.") }
        return path
    }

    /// A command's failure as the page says it.
    private static func failing<T>(_ body: () throws -> T) throws(LibraryError) -> T {
        do {
            return try body()
        } catch let failure as CommandFailure {
            throw LibraryError(failure.code == ExitStatus.tempFailure ? .conflict : .failed, failure.message)
        } catch {
            throw LibraryError(.failed, "\(error)")
        }
    }
}
