import FoundationEssentials
import InterviewCore
import SystemIO

/// `rehearse progress`: how the answers have changed over the sessions, as trends (terminal
/// sparklines, or an HTML page of SVG charts), the competencies shown, and where to practise next.
public struct ProgressReport: Sendable {
    /// One measure over time.
    public struct Trend: Sendable, Hashable {
        public var label: String
        /// What the measure says, in a sentence, for the page.
        public var meaning: String
        /// Lower is better (fillers, follow-ups needed) or higher is.
        public var lowerIsBetter: Bool
        /// A share from 0 to 1 (shown as a percentage), or a plain number.
        public var isShare: Bool
        /// (when, value), oldest first, one per session that has the measure.
        public var points: [(date: Date, value: Double)]

        public static func == (a: Trend, b: Trend) -> Bool {
            a.label == b.label && a.points.map(\.value) == b.points.map(\.value) && a.points.map(\.date) == b.points.map(\.date)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(label) }

        func format(_ value: Double) -> String {
            isShare ? "\(Int((value * 100).rounded()))%" : String(format: "%.1f", value)
        }
    }

    public var sessions: Int
    public var first: Date?
    public var last: Date?
    public var trends: [Trend]
    public var competencies: [(label: String, assessed: Int, shown: Int)]
    public var weakest: WeakSpot?

    /// - Parameter samples: oldest first, as `PracticeHistory.trendSamples` gives them.
    public init(samples: [TrendSample], competencies: [(id: String, label: String, assessed: Int, shown: Int)], weakest: WeakSpot?) {
        let ordered = samples
        sessions = samples.count
        first = ordered.first.map { Date(timeIntervalSince1970: $0.started) }
        last = ordered.last.map { Date(timeIntervalSince1970: $0.started) }
        func points(_ value: (TrendSample) -> Double?) -> [(date: Date, value: Double)] {
            ordered.compactMap { session in value(session).map { (Date(timeIntervalSince1970: session.started), $0) } }
        }
        trends = [
            Trend(
                label: "Needed an example", meaning: "Story answers for which I had to ask for one specific time.", lowerIsBetter: true, isShare: true,
                points: points(\.exampleShare)),
            Trend(
                label: "STAR parts present", meaning: "Of situation, task, your own actions and the result, the share your story answers had.",
                lowerIsBetter: false, isShare: true, points: points(\.starShare)),
            Trend(
                label: "SMART parts in goals", meaning: "Of specific, measurable and time-bound, the share your goal answers had.", lowerIsBetter: false,
                isShare: true, points: points(\.smartShare)),
            Trend(
                label: "Competencies shown", meaning: "Of the competencies the questions you answered look for, the share your answers showed.",
                lowerIsBetter: false, isShare: true, points: points(\.competencyShare)),
            Trend(
                label: "Fillers per 100 words", meaning: "“Um”, “you know”, “kind of” and the like, per 100 words you said.", lowerIsBetter: true,
                isShare: false, points: points(\.fillersPer100)),
        ]
        self.competencies = competencies.map { ($0.label, $0.assessed, $0.shown) }
        self.weakest = weakest
    }

    /// Averages of consecutive points, at most `count` of them, oldest first: 10,000 sessions
    /// make a sparkline as wide as the terminal, each mark the mean of its share of them.
    static func buckets(_ values: [Double], count: Int) -> [Double] {
        guard values.count > count, count > 0 else { return values }
        return (0..<count).map { bucket in
            let start = bucket * values.count / count, end = (bucket + 1) * values.count / count
            let slice = values[start..<max(end, start + 1)]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }

    /// Whether the measure got better, worse, or stayed, from the first sessions to the latest
    /// (the first and last fifth of them, at least one each).
    static func direction(_ trend: Trend) -> String {
        let values = trend.points.map(\.value)
        guard values.count >= 2 else { return "" }
        let part = max(1, values.count / 5)
        let before = values.prefix(part).reduce(0, +) / Double(part), now = values.suffix(part).reduce(0, +) / Double(part)
        let step = trend.isShare ? 0.05 : 0.5
        if abs(now - before) < step { return "steady" }
        return (now < before) == trend.lowerIsBetter ? "better" : "worse"
    }

    /// "2026-11-02 to 2026-12-01", or "on 2026-12-01" when the sessions were all on one day.
    static func period(_ first: Date, _ last: Date, _ format: String) -> String {
        let from = LocalTime.string(first.timeIntervalSince1970, format), to = LocalTime.string(last.timeIntervalSince1970, format)
        return from == to ? "on \(to)" : "\(from) to \(to)"
    }

    // MARK: Text

    /// For the terminal: with `sparklines` each trend as ▁▂▃▄▅▆▇█ marks (a share on a fixed 0–100%
    /// scale); without (NO_COLOR, or not a terminal), as a few values in words.
    public func text(sparklines: Bool, width: Int = 32) -> String {
        guard sessions > 0, let first, let last else {
            return "No interviews in the history yet. `rehearse run` starts one; each is recorded and shows here."
        }
        var lines = [
            "Progress over \(sessions) interview\(sessions == 1 ? "" : "s"), \(Self.period(first, last, "%Y-%m-%d"))",
            "",
        ]
        let labelWidth = trends.map { TerminalColumns.width(of: $0.label) }.max() ?? 0
        for trend in trends {
            let values = trend.points.map(\.value)
            guard let firstValue = values.first, let lastValue = values.last else {
                lines.append(trend.label.padding(to: labelWidth) + "  no answers of this kind yet")
                continue
            }
            let change = values.count == 1 ? trend.format(lastValue) + " (one session)" : "\(trend.format(firstValue)) → \(trend.format(lastValue))"
            let direction = Self.direction(trend)
            if sparklines {
                let scale = trend.isShare ? 1 : max(values.max() ?? 1, 1)
                let marks = Sparkline.marks(Self.buckets(values, count: width), maximum: scale)
                lines.append("\(trend.label.padding(to: labelWidth))  \(marks.padding(to: min(width, values.count)))  \(change)\(direction.isEmpty ? "" : "  " + direction)")
            } else if values.count == 1 {
                lines.append("\(trend.label.padding(to: labelWidth))  \(change)")
            } else {
                let shown = Self.buckets(values, count: 6).map(trend.format).joined(separator: ", ")
                lines.append("\(trend.label.padding(to: labelWidth))  \(shown) (oldest to latest)\(direction.isEmpty ? "" : "; " + direction)")
            }
        }
        if !competencies.isEmpty {
            lines += ["", "Competencies (answers to questions that look for each, and how many showed it):"]
            for competency in competencies where competency.assessed > 0 {
                lines.append("  \(competency.label): \(competency.shown) of \(competency.assessed)")
            }
        }
        if let weakest {
            lines += ["", "Practise next: \(weakest.questionID) (\(weakest.scenarioID)), “\(weakest.questionText)”", "  \(weakest.reason) `rehearse run --weakest` asks it."]
        }
        return lines.joined(separator: "\n").visibleControls
    }
}
