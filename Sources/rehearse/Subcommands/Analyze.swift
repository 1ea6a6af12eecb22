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
            discussion: "Reads the answer from standard input, or from --file.")

        @Option(help: "The question the answer responds to.")
        var question: String?

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

extension QuestionKind: ExpressibleByArgument {}

/// The `rehearse analyze --json` contract. Keys are stable; new ones may be added.
struct AnalysisJSON: Encodable {
    var followup: String
    /// Every follow-up the answer calls for, most important first (`followup` is the first).
    var followups: [String]
    var reason: String
    var features: [String: FeatureValue]
    var evidence: [Evidence]

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
