import FoundationEssentials
import InterviewKit
import Synchronization

/// One interview open in this server: its session behind a lock of its own (an answer waits on
/// the disk and maybe a plugin, and two requests must never interleave), and the browser tab that
/// holds it. A second tab is refused until it asks to continue there; the first is then refused.
final class OpenInterview: Sendable {
    private struct Seat: ~Copyable {
        var session: InterviewSession
        /// The tab answering it, as the page names itself (a random id per tab).
        var tab: String?
    }

    let id: String
    let name: String
    private let seat: Mutex<Seat>

    init(id: String, session: sending InterviewSession) {
        self.id = id
        name = SessionName.of(session.transcriptPath)
        seat = Mutex(Seat(session: session, tab: nil))
    }

    /// Runs `body` on the session for `tab` and returns what it said with the state after it.
    /// - Parameter takeOver: continue in this tab although another holds the interview.
    /// - Throws: `Refusal` 409 when another tab holds it; what `body` throws.
    func act(tab: String, takeOver: Bool = false, _ body: (InterviewSession) throws -> [SessionEvent]) throws -> InterviewReply {
        try seat.withLock { seat throws -> InterviewReply in
            if let holder = seat.tab, holder != tab, !takeOver {
                throw Refusal(
                    .conflict, "This interview is open in another tab or window. Continue it here, and the other one stops.", heldElsewhere: true)
            }
            seat.tab = tab
            let events = try body(seat.session)
            return InterviewReply(events: events.map(WireEvent.init), state: InterviewStateJSON(id: id, name: name, session: seat.session))
        }
    }

    /// The state, for any tab (reading takes nothing from the holder).
    func state() -> InterviewStateJSON {
        seat.withLock { InterviewStateJSON(id: id, name: name, session: $0.session) }
    }

    /// The feedback on what has been answered so far.
    func feedback() -> FeedbackJSON {
        seat.withLock { FeedbackJSON($0.session.feedback) }
    }

    var isOver: Bool { seat.withLock { $0.session.isOver } }

    /// Stops the interview if it is still going (the server is stopping); every answer is already saved.
    func stop(because reason: String) {
        seat.withLock { seat in
            guard !seat.session.isOver else { return }
            _ = try? seat.session.stop(because: reason)
        }
    }
}

/// What an action returns: what the interviewer said, in order, and where the interview stands.
struct InterviewReply: Encodable, Sendable {
    var events: [WireEvent]
    var state: InterviewStateJSON
}
