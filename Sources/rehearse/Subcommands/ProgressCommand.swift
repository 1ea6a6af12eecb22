import ArgumentParser
import FoundationEssentials
import InterviewKit
import SystemIO

extension Rehearse {
    struct ProgressCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Show how your answers have changed over your interviews.",
            discussion: """
                Trends over the sessions in the history: how often I had to ask for a specific example, the \
                STAR parts of your stories, the SMART parts of your goals, the competencies shown and fillers \
                per 100 words; as sparklines in a terminal, in words when piped or with NO_COLOR, or as an \
                HTML page with charts (--format html). With --question, every attempt at one question side by side.
                """)

        @OptionGroup var filter: HistoryFilterOptions

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, html
        }

        @Option(help: "Output format.")
        var format: Format = .text

        @Option(help: ArgumentHelp("Write to this file instead of standard output (owner-only, like the transcripts).", valueName: "path"))
        var output: String?

        func run() throws {
            try reportingFailures {
                try PracticeHistoryFile.using { history in
                    let filter = filter.filter
                    if let question = filter.question, format == .text {
                        let attempts = try history.attempts(at: question, filter)
                        try emit(QuestionProgress(questionID: question, attempts: attempts).text())
                        return
                    }
                    let report = ProgressReport(samples: try history.trendSamples(filter), competencies: try history.competencies(filter), weakest: try history.weakest(filter))
                    if report.sessions == 0 && filter != HistoryFilter() && format == .text {
                        try emit("No interviews in the history match these filters; `rehearse progress` without them shows every one.")
                        return
                    }
                    switch format {
                    case .text:
                        try emit(report.text(sparklines: output == nil && Style.detect().enabled))
                    case .html:
                        try emit(report.html(questions: Array(try history.questionSummaries(filter).prefix(40))))
                    }
                }
            }
        }

        private func emit(_ text: String) throws {
            guard let output else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
                return
            }
            do {
                try FileWriting.write(text.utf8, to: output, mode: .atomic, permissions: 0o600)
            } catch {
                throw CommandFailure.io("\(error); choose another place with --output")
            }
        }
    }
}
