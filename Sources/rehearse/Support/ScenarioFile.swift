import FoundationEssentials
import InterviewKit

/// A scenario a command was given (or the bundled default), loaded, with the hash of its content.
struct ScenarioFile {
    let scenario: Scenario
    let path: String
    private let loaded: ScenarioLoadResult

    /// SHA-256 of the file's bytes (hashed when asked).
    var sha256: String { loaded.contentHash ?? "" }

    /// Loads `path`, or the bundled default, turning problems into one clear failure after the diagnostics.
    static func load(path: String?, analyzers: AnalyzerSet) throws -> ScenarioFile {
        guard let path = try resolve(path) else {
            throw CommandFailure.noInput(
                "cannot find the bundled scenarios; name a scenario file, or set REHEARSE_SCENARIOS to the Scenarios folder")
        }
        let result = ScenarioLoader(analyzers: analyzers, available: AnalyzerRegistry.builtIn.identifiers).load(contentsOf: path)
        for diagnostic in result.diagnostics {
            printError(diagnostic.description)
        }
        guard let scenario = result.scenario else {
            let unreadable = result.diagnostics.contains { ["no-such-file", "is-directory", "unreadable", "not-a-file"].contains($0.code) }
            if unreadable { throw CommandFailure(message: "cannot open the scenario \(path)", code: ExitStatus.noInput) }
            throw CommandFailure.data("the scenario \(path) has errors (listed above); `\(CommandName.invoked.shellWord) validate \(path.shellWord)` checks it again")
        }
        return ScenarioFile(scenario: scenario, path: path, loaded: result)
    }

    /// A file path as given; a bare name that is not a file (`peer-specialist`) names a bundled scenario;
    /// nil names the default one (nil again if it cannot be found).
    static func resolve(_ path: String?) throws -> String? {
        guard let path else { return ScenarioLocator.defaultScenarioPath() }
        if FileManager.default.fileExists(atPath: path) || path.contains("/") { return path }
        if let bundled = ScenarioLocator.bundledScenarioPath(named: path) { return bundled }
        let names = ScenarioLocator.bundledNames()
        guard !names.isEmpty, !path.hasSuffix(".xml") else { return path }
        throw CommandFailure.noInput(
            "no scenario file or bundled scenario named '\(path)'; the bundled ones are \(names.joined(separator: ", "))")
    }
}
