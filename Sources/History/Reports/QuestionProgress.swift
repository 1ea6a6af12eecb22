import FoundationEssentials
import InterviewCore
import SystemIO

/// `rehearse progress --question ID`: every attempt at one question side by side, and what
/// changed from the first to the latest.
public struct QuestionProgress: Sendable {
    public var questionID: String
    public var questionText: String
    public var attempts: [QuestionAttempt]

    public init(questionID: String, attempts: [QuestionAttempt]) {
        self.questionID = questionID
        self.attempts = attempts
        questionText = attempts.last?.attempt.questionText ?? ""
    }

    /// What improved and what did not, from the first answered attempt to the latest.
    public var changes: (improved: [String], notYet: [String]) {
        let answered = attempts.filter(\.attempt.answered)
        guard let first = answered.first?.attempt, let latest = answered.last?.attempt, answered.count >= 2 else { return ([], []) }
        var improved: [String] = [], notYet: [String] = []
        let levels = ["basic", "solid", "exceptional"]
        if let a = first.rating.flatMap(levels.firstIndex), let b = latest.rating.flatMap(levels.firstIndex) {
            if b > a { improved.append("rated \(levels[b]) now, \(levels[a]) the first time") }
            if b < a { notYet.append("rated \(levels[b]) now, \(levels[a]) the first time") }
            if b == a && b < 2 { notYet.append("still rated \(levels[b])") }
        }
        if first.neededExample && !latest.neededExample { improved.append("gave a specific example without being asked") }
        if latest.neededExample { notYet.append("I still had to ask for a specific example") }
        let parts: [(String, Bool?, Bool?)] = [
            ("the situation", first.situation, latest.situation), ("what you had to achieve", first.task, latest.task),
            ("your own actions", first.action, latest.action), ("the result", first.result, latest.result),
            ("something specific", first.smartSpecific, latest.smartSpecific), ("a measure", first.smartMeasurable, latest.smartMeasurable),
            ("a date", first.smartTimeBound, latest.smartTimeBound),
        ]
        for (name, before, now) in parts {
            if before == false && now == true { improved.append("said \(name)") }
            if now == false { notYet.append("say \(name)") }
        }
        if latest.probes < first.probes { improved.append("needed \(latest.probes) follow-up\(latest.probes == 1 ? "" : "s"), \(first.probes) the first time") }
        return (improved, notYet)
    }

    /// A table of the attempts (oldest first) and the changes, for the terminal.
    public func text() -> String {
        guard !attempts.isEmpty else {
            return "No attempts at '\(questionID)' in the history yet. `rehearse run --question \(questionID) SCENARIO` practises it."
        }
        var lines = ["“\(questionText)” (\(questionID)): \(attempts.count) attempt\(attempts.count == 1 ? "" : "s")", ""]
        var rows = [["Date", "Rating", "S T A R", "Follow-ups", "Words"]]
        for item in attempts {
            let attempt = item.attempt
            let parts: String
            if let situation = attempt.situation, let task = attempt.task, let action = attempt.action, let result = attempt.result {
                parts = [situation, task, action, result].map { $0 ? "✓" : "✗" }.joined(separator: " ")
            } else if let specific = attempt.smartSpecific, let measurable = attempt.smartMeasurable, let timeBound = attempt.smartTimeBound {
                parts = "SMART " + [specific, measurable, timeBound].map { $0 ? "✓" : "✗" }.joined(separator: " ")
            } else {
                parts = "–"
            }
            let asked = item.followups.compactMap(\.askedFor).joined(separator: ", ")
            rows.append([
                LocalTime.string(item.session.started),
                attempt.answered ? (attempt.rating ?? "–") : (attempt.skipped ? "skipped" : "unanswered"), parts,
                item.followups.isEmpty ? "none" : "\(item.followups.count)" + (asked.isEmpty ? "" : " (\(asked))"), attempt.answered ? "\(attempt.words)" : "–",
            ])
        }
        lines += TextTable.lines(rows)
        let (improved, notYet) = changes
        if !improved.isEmpty { lines += ["", "Better than the first time: " + improved.joined(separator: "; ") + "."] }
        if !notYet.isEmpty { lines += ["", "Still to work on: " + notYet.joined(separator: "; ") + "."] }
        return lines.joined(separator: "\n").visibleControls
    }
}
