import InterviewKit

enum TranscriptFile {
    /// Reads a transcript, printing its warnings; a missing file is "no input" (66), a damaged one "data" (65).
    /// `analyses: false` skips the recorded analyses, for re-analysis (see `TranscriptReader`).
    static func read(_ path: String, analyses: Bool = true) throws -> Transcript {
        let result = try readQuietly(path, analyses: analyses)
        result.warnings.forEach { printError($0.description) }
        return result.transcript
    }

    /// As `read`, but the warnings are returned instead of printed, for readers that print in order later.
    static func readQuietly(_ path: String, analyses: Bool = true) throws -> TranscriptReader.Result {
        do {
            return try TranscriptReader.read(contentsOf: path, analyses: analyses)
        } catch {
            if case .cannotRead = error { throw CommandFailure.noInput("\(error)") }
            throw CommandFailure.data("\(error)")
        }
    }

    /// The analyzers named on the command line, or else those the transcript was recorded with.
    static func analyzers(_ options: AnalyzerOptions, recorded transcript: Transcript) throws -> AnalyzerSet {
        if !options.analyzers.isEmpty { return try options.resolve() }
        if let external = transcript.header.analyzers.first(where: { $0.command != nil }) {
            throw CommandFailure.usage(
                "the transcript was recorded with the external analyzer '\(external.id)' (\(external.command ?? "")); "
                    + "a transcript never starts a program, so name the analyzers again with --analyzer")
        }
        do {
            return try AnalyzerRegistry.builtIn.resolve(transcript.header.analyzers.map(\.id))
        } catch {
            throw CommandFailure.data("the transcript was recorded with \(error)")
        }
    }
}
