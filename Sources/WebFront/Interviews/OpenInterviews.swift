import FoundationEssentials
import InterviewKit
import Synchronization

/// The interviews open in this server, by id. An interview stays open after its tab closes, so
/// that reopening the page continues it; one that is over is kept until the server stops, for
/// its feedback.
final class OpenInterviews: Sendable {
    private let open = Mutex<[String: OpenInterview]>([:])
    /// At most this many at once: each holds a transcript's lock and its session in memory.
    let limit: Int

    init(limit: Int = 1_000) {
        self.limit = limit
    }

    func add(_ session: sending InterviewSession) throws -> OpenInterview {
        let interview = OpenInterview(id: AccessToken.random().value.prefix(16).description, session: session)
        try open.withLock { open throws in
            guard open.count < limit else {
                throw Refusal(.serviceUnavailable, "This server has \(limit) interviews open, its most; finish some, or start it again.")
            }
            open[interview.id] = interview
        }
        return interview
    }

    func interview(_ id: String) throws -> OpenInterview {
        guard let found = open.withLock({ $0[id] }) else {
            throw Refusal(.notFound, "No interview \(id) is open in this server; it may have been started before the server last stopped. Continue it from the list of unfinished interviews.")
        }
        return found
    }

    /// Open interviews not yet over, as the page lists them.
    var unfinished: [OpenInterview] { open.withLock { Array($0.values) }.filter { !$0.isOver } }

    /// Whether a transcript (by its session name) is open here already.
    func named(_ name: String) -> OpenInterview? { open.withLock { $0.values.first { $0.name == name } } }

    func stopAll(because reason: String) {
        for interview in open.withLock({ Array($0.values) }) { interview.stop(because: reason) }
    }
}
