import GRDB

/// A competency of a scenario as one attempt met it: whether its question assesses it, and
/// whether the answer showed it.
public struct AttemptCompetencyRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "attemptCompetency"

    public var attemptId: Int64
    public var competencyID: String
    public var label: String
    public var assessed: Bool
    public var shown: Bool
}
