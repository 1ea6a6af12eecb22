/// Why the history could not do what was asked, in a sentence that says what to do.
public struct HistoryError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// The database file is damaged: making it again from the transcripts mends it.
    public var damaged: Bool

    public init(_ description: String, damaged: Bool = false) {
        self.description = description
        self.damaged = damaged
    }
}
