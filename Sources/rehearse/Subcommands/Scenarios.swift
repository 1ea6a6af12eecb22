import ArgumentParser
import FoundationEssentials
import InterviewKit

extension Rehearse {
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scenarios",
            abstract: "List the scenarios you can practise: the bundled ones, and those in $REHEARSE_SCENARIOS.",
            discussion: """
                Each with its name (for `rehearse run NAME`), title, role, number of questions and what it \
                practises. With --questions, each question's id (for `rehearse run NAME --question ID`) and words.
                """)

        @Flag(help: "List each scenario's questions too, with their ids.")
        var questions = false

        func run() throws {
            try reportingFailures {
                let analyzers = try AnalyzerRegistry.installed.resolve(AnalyzerRegistry.defaultIdentifiers)
                let loader = ScenarioLoader(analyzers: analyzers)
                let folders = ScenarioLocator.listedFolders()
                guard !folders.isEmpty else {
                    throw CommandFailure.noInput("cannot find the bundled scenarios; set REHEARSE_SCENARIOS to a folder of scenario files")
                }
                var first = true
                for folder in folders {
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
                    if !first { print("") }
                    first = false
                    print("\(folder.label) (\(folder.path)):")
                    if names.isEmpty { print("  no scenario files") }
                    // The names in one column, however long the longest ("clinician-case-vignette").
                    let width = max(22, (names.map { $0.count - 4 }.max() ?? 0) + 1)
                    for name in names {
                        let path = folder.path.appendingPathComponent(name)
                        let shortName = String(name.dropLast(4))
                        guard let scenario = loader.load(contentsOf: path).scenario else {
                            print("  \(shortName.padding(to: width)) has errors; `\(CommandName.invoked.shellWord) validate \(path.shellWord)` lists them")
                            continue
                        }
                        let count = scenario.sequence.count
                        print("  \(shortName.padding(to: width)) \(scenario.title) — \(scenario.role) · \(count) question\(count == 1 ? "" : "s")")
                        let practised = scenario.competencies.map(\.label)
                        if !practised.isEmpty { print("  \("".padding(to: width)) practises: \(practised.joined(separator: ", "))") }
                        if questions {
                            for question in scenario.sequence {
                                print("  \("".padding(to: width))   \(question.id): \(question.phrasings.first ?? "")")
                            }
                        }
                    }
                }
            }
        }
    }
}
