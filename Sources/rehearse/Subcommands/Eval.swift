import ArgumentParser
import FoundationEssentials
import InterviewKit

extension Rehearse {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Score the analyzers against a labelled JSON Lines file.",
            discussion: """
                Each line: {"id": …, "question": …, "answer": …} plus any of the labels followup, specific_example, \
                situation, task, action, result, smart.specific, smart.measurable, smart.time_bound. \
                A label a line leaves out is not scored for that line.
                """)

        @Argument(help: "Labelled answers, one JSON object per line.")
        var file: String

        @Flag(help: "Print the report as JSON.")
        var json = false

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            try reportingFailures {
                let analyzers = try analyzerOptions.resolve()
                let text = try AnswerInput.read(file: file, limit: InputLimits.labelledFileBytes, what: "a labelled answers file")
                let items: [LabelledAnswer]
                do {
                    items = try LabelledAnswer.parseLines(text, file: file)
                } catch {
                    // Already compiler-style, with the file and line.
                    printError("\(error)")
                    throw ExitStatus.dataError
                }
                guard !items.isEmpty else { throw CommandFailure.data("\(file) has no answers to score") }
                let report = EvaluationReport.evaluate(items, with: analyzers)
                print(json ? try JSONOutput.string(report) : report.formatted())
            }
        }
    }
}
