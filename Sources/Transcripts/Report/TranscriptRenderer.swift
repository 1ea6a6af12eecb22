import InterviewCore
import BuiltInAnalyzers
import FoundationEssentials

/// The recorded conversation as text, Markdown, a self-contained HTML page, or JSON.
public enum TranscriptRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, html, json
    }

    /// - Parameter feedback: added after the conversation in Markdown and HTML, so that the report
    ///   a candidate shares with a coach carries it.
    public static func render(_ transcript: Transcript, as format: Format, feedback: InterviewFeedback? = nil) -> String {
        switch format {
        case .text: text(transcript, feedback: feedback)
        case .markdown: markdown(transcript, feedback: feedback)
        case .html: html(transcript, feedback: feedback)
        case .json: json(transcript)
        }
    }

    /// The kind of each question asked, as recorded (format 1.1), else from `feedback`.
    static func kinds(_ transcript: Transcript, feedback: InterviewFeedback?) -> [String: QuestionKind] {
        var kinds = Dictionary(feedback?.questions.map { ($0.questionID, $0.kind) } ?? [], uniquingKeysWith: { first, _ in first })
        for event in transcript.events where event.type == .question {
            if let id = event.question, let kind = event.kind.flatMap(QuestionKind.init(rawValue:)) { kinds[id] = kind }
        }
        return kinds
    }

    static func started(_ transcript: Transcript) -> String {
        // "2026-11-22T14:53:19.250Z" becomes "2026-11-22 14:53 UTC".
        let stamp = Timestamp.format(transcript.header.started)
        return "\(stamp.prefix(10)) \(stamp.dropFirst(11).prefix(5)) UTC"
    }

    static func subtitle(_ transcript: Transcript) -> String {
        let header = transcript.header
        return "Recorded \(started(transcript)) · scenario \(header.scenario.id) \(header.scenario.version) · seed \(header.seed)"
    }

    // MARK: Text

    /// One block of lines per event, the way the interview was shown, control characters visible.
    /// Probes say why in the candidate's words; branches, which only authors need, are left out
    /// (`replay --format json` and `--reanalyze` have them).
    /// - Parameter analysis: the analysis recorded before `event`, which says more of why a probe came.
    public static func textLines(for event: TranscriptEvent, competencyLabels: [String: String] = [:], after analysis: TranscriptEvent? = nil) -> [String] {
        rawTextLines(for: event, competencyLabels: competencyLabels, after: analysis).map(\.visibleControls)
    }

    /// Why a recorded probe was asked, for the candidate.
    static func plainReason(_ event: TranscriptEvent, _ labels: [String: String], after analysis: TranscriptEvent? = nil) -> String {
        FollowupReason.plain(values: event.reason?.values ?? [:], analysis: analysis?.features ?? [:]) { labels[$0] }
    }

    private static func rawTextLines(for event: TranscriptEvent, competencyLabels: [String: String], after analysis: TranscriptEvent?) -> [String] {
        switch event.type {
        case .question:
            return ["", "Question \(event.number ?? 0)", "Interviewer: \(event.text ?? "")"]
        case .probe:
            return ["  (\(plainReason(event, competencyLabels, after: analysis)))", "Interviewer: \(event.text ?? "")"]
        case .answer:
            return ["You: " + (event.text ?? "").replacingAll("\n", with: "\n     ")]
        case .skip:
            return ["(skipped)"]
        case .again:
            return ["(answered again from the start)"]
        case .branch:
            return []
        case .end:
            if event.completed == true { return ["", "Interviewer: \(event.text ?? "")"] }
            return ["", "(stopped before the end: \(event.reason?.summary ?? "stopped"))"]
        case .analysis:
            return []
        }
    }

    static func text(_ transcript: Transcript, feedback: InterviewFeedback?) -> String {
        var lines = [transcript.header.scenario.title.visibleControls, subtitle(transcript).visibleControls]
        var lastAnalysis: TranscriptEvent?
        for event in transcript.events {
            lines += textLines(for: event, competencyLabels: feedback?.competencyLabels ?? [:], after: lastAnalysis)
            if event.type == .analysis { lastAnalysis = event }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Markdown

    static func markdown(_ transcript: Transcript, feedback: InterviewFeedback?) -> String {
        let kinds = kinds(transcript, feedback: feedback)
        var lines = ["# \(markdownText(transcript.header.scenario.title))", "", "_\(markdownText(subtitle(transcript)))_"]
        var lastAnalysis: TranscriptEvent?
        for event in transcript.events {
            if event.type == .analysis { lastAnalysis = event }
            switch event.type {
            case .question:
                lines += ["", "## Question \(event.number ?? 0)", "", "**Interviewer:** \(markdownText(event.text ?? ""))"]
            case .probe:
                lines += ["", "_\(markdownText(plainReason(event, feedback?.competencyLabels ?? [:], after: lastAnalysis)))_", "", "**Interviewer:** \(markdownText(event.text ?? ""))"]
            case .answer:
                lines += [""] + (event.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \(markdownText(String($0)))" }
            case .analysis:
                let kind = kinds[event.question ?? ""] ?? .behavioral
                let parts = parts(event, kind: kind)
                if !parts.isEmpty { lines += ["", (kind == .goals ? "SMART: " : "STAR: ") + parts.map { "\(mark($0)) \($0.name)" }.joined(separator: " · ")] }
            case .skip:
                lines += ["", "_Skipped._"]
            case .again:
                lines += ["", "_Answered again from the start._"]
            case .branch:
                break
            case .end:
                lines += ["", event.completed == true ? "**Interviewer:** \(markdownText(event.text ?? ""))" : "_Stopped before the end: \(markdownText(event.reason?.summary ?? ""))._"]
            }
        }
        if let feedback { lines += ["", "---", "", "## Feedback", "", feedback.markdownBody(level: 3)] }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdownText(_ text: String) -> String { text.markdownLiteral }

    /// The parts of the answer so far, as the feedback names them: for a story, the specific
    /// example (and, once there is one, situation, task, own actions and result); for a goal, SMART.
    static func parts(_ event: TranscriptEvent, kind: QuestionKind) -> [AnswerAssessment.Part] {
        guard let features = event.features, !features.isEmpty else { return [] }
        return AnswerAssessment.parts(features: features, evidence: [], kind: kind)
    }

    static func mark(_ part: AnswerAssessment.Part) -> String {
        switch part.state {
        case .present: "✓"
        case .implied: "·"
        case .missing: "✗"
        }
    }

    // MARK: HTML

    /// HTML-escaped, with control and bidirectional characters visible.
    static func escape(_ text: String) -> String { text.htmlEscaped }

    static func html(_ transcript: Transcript, feedback: InterviewFeedback?) -> String {
        let kinds = kinds(transcript, feedback: feedback)
        var body = ""
        // Each question is a section, closed when the next begins or the conversation ends.
        var open = false
        func close() {
            if open { body += "</section>\n" }
            open = false
        }
        var lastAnalysis: TranscriptEvent?
        for event in transcript.events {
            if event.type == .analysis { lastAnalysis = event }
            switch event.type {
            case .question:
                close()
                open = true
                body += "<section class=\"question\"><h2>Question \(event.number ?? 0)</h2><p class=\"interviewer\"><b>Interviewer</b> \(escape(event.text ?? ""))</p>\n"
            case .probe:
                body += "<p class=\"why\">\(escape(plainReason(event, feedback?.competencyLabels ?? [:], after: lastAnalysis)))</p><p class=\"interviewer\"><b>Interviewer</b> \(escape(event.text ?? ""))</p>\n"
            case .answer:
                body += "<p class=\"you\"><b>You</b> \(escape(event.text ?? "").replacingAll("\n", with: "<br/>"))</p>\n"
            case .analysis:
                let kind = kinds[event.question ?? ""] ?? .behavioral
                let goal = kind == .goals
                let chips = parts(event, kind: kind).map { part in
                    "<span class=\"chip \(part.state == .present ? "yes" : part.state == .implied ? "implied" : "no")\">\(mark(part)) \(escape(part.name))</span>"
                }.joined()
                if !chips.isEmpty { body += "<div class=\"star\" aria-label=\"\(goal ? "SMART" : "STAR") parts\">\(chips)</div>\n" }
            case .skip:
                body += "<p class=\"why\">Skipped.</p>\n"
            case .again:
                body += "<p class=\"why\">Answered again from the start.</p>\n"
            case .branch:
                break
            case .end:
                close()
                body += event.completed == true
                    ? "<section class=\"closing\"><p class=\"interviewer\"><b>Interviewer</b> \(escape(event.text ?? ""))</p></section>\n"
                    : "<p class=\"why\">Stopped before the end: \(escape(event.reason?.summary ?? ""))</p>\n"
            }
        }
        close()
        if let feedback { body += feedback.htmlSection(escape: escape) }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(transcript.header.scenario.title)) — Rehearse</title>
            <style>
            body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 46rem; padding: 1rem; color: #1d1d1f; background: #fafafa; }
            h1 { font-size: 1.4rem; margin-bottom: 0; } .meta { color: #666; font-size: .9rem; }
            h2 { font-size: 1rem; color: #555; margin: 1.5rem 0 .25rem; }
            p { margin: .4rem 0; padding: .6rem .8rem; border-radius: .6rem; }
            .interviewer { background: #e8eef9; } .you { background: #fff; border: 1px solid #ddd; margin-left: 1.5rem; }
            .why { color: #666; font-size: .85rem; font-style: italic; padding: 0 .8rem; }
            .star { margin: .3rem 0 .6rem 1.5rem; display: flex; flex-wrap: wrap; gap: .35rem; }
            .chip { font-size: .8rem; padding: .15rem .55rem; border-radius: 1rem; }
            .chip.yes { background: #d6f5dd; color: #11632a; } .chip.no { background: #eee; color: #777; } .chip.implied { background: #f3f3f3; color: #666; }
            .feedback { margin-top: 2.5rem; border-top: 2px solid #ccd; }
            .feedback h2 { font-size: 1.25rem; color: inherit; } .feedback h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
            .feedback article { margin: 1rem 0; padding: .2rem 0 .6rem; border-bottom: 1px solid #e4e4e4; }
            .feedback ul { margin: .3rem 0; padding-left: 1.3rem; } .feedback ul.parts { list-style: none; padding-left: .3rem; }
            .parts .yes { color: #11632a; } .parts .no { color: #8a3b12; } .parts .implied { color: #666; }
            .rating { padding: .3rem 0; } .rating .level { font-weight: 600; text-transform: capitalize; padding: .1rem .5rem; border-radius: .4rem; margin-right: .4rem; }
            .rating.basic .level { background: #fde7d9; } .rating.solid .level { background: #dbe8fb; } .rating.exceptional .level { background: #d6f5dd; }
            dl { margin: .3rem 0; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; } dt { font-weight: 600; } dd { margin: 0; }
            @media print {
              body { background: #fff; color: #000; max-width: none; font-size: 11pt; padding: 0; }
              .interviewer { background: #f0f3f9; } .you { border-color: #bbb; }
              .chip { border: 1px solid #999; } .chip.yes { background: #fff; color: #000; } .chip.no { background: #fff; color: #555; }
              section.question, .feedback article { break-inside: avoid; } h2, h3 { break-after: avoid; }
              .feedback { break-before: page; border-top: none; margin-top: 0; }
            }
            @media screen and (prefers-color-scheme: dark) { body { background: #161617; color: #eee; } .interviewer { background: #22304a; } .you { background: #1f1f21; border-color: #333; } .chip.yes { background: #1d4a2a; color: #b9f0c7; } .chip.no { background: #2a2a2c; color: #aaa; } .rating .level { color: #1d1d1f; } .parts .yes { color: #8fe0a5; } .parts .no { color: #f0a57a; } .parts .implied { color: #aaa; } .feedback article { border-color: #333; } }
            </style>
            </head>
            <body>
            <h1>\(escape(transcript.header.scenario.title))</h1>
            <p class="meta">\(escape(subtitle(transcript)))</p>
            \(body)</body>
            </html>

            """
    }

    // MARK: JSON

    struct Document: Encodable {
        var header: TranscriptHeader
        var events: [TranscriptEvent]
    }

    static func json(_ transcript: Transcript) -> String {
        let encoder = TranscriptCoding.makeEncoder(pretty: true)
        let data = (try? encoder.encode(Document(header: transcript.header, events: transcript.events))) ?? Data()
        return String(decoding: data, as: UTF8.self).escapingControlsForJSON
    }
}
