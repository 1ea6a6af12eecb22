import InterviewCore

extension InterviewFeedback {
    /// How the Markdown feedback begins, so a file of it can be told from another.
    public static let markdownHeading = "# Feedback: "

    /// One line per part: ✓ with its quote, · when the story makes it plain, ✗ when missing.
    static func partLine(_ part: AnswerAssessment.Part) -> String {
        switch part.state {
        case .present: "✓ \(part.name)" + (part.quote.map { ": “\($0)”" } ?? "")
        case .implied: "· \(part.name): clear from the story"
        case .missing: "✗ \(part.name)"
        }
    }

    /// The lines about one question's answer, without bullets or indentation; `explain` adds each
    /// follow-up's probe and condition, for the scenario's author.
    func answerLines(_ question: QuestionFeedback, explain: Bool) -> [(label: String?, text: String)] {
        var lines: [(label: String?, text: String)] = []
        if let status = status(question) { lines.append((nil, status)) }
        if let assessment = question.assessment {
            lines.append(("Rated \(assessment.rating.level.name)", assessment.rating.reason))
            for part in assessment.parts { lines.append((nil, Self.partLine(part))) }
        }
        return lines + notes(question, explain: explain)
    }

    /// "Skipped." or "Not answered.", for a question without an answer.
    func status(_ question: QuestionFeedback) -> String? {
        question.skipped ? "Skipped." : question.answered ? nil : "Not answered."
    }

    /// What follows the rating and the parts: done well, next time, delivery, the follow-ups.
    func notes(_ question: QuestionFeedback, explain: Bool) -> [(label: String?, text: String)] {
        var lines: [(String?, String)] = []
        if let assessment = question.assessment {
            if let strength = assessment.strength { lines.append(("Done well", strength)) }
            if let next = assessment.nextTime { lines.append(("Next time", next)) }
            if let lift = assessment.rating.lift, lift != assessment.nextTime { lines.append(("To lift it", lift)) }
            if let delivery = assessment.delivery, delivery.text != assessment.nextTime { lines.append(("Delivery", delivery.text)) }
        }
        for followup in question.followups {
            lines.append(("Follow-up", "“\(followup.text)” — \(followup.reason)"))
            if explain { lines.append(("  for authors", followup.authorReason)) }
        }
        if let over = question.overtime { lines.append((nil, "Over the time limit by \(Int(over.rounded())) s.")) }
        return lines
    }

    /// "question 1 basic, questions 2 and 3 solid".
    var ratingsLine: String? {
        var byLevel: [AnswerRating.Level: [Int]] = [:]
        for (index, question) in questions.enumerated() {
            if let level = question.assessment?.rating.level { byLevel[level, default: []].append(index + 1) }
        }
        let parts = AnswerRating.Level.allCases.compactMap { level in byLevel[level].map { "\(FeedbackSummary.questions($0)) \(level.name)" } }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The sections after the questions: heading and items.
    var summarySections: [(heading: String, items: [String])] {
        var sections: [(String, [String])] = []
        if let ratingsLine { sections.append(("Where the answers stand", [ratingsLine.uppercasedFirst + "."])) }
        if !strengths.isEmpty { sections.append(("Strengths", strengths)) }
        if !gaps.isEmpty { sections.append(("To work on", gaps)) }
        var competencies: [String] = []
        if !competenciesShown.isEmpty { competencies.append("Shown: " + competenciesShown.joined(separator: ", ") + ".") }
        if !competenciesNotShown.isEmpty { competencies.append("Not shown yet: " + competenciesNotShown.joined(separator: ", ") + ".") }
        competencies += competenciesWithheld
        if !competencies.isEmpty { sections.append(("Competencies", competencies)) }
        var delivery = "\(words) words; fillers \(fillersPer100) and hedges \(hedgesPer100) per 100 words"
        if let iShare { delivery += "; “I” in \(Int((iShare * 100).rounded()))% of first-person words" }
        sections.append(("Delivery", [delivery + "."]))
        if !practice.isEmpty { sections.append(("Practise next", practice)) }
        return sections
    }

    // MARK: Text

    /// Plain text for the terminal, for the candidate.
    public var text: String { text(explain: false) }

    /// Plain text for the terminal; `explain` adds the probes' ids and conditions, for authors.
    public func text(explain: Bool) -> String {
        var lines = ["Feedback", ""]
        for (index, question) in questions.enumerated() {
            lines.append("\(index + 1). \(question.text)")
            for line in answerLines(question, explain: explain) {
                lines.append("   " + (line.label.map { "\($0): " } ?? "") + line.text)
            }
            lines.append("")
        }
        for section in summarySections {
            lines.append(section.heading + ":")
            lines += section.items.map { "  - " + $0 }
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: Markdown

    /// Markdown, written next to the transcript and added to `replay --format markdown`.
    public var markdown: String { Self.markdownHeading + title.markdownLiteral + "\n\n" + markdownBody(level: 2) }

    /// The feedback under headings of `level` (2: `##`), without the title.
    func markdownBody(level: Int) -> String {
        let heading = String(repeating: "#", count: level) + " "
        var lines: [String] = []
        for (index, question) in questions.enumerated() {
            lines.append(heading + "\(index + 1). \(question.text.markdownLiteral)")
            lines.append("")
            for line in answerLines(question, explain: false) {
                lines.append("- " + (line.label.map { "**\($0.markdownLiteral):** " } ?? "") + line.text.markdownLiteral)
            }
            lines.append("")
        }
        for section in summarySections {
            lines.append(heading + section.heading.markdownLiteral)
            lines.append("")
            lines += section.items.map { "- " + $0.markdownLiteral }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: HTML

    /// The feedback as an HTML `<section>`, for the replay page and the browser front; every text
    /// escaped by `escape`.
    public func htmlSection(escape: (String) -> String) -> String {
        var html = "<section class=\"feedback\">\n<h2>Feedback</h2>\n"
        for (index, question) in questions.enumerated() {
            html += "<article class=\"answer\">\n<h3>\(index + 1). \(escape(question.text))</h3>\n"
            if let status = status(question) { html += "<p class=\"why\">\(escape(status))</p>\n" }
            if let rating = question.assessment?.rating {
                html += "<p class=\"rating \(rating.level.name)\"><span class=\"level\">\(rating.level.name)</span> \(escape(rating.reason))</p>\n"
            }
            if let parts = question.assessment?.parts, !parts.isEmpty {
                html += "<ul class=\"parts\">" + parts.map { part in
                    let state = part.state == .present ? "yes" : part.state == .implied ? "implied" : "no"
                    return "<li class=\"\(state)\">\(escape(Self.partLine(part)))</li>"
                }.joined() + "</ul>\n"
            }
            let notes = notes(question, explain: false)
            if !notes.isEmpty {
                html += "<dl>" + notes.map { "<dt>\(escape($0.label ?? ""))</dt><dd>\(escape($0.text))</dd>" }.joined() + "</dl>\n"
            }
            html += "</article>\n"
        }
        for section in summarySections {
            html += "<h3>\(escape(section.heading))</h3>\n<ul>" + section.items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        return html + "</section>\n"
    }
}

extension String {
    var uppercasedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
