import FoundationEssentials
import InterviewKit
import Synchronization

/// The interviews open in this server, by id. An interview stays open after its tab closes, so
/// that reopening the page continues it; one that is over is kept for its feedback until
/// `finishedKept` newer ones have ended.
final class OpenInterviews: Sendable {
    private struct Table {
        var byID: [String: OpenInterview] = [:]
        /// Starts under way: their files are being made, and they count against the limit already.
        var starting = 0
        var opened = 0
        /// Stopped interviews being continued now, by session name: a second request for one waits its turn.
        var resuming: Set<String> = []
    }

    private let table = Mutex(Table())
    /// At most this many unfinished at once: each holds a transcript open and locked, and its
    /// session in memory.
    let limit: Int
    static let finishedKept = 100

    init(limit: Int = 1_000) {
        self.limit = limit
    }

    /// Runs `body`, which makes a session and `add`s it, with a place kept for it: the limit is
    /// checked before any file is made, and a start that fails leaves nothing open.
    func opening<T>(_ body: () throws -> T) throws -> T {
        try table.withLock { table throws in
            let unfinished = table.byID.values.count { !$0.isOver }
            guard unfinished + table.starting < limit else {
                throw Refusal(.serviceUnavailable, "This server has \(limit) interviews going, its most; finish some, or start it again.")
            }
            table.starting += 1
        }
        defer { table.withLock { $0.starting -= 1 } }
        return try body()
    }

    /// Runs `body` with `name` marked as being continued, so that two tabs asking at once do not
    /// both open its transcript (the second is told to try again).
    func resuming<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try table.withLock { table throws in
            guard table.resuming.insert(name).inserted else {
                throw Refusal(.conflict, "This interview is being opened in another tab just now; try again in a moment.")
            }
        }
        defer { _ = table.withLock { $0.resuming.remove(name) } }
        return try body()
    }

    /// Adds a session made inside `opening`.
    func add(_ session: sending InterviewSession) -> OpenInterview {
        let id = AccessToken.random().value.prefix(16).description
        let opened = table.withLock { table -> Int in
            table.opened += 1
            return table.opened
        }
        let interview = OpenInterview(id: id, opened: opened, session: session)
        table.withLock { table in
            table.byID[id] = interview
            let finished = table.byID.values.filter(\.isOver).sorted { $0.opened < $1.opened }
            for old in finished.dropLast(Self.finishedKept) { table.byID[old.id] = nil }
        }
        return interview
    }

    func remove(_ interview: OpenInterview) {
        table.withLock { $0.byID[interview.id] = nil }
    }

    func interview(_ id: String) throws -> OpenInterview {
        guard let found = table.withLock({ $0.byID[id] }) else {
            throw Refusal(.notFound, "No interview \(id) is open in this server; it may have been started before the server last stopped. Continue it from the list of unfinished interviews.")
        }
        return found
    }

    /// Open interviews not yet over, as the page lists them.
    var unfinished: [OpenInterview] { table.withLock { Array($0.byID.values) }.filter { !$0.isOver }.sorted { $0.opened > $1.opened } }

    /// The unfinished interview recording the transcript `name` (its session name), if one is open here.
    func unfinished(named name: String) -> OpenInterview? {
        table.withLock { $0.byID.values.first { $0.name == name && !$0.isOver } }
    }

    func stopAll(because reason: String) {
        for interview in table.withLock({ Array($0.byID.values) }) { interview.stop(because: reason) }
    }
}
