import InterviewCore
import BuiltInAnalyzers
import ScenarioXML
import Transcripts
import FoundationEssentials

/// One line of an evaluation file: an answer with the labels a person gave it.
public struct LabelledAnswer: Sendable {
    /// Labels that `rehearse eval` scores, and the analysis feature each is compared with.
    public static let booleanLabels: [(label: String, feature: String)] = [
        ("specific_example", STARFeature.specificExample), ("situation", STARFeature.situation), ("task", STARFeature.task),
        ("action", STARFeature.action), ("result", STARFeature.result), (SMARTFeature.specific, SMARTFeature.specific),
        (SMARTFeature.measurable, SMARTFeature.measurable), (SMARTFeature.timeBound, SMARTFeature.timeBound),
        ("declined", STARFeature.declined),
    ]

    public var id: String
    public var question: String?
    public var kind: QuestionKind?
    public var answer: String
    public var followup: String?
    /// The SMART follow-up a goals answer's labels call for (`goalFollowup(derivedFrom:)`).
    public var goalFollowup: String? { kind == .goals ? Self.goalFollowup(derivedFrom: labels) : nil }
    public var labels: [String: Bool]
    /// Who wrote the answer and in what style, when the line says (corpus lines do): figures are
    /// reported per writer and per style, and writers are held out whole.
    public var writer: String?
    public var style: String?
    /// Whether the candidate said they could not think of an example.
    public var declined: Bool? { labels["declined"] }
    /// Where the line is, for messages.
    public var line: Int

    /// Parses a JSON Lines file. A bad line is an error naming its line number.
    public static func parseLines(_ text: String, file: String) throws(EvaluationFileError) -> [LabelledAnswer] {
        var items: [LabelledAnswer] = []
        var ids: Set<String> = []
        // Split on bytes: splitting by Characters walks grapheme boundaries through the whole file.
        for (offset, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            // Blanks at the ends only: Foundation's trimming bridges the whole line through NSString.
            var trimmed = Substring(bytes)
            while let first = trimmed.first, first.isWhitespace, !first.isNewline { trimmed.removeFirst() }
            while let last = trimmed.last, last.isWhitespace, !last.isNewline { trimmed.removeLast() }
            if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
            func fail(_ message: String) -> EvaluationFileError { EvaluationFileError(file: file, line: number, message: message) }
            guard let object = JSONValue.parse(trimmed.utf8)?.object else {
                throw fail("not a JSON object; each line holds one {\"id\": …, \"answer\": …} object")
            }
            guard let id = object["id"]?.string, !id.isEmpty else { throw fail("missing \"id\" (a string)") }
            guard ids.insert(id).inserted else { throw fail("duplicate id '\(id)'") }
            guard let answer = object["answer"]?.string else { throw fail("missing \"answer\" (a string)") }
            guard answer.utf8.count <= InputLimits.answerBytes else {
                throw fail("the answer is over \(InputLimits.describe(InputLimits.answerBytes)), the limit for one answer")
            }
            var kind: QuestionKind?
            if let name = object["kind"]?.string {
                guard let parsed = QuestionKind(rawValue: name) else { throw fail("unknown kind '\(name)'") }
                kind = parsed
            }
            var labels: [String: Bool] = [:]
            for (label, _) in booleanLabels {
                guard let value = object[label] else { continue }
                guard let flag = value.bool else { throw fail("label \"\(label)\" must be true or false") }
                labels[label] = flag
            }
            if object["followup"] != nil && object["followup"]?.string == nil { throw fail("label \"followup\" must be a string") }
            let followup = object["followup"]?.string ?? (kind == .goals ? nil : Self.followup(derivedFrom: labels))
            items.append(
                LabelledAnswer(
                    id: id, question: object["question"]?.string, kind: kind, answer: answer, followup: followup, labels: labels,
                    writer: object["writer"]?.string, style: object["style"]?.string ?? object["category"]?.string, line: number))
        }
        return items
    }
}

extension LabelledAnswer {
    /// The follow-up the STAR labels call for, by the labelling guide's priority rule (docs/analysis.md):
    /// no example, then no own action, then no result, then no situation; nil when a label it needs is
    /// missing. A line that labels `followup` itself keeps its own.
    static func followup(derivedFrom labels: [String: Bool]) -> String? {
        guard let example = labels["specific_example"], let action = labels["action"], let result = labels["result"],
            let situation = labels["situation"]
        else { return nil }
        if !example { return "example" }
        if !action { return "action" }
        if !result { return "result" }
        if !situation { return "situation" }
        return "none"
    }
}

extension LabelledAnswer {
    /// The follow-up a goal's SMART labels call for, in the SMART analyzer's order: not specific,
    /// then not measurable, then no time frame; nil when a label is missing.
    static func goalFollowup(derivedFrom labels: [String: Bool]) -> String? {
        guard let specific = labels[SMARTFeature.specific], let measurable = labels[SMARTFeature.measurable],
            let timeBound = labels[SMARTFeature.timeBound]
        else { return nil }
        if !specific { return "specific" }
        if !measurable { return "measurable" }
        if !timeBound { return "time_bound" }
        return "none"
    }
}

extension AnalyzerSet {
    /// The analysis of a labelled answer, in the context its question gives.
    public func analyze(_ item: LabelledAnswer) -> Analysis {
        analyze(item.answer, context: AnalysisContext(questionText: item.question, kind: item.kind))
    }
}

public struct EvaluationFileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line):1: error: \(message)" }
}
