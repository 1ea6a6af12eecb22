import InterviewCore
import Transcripts

extension TranscriptHeader {
    /// The analyzers the interview was recorded with, for replaying or resuming it without naming
    /// them again. Only built-ins: a transcript never starts a program, so one recorded with a
    /// plugin needs its analyzers named again.
    public func recordedAnalyzers(from registry: AnalyzerRegistry = .installed) throws(RecordedAnalyzersError) -> AnalyzerSet {
        if let plugin = analyzers.first(where: { $0.command != nil }) {
            throw .plugin(id: plugin.id, command: plugin.command ?? "")
        }
        do {
            return try registry.resolve(analyzers.map(\.id))
        } catch {
            throw .unknown(error)
        }
    }
}

/// Why a transcript's own analyzers cannot be used again.
public enum RecordedAnalyzersError: Error, Sendable, CustomStringConvertible {
    case plugin(id: String, command: String)
    case unknown(UnknownAnalyzer)

    public var description: String {
        switch self {
        case .plugin(let id, let command):
            "the transcript was recorded with the external analyzer '\(id)' (\(command)); "
                + "a transcript never starts a program, so name the analyzers again with --analyzer"
        case .unknown(let error):
            "the transcript was recorded with \(error)"
        }
    }
}
