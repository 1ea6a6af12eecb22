import InterviewKit

/// A scenario a command was given (or the bundled default), loaded, with the hash of its content.
struct ScenarioFile {
    let scenario: Scenario
    let path: String
    let sha256: String

    /// Loads `path`, or the bundled default, turning problems into one clear failure after the diagnostics.
    static func load(path: String?, analyzers: AnalyzerSet) throws -> ScenarioFile {
        guard let path = path ?? ScenarioLocator.defaultScenarioPath() else {
            throw CommandFailure.noInput(
                "cannot find the bundled scenarios; name a scenario file, or set REHEARSE_SCENARIOS to the Scenarios folder")
        }
        let result = ScenarioLoader(analyzers: analyzers).load(contentsOf: path)
        for diagnostic in result.diagnostics {
            printError(diagnostic.description)
        }
        guard let scenario = result.scenario else {
            let unreadable = result.diagnostics.contains { ["no-such-file", "is-directory", "unreadable"].contains($0.code) }
            if unreadable { throw CommandFailure(message: "cannot open the scenario \(path)", code: ExitStatus.noInput) }
            throw CommandFailure.data("the scenario \(path) has errors (listed above); `rehearse validate \(path)` checks it again")
        }
        return ScenarioFile(scenario: scenario, path: path, sha256: result.contentHash ?? "")
    }
}
