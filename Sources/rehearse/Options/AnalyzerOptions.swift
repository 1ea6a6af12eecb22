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

    /// What was named: built-in identifiers, and `exec:` commands whole (they may contain commas and spaces).
    var identifiers: [String] {
        var named: [String] = []
        for value in analyzers {
            var parts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[...]
            while let part = parts.popFirst() {
                let trimmed = part.trimmingBlanks
                if trimmed.hasPrefix("exec:") {
                    named.append(([part] + parts).joined(separator: ",").trimmingBlanks)
                    break
                }
                if !trimmed.isEmpty { named.append(trimmed) }
            }
        }
        return named.isEmpty ? AnalyzerRegistry.defaultIdentifiers : named
    }

    /// Starts any external analyzers and resolves the built-in ones. A plugin that cannot be used is
    /// reported in one line and left out. When only plugins were named, the default built-ins come
    /// first: scenarios are written for their follow-ups, and the interview always has them to fall
    /// back on. Naming the built-ins too puts everything in the order given.
    func resolve() throws -> AnalyzerSet {
        guard analyzerTimeout > 0, analyzerTimeout <= 600 else {
            throw CommandFailure.usage("--analyzer-timeout must be more than 0 and at most 600 seconds")
        }
        var chosen: [any Analyzer] = []
        let names = identifiers
        for name in names {
            if name.hasPrefix("exec:") {
                if let plugin = try ExternalAnalyzers.start(name, timeout: analyzerTimeout) {
                    guard !chosen.contains(where: { $0.identifier == plugin.identifier }) else {
                        throw CommandFailure.usage("two analyzers are named '\(plugin.identifier)'; name each once")
                    }
                    chosen.append(plugin)
                }
                continue
            }
            do {
                chosen += try AnalyzerRegistry.builtIn.resolve([name]).analyzers.filter { new in !chosen.contains { $0.identifier == new.identifier } }
            } catch {
                throw CommandFailure.usage("\(error)")
            }
        }
        if names.allSatisfy({ $0.hasPrefix("exec:") }) {
            chosen = AnalyzerRegistry.builtIn.available.filter { AnalyzerRegistry.defaultIdentifiers.contains($0.identifier) } + chosen
        }
        return AnalyzerSet(chosen)
    }
}

/// Starting `exec:` analyzers: finding the program, the log for its stderr, the one-line warnings.
enum ExternalAnalyzers {
    /// Starts the plugin named by `spec` (`exec:PROGRAM ARGS…`); nil, after a one-line warning, when it
    /// starts but does not greet properly. A program that does not exist is a usage error.
    static func start(_ spec: String, timeout: Double) throws -> ExternalAnalyzer? {
        let words = try split(String(spec.dropFirst("exec:".count)))
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

    /// Words split at spaces, with '…' and "…" quoting.
    static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        guard quote == nil else { throw CommandFailure.usage("an unclosed quote in --analyzer '\(text)'") }
        if inWord { words.append(current) }
        return words
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
