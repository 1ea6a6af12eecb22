import InterviewCore
import FoundationEssentials
import Synchronization

/// An analyzer in another process, started once and spoken to in JSON Lines
/// (docs/analyzer-protocol.md). Its features are namespaced by the name it declares.
///
/// Contract: unlike the built-ins it does I/O, but never blocks past its timeout and never throws.
/// When the plugin times out, crashes or answers nonsense, it is stopped, `warn` is called once
/// with a one-line reason, and from then on it contributes nothing, so the other analyzers carry
/// the interview on.
public final class ExternalAnalyzer: Analyzer, Sendable {
    /// How the plugin was named on the command line: `exec:PATH ARGS…`.
    public let command: String
    public var origin: String? { command }
    public let identifier: String
    public let version: String
    public let summary: String
    public let features: [FeatureDescriptor]
    public let followups: [String]
    public let timeout: Double
    /// The declared features' types by full name, for checking every response.
    private let featureTypes: [String: FeatureType]

    /// The running plugin (nil once it has been stopped) and the id of the next request: one
    /// exchange at a time.
    private let connection: Mutex<Connection>
    private let warn: @Sendable (String) -> Void

    private struct Connection {
        var process: PluginProcess?
        var nextID = 1
    }

    /// Names no plugin may take besides the other analyzers': the engine's own features, and the
    /// `exec:` prefix that names a plugin.
    static let reservedNames: Set<String> = [EngineFeature.provider, EngineFeature.followup, EngineFeature.probes, "exec"]

    /// Starts the plugin and exchanges greetings. Fails, with a reason for one line, when it cannot be
    /// started, does not greet within `max(timeout, 5)` seconds, greets in another protocol version,
    /// or takes a name in `taken` (the other analyzers').
    public static func start(
        command: String, arguments: [String], timeout: Double, stderrLog: Int32, taken: Set<String>,
        warn: @escaping @Sendable (String) -> Void
    ) -> Result<ExternalAnalyzer, ExternalAnalyzerError> {
        let process: PluginProcess
        do {
            process = try PluginProcess(arguments: arguments, stderrTo: stderrLog)
        } catch {
            return .failure(ExternalAnalyzerError(command: command, reason: "cannot start it: \(Self.describe(error))"))
        }
        func fail(_ reason: String) -> Result<ExternalAnalyzer, ExternalAnalyzerError> {
            process.stop()
            return .failure(ExternalAnalyzerError(command: command, reason: reason))
        }
        let deadline = Deadline(secondsFromNow: max(timeout, 5))
        let hello: PluginMessages.HelloResponse
        do {
            let request = PluginMessages.HelloRequest(rehearse: RehearseVersion.current)
            try process.send(Array(try JSONEncoder().encode(request)), deadline: deadline)
            let line = try process.receive(deadline: deadline)
            hello = try JSONDecoder().decode(PluginMessages.HelloResponse.self, from: Data(line))
        } catch let error as PluginProcess.Failure {
            return fail("no greeting: \(Self.describe(error))")
        } catch {
            return fail("its greeting is not the JSON object the protocol expects")
        }
        guard hello.type == "hello" else { return fail("it answered the greeting with '\(hello.type)' instead of 'hello'") }
        guard hello.protocol == PluginMessages.protocolVersion else {
            let theirs = hello.protocol.map(String.init) ?? "none"
            return fail("it speaks protocol version \(theirs); this Rehearse speaks version \(PluginMessages.protocolVersion)")
        }
        guard let name = hello.name, Self.isName(name, firstUppercase: false) else {
            return fail("its name must be lowercase letters, digits, '_' or '-', starting with a letter")
        }
        guard !reservedNames.contains(name), !taken.contains(name) else { return fail("its name '\(name)' is taken by a built-in; choose another") }
        var descriptors: [FeatureDescriptor] = []
        for feature in hello.features ?? [] {
            guard Self.isName(feature.name, firstUppercase: true) else {
                return fail("its feature name '\(feature.name)' is not a plain name (letters, digits, '_', '-')")
            }
            let type: FeatureType
            switch feature.type {
            case "bool": type = .bool
            case "number": type = .number
            case "choice" where !(feature.values ?? []).isEmpty: type = .choice(feature.values ?? [])
            default: return fail("its feature '\(feature.name)' has type '\(feature.type)'; use bool, number, or choice with values")
            }
            descriptors.append(FeatureDescriptor("\(name).\(feature.name)", type, feature.description ?? "from the \(name) plugin"))
        }
        let analyzer = ExternalAnalyzer(
            command: command, name: name, version: hello.version ?? "unversioned", summary: hello.description ?? "external analyzer",
            features: descriptors, followups: (hello.followups ?? []).filter { $0 != "none" }, timeout: timeout, process: process, warn: warn)
        return .success(analyzer)
    }

    private init(
        command: String, name: String, version: String, summary: String, features: [FeatureDescriptor], followups: [String],
        timeout: Double, process: sending PluginProcess, warn: @escaping @Sendable (String) -> Void
    ) {
        self.command = command
        self.identifier = name
        self.version = version
        self.summary = summary
        self.features = features
        featureTypes = Dictionary(features.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        self.followups = followups
        self.timeout = timeout
        connection = Mutex(Connection(process: process))
        self.warn = warn
    }

    deinit { connection.withLock { $0.process?.stop() } }

    public func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
        connection.withLock { connection in
            guard let process = connection.process else { return Analysis() }
            let id = connection.nextID
            connection.nextID += 1
            do throws(Problem) {
                return try exchange(with: process, id: id, answer: answer, context: context)
            } catch {
                process.stop()
                connection.process = nil
                warn("warning: the \(identifier) analyzer (\(command)) \(error.reason); going on without it")
                return Analysis()
            }
        }
    }

    private struct Problem: Error {
        var reason: String
    }

    private func exchange(with process: PluginProcess, id: Int, answer: String, context: AnalysisContext) throws(Problem) -> Analysis {
        let deadline = Deadline(secondsFromNow: timeout)
        let request = PluginMessages.AnalyzeRequest(
            id: id,
            question: .init(id: context.questionID, text: context.questionText, kind: context.kind?.rawValue, assesses: context.assessed),
            answer: answer)
        let response: PluginMessages.AnalysisResponse
        do {
            try process.send(Array(try JSONEncoder().encode(request)), deadline: deadline)
            let line = try process.receive(deadline: deadline)
            response = try JSONDecoder().decode(PluginMessages.AnalysisResponse.self, from: Data(line))
        } catch let error as PluginProcess.Failure {
            throw Problem(reason: Self.describe(error, timeout: timeout))
        } catch {
            throw Problem(reason: "answered with something that is not a JSON analysis")
        }
        guard response.type == "analysis", response.id == id else {
            throw Problem(reason: "answered request \(id) with '\(response.type)' for request \(response.id.map(String.init) ?? "none")")
        }
        var analysis = Analysis()
        for (key, value) in response.features ?? [:] {
            let name = qualified(key)
            guard let type = featureTypes[name] else { throw Problem(reason: "sent the feature '\(key)', which its greeting did not declare") }
            guard Self.value(value, fits: type) else { throw Problem(reason: "sent '\(key)' = \(value), which is not \(type)") }
            analysis.features[name] = value
        }
        let recommended = (response.followups ?? response.followup.map { [$0] } ?? []).filter { $0 != "none" }
        if let undeclared = recommended.first(where: { !followups.contains($0) }) {
            throw Problem(reason: "recommended '\(undeclared)', which its greeting did not declare")
        }
        if !recommended.isEmpty {
            analysis.followups = recommended
            analysis.reason = response.reason ?? "recommended by the \(identifier) analyzer"
        }
        let scalars = Array(answer.unicodeScalars)
        for span in response.evidence ?? [] {
            guard 0 <= span.start, span.start <= span.end, span.end <= scalars.count else {
                throw Problem(reason: "sent evidence \(span.start)–\(span.end) outside the answer (0–\(scalars.count))")
            }
            let name = qualified(span.feature)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[span.start..<span.end])
            analysis.evidence.append(Evidence(feature: name, start: span.start, end: span.end, text: String(text)))
        }
        return analysis
    }

    /// A feature name as the plugin may send it, bare (`steps`) or full (`safety.steps`), made full.
    private func qualified(_ name: String) -> String {
        name.hasPrefix(identifier + ".") ? name : "\(identifier).\(name)"
    }

    private static func value(_ value: FeatureValue, fits type: FeatureType) -> Bool {
        switch (value, type) {
        case (.bool, .bool), (.number, .number): true
        case (.text(let word), .choice(let words)): words.contains(word)
        default: false
        }
    }

    /// An analyzer's name is `[a-z][a-z0-9_-]*`; a feature's is `[A-Za-z_][A-Za-z0-9_-]*`.
    private static func isName(_ text: String, firstUppercase: Bool) -> Bool {
        func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard let first = text.utf8.first,
            isLower(first) || (firstUppercase && (isUpper(first) || first == UInt8(ascii: "_")))
        else { return false }
        return text.utf8.allSatisfy {
            isLower($0) || (firstUppercase && isUpper($0)) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// Seconds as "%g" writes them: no ".0" on a whole number.
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func describe(_ error: PluginProcess.Failure, timeout: Double? = nil) -> String {
        switch error {
        case .timedOut: timeout.map { "did not answer within \(Self.seconds($0)) s" } ?? "did not answer in time"
        case .closed(let why): "stopped: \(why)"
        case .tooLong: "sent a line longer than \(PluginProcess.maximumLine >> 20) MB"
        case .io(let why): why
        }
    }
}

/// Why an external analyzer could not be started, for one line of warning.
public struct ExternalAnalyzerError: Error, Sendable, CustomStringConvertible {
    public var command: String
    public var reason: String

    public var description: String { "the analyzer \(command) is not used: \(reason)" }
}
