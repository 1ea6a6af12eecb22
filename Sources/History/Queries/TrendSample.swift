import GRDB

/// One session's figures for the trends: when, and each share or rate (nil where the session had
/// no answer of that kind).
public struct TrendSample: Sendable, Hashable, FetchableRecord {
    public var started: Double
    public var exampleShare: Double?
    public var starShare: Double?
    public var smartShare: Double?
    public var competencyShare: Double?
    public var fillersPer100: Double?

    public init(row: Row) {
        started = row[0]
        exampleShare = row[1]
        starShare = row[2]
        smartShare = row[3]
        competencyShare = row[4]
        fillersPer100 = row[5]
    }

    public init(_ session: SessionRow) {
        started = session.started
        exampleShare = session.exampleShare
        starShare = session.starShare
        smartShare = session.smartShare
        competencyShare = session.competencyShare
        fillersPer100 = session.fillersPer100
    }
}
