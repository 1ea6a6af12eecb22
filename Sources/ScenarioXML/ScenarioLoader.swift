import SystemIO
import InterviewCore
/// What loading a scenario produced: the scenario when there were no errors, and every diagnostic either way.
public struct ScenarioLoadResult: Sendable {
    public var scenario: Scenario?
    public var diagnostics: [Diagnostic]
    /// The bytes read, kept for `contentHash` when a scenario was loaded.
    private let source: [UInt8]?

    /// SHA-256 of the bytes read, recorded in transcripts to tell an edited file from the original.
    /// Worked out when asked: checking a scenario does not need it.
    public var contentHash: String? { source.map(SHA256.hex) }

    init(scenario: Scenario?, diagnostics: [Diagnostic], source: [UInt8]? = nil) {
        self.scenario = scenario
        self.diagnostics = diagnostics
        self.source = source
    }
}

/// Reads scenario XML (format v1) into a compiled `Scenario`, checking conditions against the
/// features of the analyzers in use. Reports every problem it finds, not only the first.
public struct ScenarioLoader: Sendable {
    public let catalog: FeatureCatalog
    /// The analyzers in use, when known, for the features a scenario's competencies add.
    private let analyzers: AnalyzerSet?

    public init(catalog: FeatureCatalog) {
        self.catalog = catalog
        analyzers = nil
    }

    /// Checks conditions against `analyzers`' features; a feature of one of the `available`
    /// analyzers that is not in use gets a message that says which analyzer to add.
    public init(analyzers: AnalyzerSet, available: [String] = []) {
        var catalog = analyzers.catalog
        catalog.available = available
        self.catalog = catalog
        self.analyzers = analyzers
    }

    /// Loads a file. A file that cannot be read is reported as a diagnostic at 1:1.
    public func load(contentsOf path: String) -> ScenarioLoadResult {
        let start = SourceLocation(file: path, line: 1, column: 1)
        // One byte past the limit, so an oversized file is caught without reading all of it.
        switch FileBytes.contents(of: path, limit: XMLParser.maximumSize + 1) {
        case .success(let bytes):
            return load(bytes, file: path)
        case .failure(.noSuchFile):
            return ScenarioLoadResult(scenario: nil, diagnostics: [.error("no-such-file", "no such file; check the path", at: start)])
        case .failure(.isDirectory):
            return ScenarioLoadResult(
                scenario: nil, diagnostics: [.error("is-directory", "this is a directory; name a scenario .xml file inside it", at: start)])
        case .failure(.unreadable):
            return ScenarioLoadResult(scenario: nil, diagnostics: [.error("unreadable", "cannot read the file; check its permissions", at: start)])
        case .failure(let failure):
            return ScenarioLoadResult(
                scenario: nil, diagnostics: [.error("not-a-file", "this \(FileBytes.describe(failure)); name a scenario .xml file", at: start)])
        }
    }

    public func load(_ bytes: [UInt8], file: String) -> ScenarioLoadResult {
        let parsed = XMLParser.parse(bytes, file: file)
        guard let document = parsed.document else {
            return ScenarioLoadResult(scenario: nil, diagnostics: parsed.diagnostics.sortedByLocation())
        }
        var compiler = ScenarioCompiler(file: file, catalog: catalog, analyzers: analyzers)
        let scenario = compiler.compile(document.root)
        let diagnostics = (parsed.diagnostics + compiler.diagnostics).sortedByLocation()
        let loaded = diagnostics.hasErrors ? nil : scenario
        return ScenarioLoadResult(scenario: loaded, diagnostics: diagnostics, source: loaded.map { _ in bytes })
    }

    public func load(_ text: String, file: String) -> ScenarioLoadResult {
        load(Array(text.utf8), file: file)
    }
}
