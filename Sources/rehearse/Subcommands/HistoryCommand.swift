import ArgumentParser
import FoundationEssentials
import InterviewKit

extension Rehearse {
    struct HistoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "List the interviews you have done, newest first.",
            discussion: """
                Every interview whose transcript is in the transcript folder is in the history, an index \
                (~/.local/share/rehearse/history.sqlite) that Rehearse keeps up to date and can always make again \
                from the transcripts (docs/history.md). `rehearse progress` shows the trends.
                """)

        @OptionGroup var filter: HistoryFilterOptions

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(help: "Output format.")
        var format: Format = .text

        @Option(help: ArgumentHelp("List at most this many sessions, the newest (default: 30 as text, all as JSON).", valueName: "n"))
        var limit: Int?

        @Flag(help: "List every session.")
        var all = false

        @Flag(help: "Make the history again from the transcript folder.")
        var rebuild = false

        @Flag(help: "Analyse every recorded answer again with today's analyzers, so that trends compare like with like.")
        var reanalyze = false

        @Option(help: ArgumentHelp("Take this session (the first column of the list) out of the history.", valueName: "session"))
        var forget: String?

        @Flag(help: "With --forget: delete the session's transcript and feedback files too.")
        var delete = false

        func validate() throws {
            if delete && forget == nil { throw ValidationError("--delete goes with --forget SESSION") }
            if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
            if all && limit != nil { throw ValidationError("--all and --limit contradict each other; use one") }
            if [rebuild, reanalyze, forget != nil].filter({ $0 }).count > 1 {
                throw ValidationError("--rebuild, --reanalyze and --forget each do one thing; use one at a time")
            }
        }

        func run() throws {
            try reportingFailures {
                if rebuild {
                    let history = try PracticeHistoryFile.remade()
                    let count: Int
                    do { count = try history.count() } catch { throw CommandFailure.io("\(error)") }
                    print("Made the history again from \(history.transcriptsFolder): \(count) interview\(count == 1 ? "" : "s").".visibleControls)
                    return
                }
                try PracticeHistoryFile.using { history in
                    if let forget {
                        let (session, removed) = try history.forget(forget, deleteFiles: delete)
                        print("Took \(session.name) (\(session.scenarioTitle)) out of the history.".visibleControls)
                        for file in removed { print("Deleted \(file)".visibleControls) }
                        if !delete {
                            print("Its transcript stays in \(session.transcriptPath); this removes it too:".visibleControls)
                            print("  \(CommandName.invoked.shellWord) history --forget \(session.name.shellWord) --delete".visibleControls)
                        }
                        return
                    }
                    if reanalyze {
                        try reanalyzeAll(history)
                        return
                    }
                    let shown = all ? nil : limit ?? (format == .text ? 30 : nil)
                    let sessions = try history.sessions(filter.filter, limit: shown)
                    if format == .json {
                        // Control and bidirectional characters as JSON escapes: valid JSON, safe on a terminal.
                        print(try HistoryListing.json(sessions).escapingControlsForJSON)
                    } else {
                        let total = shown == nil || sessions.count < (shown ?? 0) ? sessions.count : try history.count(filter.filter)
                        print(HistoryListing.text(sessions, of: total, filtered: filter.filter != HistoryFilter()))
                    }
                }
            }
        }

        private func reanalyzeAll(_ history: PracticeHistory) throws {
            let analyzers = try AnalyzerRegistry.installed.resolve(AnalyzerRegistry.defaultIdentifiers)
            let names = HistoryReanalysis.names(analyzers)
            let scenarios = PracticeHistoryFile.scenarios()
            var interviewers: [String: Interviewer] = [:]
            let (changed, total, problems) = try history.reanalyze { transcript in
                let reference = transcript.header.scenario
                let key = reference.path + "\n" + reference.sha256
                if interviewers[key] == nil, let scenario = scenarios.scenario(for: reference) {
                    interviewers[key] = Interviewer(scenario: scenario, analyzers: analyzers)
                }
                guard let interviewer = interviewers[key] else { return nil }
                return (HistoryReanalysis.reanalyzed(transcript, by: interviewer), names)
            }
            for problem in problems { printError("warning: \(problem)") }
            print("Analysed \(total - problems.count) of \(total) interview\(total == 1 ? "" : "s") again with \(names): \(changed) changed.")
        }
    }
}
