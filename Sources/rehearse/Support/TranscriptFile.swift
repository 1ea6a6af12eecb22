import InterviewKit

enum TranscriptFile {
    /// Reads a transcript, printing its warnings; a missing file is "no input" (66), a damaged one "data" (65).
    static func read(_ path: String) throws -> Transcript {
        do {
            let result = try TranscriptReader.read(contentsOf: path)
            result.warnings.forEach { printError($0.description) }
            return result.transcript
        } catch {
            if case .cannotRead = error { throw CommandFailure.noInput("\(error)") }
            throw CommandFailure.data("\(error)")
        }
    }

    /// The analyzers named on the command line, or else those the transcript was recorded with.
    static func analyzers(_ options: AnalyzerOptions, recorded transcript: Transcript) throws -> AnalyzerSet {
        if !options.analyzers.isEmpty { return try options.resolve() }
        do {
            return try AnalyzerRegistry.builtIn.resolve(transcript.header.analyzers.map(\.id))
        } catch {
            throw CommandFailure.data("the transcript was recorded with \(error)")
        }
    }
}
