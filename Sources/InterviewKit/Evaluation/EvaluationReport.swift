import InterviewCore
import BuiltInAnalyzers
import ScenarioXML
import Transcripts
/// How well analyzers agree with labelled answers: precision, recall and F1 per label, follow-up
/// accuracy with its confusion matrix, and the ids each label got wrong.
public struct EvaluationReport: Sendable, Encodable {
    public struct LabelScore: Sendable, Encodable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var trueNegatives = 0
        public var support: Int { truePositives + falsePositives + falseNegatives + trueNegatives }
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var accuracy: Double { ratio(truePositives + trueNegatives, support) }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

        enum CodingKeys: String, CodingKey { case precision, recall, f1, accuracy, support, truePositives = "tp", falsePositives = "fp", falseNegatives = "fn", trueNegatives = "tn" }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rounded(precision), forKey: .precision)
            try container.encode(rounded(recall), forKey: .recall)
            try container.encode(rounded(f1), forKey: .f1)
            try container.encode(rounded(accuracy), forKey: .accuracy)
            try container.encode(support, forKey: .support)
            try container.encode(truePositives, forKey: .truePositives)
            try container.encode(falsePositives, forKey: .falsePositives)
            try container.encode(falseNegatives, forKey: .falseNegatives)
            try container.encode(trueNegatives, forKey: .trueNegatives)
        }
    }

    public var items = 0
    public var labels: [String: LabelScore] = [:]
    /// expected → predicted → count.
    public var confusion: [String: [String: Int]] = [:]
    public var followupCorrect = 0
    public var followupTotal = 0
    public var followupAccuracy: Double { followupTotal == 0 ? 1 : Double(followupCorrect) / Double(followupTotal) }
    /// Goals answers: the SMART follow-up their labels call for against the one asked.
    public var goalFollowupCorrect = 0
    public var goalFollowupTotal = 0
    public var goalFollowupAccuracy: Double { goalFollowupTotal == 0 ? 1 : Double(goalFollowupCorrect) / Double(goalFollowupTotal) }
    /// label → ids it got wrong, in file order.
    public var wrong: [String: [String]] = [:]

    enum CodingKeys: String, CodingKey { case items, labels, followup, goalFollowup = "goal_followup", wrong }
    enum GoalFollowupKeys: String, CodingKey { case accuracy, correct, total }
    enum FollowupKeys: String, CodingKey { case accuracy, correct, total, confusion, needlessProbeRate = "needless_probe_rate", completeAnswers = "complete_answers" }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(labels, forKey: .labels)
        var followup = container.nestedContainer(keyedBy: FollowupKeys.self, forKey: .followup)
        try followup.encode(rounded(followupAccuracy), forKey: .accuracy)
        try followup.encode(followupCorrect, forKey: .correct)
        try followup.encode(followupTotal, forKey: .total)
        try followup.encode(confusion, forKey: .confusion)
        try followup.encode(rounded(needlessProbeRate), forKey: .needlessProbeRate)
        try followup.encode(completeTotal, forKey: .completeAnswers)
        if goalFollowupTotal > 0 {
            var goal = container.nestedContainer(keyedBy: GoalFollowupKeys.self, forKey: .goalFollowup)
            try goal.encode(rounded(goalFollowupAccuracy), forKey: .accuracy)
            try goal.encode(goalFollowupCorrect, forKey: .correct)
            try goal.encode(goalFollowupTotal, forKey: .total)
        }
        try container.encode(wrong, forKey: .wrong)
    }

    /// Complete answers (expected follow-up "none") and how many of them got a probe anyway.
    public var completeTotal = 0
    public var completeProbed = 0
    public var needlessProbeRate: Double { completeTotal == 0 ? 0 : Double(completeProbed) / Double(completeTotal) }

    /// Scores `analyzers` on `items`.
    public static func evaluate(_ items: [LabelledAnswer], with analyzers: AnalyzerSet) -> EvaluationReport {
        var report = EvaluationReport()
        for item in items { report.record(item, analyzers.analyze(item)) }
        return report
    }

    /// Adds one answer's analysis to the scores.
    public mutating func record(_ item: LabelledAnswer, _ analysis: Analysis) {
        items += 1
        for (label, feature) in LabelledAnswer.booleanLabels {
            guard let expected = item.labels[label], let predicted = analysis[feature]?.boolValue else { continue }
            var score = labels[label, default: LabelScore()]
            switch (expected, predicted) {
            case (true, true): score.truePositives += 1
            case (false, true): score.falsePositives += 1
            case (true, false): score.falseNegatives += 1
            case (false, false): score.trueNegatives += 1
            }
            labels[label] = score
            if expected != predicted { wrong[label, default: []].append(item.id) }
        }
        if let expected = item.followup {
            let predicted = analysis.followup ?? "none"
            confusion[expected, default: [:]][predicted, default: 0] += 1
            followupTotal += 1
            if predicted == expected {
                followupCorrect += 1
            } else {
                wrong["followup", default: []].append(item.id)
            }
            if expected == "none" {
                completeTotal += 1
                if predicted != "none" { completeProbed += 1 }
            }
        }
        if let expected = item.goalFollowup {
            goalFollowupTotal += 1
            if (analysis.followup ?? "none") == expected {
                goalFollowupCorrect += 1
            } else {
                wrong["goal_followup", default: []].append(item.id)
            }
        }
    }

    /// A plain-text table for people.
    public func formatted() -> String {
        var lines: [String] = ["\(items) answers"]
        lines.append("")
        lines.append("label               precision  recall     f1  accuracy  support")
        for (label, _) in LabelledAnswer.booleanLabels {
            guard let score = labels[label] else { continue }
            lines.append(
                label.padding(18) + "  " + percent(score.precision).leftPadding(9) + percent(score.recall).leftPadding(8)
                    + percent(score.f1).leftPadding(7) + percent(score.accuracy).leftPadding(10) + String(score.support).leftPadding(9))
        }
        if followupTotal > 0 {
            lines.append("")
            lines.append("followup accuracy: \(percent(followupAccuracy)) (\(followupCorrect) of \(followupTotal))")
            if completeTotal > 0 {
                lines.append("probe on a complete answer: \(percent(needlessProbeRate)) (\(completeProbed) of \(completeTotal))")
            }
            let classes = Set(confusion.keys).union(confusion.values.flatMap(\.keys)).sorted()
            lines.append("confusion (rows expected, columns predicted):")
            lines.append("".padding(12) + classes.map { $0.leftPadding(10) }.joined())
            for expected in classes {
                lines.append(expected.padding(12) + classes.map { String(confusion[expected]?[$0] ?? 0).leftPadding(10) }.joined())
            }
        }
        if goalFollowupTotal > 0 {
            lines.append("")
            lines.append("goal follow-up accuracy: \(percent(goalFollowupAccuracy)) (\(goalFollowupCorrect) of \(goalFollowupTotal))")
        }
        let wrongLabels = wrong.keys.sorted()
        if !wrongLabels.isEmpty {
            lines.append("")
            lines.append("wrong:")
            for label in wrongLabels {
                lines.append("  \(label): \(wrong[label]!.joined(separator: " "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}

func rounded(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }

func percent(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    var text = String(scaled)
    while text.count < 5 { text += "0" }
    return String(text.prefix(5))
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}
