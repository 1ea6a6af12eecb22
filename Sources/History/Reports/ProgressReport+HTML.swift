import FoundationEssentials
import InterviewCore
import SystemIO

extension ProgressReport {
    /// A self-contained page (no script, nothing from elsewhere): one SVG chart per trend with
    /// its values in words beside it, the competencies, and where to practise next. Readable
    /// printed; every text from a file or an answer is escaped.
    public func html(questions: [QuestionSummary] = []) -> String {
        var body = "<h1>Your practice</h1>\n"
        if sessions == 0 {
            body += "<p>No interviews in the history yet. <code>rehearse run</code> starts one; each is recorded and shows here.</p>\n"
            return Self.page(body)
        }
        if let first, let last {
            body += "<p class=\"summary\">\(sessions) interview\(sessions == 1 ? "" : "s"), \(Self.period(first, last, "%-d %B %Y").htmlEscaped).</p>\n"
        }
        if let weakest {
            body += """
                <section class="next"><h2>Practise next</h2><p><strong>\(weakest.questionText.htmlEscaped)</strong> (\(weakest.scenarioTitle.htmlEscaped))</p>\
                <p>\(weakest.reason.htmlEscaped) <code>rehearse run --weakest</code> asks it.</p></section>

                """
        }
        body += "<section class=\"trends\"><h2>Trends</h2>\n"
        for trend in trends {
            body += chart(trend)
        }
        body += "</section>\n"
        let assessed = competencies.filter { $0.assessed > 0 }
        if !assessed.isEmpty {
            body += "<section><h2>Competencies</h2>\n<table><thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">Answers that looked for it</th><th scope=\"col\">Showed it</th></tr></thead><tbody>\n"
            for competency in assessed {
                body += "<tr><td>\(competency.label.htmlEscaped)</td><td>\(competency.assessed)</td><td>\(competency.shown)</td></tr>\n"
            }
            body += "</tbody></table></section>\n"
        }
        if !questions.isEmpty {
            body += "<section><h2>Questions</h2>\n<table><thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Attempts</th><th scope=\"col\">First</th><th scope=\"col\">Latest</th></tr></thead><tbody>\n"
            for question in questions {
                body += "<tr><td>\(question.questionText.htmlEscaped)</td><td>\(question.attempts)</td><td>\((question.firstRating ?? "–").htmlEscaped)</td><td>\((question.latestRating ?? "–").htmlEscaped)</td></tr>\n"
            }
            body += "</tbody></table></section>\n"
        }
        return Self.page(body)
    }

    /// One trend as a line over the sessions, on a fixed 0–100% scale for shares.
    private func chart(_ trend: Trend) -> String {
        let width = 640.0, height = 160.0, left = 44.0, right = 12.0, top = 12.0, bottom = 28.0
        let values = ProgressReport.buckets(trend.points.map(\.value), count: 120)
        var html = "<figure class=\"trend\">\n<figcaption><strong>\(trend.label.htmlEscaped)</strong>: \(trend.meaning.htmlEscaped)"
        guard let firstValue = values.first, let lastValue = values.last, let firstDate = trend.points.first?.date, let lastDate = trend.points.last?.date else {
            return html + " No answers of this kind yet.</figcaption>\n</figure>\n"
        }
        let direction = ProgressReport.direction(trend)
        let change = values.count == 1 ? trend.format(lastValue) : "\(trend.format(firstValue)) → \(trend.format(lastValue))"
        html += " <span class=\"change\">\(change.htmlEscaped)\(direction.isEmpty ? "" : ", " + direction)</span></figcaption>\n"
        let maximum = trend.isShare ? 1 : max(values.max() ?? 1, 1)
        func x(_ index: Int) -> Double { values.count == 1 ? left + (width - left - right) / 2 : left + Double(index) * (width - left - right) / Double(values.count - 1) }
        func y(_ value: Double) -> Double { top + (1 - min(value, maximum) / maximum) * (height - top - bottom) }
        let points = values.indices.map { "\(format(x($0))),\(format(y(values[$0])))" }.joined(separator: " ")
        html += "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(trend.label.htmlEscaped): \(change.htmlEscaped)\">\n"
        for fraction in [0.0, 0.5, 1.0] {
            let level = y(fraction * maximum)
            html += "<line class=\"grid\" x1=\"\(Int(left))\" y1=\"\(format(level))\" x2=\"\(Int(width - right))\" y2=\"\(format(level))\"/>"
            html += "<text class=\"axis\" x=\"\(Int(left) - 6)\" y=\"\(format(level + 4))\" text-anchor=\"end\">\(trend.format(fraction * maximum))</text>\n"
        }
        html += "<polyline class=\"line\" points=\"\(points)\"/>\n"
        for index in values.indices where values.count <= 40 {
            html += "<circle class=\"dot\" cx=\"\(format(x(index)))\" cy=\"\(format(y(values[index])))\" r=\"3\"/>"
        }
        html += "\n<text class=\"axis\" x=\"\(Int(left))\" y=\"\(Int(height) - 8)\">\(LocalTime.string(firstDate.timeIntervalSince1970, "%Y-%m-%d"))</text>"
        html += "<text class=\"axis\" x=\"\(Int(width - right))\" y=\"\(Int(height) - 8)\" text-anchor=\"end\">\(LocalTime.string(lastDate.timeIntervalSince1970, "%Y-%m-%d"))</text>\n"
        return html + "</svg>\n</figure>\n"
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func page(_ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/>
        <title>Your practice — Rehearse</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; background: #fff; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
        .summary { color: #444; }
        .next { border-left: 4px solid #2a6f97; padding: 0.2rem 1rem; background: #f1f6f9; }
        figure.trend { margin: 1.2rem 0; break-inside: avoid; }
        figcaption .change { white-space: nowrap; color: #333; }
        svg { width: 100%; height: auto; max-width: 640px; display: block; }
        .grid { stroke: #d8d8d8; stroke-width: 1; }
        .axis { font-size: 11px; fill: #555; }
        .line { fill: none; stroke: #2a6f97; stroke-width: 2.5; }
        .dot { fill: #2a6f97; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        @media screen and (prefers-color-scheme: dark) {
          body { color: #e8e8e8; background: #151515; } .summary, figcaption .change { color: #c8c8c8; }
          .next { background: #1d2a33; } .grid { stroke: #444; } .axis { fill: #bbb; } .line { stroke: #7cc0e8; } .dot { fill: #7cc0e8; }
          th, td { border-color: #444; }
        }
        @media print { body { margin: 0; max-width: none; } .next { background: none; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
