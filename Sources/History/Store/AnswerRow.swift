import GRDB

/// One thing the candidate said to a question: the answer, or a reply to a follow-up, with the
/// analysis of everything said to the question up to it.
public struct AnswerRow: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "answer"

    public var id: Int64?
    public var attemptId: Int64
    public var position: Int
    /// The follow-up it answers; nil for the answer to the question itself.
    public var probeID: String?
    public var text: String
    public var seconds: Double
    /// The follow-up the analysis recommended after it.
    public var followup: String?
    /// The analysed features, as a JSON object (`{"star.result": true, …}`).
    public var features: String

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
