import ArgumentParser
import FoundationEssentials
import Glibc
import InterviewKit
import SystemIO

extension Rehearse {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Analyse one answer and say which follow-up it calls for, with the evidence.",
            discussion: """
                Reads the answer from standard input, or from --file. With --scenario, the answer is read as given to \
                one of that scenario's questions (--question names its id): it also says which of the question's \
                competencies the answer shows, with the words that show them, and what the interviewer would do next.
                """)

        @Option(help: "The question the answer responds to: its text, or with --scenario its id.")
        var question: String?

        @Option(help: ArgumentHelp("A scenario file or bundled name: analyse the answer as given to its question --question.", valueName: "scenario"))
        var scenario: String?

        @Option(help: "The kind of question: behavioral, situational, goals or general.")
        var kind: QuestionKind?

        @Option(help: "Read the answer from this file instead of standard input.")
        var file: String?

        @Flag(help: "Print one JSON object (keys: followup, reason, features, evidence).")
        var json = false

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            try reportingFailures {
                let analyzers = try analyzerOptions.resolve()
                let answer = try AnswerInput.read(file: file)
                guard answer.contains(where: { !$0.isWhitespace }) else {
                    throw CommandFailure.data("there is no answer to analyse: \(file ?? "standard input") is empty; write the answer there, or pipe it in")
                }
                if let scenario {
                    try analyze(answer, scenario: scenario, analyzers: analyzers)
                    return
                }
                let analysis = analyzers.analyze(answer, context: AnalysisContext(questionText: question, kind: kind))
                if json {
                    print(try JSONOutput.string(AnalysisJSON(analysis)))
                } else {
                    print(AnalysisText.render(analysis, answer: answer))
                }
            }
        }
    }
}

extension Rehearse.Analyze {
    /// The answer as the interview would take it after the scenario's question `question`: the
    /// analysis, what it earns of the question's competencies, and the step that would follow.
    func analyze(_ answer: String, scenario path: String, analyzers: AnalyzerSet) throws {
        let file = try ScenarioFile.load(path: path, analyzers: analyzers)
        let ids = file.scenario.questions.map(\.id)
        guard let id = question else {
            throw CommandFailure.usage("--scenario needs --question and one of its question ids: \(ids.joined(separator: ", "))")
        }
        guard let asked = file.scenario.question(id) else {
            let hint = closestMatch(to: id, in: ids).map { "did you mean '\($0)'?" } ?? "its questions are " + ids.joined(separator: ", ")
            throw CommandFailure.usage("\(file.path) has no question '\(id)'; \(hint)")
        }
        if let kind, kind != asked.kind {
            throw CommandFailure.usage("the question '\(id)' is \(asked.kind.rawValue), not \(kind.rawValue); leave --kind out with --scenario")
        }
        let interviewer = Interviewer(scenario: file.scenario, analyzers: analyzers, options: EngineOptions(onlyQuestion: id))
        let turn = interviewer.respond(to: answer, in: interviewer.start(seed: 1).state)
        guard let analysis = turn.analysis else { throw CommandFailure.data("the question '\(id)' could not be analysed") }
        let earned = CompetencyReport.of(analysis, question: asked, in: file.scenario)
        let topics = CompetencyReport.topics(analysis, in: file.scenario)
        if json {
            var output = AnalysisJSON(analysis)
            output.competencies = earned
            output.topics = file.scenario.topics.isEmpty ? nil : topics
            output.next = NextStepJSON(turn.step)
            print(try JSONOutput.string(output))
        } else {
            print(AnalysisText.render(analysis, answer: answer))
            print("")
            print(CompetencyReport.render(earned, topics: topics))
            print("")
            print("Next: \(NextStepJSON(turn.step).target) (\(turn.step.reason.summary))")
        }
    }
}

extension QuestionKind: ExpressibleByArgument {}

/// What an answer earns of a scenario's competencies (or mentions of its topics), for authors
/// checking their cues.
struct CompetencyReport: Encodable {
    var id: String
    var label: String
    /// Whether the question assesses it (always false for a topic).
    var assessed: Bool
    /// Shown, for a competency; mentioned, for a topic.
    var shown: Bool
    /// The words that show it, as the answer says them.
    var evidence: String?
    /// When its cues are there but a topic of its `unless` is mentioned too: that topic's id, and
    /// (`withheldEvidence`) the words that mention it.
    var withheldBy: String?
    var withheldEvidence: String?
    /// Where its own cues matched but not all of its `needs` were met: each unmet requirement, with
    /// what each of its ways still lacks, written as in `needs` ("safety-step",
    /// "safety-step|safety-plan+follow-up"). Its cues' words are `evidence`.
    var missingNeeds: [String]?

    enum CodingKeys: String, CodingKey {
        case id, label, assessed, shown, evidence
        case withheldBy = "withheld_by"
        case withheldEvidence = "withheld_evidence"
        case missingNeeds = "missing_needs"
    }

    /// Every competency of the scenario: those the question assesses first, then the others, each
    /// in the scenario's order.
    static func of(_ analysis: Analysis, question: Question, in scenario: Scenario) -> [CompetencyReport] {
        let assessed = scenario.competencies.filter { question.assesses.contains($0.id) }
        let others = scenario.competencies.filter { !question.assesses.contains($0.id) }
        return assessed.map { report($0, analysis, assessed: true) } + others.map { report($0, analysis, assessed: false) }
    }

    /// Every topic of the scenario, in its order.
    static func topics(_ analysis: Analysis, in scenario: Scenario) -> [CompetencyReport] {
        scenario.topics.map { report($0, analysis, assessed: false) }
    }

    private static func report(_ cueSet: Competency, _ analysis: Analysis, assessed: Bool) -> CompetencyReport {
        let feature = CompetencyFeature.feature(for: cueSet)
        let shown = analysis[feature]?.boolValue == true
        // Withheld only where its cues were there (the analyzer then quotes what withheld it).
        let quotes = analysis.evidence.filter { $0.feature == CompetencyFeature.withheld(cueSet.id) }.map(\.text)
        let withheldWords = quotes.isEmpty ? nil : quotes.joined(separator: " … ")
        func mentioned(_ topic: String) -> Bool { analysis[CompetencyFeature.mentions(topic)]?.boolValue == true }
        // The set that withheld it, as written ("suicide-risk+!risk-asked").
        let withheldBy = withheldWords == nil ? nil : cueSet.withheldBy.first { set in
            set.allSatisfy { Competency.isAbsence($0) ? !mentioned(Competency.topicID($0)) : mentioned($0) }
        }?.joined(separator: "+")
        // What the needs lack, only where the competency's own cues matched (quoted as `unmet`).
        let unmet = analysis.evidence.first { $0.feature == CompetencyFeature.unmet(cueSet.id) }?.text
        // Each unmet requirement with what each of its ways still lacks ("safety-step|follow-up"
        // where a safety plan was named but no follow-up).
        let missingNeeds = unmet == nil ? [] : cueSet.needs.filter { !$0.contains { $0.allSatisfy(mentioned) } }.map { Competency.written($0.map { $0.filter { !mentioned($0) } }) }
        return CompetencyReport(
            id: cueSet.id, label: cueSet.label, assessed: assessed, shown: shown,
            evidence: analysis.evidence.first { $0.feature == feature }?.text ?? unmet,
            withheldBy: withheldBy, withheldEvidence: withheldWords,
            missingNeeds: shown || missingNeeds.isEmpty ? nil : missingNeeds)
    }

    static func render(_ reports: [CompetencyReport], topics: [CompetencyReport] = []) -> String {
        func line(_ report: CompetencyReport, yes: String, no: String) -> String {
            let withheld = report.withheldBy.map { topic in ", withheld: the answer mentions \(topic)\(report.withheldEvidence.map { " «\($0)»" } ?? "")" } ?? ""
            let needs = report.missingNeeds.map { needs in
                // "safety-step|safety-plan+follow-up+low-risk": "safety-step or safety-plan, follow-up and low-risk".
                let requirements = needs.map { requirement in
                    requirement.split(separator: "|").map { set in
                        let ids = set.split(separator: "+").map(String.init)
                        return ids.count < 2 ? ids.joined() : ids.dropLast().joined(separator: ", ") + " and " + ids.last!
                    }.joined(separator: " or ")
                }
                return ", «\(report.evidence ?? "")» needs a mention of \(requirements.joined(separator: " and ")) too"
            }
            return "  \(report.shown ? yes : no): \(report.id) (\(report.label))\(needs ?? report.evidence.map { ", by «\($0)»" } ?? "")\(withheld)"
        }
        let assessed = reports.filter(\.assessed)
        var lines = assessed.isEmpty ? ["Competencies: the question assesses none."]
            : ["Competencies the question assesses:"] + assessed.map { line($0, yes: "shown", no: "not shown") }
        let alsoShown = reports.filter { !$0.assessed && $0.shown }
        if !alsoShown.isEmpty {
            lines += ["Other competencies of the scenario the answer shows (not counted for this question):"] + alsoShown.map { line($0, yes: "shown", no: "") }
        }
        if !topics.isEmpty {
            lines += ["Topics (for branches):"] + topics.map { line($0, yes: "mentioned", no: "not mentioned") }
        }
        return lines.joined(separator: "\n")
    }
}

/// The step the interview would take after the answer, as `rehearse analyze --scenario --json` says it.
struct NextStepJSON: Encodable {
    /// `probe QUESTION/PROBE`, `question ID` or `end`, as scenario tests write it.
    var target: String
    var reason: String

    init(_ step: Step) {
        switch step {
        case .probe(let prompt): target = "probe \(prompt.questionID)/\(prompt.probeID)"
        case .question(let prompt): target = "question \(prompt.questionID)"
        case .end: target = "end"
        }
        reason = step.reason.summary
    }
}

/// The `rehearse analyze --json` contract. Keys are stable; new ones may be added.
struct AnalysisJSON: Encodable {
    var followup: String
    /// Every follow-up the answer calls for, most important first (`followup` is the first).
    var followups: [String]
    var reason: String
    var features: [String: FeatureValue]
    var evidence: [Evidence]
    /// With `--scenario`: every competency of the scenario (`assessed` says which the question
    /// assesses), and the step that would follow.
    var competencies: [CompetencyReport]?
    /// With `--scenario`, when the scenario declares topics: which the answer mentions.
    var topics: [CompetencyReport]?
    var next: NextStepJSON?

    init(_ analysis: Analysis) {
        followup = analysis.followup ?? "none"
        followups = analysis.followups.isEmpty ? ["none"] : analysis.followups
        reason = analysis.reason
        features = analysis.features
        evidence = analysis.evidence
    }
}

/// Reads an answer from a file or standard input, as UTF-8 with invalid bytes replaced.
enum AnswerInput {
    /// `limit` and `what` for messages: one answer by default, or a labelled file for `eval`.
    static func read(file: String?, limit: Int = InputLimits.answerBytes, what: String = "one answer") throws -> String {
        switch file.map({ FileBytes.contents(of: $0, limit: limit + 1) }) ?? FileBytes.contents(ofDescriptor: STDIN_FILENO, limit: limit + 1) {
        case .success(let bytes):
            guard bytes.count <= limit else {
                throw CommandFailure.data(
                    "\(file ?? "standard input") holds more than \(InputLimits.describe(limit)), the limit for \(what); give a shorter one")
            }
            return String(decoding: bytes, as: UTF8.self)
        case .failure(.noSuchFile): throw CommandFailure.noInput("no such file \(file ?? "/dev/stdin")")
        case .failure(.isDirectory): throw CommandFailure.noInput("\(file ?? "/dev/stdin") is a directory; name a text file")
        case .failure(.unreadable(let reason)):
            throw CommandFailure.noInput(file.map { "cannot read \($0); check its permissions" } ?? "cannot read standard input: \(reason)")
        case .failure(let failure):
            throw CommandFailure.noInput("\(file ?? "/dev/stdin") \(FileBytes.describe(failure)); name a text file")
        }
    }
}

/// The readable form of an analysis: the follow-up and why, the findings, and the evidence quoted.
enum AnalysisText {
    static func render(_ analysis: Analysis, answer: String) -> String {
        var lines: [String] = []
        lines.append("Follow-up: \(analysis.followup ?? "none")")
        if analysis.followups.count > 1 { lines.append("Then: \(analysis.followups.dropFirst().joined(separator: ", "))") }
        if !analysis.reason.isEmpty { lines.append("Why: \(analysis.reason)") }
        lines.append("")
        lines.append("Findings:")
        for name in analysis.features.keys.sorted() {
            lines.append("  \(name) = \(analysis.features[name]!)")
        }
        if !analysis.evidence.isEmpty {
            lines.append("")
            lines.append("Evidence:")
            for item in analysis.evidence {
                lines.append("  \(item.feature) [\(item.start)–\(item.end)]: «\(item.text)»")
            }
        }
        return lines.joined(separator: "\n")
    }
}
