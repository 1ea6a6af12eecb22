import FoundationEssentials
import GRDB

extension PracticeHistory {
    /// The sessions `filter` lets through, newest first.
    public func sessions(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [SessionRow] {
        let (condition, arguments) = filter.sql
        return try recovering {
            try database.read { db in
                try SessionRow.fetchAll(
                    db, sql: "SELECT * FROM session WHERE \(condition) ORDER BY started DESC, id DESC",
                    arguments: arguments)
            }
        }
    }

    /// Every attempt at `question` in the sessions `filter` lets through, oldest first.
    public func attempts(at question: String, _ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [QuestionAttempt] {
        var filter = filter
        filter.question = question
        let sessions = try self.sessions(filter).reversed()
        return try recovering {
            try database.read { db in
                try sessions.flatMap { session in
                    let attempts = try AttemptRow.filter(Column("sessionId") == session.id && Column("questionID") == question).order(Column("position")).fetchAll(db)
                    return try attempts.map { attempt in
                        QuestionAttempt(
                            session: session, attempt: attempt,
                            followups: try FollowupRow.filter(Column("attemptId") == attempt.id).order(Column("position")).fetchAll(db),
                            competencies: try AttemptCompetencyRow.filter(Column("attemptId") == attempt.id).fetchAll(db))
                    }
                }
            }
        }
    }

    /// The competencies met in the sessions `filter` lets through: for each, its label, how many
    /// answers to questions assessing it there were, and how many showed it.
    public func competencies(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [(id: String, label: String, assessed: Int, shown: Int)] {
        let (condition, arguments) = filter.sql
        return try recovering {
            try database.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT competencyID, MAX(label) AS label, SUM(assessed) AS assessed, SUM(assessed AND shown) AS shown
                        FROM attemptCompetency JOIN attempt ON attempt.id = attemptCompetency.attemptId JOIN session ON session.id = attempt.sessionId
                        WHERE attempt.answered AND \(condition)
                        GROUP BY competencyID ORDER BY competencyID
                        """,
                    arguments: arguments
                ).map { row in (row["competencyID"], row["label"], row["assessed"], row["shown"]) }
            }
        }
    }

    /// The answered question with the weakest record in the sessions `filter` lets through: most
    /// often rated basic, then most often in need of an example, then most follow-ups needed;
    /// nil when nothing has been answered yet.
    public func weakest(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> WeakSpot? {
        let (condition, arguments) = filter.sql
        return try recovering {
            try database.read { db -> WeakSpot? in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT session.scenarioID AS scenarioID, attempt.questionID AS questionID, COUNT(*) AS attempts,
                               SUM(attempt.rating = 'basic') AS basic, SUM(attempt.neededExample) AS neededExample, SUM(attempt.probes) AS probes,
                               MAX(session.started) AS latest
                        FROM attempt JOIN session ON session.id = attempt.sessionId
                        WHERE attempt.answered AND attempt.rating IS NOT NULL AND \(condition)
                        GROUP BY session.scenarioID, attempt.questionID
                        """,
                    arguments: arguments)
                func share(_ row: Row, _ column: String) -> Double { Double(row[column] as Int) / Double(max(1, row["attempts"] as Int)) }
                let ranked = rows.sorted { a, b in
                    let left = (share(a, "basic"), share(a, "neededExample"), share(a, "probes")), right = (share(b, "basic"), share(b, "neededExample"), share(b, "probes"))
                    if left != right { return left > right }
                    // Of two equally weak, the one practised longer ago.
                    return (a["latest"] as Double) < (b["latest"] as Double)
                }
                guard let weakest = ranked.first else { return nil }
                let scenarioID: String = weakest["scenarioID"], questionID: String = weakest["questionID"]
                let latest = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT session.scenarioTitle, session.scenarioPath, attempt.questionText FROM attempt JOIN session ON session.id = attempt.sessionId
                        WHERE session.scenarioID = ? AND attempt.questionID = ? ORDER BY session.started DESC LIMIT 1
                        """,
                    arguments: [scenarioID, questionID])
                let attempts: Int = weakest["attempts"], basic: Int = weakest["basic"], example: Int = weakest["neededExample"], probes: Int = weakest["probes"]
                return WeakSpot(
                    scenarioID: scenarioID, scenarioTitle: latest?["scenarioTitle"] ?? scenarioID, scenarioPath: latest?["scenarioPath"] ?? "",
                    questionID: questionID, questionText: latest?["questionText"] ?? "", attempts: attempts, basic: basic, neededExample: example, probes: probes,
                    reason: Self.weakReason(attempts: attempts, basic: basic, example: example, probes: probes))
            }
        }
    }

    static func weakReason(attempts: Int, basic: Int, example: Int, probes: Int) -> String {
        let times = attempts == 1 ? "the one time you answered it" : "\(attempts) times you answered it"
        var parts: [String] = []
        if basic > 0 { parts.append(basic == attempts ? "every answer was rated basic" : "\(basic) of \(attempts) answers were rated basic") }
        if example > 0 { parts.append(example == attempts ? "each needed me to ask for a specific example" : "\(example) needed me to ask for a specific example") }
        if parts.isEmpty { parts.append(probes == 0 ? "it is the one you have practised least lately" : "it needed \(probes) follow-up\(probes == 1 ? "" : "s")") }
        return "Of the \(times), " + parts.joined(separator: ", and ") + "."
    }
}

extension PracticeHistory {
    /// The questions answered in the sessions `filter` lets through, with how often, most first.
    public func questionCounts(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [(question: String, attempts: Int)] {
        let (condition, arguments) = filter.sql
        return try recovering {
            try database.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT attempt.questionID AS question, COUNT(*) AS attempts FROM attempt JOIN session ON session.id = attempt.sessionId
                        WHERE attempt.answered AND \(condition) GROUP BY attempt.questionID ORDER BY attempts DESC, question
                        """,
                    arguments: arguments
                ).map { ($0["question"], $0["attempts"]) }
            }
        }
    }
}
