import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebFront

/// The browser front's routes through HummingbirdTesting: who may use it, what it refuses, and a
/// whole interview through the API the page uses.
@Suite struct WebFrontTests {
    let library: TestLibrary
    let server: WebServer

    init() throws {
        library = try TestLibrary()
        server = WebServer(library: library, port: 8080, token: AccessToken(value: String(repeating: "ab", count: 32)))
    }

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
        var list: [Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any] ?? [] }
    }

    func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, json: [String: Any]? = nil, body: String? = nil,
        cookie: String? = nil, origin: String? = "http://localhost:8080", host: String? = nil
    ) async throws -> Reply {
        var headers = HTTPFields()
        headers[.cookie] = "rehearse_key_8080=" + (cookie ?? server.token.value)
        if let origin { headers[.origin] = origin }
        if let host { headers[BrowserAddress<BasicRequestContext>.testHost] = host }
        var buffer: ByteBuffer?
        if let json { buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)) }
        if let body { buffer = ByteBuffer(string: body) }
        if buffer != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }

    func test(_ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.testRouter)
        try await app.test(.router) { client in try await body(client) }
    }

    @Test func withoutTheKeyNothingIsServed() async throws {
        let token = server.token.value
        try await test { client in
            let none = try await client.execute(uri: "/api/scenarios", method: .get) { $0 }
            #expect(none.status == .unauthorized)
            #expect(String(buffer: none.body).contains("Open the address `rehearse serve` printed"))
            #expect(none.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "refusals carry the policy too")
            let page = try await client.execute(uri: "/", method: .get) { $0 }
            #expect(page.status == .unauthorized)
            let wrong = try await call(client, .get, "/api/scenarios", cookie: String(repeating: "cd", count: 32))
            #expect(wrong.status == .forbidden)
            let badKey = try await client.execute(uri: "/?token=nope", method: .get) { $0 }
            #expect(badKey.status == .forbidden)
            // The printed address: the key becomes a cookie only script cannot read, sent only by this site.
            let opened = try await client.execute(uri: "/?token=\(token)", method: .get) { $0 }
            #expect(opened.status == .seeOther)
            #expect(opened.headers[.location] == "/")
            let cookie = try #require(opened.headers[.setCookie])
            #expect(cookie.hasPrefix("rehearse_key_8080=\(token);") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
            #expect(try await call(client, .get, "/api/scenarios", cookie: "").status == .unauthorized)
            let index = try await call(client, .get, "/")
            #expect(index.status == .ok && index.text.contains("<script src=\"/app.js\""))
            #expect(index.headers[.contentSecurityPolicy] == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
            #expect(index.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func requestsFromOtherSitesAreRefused() async throws {
        try await test { client in
            let evil = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "a"], origin: "http://evil.example")
            #expect(evil.status == .forbidden, "\(evil.text)")
            let otherPort = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "a"], origin: "http://localhost:9999")
            #expect(otherPort.status == .forbidden)
            let sandboxed = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "a"], origin: "null")
            #expect(sandboxed.status == .forbidden, "a sandboxed frame or a file: page sends Origin: null")
            let rebound = try await call(client, .get, "/api/scenarios", host: "evil.example:8080")
            #expect(rebound.status == .misdirectedRequest)
            #expect(try await call(client, .get, "/api/scenarios", host: "localhost:8081").status == .misdirectedRequest)
            #expect(try await call(client, .get, "/api/scenarios", host: "localhost").status == .misdirectedRequest)
            let own = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "a"])
            #expect(own.status == .created, "\(own.text)")
            // A script (no Origin) with the key may do what the page does.
            #expect(try await call(client, .get, "/api/interviews", origin: nil).status == .ok)
        }
        // Rebinding: a page on another name that resolves to this machine sends its own name.
        let hosts = AllowedHosts(host: "127.0.0.1", port: 8080)
        #expect(hosts.allows("127.0.0.1:8080") && hosts.allows("localhost:8080") && hosts.allows("[::1]:8080") && hosts.allows("LOCALHOST:8080"))
        #expect(!hosts.allows("evil.example:8080") && !hosts.allows("127.0.0.1:8081") && !hosts.allows(nil) && !hosts.allows("127.0.0.1.evil.example:8080"))
        #expect(!hosts.allows("localhost") && !hosts.allows("[::1]"), "browsers send the port; a Host without one is refused")
        let everywhere = AllowedHosts(host: "0.0.0.0", port: 8080)
        #expect(everywhere.allows("192.168.1.20:8080") && everywhere.allows("[fe80::1]:8080") && everywhere.allows("localhost:8080"))
        #expect(!everywhere.allows("evil.example:8080") && !everywhere.allows("192.168.1.300:8080"), "listening everywhere, names are still checked")
        #expect(!AllowedHosts(host: "127.0.0.1", port: nil).allows("127.0.0.1:8080"), "nothing is allowed before the server listens")
    }

    @Test func noRouteReadsAPathFromTheRequest() async throws {
        try await test { client in
            for uri in ["/../../etc/passwd", "/app.js/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/Package.swift", "/Sources/WebFront/Assets/app.js", "/Assets/app.js"] {
                let reply = try await call(client, .get, uri)
                #expect(reply.status == .notFound, "\(uri): \(reply.status) \(reply.text.prefix(200))")
            }
        }
    }

    @Test func aDocumentMayUseOnlyItsOwnStyles() async throws {
        let html = "<html><head><style>p { color: red; }</style></head><body><style>b{}</style></body></html>"
        let policy = SecurityHeaders.policy(forDocument: html)
        // echo -n 'p { color: red; }' | openssl dgst -sha256 -binary | base64
        #expect(policy.contains("style-src 'sha256-pckGv9YvNcB5xy+Y4fbqhyo+ib850wyiuWeNbZvLi00=' 'sha256-"), "\(policy)")
        #expect(!policy.contains("unsafe"))
        #expect(SecurityHeaders.policy(forDocument: "<p>no style</p>").contains("style-src 'none'"))
    }

    @Test func aWholeInterviewThroughTheAPI() async throws {
        try await test { client in
            let scenarios = try await call(client, .get, "/api/scenarios")
            #expect((scenarios.list.first as? [String: Any])?["id"] as? String == "quick-start")
            let started = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "seed": 3, "tab": "a"])
            #expect(started.status == .created)
            let state = try #require(started.json["state"] as? [String: Any])
            let id = try #require(state["id"] as? String)
            let events = try #require(started.json["events"] as? [[String: Any]])
            #expect(events.map { $0["type"] as? String } == ["opened", "question"])
            #expect(events.last?["number"] as? Int == 1 && events.last?["of"] as? Int == 3)
            // A general answer: the follow-up asks for one specific time, in plain words.
            let general = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": "I always listen first and I stay patient."])
            #expect(general.status == .ok, "\(general.text)")
            let probe = try #require((general.json["events"] as? [[String: Any]])?.last)
            #expect(probe["type"] as? String == "probe", "\(general.text)")
            #expect((probe["text"] as? String)?.lowercased().contains("specific") == true, "\(probe)")
            let prompt = try #require((general.json["state"] as? [String: Any])?["prompt"] as? [String: Any])
            #expect(prompt["kind"] as? String == "follow_up")
            let why = try await call(client, .post, "/api/interviews/\(id)/command", json: ["tab": "a", "command": "why"])
            let explanation = try #require((why.json["events"] as? [[String: Any]])?.first)
            #expect(explanation["type"] as? String == "why")
            #expect(!((explanation["text"] as? String) ?? "").contains("star."), "the candidate's reason has no feature names: \(explanation)")
            // Markup in an answer is kept as text, everywhere.
            let marked = "Last March a client <script>alert(1)</script> refused to come in. I called her every week and listened. She came back in April."
            let story = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": marked])
            #expect(story.status == .ok)
            let conversation = try #require((story.json["state"] as? [String: Any])?["conversation"] as? [[String: Any]])
            #expect(conversation.contains { $0["who"] as? String == "you" && $0["text"] as? String == marked })
            let stop = try await call(client, .post, "/api/interviews/\(id)/command", json: ["tab": "a", "command": "quit"])
            let finished = try #require((stop.json["events"] as? [[String: Any]])?.last)
            #expect(finished["type"] as? String == "finished", "\(stop.text)")
            let feedback = try #require(finished["feedback"] as? [String: Any])
            let html = try #require(feedback["html"] as? String)
            #expect(html.hasPrefix("<section class=\"feedback\">"))
            #expect(!html.contains("<script>") && (feedback["text"] as? String)?.isEmpty == false)
            #expect((stop.json["state"] as? [String: Any])?["over"] as? Bool == true)
            let after = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": "more"])
            #expect(after.status == .conflict)
            // On disk: the transcript of every turn, as the REPL writes it.
            let name = try #require((stop.json["state"] as? [String: Any])?["name"] as? String)
            let transcript = try String(contentsOf: library.folder.appendingPathComponent(name + ".jsonl"), encoding: .utf8)
            let types = transcript.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["type"] as? String
            }
            #expect(types == ["header", "question", "answer", "analysis", "probe", "answer", "analysis", "question", "end"], "\(types)")
            #expect(transcript.contains("<script>alert(1)</script>"), "stored as typed")
            let replay = try await call(client, .get, "/replay/\(name)")
            #expect(replay.status == .ok && replay.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !replay.text.contains("<script>alert"))
            let policy = try #require(replay.headers[.contentSecurityPolicy])
            #expect(policy.contains("style-src 'sha256-") && !policy.contains("unsafe-inline"), "\(policy)")
        }
    }

    @Test func twoTabsNeverAnswerOneInterview() async throws {
        try await test { client in
            let started = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "first"])
            let id = try #require((started.json["state"] as? [String: Any])?["id"] as? String)
            let second = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "second", "text": "An answer from the other tab."])
            #expect(second.status == .conflict)
            #expect(second.json["held_elsewhere"] as? Bool == true)
            // The state can be read from anywhere; continuing takes it over.
            #expect(try await call(client, .get, "/api/interviews/\(id)").status == .ok)
            #expect(try await call(client, .post, "/api/interviews/\(id)/claim", json: ["tab": "second"]).status == .conflict)
            #expect(try await call(client, .post, "/api/interviews/\(id)/claim", json: ["tab": "second", "take_over": true]).status == .ok)
            let first = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "first", "text": "An answer from the first tab."])
            #expect(first.status == .conflict, "the first tab is told, and nothing it sends is recorded")
            let state = try await call(client, .get, "/api/interviews/\(id)")
            #expect(!state.text.contains("An answer from"))
            let unfinished = try await call(client, .get, "/api/interviews")
            #expect((unfinished.json["open"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
        }
    }

    @Test func badRequestsAreRefusedInWords() async throws {
        try await test { client in
            let noScenario = try await call(client, .post, "/api/interviews", json: ["tab": "a"])
            #expect(noScenario.status == .badRequest && noScenario.json["error"] != nil)
            #expect(try await call(client, .post, "/api/interviews", body: "{not json").status == .badRequest)
            #expect(try await call(client, .post, "/api/interviews", json: ["scenario": "no-such", "tab": "a"]).status == .notFound)
            let started = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "a"])
            let id = try #require((started.json["state"] as? [String: Any])?["id"] as? String)
            let unknown = try await call(client, .post, "/api/interviews/\(id)/command", json: ["tab": "a", "command": "dance"])
            #expect(unknown.status == .badRequest && (unknown.json["error"] as? String)?.contains("the commands are hint") == true)
            let empty = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": "   "])
            #expect(empty.status == .unprocessableContent)
            // Over the limit for one answer (4 MiB), and over what one request may carry.
            let tooLong = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": String(repeating: "a", count: (4 << 20) + 10)])
            #expect(tooLong.status == .contentTooLarge, "\(tooLong.status) \(tooLong.text.prefix(300))")
            #expect((tooLong.json["error"] as? String)?.contains("was not saved; shorten it") == true)
            let tooBig = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": String(repeating: "a", count: 9 << 20)])
            #expect(tooBig.status == .contentTooLarge)
            #expect(try await call(client, .get, "/api/interviews/nope").status == .notFound)
        }
    }

    @Test func anAnswerSentTwiceIsTakenOnce() async throws {
        try await test { client in
            let started = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "a"])
            let state = try #require(started.json["state"] as? [String: Any])
            let id = try #require(state["id"] as? String), turn = try #require(state["turn"] as? Int)
            let text = "Last March a client refused to come in. I called her every week and listened. She came back in April."
            let first = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": text, "turn": turn])
            #expect(first.status == .ok)
            // The connection dropped before the reply, and the page sends it again.
            let again = try await call(client, .post, "/api/interviews/\(id)/answer", json: ["tab": "a", "text": text, "turn": turn])
            #expect(again.status == .conflict && again.json["stale"] as? Bool == true, "\(again.text)")
            let now = try await call(client, .get, "/api/interviews/\(id)")
            #expect(now.json["answered"] as? Int == 1)
            #expect((now.json["conversation"] as? [[String: Any]])?.filter { $0["text"] as? String == text }.count == 1)
        }
    }

    @Test func aFinishedInterviewIsNotOfferedToContinue() async throws {
        try await test { client in
            let started = try await call(client, .post, "/api/interviews", json: ["scenario": "quick-start", "tab": "a"])
            let state = try #require(started.json["state"] as? [String: Any])
            let id = try #require(state["id"] as? String), name = try #require(state["name"] as? String)
            #expect(try await call(client, .post, "/api/interviews/\(id)/command", json: ["tab": "a", "command": "quit"]).status == .ok)
            let unfinished = try await call(client, .get, "/api/interviews")
            #expect((unfinished.json["open"] as? [[String: Any]])?.isEmpty == true, "\(unfinished.text)")
            // Its feedback can still be read, and asking to continue it goes to the library (which has no such stopped interview).
            #expect(try await call(client, .get, "/api/interviews/\(id)/feedback").status == .ok)
            let resumed = try await call(client, .post, "/api/interviews", json: ["resume": name, "tab": "a"])
            #expect(resumed.status != .ok, "a finished interview is not handed back as if it were going: \(resumed.text.prefix(200))")
        }
    }

    @Test func theLimitCountsInterviewsGoingAndLeavesNoFileWhenReached() async throws {
        let library = try TestLibrary()
        let server = WebServer(library: library, port: 8080, token: AccessToken(value: String(repeating: "ab", count: 32)), interviewLimit: 2)
        try await Application(router: server.testRouter).test(.router) { client in
            func start(_ tab: String) async throws -> (HTTPResponse.Status, String?) {
                var headers = HTTPFields()
                headers[.cookie] = server.testCookie
                headers[.origin] = "http://localhost:8080"
                headers[.contentType] = "application/json"
                let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["scenario": "quick-start", "tab": tab]))
                return try await client.execute(uri: "/api/interviews", method: .post, headers: headers, body: body) { response in
                    let json = (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any]
                    return (response.status, (json?["state"] as? [String: Any])?["id"] as? String)
                }
            }
            let (_, first) = try await start("a")
            #expect(try await start("b").0 == .created)
            let files = try FileManager.default.contentsOfDirectory(atPath: library.folder.path).count
            #expect(try await start("c").0 == .serviceUnavailable)
            #expect(try FileManager.default.contentsOfDirectory(atPath: library.folder.path).count == files, "a refused start makes no transcript")
            var headers = HTTPFields()
            headers[.cookie] = server.testCookie
            headers[.origin] = "http://localhost:8080"
            headers[.contentType] = "application/json"
            let quit = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["tab": "a", "command": "quit"]))
            let finished = try await client.execute(uri: "/api/interviews/\(try #require(first))/command", method: .post, headers: headers, body: quit) { $0.status }
            #expect(finished == .ok)
            #expect(try await start("d").0 == .created, "a finished interview no longer counts")
        }
    }
}
