import ArgumentParser
import InterviewKit

@main
struct Rehearse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Practise behavioral interviews in the terminal or the browser.",
        discussion: """
            Rehearse asks interview questions, reads your answers, and asks the follow-up a good \
            interviewer would: for one specific example, for what you yourself did, or for how it turned out.
            """,
        version: RehearseVersion.current,
        subcommands: [
            Run.self, Serve.self, Scenarios.self, HistoryCommand.self, ProgressCommand.self, Replay.self, Validate.self, Lint.self, Graph.self, New.self, Test.self, Analyze.self,
            Eval.self,
        ],
        defaultSubcommand: nil)
}

