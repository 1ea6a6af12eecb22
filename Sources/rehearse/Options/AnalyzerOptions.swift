import Foundation
import ArgumentParser
import InterviewKit

/// `--analyzer`, shared by every command that analyses answers or checks conditions.
struct AnalyzerOptions: ParsableArguments {
    @Option(
        name: .customLong("analyzer"),
        help: ArgumentHelp(
            "Analyzers to use, comma-separated, first one leading the follow-ups (default: \(AnalyzerRegistry.defaultIdentifiers.joined(separator: ","))).",
            valueName: "names"))
    var analyzers: [String] = []

    var identifiers: [String] {
        let named = analyzers.flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return named.isEmpty ? AnalyzerRegistry.defaultIdentifiers : named
    }

    func resolve() throws -> AnalyzerSet {
        do {
            return try AnalyzerRegistry.builtIn.resolve(identifiers)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }
}
