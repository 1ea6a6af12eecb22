import FoundationEssentials
import History
import InterviewCore
import ScenarioXML
import Synchronization
import SystemIO
import Transcripts

/// Finds the scenario a transcript was recorded with, for the history (competency labels, what
/// each question assesses) and for re-analysis: the file at the recorded path, or one of the same
/// name in `folders` (the bundled scenarios), as long as its bytes are the recorded ones. Each
/// file is loaded once.
public final class RecordedScenarios: Sendable {
    private let analyzers: AnalyzerSet
    private let folders: [String]
    private let loaded = Mutex<[String: Scenario?]>([:])

    public init(analyzers: AnalyzerSet, folders: [String]) {
        self.analyzers = analyzers
        self.folders = folders
    }

    public func scenario(for reference: TranscriptHeader.ScenarioReference) -> Scenario? {
        let key = reference.path + "\n" + reference.sha256
        if let known = loaded.withLock({ $0[key] }) { return known }
        let name = reference.path.lastPathComponent
        let candidates = [reference.path] + folders.map { $0.appendingPathComponent(name) } + folders.map { $0.appendingPathComponent(reference.id + ".xml") }
        var found: Scenario?
        for path in candidates {
            guard case .success(let bytes) = FileBytes.contents(of: path, limit: InputLimits.scenarioBytes + 1),
                SHA256.hex(bytes) == reference.sha256 else { continue }
            found = ScenarioLoader(analyzers: analyzers).load(contentsOf: path).scenario
            if found != nil { break }
        }
        loaded.withLock { $0[key] = .some(found) }
        return found
    }
}
