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

    /// The filter as an SQL condition on a row of `table` (`session`, or `attempt`, which carries
    /// its session's scenario and start), with its arguments.
    func sql(on table: String = "session") -> (condition: String, arguments: StatementArguments) {
        let session = table == "session" ? "session.id" : "\(table).sessionId"
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let scenario {
            conditions.append("\(table).scenarioID = ?")
            arguments.append(scenario)
        }
        if let question {
            conditions.append("EXISTS (SELECT 1 FROM attempt AS asked WHERE asked.sessionId = \(session) AND asked.questionID = ?)")
            arguments.append(question)
        }
        if let competency {
            conditions.append("EXISTS (SELECT 1 FROM sessionCompetency AS met WHERE met.sessionId = \(session) AND met.competencyID = ?)")
            arguments.append(competency)
        }
        if let since {
            conditions.append("\(table).started >= ?")
            arguments.append(since.timeIntervalSince1970)
        }
        if let until {
            conditions.append("\(table).started < ?")
            arguments.append(until.timeIntervalSince1970)
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}
