import InterviewCore
import BuiltInAnalyzers
import FoundationEssentials

/// The recorded conversation as text, Markdown, a self-contained HTML page, or JSON.
public enum TranscriptRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, html, json
    }

    public static func render(_ transcript: Transcript, as format: Format) -> String {
        switch format {
        case .text: text(transcript)
        case .markdown: markdown(transcript)
        case .html: html(transcript)
        case .json: json(transcript)
        }
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
    public static func textLines(for event: TranscriptEvent) -> [String] {
        rawTextLines(for: event).map(\.visibleControls)
    }

    private static func rawTextLines(for event: TranscriptEvent) -> [String] {
        switch event.type {
        case .question:
            return ["", "Question \(event.number ?? 0) (\(event.question ?? ""))", "Interviewer: \(event.text ?? "")"]
        case .probe:
            return ["  (follow-up because \(event.reason?.summary ?? "a probe condition held"))", "Interviewer: \(event.text ?? "")"]
        case .answer:
            return ["You: " + (event.text ?? "").replacingAll("\n", with: "\n     ")]
        case .skip:
            return ["(skipped)"]
        case .branch:
            return ["  (\(event.reason?.summary ?? "branch"))"]
        case .end:
            if event.completed == true { return ["", "Interviewer: \(event.text ?? "")"] }
            return ["", "(stopped before the end: \(event.reason?.summary ?? "stopped"))"]
        case .analysis:
            return []
        }
    }

    static func text(_ transcript: Transcript) -> String {
        var lines = [transcript.header.scenario.title.visibleControls, subtitle(transcript).visibleControls]
        for event in transcript.events { lines += textLines(for: event) }
        return lines.joined(separator: "\n")
    }

    // MARK: Markdown

    static func markdown(_ transcript: Transcript) -> String {
        var lines = ["# \(markdownText(transcript.header.scenario.title))", "", "_\(markdownText(subtitle(transcript)))_"]
        for event in transcript.events {
            switch event.type {
            case .question:
                lines += ["", "## Question \(event.number ?? 0): `\(markdownText(event.question ?? "").replacingAll("`", with: "'"))`", "", "**Interviewer:** \(markdownText(event.text ?? ""))"]
            case .probe:
                lines += ["", "**Interviewer** (follow-up: \(markdownText(event.reason?.summary ?? ""))): \(markdownText(event.text ?? ""))"]
            case .answer:
                lines += [""] + (event.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \(markdownText(String($0)))" }
            case .analysis:
                lines += ["", "STAR: " + starParts(event).map { "\($0.present ? "✓" : "✗") \($0.name)" }.joined(separator: " · ")]
            case .skip:
                lines += ["", "_Skipped._"]
            case .branch:
                lines += ["", "_\(markdownText(event.reason?.summary ?? ""))_"]
            case .end:
                lines += ["", event.completed == true ? "**Interviewer:** \(markdownText(event.text ?? ""))" : "_Stopped before the end: \(markdownText(event.reason?.summary ?? ""))._"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdownText(_ text: String) -> String { text.markdownEscaped }

    static func starParts(_ event: TranscriptEvent) -> [(name: String, present: Bool)] {
        [("situation", STARFeature.situation), ("task", STARFeature.task), ("action", STARFeature.action), ("result", STARFeature.result)]
            .compactMap { name, feature in event.features?[feature]?.boolValue.map { (name, $0) } }
    }

    // MARK: HTML

    /// HTML-escaped, with control and bidirectional characters visible.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text.visibleControls {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static func html(_ transcript: Transcript) -> String {
        var body = ""
        for event in transcript.events {
            switch event.type {
            case .question:
                body += "<section><h2>Question \(event.number ?? 0)</h2><p class=\"interviewer\"><b>Interviewer</b> \(escape(event.text ?? ""))</p>\n"
            case .probe:
                body += "<p class=\"why\">Follow-up because \(escape(event.reason?.summary ?? ""))</p><p class=\"interviewer\"><b>Interviewer</b> \(escape(event.text ?? ""))</p>\n"
            case .answer:
                body += "<p class=\"you\"><b>You</b> \(escape(event.text ?? "").replacingAll("\n", with: "<br>"))</p>\n"
            case .analysis:
                let chips = starParts(event).map { "<span class=\"chip \($0.present ? "yes" : "no")\">\($0.present ? "✓" : "✗") \($0.name)</span>" }.joined()
                if !chips.isEmpty { body += "<div class=\"star\" aria-label=\"STAR parts\">\(chips)</div>\n" }
            case .skip:
                body += "<p class=\"why\">Skipped.</p>\n"
            case .branch:
                body += "<p class=\"why\">\(escape(event.reason?.summary ?? ""))</p>\n"
            case .end:
                body += event.completed == true
                    ? "<section><p class=\"interviewer\"><b>Interviewer</b> \(escape(event.text ?? ""))</p></section>\n"
                    : "<p class=\"why\">Stopped before the end: \(escape(event.reason?.summary ?? ""))</p>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
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
            .chip.yes { background: #d6f5dd; color: #11632a; } .chip.no { background: #eee; color: #777; }
            @media (prefers-color-scheme: dark) { body { background: #161617; color: #eee; } .interviewer { background: #22304a; } .you { background: #1f1f21; border-color: #333; } .chip.yes { background: #1d4a2a; color: #b9f0c7; } .chip.no { background: #2a2a2c; color: #aaa; } }
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
