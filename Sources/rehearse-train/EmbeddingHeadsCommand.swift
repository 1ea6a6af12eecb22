import ArgumentParser
import Foundation
import InterviewKit
import BuiltInAnalyzers

extension RehearseTrain {
    /// Trains the token-embedding heads on the whole corpus and writes their weights file.
    struct EmbeddingHeadsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "embedding-heads",
            abstract: "Train the heads over the MiniLM token embeddings, and write their weights.",
            discussion: """
                Needs the model files (scripts/bootstrap installs them; REHEARSE_MODEL_DIR names another folder).
                The weights the build carries come from one run of this command (docs/analysis.md):
                  .build/release/rehearse-train embedding-heads Tests/Fixtures/corpus/writers/*.jsonl \\
                    Tests/Fixtures/answers/dev.jsonl --output Sources/BuiltInAnalyzers/Model/EmbeddingHeadsWeights.swift
                The same files always give the same weights.
                """)

        @Argument(help: "Labelled answers (JSON Lines).")
        var files: [String]

        @Option(help: "Where to write the weights: a .swift file holds them as the build's built-in heads, any other name as plain text.")
        var output: String

        func run() throws {
            let embeddings: TokenEmbeddings
            switch EmbeddingFiles.loadInstalled() {
            case .success(let table): embeddings = table
            case .failure(let failure): throw ValidationError("\(failure); scripts/bootstrap installs them")
            }
            let items = try CorpusFiles.read(files)
            let heads = EmbeddingHeadsTrainer().train(items, vectors: EmbeddingHeadsTrainer.vectors(items, embeddings))
            let writers = Set(items.compactMap(\.writer)).sorted()
            let header = [
                "# The token-embedding heads' weights. Made by rehearse-train embedding-heads (docs/analysis.md); do not edit by hand.",
                "# Trained on \(items.count) answers from \(writers.count) writers (\(writers.joined(separator: " "))) over \(EmbeddingFiles.modelName)'s input embeddings, mean and max pooled.",
            ].joined(separator: "\n")
            let text = heads.serialized(header: header)
            try (output.hasSuffix(".swift") ? EmbeddingHeads.swiftSource(text) : text).write(toFile: output, atomically: true, encoding: .utf8)
            print("wrote \(output): heads \(EmbeddingHeads.Head.allCases.filter { heads.weights[$0] != nil }.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
