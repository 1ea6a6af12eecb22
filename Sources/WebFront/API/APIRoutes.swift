import FoundationEssentials
import Hummingbird
import InterviewKit

/// The JSON API under the page (docs/web.md, docs/openapi.json): everything the page does, a
/// script can do too. Whatever may wait on a lock, the disk or a plugin runs in the pool.
struct APIRoutes: Sendable {
    let library: any InterviewLibrary
    let interviews: OpenInterviews
    let pool: SessionPool

    func work<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.run(body)
    }

    /// Bytes an action's body may hold: the longest answer Rehearse takes, with room for JSON escapes.
    static let bodyLimit = InputLimits.answerBytes * 2 + 4096

    struct StartRequest: Decodable, Sendable {
        var scenario: String?
        var seed: UInt64?
        /// A stopped interview to continue, by its session name.
        var resume: String?
        var tab: String
    }

    struct AnswerRequest: Decodable, Sendable {
        var tab: String
        var text: String
        /// The state's `turn` when the answer was typed: given, an answer sent twice is taken once.
        var turn: Int?
    }

    struct CommandRequest: Decodable {
        var tab: String
        var command: String
    }

    struct ClaimRequest: Decodable, Sendable {
        var tab: String
        var takeOver: Bool?
    }

    struct Unfinished: Encodable {
        struct Open: Encodable {
            var id: String
            var name: String
            var title: String
            var answered: Int
        }

        /// Open in this server (a tab was closed): continue with `claim`.
        var open: [Open]
        /// Stopped, in the transcript folder: continue with `POST /api/interviews {"resume": name}`.
        var stopped: [ResumableInterview]
    }

    func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("scenarios") { _, _ in JSONReply.response(.ok, library.scenarios()) }
        api.get("interviews") { _, _ in try await work { unfinished() } }
        api.post("interviews") { request, _ in try await start(request) }
        api.get("interviews/:id") { _, context in
            let interview = try interviews.interview(context.parameters.require("id"))
            return JSONReply.response(.ok, try await work { interview.state() })
        }
        api.post("interviews/:id/claim") { request, context in
            let body = try await JSONReply.decode(ClaimRequest.self, from: request, limit: 4096)
            let interview = try interviews.interview(context.parameters.require("id"))
            return JSONReply.response(.ok, try await work { try interview.act(tab: body.tab, takeOver: body.takeOver == true) { _ in [] } })
        }
        api.post("interviews/:id/answer") { request, context in
            let body = try await JSONReply.decode(AnswerRequest.self, from: request, limit: Self.bodyLimit)
            let interview = try interviews.interview(context.parameters.require("id"))
            return JSONReply.response(.ok, try await work {
                try interview.act(tab: body.tab, turn: body.turn) { session in try Self.run { () throws(SessionError) in try session.answer(body.text) } }
            })
        }
        api.post("interviews/:id/command") { request, context in
            let body = try await JSONReply.decode(CommandRequest.self, from: request, limit: 4096)
            guard let command = InterviewCommand(rawValue: body.command) else {
                let names = InterviewCommand.allCases.map(\.rawValue).joined(separator: ", ")
                throw Refusal(.badRequest, "There is no command '\(body.command)'; the commands are \(names).")
            }
            let interview = try interviews.interview(context.parameters.require("id"))
            return JSONReply.response(.ok, try await work { try interview.act(tab: body.tab) { session in try Self.run { () throws(SessionError) in try session.perform(command) } } })
        }
        api.get("interviews/:id/feedback") { _, context in
            let interview = try interviews.interview(context.parameters.require("id"))
            return JSONReply.response(.ok, try await work { interview.feedback() })
        }
        api.get("history") { _, _ in
            let listing = try await work { () throws -> String in
                let history = try Self.library { () throws(LibraryError) in try library.history() }
                do { return try HistoryListing.json(try history.sessions(limit: 200)) } catch { throw Refusal(.internalServerError, "The practice history could not be read: \(error)") }
            }
            return JSONReply.bytes(.ok, Array(listing.utf8), type: "application/json; charset=utf-8")
        }
    }

    private func unfinished() -> Response {
        let open = interviews.unfinished.map { Unfinished.Open(id: $0.id, name: $0.name, title: $0.title, answered: $0.answered) }
        let openNames = Set(open.map(\.name))
        return JSONReply.response(.ok, Unfinished(open: open, stopped: library.resumable().filter { !openNames.contains($0.name) }))
    }

    private func start(_ request: Request) async throws -> Response {
        let body = try await JSONReply.decode(StartRequest.self, from: request, limit: 4096)
        let (library, interviews) = (self.library, self.interviews)
        if let name = body.resume {
            let (status, reply) = try await work { () throws -> (HTTPResponse.Status, InterviewReply) in
                try interviews.resuming(name) {
                    if let already = interviews.unfinished(named: name) { return (.ok, try already.act(tab: body.tab) { _ in [] }) }
                    return try interviews.opening {
                        let session = try Self.library { () throws(LibraryError) in try library.resumeInterview(named: name) }
                        return (.created, try Self.begin(interviews.add(session), tab: body.tab, in: interviews) { session throws(SessionError) in try session.resume() })
                    }
                }
            }
            return JSONReply.response(status, reply)
        }
        guard let scenario = body.scenario else { throw Refusal(.badRequest, "Say which scenario to practise (\"scenario\"), or which interview to continue (\"resume\").") }
        let reply = try await work { () throws -> InterviewReply in
            try interviews.opening {
                let session = try Self.library { () throws(LibraryError) in try library.newInterview(scenario: scenario, seed: body.seed) }
                return try Self.begin(interviews.add(session), tab: body.tab, in: interviews) { session throws(SessionError) in try session.start() }
            }
        }
        return JSONReply.response(.created, reply)
    }

    /// Starts or resumes a session just added; one that fails to is no longer open.
    private static func begin(
        _ interview: OpenInterview, tab: String, in interviews: OpenInterviews, _ body: @escaping (InterviewSession) throws(SessionError) -> [SessionEvent]
    ) throws -> InterviewReply {
        do {
            return try interview.act(tab: tab) { session in try run { () throws(SessionError) in try body(session) } }
        } catch {
            interviews.remove(interview)
            throw error
        }
    }

    /// A session's refusal as the API answers it. Nothing the candidate typed is lost: an answer
    /// that could not be saved is sent back in the message.
    static func run(_ body: () throws(SessionError) -> [SessionEvent]) throws -> [SessionEvent] {
        do {
            return try body()
        } catch {
            switch error {
            case .emptyAnswer: throw Refusal(.unprocessableContent, "The answer is empty; say something, or skip the question.")
            case .answerTooLong:
                throw Refusal(.contentTooLarge, "This answer is over \(InputLimits.describe(InputLimits.answerBytes)), the limit for one answer, and was not saved; shorten it and send it again.")
            case .over: throw Refusal(.conflict, "This interview is over; its feedback is below.")
            case .notSaved(let problem, _, let answer?):
                throw Refusal(HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), "Your answer could not be saved (\(problem)). Copy it from the box before doing anything else: \(answer)")
            default: throw Refusal(.internalServerError, error.description(command: "rehearse"))
            }
        }
    }

    static func library<T>(_ body: () throws(LibraryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            switch error.kind {
            case .notFound: throw Refusal(.notFound, error.description)
            case .conflict: throw Refusal(.conflict, error.description)
            case .failed: throw Refusal(.internalServerError, error.description)
            }
        }
    }
}
