import GRDB

/// One interview in the history: its transcript file, the scenario, and its figures.
public struct SessionRow: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "session"

    public var id: Int64?
    /// The transcript file's name without `.jsonl`: how a person names the session (`--forget NAME`).
    public var name: String
    public var transcriptPath: String
    /// The file as last indexed, to notice a change without reading it.
    public var fileSize: Int64
    public var fileModified: Int64
    /// SHA-256 of the file's bytes as last indexed; nil when the rows were recorded during the
    /// interview (the size and time then tell whether the file has changed since).
    public var contentHash: String?
    public var scenarioID: String
    public var scenarioTitle: String
    public var scenarioPath: String
    public var scenarioHash: String
    /// Seconds since 1970.
    public var started: Double
    public var lastActivity: Double
    public var completed: Bool
    public var questionsAnswered: Int
    public var probesAsked: Int
    /// STAR parts present in the story answers, 0–1 (nil without a story answer).
    public var starShare: Double?
    /// Story answers that needed an "example" follow-up, 0–1.
    public var exampleShare: Double?
    /// SMART parts present in the goal answers, 0–1.
    public var smartShare: Double?
    /// Competencies shown, of those the answered questions assess, 0–1.
    public var competencyShare: Double?
    public var fillersPer100: Double?
    public var words: Int
    /// The analyzers the interview was recorded with, and those whose analysis the rows hold
    /// (different after `history --reanalyze`), as "star 2.1, smart 1.1, …".
    public var recordedWith: String
    public var analyzedWith: String

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension SessionRow {
    /// Read by column name rather than through `Decodable`, which took most of the time of
    /// `rehearse history` on a long history (docs/performance.md).
    public init(row: Row) {
        id = row["id"]
        name = row["name"]
        transcriptPath = row["transcriptPath"]
        fileSize = row["fileSize"]
        fileModified = row["fileModified"]
        contentHash = row["contentHash"]
        scenarioID = row["scenarioID"]
        scenarioTitle = row["scenarioTitle"]
        scenarioPath = row["scenarioPath"]
        scenarioHash = row["scenarioHash"]
        started = row["started"]
        lastActivity = row["lastActivity"]
        completed = row["completed"]
        questionsAnswered = row["questionsAnswered"]
        probesAsked = row["probesAsked"]
        starShare = row["starShare"]
        exampleShare = row["exampleShare"]
        smartShare = row["smartShare"]
        competencyShare = row["competencyShare"]
        fillersPer100 = row["fillersPer100"]
        words = row["words"]
        recordedWith = row["recordedWith"]
        analyzedWith = row["analyzedWith"]
    }
}
