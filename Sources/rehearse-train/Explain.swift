import ArgumentParser
import Foundation
import InterviewKit
import BuiltInAnalyzers

extension RehearseTrain {
    /// Shows how the built-in model reads one answer: clause roles, and each decision's signals.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show how the built-in STAR model reads an answer (standard input).")

        @Option(help: "The question's kind.")
        var kind: String = "behavioral"

        func run() throws {
            guard let model = STARModel.builtIn else { throw ValidationError("this build has no STAR model") }
            let answer = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let reading = model.explain(answer, kind: QuestionKind(rawValue: kind))
            for clause in reading.clauses {
                let roles = clause.roles.map { "\($0.role.rawValue) \(String(format: "%.2f", $0.probability))" }.joined(separator: ", ")
                print("[\(roles)] \(clause.text)")
            }
            for decision in reading.decisions {
                print("\(decision.head.rawValue): \(String(format: "%.3f", decision.probability))")
                for signal in decision.signals { print("    \(String(format: "%+.3f", signal.weight))  \(signal.feature)") }
            }
            print("verdicts (after the checks over the heads):")
            for verdict in reading.verdicts {
                print("    \(verdict.head.rawValue): \(verdict.yes ? "yes" : "no")\(verdict.why.map { " (\($0))" } ?? "")")
            }
            print("follow-up: \(reading.followup)")
        }
    }
}
