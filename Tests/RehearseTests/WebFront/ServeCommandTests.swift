import Foundation
import Testing

/// `rehearse serve` as a person runs it: the printed address, the key, a whole interview through
/// the API, the same transcript as the REPL, and Ctrl-C keeping every answer.
@Suite struct ServeCommandTests {
    /// A running `rehearse serve` with its own data folder; stopped with SIGINT by `stop()`.
    final class Server {
        let process = Process()
        let output = Pipe()
        let folder: URL
        var address = ""
        var port = 0
        var cookie = ""

        init(folder: URL) throws {
            self.folder = folder
            process.executableURL = Rehearse.binary
            process.arguments = ["serve"]
            process.environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": folder.path]) { _, new in new }
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var seen = ""
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
                if let line = seen.split(separator: "\n").first(where: { $0.contains("?token=") }) {
                    address = line.trimmingCharacters(in: .whitespaces)
                    break
                }
            }
            guard let portText = address.split(separator: ":").last?.split(separator: "/").first, let port = Int(portText) else {
                throw POSIXError(.EPROTO)
            }
            self.port = port
        }

        /// Stops the server as Ctrl-C would, and returns what it printed after the address.
        func stop() -> (status: Int32, output: String) {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    func events(_ path: URL) throws -> [[String: Any]] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// What an interview said and did, without the times: the same answers give the same.
    func content(_ events: [[String: Any]]) -> [String] {
        events.dropFirst().map { event in
            ["type", "question", "probe", "number", "text", "followup", "completed"].map { key in event[key].map { "\(key)=\($0)" } ?? "" }.joined(separator: " ")
        }
    }

    @Test func anInterviewInTheBrowserIsTheInterviewOfTheTerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try Server(folder: folder)
        #expect(server.address.hasPrefix("http://127.0.0.1:") && server.address.contains("/?token="), "\(server.address)")
        let port = server.port
        let origin = "http://127.0.0.1:\(port)"

        // Another name for this machine (DNS rebinding) and no key: refused.
        #expect(try LoopbackHTTP.send(port: port, "GET", "/", host: "attacker.example:\(port)").status == 421)
        #expect(try LoopbackHTTP.send(port: port, "GET", "/api/scenarios").status == 401)
        let path = String(server.address.dropFirst(origin.count))
        let opened = try LoopbackHTTP.send(port: port, "GET", path)
        #expect(opened.status == 303)
        let cookie = try #require(opened.headers["set-cookie"]?.split(separator: ";").first.map(String.init))
        let headers = ["Cookie": cookie, "Origin": origin]
        #expect(try LoopbackHTTP.send(port: port, "GET", "/", headers: headers).body.contains("/app.js"))

        // The REPL's answers, through the API.
        let answers = ["I always listen first.", "Last year a client refused to talk to me. I asked about his music and I listened.", "He came back every week after that."]
        let started = try LoopbackHTTP.send(port: port, "POST", "/api/interviews", headers: headers, json: ["scenario": "quick-start", "seed": 3, "tab": "t"])
        #expect(started.status == 201, "\(started.body)")
        let id = try #require((started.json["state"] as? [String: Any])?["id"] as? String)
        for answer in answers {
            let reply = try LoopbackHTTP.send(port: port, "POST", "/api/interviews/\(id)/answer", headers: headers, json: ["tab": "t", "text": answer])
            #expect(reply.status == 200, "\(reply.body)")
        }
        let name = try #require((started.json["state"] as? [String: Any])?["name"] as? String)
        let (status, printed) = server.stop()
        #expect(status == 0, "\(printed)")
        #expect(printed.contains("Stopped."), "\(printed)")

        let web = try events(folder.appendingPathComponent("rehearse/transcripts/\(name).jsonl"))
        #expect(web.last?["type"] as? String == "end" && web.last?["completed"] as? Bool == false, "stopped with the server, every answer kept")
        let terminal = try Rehearse.run(["run", "--seed", "3", "--transcript", folder.appendingPathComponent("terminal.jsonl").path], input: answers.joined(separator: "\n\n") + "\n\n:quit\n")
        #expect(terminal.status == 0, "\(terminal.stderr)")
        let repl = try events(folder.appendingPathComponent("terminal.jsonl"))
        #expect(content(web) == content(repl))
        #expect(content(web).filter { $0.hasPrefix("type=answer") }.count == 3)

        // Restarted: the stopped interview is offered, and continues where it stopped.
        let again = try Server(folder: folder)
        let reopened = try LoopbackHTTP.send(port: again.port, "GET", String(again.address.dropFirst("http://127.0.0.1:\(again.port)".count)))
        let key = try #require(reopened.headers["set-cookie"]?.split(separator: ";").first.map(String.init))
        let headers2 = ["Cookie": key, "Origin": "http://127.0.0.1:\(again.port)"]
        let unfinished = try LoopbackHTTP.send(port: again.port, "GET", "/api/interviews", headers: headers2)
        let stopped = try #require(unfinished.json["stopped"] as? [[String: Any]])
        #expect(stopped.map { $0["name"] as? String } == [name], "\(unfinished.body)")
        let resumed = try LoopbackHTTP.send(port: again.port, "POST", "/api/interviews", headers: headers2, json: ["resume": name, "tab": "t"])
        #expect(resumed.status == 201, "\(resumed.body)")
        #expect((resumed.json["events"] as? [[String: Any]])?.first?["type"] as? String == "resumed")
        #expect(again.stop().status == 0)
    }

    /// The real library's replay names: a saved interview is shown; nothing outside the
    /// transcript folder is, however the name is written.
    @Test func aReplayNameReachesOnlyTheTranscriptFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rehearse/transcripts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A transcript-shaped secret beside the folder, and one a link in the folder points to.
        let recorded = try Rehearse.run(["run", "--seed", "3", "--transcript", folder.appendingPathComponent("secret.jsonl").path], input: "A secret answer 7f3a.\n\n:quit\n")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("rehearse/transcripts/linked.jsonl").path, withDestinationPath: folder.appendingPathComponent("secret.jsonl").path)
        let own = try Rehearse.run(["run", "--seed", "3", "--transcript", folder.appendingPathComponent("rehearse/transcripts/mine.jsonl").path], input: "My own answer 9c1d.\n\n:quit\n")
        #expect(own.status == 0, "\(own.stderr)")

        let server = try Server(folder: folder)
        defer { _ = server.stop() }
        let path = String(server.address.dropFirst("http://127.0.0.1:\(server.port)".count))
        let cookie = try #require(try LoopbackHTTP.send(port: server.port, "GET", path).headers["set-cookie"]?.split(separator: ";").first.map(String.init))
        let headers = ["Cookie": cookie]
        let shown = try LoopbackHTTP.send(port: server.port, "GET", "/replay/mine", headers: headers)
        #expect(shown.status == 200 && shown.body.contains("My own answer 9c1d."), "the check below can fail: \(shown.status)")
        for name in ["..%2Fsecret", "..%2F..%2Fsecret", "%2E%2E%2Fsecret", "..", "linked", "mine.jsonl", "mine%00", "%2Fetc%2Fpasswd", "secret"] {
            let reply = try LoopbackHTTP.send(port: server.port, "GET", "/replay/\(name)", headers: headers)
            #expect(reply.status == 404, "/replay/\(name): \(reply.status)")
            #expect(!reply.body.contains("7f3a"), "/replay/\(name) showed the secret")
        }
    }
}
