import InterviewKit

/// The user's practice history: `$XDG_DATA_HOME/rehearse/history.sqlite` (or under
/// `~/.local/share`), beside the transcript folder it indexes.
enum PracticeHistoryFile {
    static func path() -> String {
        UserPaths.baseDirectory("XDG_DATA_HOME", fallback: ".local/share") + "/rehearse/history.sqlite"
    }

    /// Finds each transcript's scenario: at its recorded path, or among the bundled ones.
    static func scenarios() -> RecordedScenarios {
        let analyzers = (try? AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)) ?? AnalyzerSet([])
        return RecordedScenarios(analyzers: analyzers, folders: ScenarioLocator.listedFolders().map(\.path))
    }

    /// For the commands that read the history: opened and brought up to date with the transcript
    /// folder; notes (a history made again) and transcripts that cannot be read go to standard error.
    static func openSynchronized() throws -> PracticeHistory {
        let scenarios = scenarios()
        do {
            let (history, notes, changes) = try PracticeHistory.openSynchronized(
                at: path(), transcripts: TranscriptLocation.directory(), scenarios: { scenarios.scenario(for: $0) })
            for note in notes { printError(note) }
            for problem in changes.unreadable { printError("warning: \(problem); it is not in the history") }
            return history
        } catch {
            throw CommandFailure.io(error.description)
        }
    }

    /// Runs `body` on the history, brought up to date. A database found damaged part way (a page
    /// that only a query reads) is made again from the transcripts, with a note, and `body` runs
    /// once more.
    static func using<T>(_ body: (PracticeHistory) throws -> T) throws -> T {
        let history = try openSynchronized()
        do {
            return try body(history)
        } catch let error as HistoryError where error.damaged {
            printError("note: \(error.description); made it again from the transcripts")
            do {
                return try body(try remade())
            } catch let error as HistoryError {
                throw CommandFailure.io(error.description)
            }
        } catch let error as HistoryError {
            throw CommandFailure.io(error.description)
        }
    }

    /// The history deleted and made again from the transcript folder (`history --rebuild`);
    /// sessions taken out with `--forget` stay out.
    static func remade() throws -> PracticeHistory {
        let scenarios = scenarios()
        do {
            let (history, notes, changes) = try PracticeHistory.remade(
                at: path(), transcripts: TranscriptLocation.directory(), scenarios: { scenarios.scenario(for: $0) })
            for note in notes { printError(note) }
            for problem in changes.unreadable { printError("warning: \(problem); it is not in the history") }
            return history
        } catch {
            throw CommandFailure.io(error.description)
        }
    }

    /// For an interview: the history to record it into, when its transcript is in the folder the
    /// history indexes; nil (with one warning line) when the history cannot be opened: the
    /// interview goes on without it.
    static func openForRecording(transcript: String) -> PracticeHistory? {
        let scenarios = scenarios()
        do {
            let (history, notes) = try PracticeHistory.open(at: path(), transcripts: TranscriptLocation.directory(), scenarios: { scenarios.scenario(for: $0) })
            for note in notes { printError(note) }
            return history.indexedPath(of: transcript) == nil ? nil : history
        } catch {
            printError("warning: \(error.description); this interview is not recorded in the practice history (its transcript is, as always)")
            return nil
        }
    }
}
