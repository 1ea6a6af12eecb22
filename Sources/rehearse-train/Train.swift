import ArgumentParser
import Foundation
import InterviewKit
import BuiltInAnalyzers

extension RehearseTrain {
    /// Trains the built-in STAR model on the whole corpus and writes its weights file.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the STAR model on labelled answers and clause labels, and write its weights.",
            discussion: """
                The weights the build carries come from one run of this command (docs/analysis.md):
                  swift run -c release rehearse-train train Tests/Fixtures/corpus/writers/*.jsonl \\
                    --clause-labels Tests/Fixtures/corpus/clauses/roles.jsonl \\
                    --output Sources/BuiltInAnalyzers/Model/STARModelWeights.swift
                The same files always give the same weights.
                """)

        @Argument(help: "Labelled answers (JSON Lines).")
        var files: [String]

        @Option(help: "Clause-level role labels (JSON Lines).")
        var clauseLabels: [String] = []

        @Option(help: "Where to write the weights: a .swift file holds them as the build's built-in model, any other name as plain text.")
        var output: String

        func run() throws {
            let items = try CorpusFiles.read(files)
            var labels = ClauseLabels()
            for file in clauseLabels { labels.merge(try ClauseLabels.parse(try String(contentsOfFile: file, encoding: .utf8), file: file)) }
            let model = STARModelTrainer().train(items, clauseLabels: labels)
            let writers = Set(items.compactMap(\.writer)).sorted()
            let header = [
                "The built-in STAR model's weights. Made by rehearse-train train (docs/analysis.md); do not edit by hand.",
                "Trained on \(items.filter { $0.kind != .goals }.count) answers from \(writers.count) writers (\(writers.joined(separator: " "))) and clause labels for \(labels.spans.count) of them.",
                "Sections: the clause-role model (one weight per role), then one yes/no head per decision.",
            ]
            let text = STARModelFile.text(of: model, header: header)
            try (output.hasSuffix(".swift") ? STARModelFile.swiftSource(text) : text).write(toFile: output, atomically: true, encoding: .utf8)
            print("wrote \(output): \(model.heads.map { "\($0.name) \($0.featureNames.count)" }.joined(separator: ", ")); clause roles \(model.clauseRoles?.featureNames.count ?? 0) features")
        }
    }
}
