/// What one clause does in an answer, as the clause-level labels name it.
package enum ClauseRole: String, CaseIterable, Sendable {
    case situation
    case task
    case ownAction = "own_action"
    case groupAction = "group_action"
    case result
    case habit
    case hypothetical
    case feeling
    case other

    /// The role's column in the clause model.
    package var column: Int { Self.allCases.firstIndex(of: self)! }
}
