import FoundationEssentials
import GRDB

/// Which sessions to look at: every condition given must hold.
public struct HistoryFilter: Sendable, Hashable {
    /// The scenario's id (`quick-start`).
    public var scenario: String?
    /// Sessions in which this question was asked.
    public var question: String?
    /// Sessions with a question that assesses this competency, or an answer that showed it.
    public var competency: String?
    /// Sessions started at or after this time.
    public var since: Date?
    /// Sessions started before this time.
    public var until: Date?

    public init(scenario: String? = nil, question: String? = nil, competency: String? = nil, since: Date? = nil, until: Date? = nil) {
        self.scenario = scenario
        self.question = question
        self.competency = competency
        self.since = since
        self.until = until
    }

    /// The filter as SQL over the `session` table, with its arguments.
    var sql: (condition: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let scenario {
            conditions.append("session.scenarioID = ?")
            arguments.append(scenario)
        }
        if let question {
            conditions.append("EXISTS (SELECT 1 FROM attempt WHERE attempt.sessionId = session.id AND attempt.questionID = ?)")
            arguments.append(question)
        }
        if let competency {
            conditions.append(
                "EXISTS (SELECT 1 FROM attempt JOIN attemptCompetency ON attemptCompetency.attemptId = attempt.id WHERE attempt.sessionId = session.id AND attemptCompetency.competencyID = ?)")
            arguments.append(competency)
        }
        if let since {
            conditions.append("session.started >= ?")
            arguments.append(since.timeIntervalSince1970)
        }
        if let until {
            conditions.append("session.started < ?")
            arguments.append(until.timeIntervalSince1970)
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}
