import FoundationEssentials
import GRDB

extension PracticeHistory {
    /// The sessions `filter` lets through, newest first.
    public func sessions(_ filter: HistoryFilter = HistoryFilter(), limit: Int? = nil) throws(HistoryError) -> [SessionRow] {
        let (condition, arguments) = filter.sql()
        return try recovering {
            try database.read { db in
                try SessionRow.fetchAll(
                    db, sql: "SELECT * FROM session WHERE \(condition) ORDER BY started DESC, id DESC" + (limit.map { " LIMIT \($0)" } ?? ""),
                    arguments: arguments)
            }
        }
    }

    /// How many sessions `filter` lets through.
    public func count(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> Int {
        let (condition, arguments) = filter.sql()
        return try recovering { try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session WHERE \(condition)", arguments: arguments) ?? 0 } }
    }

    /// The figures of each session `filter` lets through, oldest first, for the trends.
    public func trendSamples(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [TrendSample] {
        let (condition, arguments) = filter.sql()
        return try recovering {
            try database.read { db in
                try TrendSample.fetchAll(
                    db,
                    sql: "SELECT started, exampleShare, starShare, smartShare, competencyShare, fillersPer100 FROM session WHERE \(condition) ORDER BY started, id",
                    arguments: arguments)
            }
        }
    }

    /// Every attempt at `question` in the sessions `filter` lets through, oldest first.
    public func attempts(at question: String, _ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [QuestionAttempt] {
        var filter = filter
        filter.question = question
        let sessions = Dictionary(try self.sessions(filter).map { ($0.id ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
        let (condition, arguments) = filter.sql(on: "attempt")
        let join = "FROM attempt WHERE attempt.questionID = ? AND \(condition)"
        var all: StatementArguments = [question]
        all += arguments
        let parameters = all
        return try recovering {
            try database.read { db in
                let attempts = try AttemptRow.fetchAll(db, sql: "SELECT attempt.* \(join) ORDER BY attempt.started, attempt.position", arguments: parameters)
                let followups = Dictionary(
                    grouping: try FollowupRow.fetchAll(
                        db, sql: "SELECT followup.* FROM followup JOIN (SELECT attempt.id AS chosen \(join)) ON chosen = followup.attemptId ORDER BY followup.position",
                        arguments: parameters), by: \.attemptId)
                let competencies = Dictionary(
                    grouping: try AttemptCompetencyRow.fetchAll(
                        db, sql: "SELECT attemptCompetency.* FROM attemptCompetency JOIN (SELECT attempt.id AS chosen \(join)) ON chosen = attemptCompetency.attemptId",
                        arguments: parameters), by: \.attemptId)
                return attempts.compactMap { attempt in
                    sessions[attempt.sessionId].map { session in
                        QuestionAttempt(session: session, attempt: attempt, followups: followups[attempt.id ?? 0] ?? [], competencies: competencies[attempt.id ?? 0] ?? [])
                    }
                }
            }
        }
    }

    /// The competencies met in the sessions `filter` lets through: for each, its label, how many
    /// answers to questions that look for it there were, and how many showed it.
    public func competencies(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [(id: String, label: String, assessed: Int, shown: Int)] {
        let (condition, arguments) = filter.sql(on: "sessionCompetency")
        return try recovering {
            try database.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT competencyID, MAX(label) AS label, SUM(assessed) AS assessed, SUM(shown) AS shown
                        FROM sessionCompetency WHERE \(condition) GROUP BY competencyID ORDER BY competencyID
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
        let (condition, arguments) = filter.sql(on: "attempt")
        return try recovering {
            try database.read { db -> WeakSpot? in
                // Over the whole history, the record kept per question; filtered, from the attempts.
                let rows = filter == HistoryFilter()
                    ? try Row.fetchAll(db, sql: "SELECT scenarioID, questionID, attempts, basic, neededExample, probes, latest FROM questionRecord")
                    : try Row.fetchAll(
                    db,
                    sql: """
                        SELECT attempt.scenarioID AS scenarioID, attempt.questionID AS questionID, COUNT(*) AS attempts,
                               SUM(attempt.rating = 'basic') AS basic, SUM(attempt.neededExample) AS neededExample, SUM(attempt.probes) AS probes,
                               MAX(attempt.started) AS latest
                        FROM attempt INDEXED BY attemptRecord
                        WHERE NOT attempt.branchOnly AND attempt.answered AND attempt.rating IS NOT NULL AND \(condition)
                        GROUP BY attempt.scenarioID, attempt.questionID
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
                        WHERE attempt.scenarioID = ? AND attempt.questionID = ? ORDER BY attempt.started DESC LIMIT 1
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
        if attempts == 1 {
            var parts: [String] = []
            if basic > 0 { parts.append("it was rated basic") }
            if example > 0 { parts.append("I had to ask for a specific example") }
            if parts.isEmpty { parts.append(probes == 0 ? "it went well, and it is the one you have practised least lately" : "it needed \(probes) follow-up\(probes == 1 ? "" : "s")") }
            return "The one time you answered it, " + parts.joined(separator: " and ") + "."
        }
        var parts: [String] = []
        if basic > 0 { parts.append(basic == attempts ? "every answer was rated basic" : "\(basic) of the answers \(basic == 1 ? "was" : "were") rated basic") }
        if example > 0 { parts.append(example == attempts ? "each needed me to ask for a specific example" : "\(example) needed me to ask for a specific example") }
        if parts.isEmpty { parts.append(probes == 0 ? "it is the one you have practised least lately" : "it needed \(probes) follow-up\(probes == 1 ? "" : "s")") }
        return "Of the \(attempts) times you answered it, " + parts.joined(separator: ", and ") + "."
    }
}

extension PracticeHistory {
    /// The questions answered in the sessions `filter` lets through: how often, and the first and
    /// latest rating; most practised first.
    public func questionSummaries(_ filter: HistoryFilter = HistoryFilter()) throws(HistoryError) -> [QuestionSummary] {
        let (condition, arguments) = filter.sql(on: "attempt")
        return try recovering {
            try database.read { db in
                var summaries: [String: QuestionSummary] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT attempt.questionID, attempt.questionText, attempt.rating FROM attempt
                        WHERE attempt.answered AND \(condition) ORDER BY attempt.started, attempt.position
                        """,
                    arguments: arguments)
                while let row = try rows.next() {
                    let id: String = row[0], text: String = row[1], rating: String? = row[2]
                    if summaries[id] == nil {
                        summaries[id] = QuestionSummary(questionID: id, questionText: text, attempts: 0, firstRating: rating, latestRating: rating)
                    }
                    summaries[id]?.attempts += 1
                    summaries[id]?.latestRating = rating
                    summaries[id]?.questionText = text
                }
                return summaries.values.sorted { ($0.attempts, $1.questionID) > ($1.attempts, $0.questionID) }
            }
        }
    }
}
