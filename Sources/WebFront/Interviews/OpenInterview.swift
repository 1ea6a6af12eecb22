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
    /// The scenario's title.
    let title: String
    /// When it was opened here, in the order of opening: the oldest finished ones go first.
    let opened: Int
    private let seat: Mutex<Seat>
    /// Read without the seat's lock, which an answer holds while it is analysed and saved.
    private let over: Atomic<Bool>
    private let answers: Atomic<Int>

    init(id: String, opened: Int, session: sending InterviewSession) {
        self.id = id
        self.opened = opened
        name = SessionName.of(session.transcriptPath)
        title = session.scenario.title
        over = Atomic(session.isOver)
        answers = Atomic(session.transcript.events.count { $0.type == .answer })
        seat = Mutex(Seat(session: session, tab: nil))
    }

    /// Runs `body` on the session for `tab` and returns what it said with the state after it.
    /// - Parameters:
    ///   - takeOver: continue in this tab although another holds the interview.
    ///   - turn: the turn the page saw (`InterviewStateJSON.turn`); when the interview has moved
    ///     on since, nothing is done.
    /// - Throws: `Refusal` 409 when another tab holds it or the turn has passed; what `body` throws.
    func act(tab: String, takeOver: Bool = false, turn: Int? = nil, _ body: (InterviewSession) throws -> [SessionEvent]) throws -> InterviewReply {
        try seat.withLock { seat throws -> InterviewReply in
            if let holder = seat.tab, holder != tab, !takeOver {
                throw Refusal(
                    .conflict, "This interview is open in another tab or window. Continue it here, and the other one stops.", heldElsewhere: true)
            }
            if let turn, turn != seat.session.transcript.events.count {
                throw Refusal(.conflict, "The interview has moved on since this answer was typed (it was sent already, or given in another window); here is where it stands.", stale: true)
            }
            seat.tab = tab
            defer {
                over.store(seat.session.isOver, ordering: .relaxed)
                answers.store(seat.session.transcript.events.count { $0.type == .answer }, ordering: .relaxed)
            }
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

    var isOver: Bool { over.load(ordering: .relaxed) }

    /// Answers given so far, without waiting for an answer being saved.
    var answered: Int { answers.load(ordering: .relaxed) }

    /// Stops the interview if it is still going (the server is stopping); every answer is already saved.
    func stop(because reason: String) {
        seat.withLock { seat in
            guard !seat.session.isOver else { return }
            _ = try? seat.session.stop(because: reason)
            over.store(seat.session.isOver, ordering: .relaxed)
        }
    }
}

/// What an action returns: what the interviewer said, in order, and where the interview stands.
struct InterviewReply: Encodable, Sendable {
    var events: [WireEvent]
    var state: InterviewStateJSON
}
