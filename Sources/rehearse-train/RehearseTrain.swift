import ArgumentParser

/// Developer tool: prepares clause-labelling files from the corpus and trains the analysis model.
@main
struct RehearseTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse-train",
        abstract: "Train the built-in analysis model from the labelled corpus.",
        subcommands: [Train.self, EmbeddingHeadsCommand.self, Clauses.self, Explain.self])
}
