import GRDB

/// One question of one interview, as its latest answer stands (a question answered again with
/// `:again` counts once, as in the feedback).
public struct AttemptRow: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "attempt"

    public var id: Int64?
    public var sessionId: Int64
    /// The session's scenario and start (seconds since 1970), copied from it.
    public var scenarioID: String
    public var started: Double
    /// 0-based order of the question in the interview.
    public var position: Int
    public var questionID: String
    /// `behavioral`, `situational`, `goals` or `general`.
    public var kind: String
    public var questionText: String
    public var answered: Bool
    public var skipped: Bool
    /// `basic`, `solid` or `exceptional`; nil when unanswered.
    public var rating: String?
    public var words: Int
    public var seconds: Double
    public var probes: Int
    /// Whether the interviewer had to ask for a specific example.
    public var neededExample: Bool
    /// The parts of a story answer (nil for goal answers and unanswered questions).
    public var specificExample: Bool?
    public var situation: Bool?
    public var task: Bool?
    public var action: Bool?
    public var result: Bool?
    /// The SMART parts of a goal answer (nil for other kinds).
    public var smartSpecific: Bool?
    public var smartMeasurable: Bool?
    public var smartTimeBound: Bool?
    public var fillersPer100: Double?
    /// Asked only as a branch after a weak answer to another question (known when the scenario
    /// was at hand): not counted in the question's record, so `--weakest` never picks it.
    public var branchOnly = false

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// How many STAR parts the answer has, of four; nil when it is not a story answer.
    public var starParts: Int? {
        guard let situation, let task, let action, let result else { return nil }
        return [situation, task, action, result].filter { $0 }.count
    }

    /// How many SMART parts a goal answer has, of the three the analysis reads most surely.
    public var smartParts: Int? {
        guard let smartSpecific, let smartMeasurable, let smartTimeBound else { return nil }
        return [smartSpecific, smartMeasurable, smartTimeBound].filter { $0 }.count
    }
}
