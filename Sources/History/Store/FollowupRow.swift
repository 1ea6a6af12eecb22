import GRDB

/// A follow-up the interviewer asked, and why, in the words the candidate read.
public struct FollowupRow: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followup"

    public var id: Int64?
    public var attemptId: Int64
    public var position: Int
    public var probeID: String
    public var text: String
    /// The part it asked for (`example`, `action`, `result`, …), when it asked for one.
    public var askedFor: String?
    public var reason: String

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
