import GRDB

/// One competency over one session: how many answers were to questions that look for it, and
/// how many of those showed it.
public struct SessionCompetencyRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "sessionCompetency"

    public var sessionId: Int64
    /// The session's scenario and start, copied from it so that competencies are counted without reading sessions.
    public var scenarioID: String
    public var started: Double
    public var competencyID: String
    public var label: String
    public var assessed: Int
    public var shown: Int
}
