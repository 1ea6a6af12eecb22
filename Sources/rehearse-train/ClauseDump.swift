import ArgumentParser
import Foundation
import InterviewKit
import BuiltInAnalyzers

extension RehearseTrain {
    /// Splits corpus answers into the segmenter's clauses, for clause-level labelling.
    struct Clauses: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print corpus answers split into the clauses the analysis judges, one JSON object per line.")

        @Argument(help: "Corpus files (JSON Lines with id and answer).")
        var files: [String]

        @Option(help: "Only the ids listed in this file, one per line.")
        var ids: String?

        func run() throws {
            let wanted = try ids.map { Set(try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").map(String.init)) }
            for item in try CorpusFiles.read(files) where wanted?.contains(item.id) ?? true {
                let clauses = ClauseSplit.clauses(of: item.answer).enumerated().map { index, clause in
                    ["n": index + 1, "start": clause.start, "end": clause.end, "text": clause.text] as [String: Any]
                }
                let line: [String: Any] = ["id": item.id, "question": item.question ?? "", "answer": item.answer, "clauses": clauses]
                let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            }
        }
    }
}
