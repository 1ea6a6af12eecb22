import InterviewCore
import BuiltInAnalyzers
import FoundationEssentials

/// End-of-interview feedback built from a transcript: per question, which STAR parts were there
/// (with a short quote) and which were missing, the follow-ups asked and why; competencies shown
/// and not shown; delivery figures; and a few concrete things to practise next.
public struct InterviewFeedback: Sendable {
    public struct Part: Sendable {
        public var name: String
        public var present: Bool
        /// A short quote from the answer that shows the part.
        public var quote: String?
    }

    public struct QuestionFeedback: Sendable {
        public var questionID: String
        public var text: String
        public var skipped: Bool
        public var answered: Bool
        public var parts: [Part]
        /// Follow-ups asked, each with its reason.
        public var followups: [(text: String, reason: String)]
        public var seconds: Double
        /// Seconds over the time limit, when one was set and passed.
        public var overtime: Double?
        public var goal: [Part]
    }

    public var title: String
    public var questions: [QuestionFeedback]
    public var competenciesShown: [String]
    public var competenciesNotShown: [String]
    public var words: Int
    public var fillersPer100: Double
    public var hedgesPer100: Double
    public var iShare: Double?
    public var practice: [String]

    /// - Parameter timeLimit: seconds per answer; answers that took longer are noted.
    public init(transcript: Transcript, scenario: Scenario?, timeLimit: Double? = nil) {
        title = transcript.header.scenario.title
        var order: [String] = []
        var asked: [String: String] = [:]
        var latest: [String: TranscriptEvent] = [:]
        var skipped: Set<String> = []
        var followups: [String: [(String, String)]] = [:]
        var seconds: [String: Double] = [:]
        var longest: [String: Double] = [:]
        for event in transcript.events {
            guard let question = event.question else { continue }
            switch event.type {
            case .question:
                if asked[question] == nil { order.append(question) }
                asked[question] = event.text ?? ""
            case .probe:
                followups[question, default: []].append((event.text ?? "", event.reason?.summary ?? ""))
            case .analysis:
                latest[question] = event
            case .answer:
                seconds[question, default: 0] += event.seconds ?? 0
                longest[question] = max(longest[question] ?? 0, event.seconds ?? 0)
            case .skip:
                skipped.insert(question)
            default:
                break
            }
        }

        var totalWords = 0.0
        var fillers = 0.0
        var hedges = 0.0
        var singular = 0.0
        var plural = 0.0
        var shown: Set<String> = []
        var missing: [String: Int] = [:]
        questions = order.map { id in
            let analysis = latest[id]
            let features = analysis?.features ?? [:]
            let evidence = analysis?.evidence ?? []
            func part(_ name: String, _ feature: String) -> Part {
                let present = features[feature]?.boolValue == true
                let quote = present ? evidence.first { $0.feature == feature }.map { InterviewFeedback.shorten($0.text) } : nil
                return Part(name: name, present: present, quote: quote)
            }
            let kind = scenario?.question(id)?.kind
            var parts: [Part] = []
            var goal: [Part] = []
            if analysis != nil {
                if kind == .goals {
                    goal = [part("specific", SMARTFeature.specific), part("measurable", SMARTFeature.measurable), part("time-bound", SMARTFeature.timeBound)]
                    for item in goal where !item.present { missing["goal.\(item.name)", default: 0] += 1 }
                } else {
                    parts = [part("specific example", STARFeature.specificExample), part("situation", STARFeature.situation), part("task", STARFeature.task), part("your own actions", STARFeature.action), part("result", STARFeature.result)]
                    for item in parts where !item.present { missing[item.name, default: 0] += 1 }
                    if features[STARFeature.weOnly]?.boolValue == true { missing["we", default: 0] += 1 }
                    if features[STARFeature.result]?.boolValue == true && features[STARFeature.resultQuantified]?.boolValue == false {
                        missing["number", default: 0] += 1
                    }
                }
                let words = features[DeliveryFeature.words]?.numberValue ?? 0
                totalWords += words
                fillers += (features[DeliveryFeature.fillersPer100]?.numberValue ?? 0) * words / 100
                hedges += (features[DeliveryFeature.hedgesPer100]?.numberValue ?? 0) * words / 100
                singular += features[DeliveryFeature.iCount]?.numberValue ?? 0
                plural += features[DeliveryFeature.weCount]?.numberValue ?? 0
                for (name, value) in features where name.hasPrefix(CompetencyFeature.prefix) && value.boolValue == true {
                    shown.insert(String(name.dropFirst(CompetencyFeature.prefix.count)))
                }
            }
            let over = timeLimit.flatMap { limit in (longest[id] ?? 0) > limit ? (longest[id] ?? 0) - limit : nil }
            if over != nil { missing["overtime", default: 0] += 1 }
            return QuestionFeedback(
                questionID: id, text: asked[id] ?? "", skipped: skipped.contains(id) && analysis == nil, answered: analysis != nil,
                parts: parts, followups: followups[id] ?? [], seconds: seconds[id] ?? 0, overtime: over, goal: goal)
        }

        let assessed = Set(order.flatMap { scenario?.question($0)?.assesses ?? [] })
        let label = { (id: String) in scenario?.competency(id)?.label ?? id }
        competenciesShown = assessed.intersection(shown).sorted().map(label)
        competenciesNotShown = assessed.subtracting(shown).sorted().map(label)
        words = Int(totalWords)
        fillersPer100 = totalWords > 0 ? (fillers * 1000 / totalWords).rounded() / 10 : 0
        hedgesPer100 = totalWords > 0 ? (hedges * 1000 / totalWords).rounded() / 10 : 0
        iShare = singular + plural > 0 ? (singular * 100 / (singular + plural)).rounded() / 100 : nil
        if fillersPer100 >= 4 { missing["fillers", default: 0] += 2 }
        if hedgesPer100 >= 4 { missing["hedges", default: 0] += 1 }
        practice = InterviewFeedback.practice(missing)
    }

    /// The advice for the most frequent gaps, most frequent first, at most three.
    static func practice(_ missing: [String: Int]) -> [String] {
        let advice: [(String, String)] = [
            ("specific example", "Start with one real time: “Last spring, a client who…”. Interviewers follow up on general answers; a specific story answers the follow-up before it is asked."),
            ("your own actions", "Say what you yourself did, in the first person: “I called…”, “I asked…”. Two or three concrete actions are enough."),
            ("we", "When you describe teamwork, name your own part: “we met as a team, and I wrote the plan”."),
            ("result", "Finish each story with how it turned out, even when it was mixed: what changed for the client, and what you learned."),
            ("situation", "Open with one sentence of context: who the person was, where you were working, and what was at stake."),
            ("number", "Put a number on results where you can: sessions attended, weeks sober, a score that dropped."),
            ("task", "Say what you had to achieve before what you did: “my job was to keep her safe while…”."),
            ("goal.time-bound", "Give goals a date: “by next June”, “within eighteen months”."),
            ("goal.measurable", "Say how you will know a goal is met: an exam passed, a certificate, a number."),
            ("goal.specific", "Name the goal concretely: a credential, a population, a kind of work."),
            ("overtime", "Keep answers to about two minutes: situation in a sentence or two, most of the time on your actions, then the result."),
            ("fillers", "Pause instead of filling silence with “um” or “like”; a short pause sounds composed."),
            ("hedges", "Say what you did plainly, without “kind of” or “I guess”; it sounds more confident and is easier to follow."),
        ]
        let rank = Dictionary(uniqueKeysWithValues: advice.enumerated().map { ($0.element.0, $0.offset) })
        return missing.filter { $0.value > 0 && rank[$0.key] != nil }
            .sorted { $0.value != $1.value ? $0.value > $1.value : rank[$0.key]! < rank[$1.key]! }
            .prefix(3)
            .compactMap { key, _ in advice.first { $0.0 == key }?.1 }
    }

    static func shorten(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 90 ? String(flat.prefix(87)) + "…" : flat
    }

    // MARK: Rendering

    /// Plain text for the terminal.
    public var text: String {
        var lines = ["Feedback", ""]
        for (index, question) in questions.enumerated() {
            lines.append("\(index + 1). \(question.text)")
            if question.skipped {
                lines.append("   Skipped.")
            } else if !question.answered {
                lines.append("   Not answered.")
            }
            for part in question.parts + question.goal {
                lines.append(part.present ? "   ✓ \(part.name)" + (part.quote.map { ": “\($0)”" } ?? "") : "   ✗ \(part.name): missing")
            }
            for followup in question.followups {
                lines.append("   Follow-up: “\(followup.text)” — \(followup.reason)")
            }
            if let over = question.overtime {
                lines.append("   Over the time limit by \(Int(over.rounded())) s.")
            }
            lines.append("")
        }
        lines += summaryLines(bullet: "  - ")
        return lines.joined(separator: "\n")
    }

    /// Markdown, written next to the transcript.
    /// How the Markdown feedback begins, so a file of it can be told from another.
    public static let markdownHeading = "# Feedback: "

    public var markdown: String {
        var lines = [Self.markdownHeading + title, ""]
        for (index, question) in questions.enumerated() {
            lines.append("## \(index + 1). \(question.text)")
            lines.append("")
            if question.skipped { lines.append("_Skipped._") } else if !question.answered { lines.append("_Not answered._") }
            for part in question.parts + question.goal {
                lines.append(part.present ? "- ✓ **\(part.name)**" + (part.quote.map { ": “\($0)”" } ?? "") : "- ✗ **\(part.name)**: missing")
            }
            for followup in question.followups {
                lines.append("- Follow-up asked: “\(followup.text)” (\(followup.reason))")
            }
            if let over = question.overtime { lines.append("- Over the time limit by \(Int(over.rounded())) s.") }
            lines.append("")
        }
        lines += summaryLines(bullet: "- ").map { $0.hasSuffix(":") ? "## " + $0.dropLast() : $0 }
        // The template itself writes no HTML, so all of it can be escaped as text from the answers is.
        return lines.joined(separator: "\n").markdownEscaped + "\n"
    }

    private func summaryLines(bullet: String) -> [String] {
        var lines: [String] = []
        if !competenciesShown.isEmpty || !competenciesNotShown.isEmpty {
            lines.append("Competencies:")
            if !competenciesShown.isEmpty { lines.append(bullet + "shown: " + competenciesShown.joined(separator: ", ")) }
            if !competenciesNotShown.isEmpty { lines.append(bullet + "not shown yet: " + competenciesNotShown.joined(separator: ", ")) }
            lines.append("")
        }
        lines.append("Delivery:")
        var delivery = bullet + "\(words) words; fillers \(fillersPer100) and hedges \(hedgesPer100) per 100 words"
        if let iShare { delivery += "; “I” in \(Int((iShare * 100).rounded()))% of first-person words" }
        lines.append(delivery)
        lines.append("")
        if !practice.isEmpty {
            lines.append("Practise next:")
            lines += practice.map { bullet + $0 }
        }
        return lines
    }
}
