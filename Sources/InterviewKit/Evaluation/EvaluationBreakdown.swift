import InterviewCore
import BuiltInAnalyzers

/// Scores for all answers together and for each writer and each style, the way figures that count
/// are reported (docs/analysis.md).
public struct EvaluationBreakdown: Sendable, Encodable {
    /// How the answers were scored: by the analyzers as given, or writer by writer with a model
    /// trained without that writer.
    public var method: String
    public var overall = EvaluationReport()
    public var byWriter: [String: EvaluationReport] = [:]
    public var byStyle: [String: EvaluationReport] = [:]
    /// Clause roles against clause labels (leave-writers-out only).
    public var clauseRoles = ClauseRoleScore()

    public struct ClauseRoleScore: Sendable, Encodable {
        public var correct = 0
        public var total = 0
        /// expected → predicted → count.
        public var confusion: [String: [String: Int]] = [:]
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

        mutating func record(expected: ClauseRole, predicted: ClauseRole) {
            total += 1
            if expected == predicted { correct += 1 }
            confusion[expected.rawValue, default: [:]][predicted.rawValue, default: 0] += 1
        }
    }

    enum CodingKeys: String, CodingKey { case method, byWriter = "by_writer", byStyle = "by_style", clauseRoleAccuracy = "clause_role_accuracy", clauseRoleConfusion = "clause_role_confusion" }

    /// The overall report's fields at the top level (as before there was a breakdown), then the method
    /// and the reports per writer and per style.
    public func encode(to encoder: Encoder) throws {
        try overall.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(byWriter, forKey: .byWriter)
        try container.encode(byStyle, forKey: .byStyle)
        if clauseRoles.total > 0 {
            try container.encode(rounded(clauseRoles.accuracy), forKey: .clauseRoleAccuracy)
            try container.encode(clauseRoles.confusion, forKey: .clauseRoleConfusion)
        }
    }

    public init(method: String) { self.method = method }

    /// Analyses `item` with `analyzers` (in the context its question gives) and records it.
    public mutating func record(_ item: LabelledAnswer, with analyzers: AnalyzerSet) {
        record(item, analyzers.analyze(item))
    }

    public mutating func record(_ item: LabelledAnswer, _ analysis: Analysis) {
        overall.record(item, analysis)
        if let writer = item.writer { byWriter[writer, default: EvaluationReport()].record(item, analysis) }
        if let style = item.style { byStyle[style, default: EvaluationReport()].record(item, analysis) }
    }

    /// The whole report, then a line per writer and per style with the figures the targets name.
    public func formatted() -> String {
        var lines = ["method: \(method)", "", overall.formatted()]
        if clauseRoles.total > 0 {
            lines.append("")
            lines.append("clause roles: \(percent(clauseRoles.accuracy)) right (\(clauseRoles.correct) of \(clauseRoles.total) labelled clauses)")
        }
        for (title, reports) in [("writer", byWriter), ("style", byStyle)] where reports.count > 1 {
            lines.append("")
            lines.append("by \(title)".padding(24) + "answers  followup  needless  example  situation  task  action  result  smart.sp  smart.ms  smart.tb  goal")
            for name in reports.keys.sorted() {
                lines.append(Self.summary(name, reports[name]!))
            }
            lines.append(Self.summary("all", overall))
        }
        return lines.joined(separator: "\n")
    }

    static func summary(_ name: String, _ report: EvaluationReport) -> String {
        func f1(_ label: String) -> String { report.labels[label].map { percent($0.f1) } ?? "  -  " }
        let followup = report.followupTotal > 0 ? percent(report.followupAccuracy) : "  -  "
        let needless = report.completeTotal > 0 ? percent(report.needlessProbeRate) : "  -  "
        let example = report.labels["specific_example"].map { percent($0.accuracy) } ?? "  -  "
        let goal = report.goalFollowupTotal > 0 ? percent(report.goalFollowupAccuracy) : "  -  "
        return name.padding(24) + String(report.items).leftPadding(7) + followup.leftPadding(10) + needless.leftPadding(10)
            + example.leftPadding(9) + f1("situation").leftPadding(11) + f1("task").leftPadding(6) + f1("action").leftPadding(8)
            + f1("result").leftPadding(8) + f1("smart.specific").leftPadding(10) + f1("smart.measurable").leftPadding(10)
            + f1("smart.time_bound").leftPadding(10) + goal.leftPadding(7)
    }
}
