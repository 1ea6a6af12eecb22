import ArgumentParser
import FoundationEssentials
import Glibc
import InterviewKit
import SystemIO

/// `--analyzer`, shared by every command that analyses answers or checks conditions.
struct AnalyzerOptions: ParsableArguments {
    @Option(
        name: .customLong("analyzer"),
        help: ArgumentHelp(
            "Analyzers to use, comma-separated, first one leading the follow-ups (default: \(AnalyzerRegistry.defaultIdentifiers.joined(separator: ","))). "
                + "'exec:PROGRAM ARGS…' runs an external analyzer (docs/analyzer-protocol.md); it takes the rest of its value.",
            valueName: "names"))
    var analyzers: [String] = []

    @Option(name: .customLong("analyzer-timeout"), help: ArgumentHelp("Seconds an external analyzer may take per answer.", valueName: "seconds"))
    var analyzerTimeout: Double = 2

    /// What was named, as the library chooses analyzers from it.
    var selection: AnalyzerSelection { AnalyzerSelection(analyzers) }

    /// Starts any external analyzers and resolves the built-in ones (`AnalyzerSelection` says in
    /// which order). A plugin that cannot be used is reported in one line and left out.
    func resolve() throws -> AnalyzerSet {
        guard analyzerTimeout > 0, analyzerTimeout <= 600 else {
            throw CommandFailure.usage("--analyzer-timeout must be more than 0 and at most 600 seconds")
        }
        do {
            return try selection.resolve { command in try ExternalAnalyzers.start(command, timeout: analyzerTimeout) }
        } catch let error as AnalyzerSelectionError {
            throw CommandFailure.usage("\(error)")
        }
    }
}

/// Starting `exec:` analyzers: finding the program, the log for its stderr, the one-line warnings.
enum ExternalAnalyzers {
    /// Starts the plugin named by `spec` (`exec:PROGRAM ARGS…`); nil, after a one-line warning, when it
    /// starts but does not greet properly. A program that does not exist is a usage error.
    static func start(_ spec: String, timeout: Double) throws -> ExternalAnalyzer? {
        let words: [String]
        do {
            words = try AnalyzerSelection.words(of: String(spec.dropFirst(AnalyzerSelection.pluginPrefix.count)))
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        guard let program = words.first else {
            throw CommandFailure.usage("'exec:' needs a program, e.g. --analyzer 'exec:python3 rubric.py'")
        }
        guard let path = UserPaths.program(program) else {
            if program.contains("/"), FileManager.default.fileExists(atPath: program) {
                throw CommandFailure.noInput(
                    "the analyzer program '\(program)' is not executable; make it so (chmod +x), or name its interpreter: 'exec:python3 \(program)'")
            }
            if !program.contains("/"), FileManager.default.fileExists(atPath: program) {
                throw CommandFailure.noInput("there is no '\(program)' on PATH; for the file in this folder, write 'exec:./\(program)'")
            }
            throw CommandFailure.noInput("cannot find the analyzer program '\(program)'; give its path, or put it on PATH")
        }
        let log = logPath(for: program)
        var descriptor = openLog(log)
        if descriptor < 0 { descriptor = open("/dev/null", O_WRONLY | O_CLOEXEC) }
        defer { close(descriptor) }
        let result = ExternalAnalyzer.start(
            command: spec, arguments: [path] + words.dropFirst(), timeout: timeout, stderrLog: descriptor,
            taken: Set(AnalyzerRegistry.builtIn.identifiers), warn: { printError($0) })
        switch result {
        case .success(let analyzer):
            return analyzer
        case .failure(let error):
            printError("warning: \(error); going on with the built-in analyzers (its messages: \(log))")
            return nil
        }
    }

    /// `$XDG_STATE_HOME/rehearse/analyzers/NAME.log`, or under `~/.local/state`.
    static func logPath(for program: String) -> String {
        let name = program.lastPathComponent
        return UserPaths.baseDirectory("XDG_STATE_HOME", fallback: ".local/state") + "/rehearse/analyzers/\(name).log"
    }

    private static func openLog(_ path: String) -> Int32 {
        let folder = path.deletingLastPathComponent
        // Rehearse's own folders are owner-only, whatever the umask; the log is never opened through a link.
        _ = FileWriting.makeDirectories(folder.deletingLastPathComponent, permissions: 0o700) ?? FileWriting.makeDirectories(folder, permissions: 0o700)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if descriptor < 0 { printError("warning: cannot open \(path) for the analyzer's messages; they are discarded") }
        return descriptor
    }
}
