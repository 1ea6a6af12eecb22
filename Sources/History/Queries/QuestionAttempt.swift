/// One attempt at a question, with the session it was part of and the follow-ups it needed.
public struct QuestionAttempt: Sendable, Hashable {
    public var session: SessionRow
    public var attempt: AttemptRow
    public var followups: [FollowupRow]
    public var competencies: [AttemptCompetencyRow]
}
