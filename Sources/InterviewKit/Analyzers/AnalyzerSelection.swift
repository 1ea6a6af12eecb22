import InterviewCore

/// How the analyzers of a run are chosen from what the user names (`--analyzer` on the command
/// line; a setting in another front), the same way for every front.
///
/// Names are built-in identifiers, comma-separated, or `exec:PROGRAM ARGS…`, which takes the rest
/// of its value (it may hold commas and spaces). With none named, the default built-ins. When only
/// plugins are named, the default built-ins come first: scenarios are written for their
/// follow-ups, and the interview always has them to fall back on. Naming the built-ins too puts
/// everything in the order given.
public struct AnalyzerSelection: Sendable, Hashable {
    public enum Name: Sendable, Hashable {
        case builtIn(String)
        /// `exec:PROGRAM ARGS…`, whole.
        case plugin(String)
    }

    public var names: [Name]

    /// The names in `values`, each as given on the command line.
    public init(_ values: [String]) {
        var named: [Name] = []
        for value in values {
            var parts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[...]
            while let part = parts.popFirst() {
                let trimmed = part.trimmingBlanks
                if trimmed.hasPrefix(Self.pluginPrefix) {
                    named.append(.plugin(([part] + parts).joined(separator: ",").trimmingBlanks))
                    break
                }
                if !trimmed.isEmpty { named.append(.builtIn(trimmed)) }
            }
        }
        names = named.isEmpty ? AnalyzerRegistry.defaultIdentifiers.map(Name.builtIn) : named
    }

    public static let pluginPrefix = "exec:"

    /// The analyzers, in order: built-ins from `registry`, plugins from `startPlugin` (nil when one
    /// could not be used and is left out, the front having said why).
    public func resolve(
        registry: AnalyzerRegistry = .installed, startPlugin: (String) throws -> (any Analyzer)?
    ) throws -> AnalyzerSet {
        var chosen: [any Analyzer] = []
        for name in names {
            switch name {
            case .plugin(let command):
                guard let plugin = try startPlugin(command) else { continue }
                guard !chosen.contains(where: { $0.identifier == plugin.identifier }) else {
                    throw AnalyzerSelectionError.namedTwice(plugin.identifier)
                }
                chosen.append(plugin)
            case .builtIn(let identifier):
                do {
                    chosen += try registry.resolve([identifier]).analyzers.filter { new in !chosen.contains { $0.identifier == new.identifier } }
                } catch {
                    throw AnalyzerSelectionError.unknown(error)
                }
            }
        }
        if names.allSatisfy({ if case .plugin = $0 { true } else { false } }) {
            chosen = registry.available.filter { AnalyzerRegistry.defaultIdentifiers.contains($0.identifier) } + chosen
        }
        return AnalyzerSet(chosen)
    }

    /// A plugin command's words, split at spaces, with '…' and "…" quoting.
    public static func words(of command: String) throws(AnalyzerSelectionError) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in command {
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
        guard quote == nil else { throw .unclosedQuote(command) }
        if inWord { words.append(current) }
        return words
    }
}

/// Why the named analyzers cannot make a set.
public enum AnalyzerSelectionError: Error, Sendable, CustomStringConvertible {
    case unknown(UnknownAnalyzer)
    case namedTwice(String)
    case unclosedQuote(String)

    public var description: String {
        switch self {
        case .unknown(let error): "\(error)"
        case .namedTwice(let name): "two analyzers are named '\(name)'; name each once"
        case .unclosedQuote(let text): "an unclosed quote in --analyzer '\(text)'"
        }
    }
}

extension AnalyzerSet {
    /// Whether answers may be analysed on several threads at once: not with a plugin, which is one
    /// process answering one request at a time.
    public var analysesInParallel: Bool { analyzers.allSatisfy { $0.origin == nil } }
}
