/// One question across the sessions: how often it was answered, and how it was rated first and latest.
public struct QuestionSummary: Sendable, Hashable {
    public var questionID: String
    public var questionText: String
    public var attempts: Int
    public var firstRating: String?
    public var latestRating: String?
}
