import ArgumentParser
import FoundationEssentials
import InterviewKit

extension Rehearse {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Score the analyzers against labelled JSON Lines files.",
            discussion: """
                Each line: {"id": …, "question": …, "answer": …} plus any of the labels followup, specific_example, \
                situation, task, action, result, smart.specific, smart.measurable, smart.time_bound, declined; \
                "writer" and "style" when known, for figures per writer and per style. A label a line leaves \
                out is not scored for that line.

                The STAR analyzer decides with its built-in learned model, which was trained on the corpus in \
                Tests/Fixtures/corpus: its figures there are not held out. --leave-writers-out trains the model \
                afresh for each writer on every other writer's answers and scores that writer with it: the \
                figures that count for a corpus of many writers (docs/analysis.md). --rules scores the STAR \
                rules alone. --labels-from NAME scores the STAR and SMART labels on another analyzer's features of \
                the same names (NAME.specific_example, NAME.specific…), for example an external analyzer's \
                (docs/analysis.md, "The neural baseline").
                """)

        @Argument(help: "Labelled answers, one JSON object per line.")
        var files: [String]

        @Flag(help: "For each writer, train the STAR model on the other writers and score this one with it.")
        var leaveWritersOut = false

        @Option(help: "Clause-level role labels for training (with --leave-writers-out).")
        var clauseLabels: [String] = []

        @Flag(help: "Score the STAR rules alone instead of the built-in learned model.")
        var rules = false

        @Flag(help: "Leave the MiniLM token embeddings out of the STAR and SMART decisions.")
        var noEmbeddings = false

        @Option(
            help: ArgumentHelp(
                "Score the labels on this analyzer's features of the same names (NAME.specific_example, NAME.specific, …).",
                valueName: "name"))
        var labelsFrom: String?

        @Flag(help: "Print the report as JSON.")
        var json = false

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func validate() throws {
            if leaveWritersOut && rules { throw ValidationError("--rules and --leave-writers-out do not go together: --leave-writers-out trains a model") }
            if !clauseLabels.isEmpty && !leaveWritersOut { throw ValidationError("--clause-labels is for --leave-writers-out") }
            if labelsFrom != nil && (leaveWritersOut || rules) {
                throw ValidationError("--labels-from scores another analyzer's features; --leave-writers-out and --rules are about the built-in STAR analyzer")
            }
        }

        func run() throws {
            try reportingFailures {
                let analyzers = try analyzerOptions.resolve()
                if let labelsFrom, !analyzers.identifiers.contains(labelsFrom) {
                    throw ValidationError(
                        "--labels-from \(labelsFrom): no analyzer of that name is in use (in use: \(analyzers.identifiers.joined(separator: ", ")))")
                }
                var items: [LabelledAnswer] = []
                for file in files {
                    let text = try AnswerInput.read(file: file, limit: InputLimits.labelledFileBytes, what: "a labelled answers file")
                    do {
                        items += try LabelledAnswer.parseLines(text, file: file)
                    } catch {
                        // Already compiler-style, with the file and line.
                        printError("\(error)")
                        throw ExitStatus.dataError
                    }
                }
                guard !items.isEmpty else { throw CommandFailure.data("\(files.joined(separator: ", ")) has no answers to score") }
                var seen: Set<String> = []
                for item in items where !seen.insert(item.id).inserted {
                    throw CommandFailure.data("id '\(item.id)' appears in more than one file; ids must be unique across the files")
                }
                let breakdown: EvaluationBreakdown
                if leaveWritersOut {
                    guard items.allSatisfy({ $0.writer != nil }) else {
                        throw CommandFailure.data("--leave-writers-out needs a \"writer\" on every line")
                    }
                    var labels = ClauseLabels()
                    for file in clauseLabels {
                        let text = try AnswerInput.read(file: file, limit: InputLimits.labelledFileBytes, what: "a clause labels file")
                        do {
                            labels.merge(try ClauseLabels.parse(text, file: file))
                        } catch {
                            printError("\(error)")
                            throw ExitStatus.dataError
                        }
                    }
                    var embeddings: TokenEmbeddings?
                    if !noEmbeddings {
                        switch EmbeddingFiles.loadInstalled() {
                        case .success(let table): embeddings = table
                        case .failure(let failure): printError("note: \(failure); scoring without them")
                        }
                    }
                    breakdown = CrossWriterEvaluation.run(items, clauseLabels: labels, embeddings: embeddings) { star, smart in
                        let set = analyzers.replacing(star)
                        return analyzers.identifiers.contains(smart.identifier) ? set.replacing(smart) : set
                    }
                } else {
                    var set = analyzers
                    if rules || noEmbeddings {
                        if analyzers.identifiers.contains("star") { set = set.replacing(STARAnalyzer(model: rules ? nil : STARModel.builtIn)) }
                        if analyzers.identifiers.contains("smart") { set = set.replacing(SMARTAnalyzer()) }
                    }
                    var scored = EvaluationBreakdown(
                        method: rules ? "the STAR rules alone" : noEmbeddings ? "the analyzers as built, without the token embeddings" : "the analyzers as built")
                    for item in items {
                        var analysis = set.analyze(item)
                        if let labelsFrom { analysis.takeLabelledFeatures(from: labelsFrom) }
                        scored.record(item, analysis)
                    }
                    breakdown = scored
                }
                print(json ? try JSONOutput.string(breakdown) : breakdown.formatted())
            }
        }
    }
}

extension Analysis {
    /// Puts analyzer `name`'s features of the labels' names in place of the built-in ones that
    /// `rehearse eval` scores ("minilm.specific_example" for "star.specific_example", "minilm.specific"
    /// for "smart.specific"); a feature that analyzer leaves out is not scored.
    fileprivate mutating func takeLabelledFeatures(from name: String) {
        for (_, feature) in LabelledAnswer.booleanLabels {
            let bare = feature.split(separator: ".", maxSplits: 1).last.map(String.init) ?? feature
            features[feature] = features["\(name).\(bare)"]
        }
    }
}
