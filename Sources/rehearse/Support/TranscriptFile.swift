import InterviewKit

enum TranscriptFile {
    /// Reads a transcript, printing its warnings; a missing file is "no input" (66), a damaged one "data" (65).
    /// `analyses: false` skips the recorded analyses, for re-analysis (see `TranscriptReader`).
    ///
    /// A transcript with damaged lines is shown by `replay` (`allowingDamage`), its readable events
    /// with a warning for each damaged line; every other use needs it whole, and is refused with
    /// what `purpose` could not do and where.
    static func read(_ path: String, analyses: Bool = true, allowingDamage: Bool = false, purpose: String = "use") throws -> Transcript {
        let result = try readQuietly(path, analyses: analyses)
        if !allowingDamage { try requireWhole(result, path: path, purpose: purpose) }
        result.warnings.forEach { printError($0.description) }
        return result.transcript
    }

    /// Refuses a transcript with a damaged line: what happened there cannot be known.
    static func requireWhole(_ result: TranscriptReader.Result, path: String, purpose: String) throws {
        guard let first = result.damaged.first else { return }
        let more = result.damaged.count > 1 ? " (and \(result.damaged.count - 1) more damaged line\(result.damaged.count == 2 ? "" : "s"))" : ""
        let what = first.message.replacingAll("; this line is passed over", with: "")
        throw CommandFailure.data(
            "\(first.location): error: \(what)\(more); cannot \(purpose) a damaged transcript, since what happened at that line is not known. `\(CommandName.invoked.shellWord) replay \(path.shellWord)` shows every event that can be read")
    }

    /// As `read`, but the warnings are returned instead of printed, for readers that print in order later.
    static func readQuietly(_ path: String, analyses: Bool = true) throws -> TranscriptReader.Result {
        do {
            return try TranscriptReader.read(contentsOf: path, analyses: analyses)
        } catch {
            switch error {
            case .cannotRead, .notAFile: throw CommandFailure.noInput("\(error)")
            default: break
            }
            throw CommandFailure.data("\(error)")
        }
    }

    /// The analyzers named on the command line, or else those the transcript was recorded with.
    static func analyzers(_ options: AnalyzerOptions, recorded transcript: Transcript) throws -> AnalyzerSet {
        if !options.analyzers.isEmpty { return try options.resolve() }
        do {
            return try transcript.header.recordedAnalyzers()
        } catch {
            switch error {
            case .plugin: throw CommandFailure.usage("\(error)")
            case .unknown: throw CommandFailure.data("\(error)")
            }
        }
    }
}
