/// What bringing the history up to date with the transcript folder changed.
public struct SyncSummary: Sendable, Hashable {
    /// Transcripts indexed for the first time, or again after they changed.
    public var added = 0
    public var updated = 0
    /// Sessions whose transcript is no longer in the folder.
    public var removed = 0
    /// Files that could not be read as transcripts (path and why); they are not in the history.
    public var unreadable: [String] = []

    public init() {}

    public var changed: Bool { added + updated + removed > 0 }
}
