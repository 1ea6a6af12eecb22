import Foundation
import Glibc
import Synchronization

/// Section 7: `rehearse serve` under load, from a load generator in this process over loopback:
/// many interviews at once, each answering every question of clinician-behavioral; the time to
/// the next question, whether every answer reached its transcript, and the memory an idle
/// interview holds.
extension RehearseBench {
    static func serveFigures() throws {
        print("7. Browser front (rehearse serve)")
        let interviews = quick ? 50 : 200
        let data = scratch.appendingPathComponent("serve")
        let served = try ServedRehearse(binary: rehearse, data: data)
        defer { served.stop() }
        let server = served.client

        // Idle interviews: opened and left at their first question.
        let before = server.residentBytes()
        let idle = 100
        for index in 0..<idle { _ = try server.post("/api/interviews", ["scenario": "clinician-behavioral", "seed": index, "tab": "idle-\(index)"]) }
        let perIdle = Double(server.residentBytes() - before) / Double(idle)

        let table = Table(columns: [("measure", 64), ("value", 14)])
        table.header()
        table.row("memory per idle interview (server RSS over \(idle) opened)", String(format: "%.0f KiB", perIdle / 1024))
        // A person takes a minute or more over an answer; a pause of 0.5 to 1.5 s is a far harder
        // load. Without pauses, every client sends its next answer at once: the server's capacity.
        for pauses in [true, false] {
            let run = try load(server, interviews: interviews, data: data, pauses: pauses, seed: pauses ? 0 : 1_000)
            let how = pauses ? "0.5–1.5 s between answers" : "no pause (saturated)"
            table.row("\(interviews) interviews at once, \(how)", "\(run.latencies.count) answers")
            table.row("   time to the next question, p50", Measure.format(seconds: Measure.percentile(run.latencies, 0.5)))
            table.row("   time to the next question, p99" + (pauses ? " (target < 50 ms)" : ""), Measure.format(seconds: Measure.percentile(run.latencies, 0.99)))
            table.row("   answers per second, all interviews", String(format: "%.0f", Double(run.latencies.count) / run.wall))
            table.row("   answers lost (not in their transcript; target 0)", "\(run.lost)")
            table.row("   interviews not ended, or failed", "\(run.unfinished + run.failures.count)")
            for failure in run.failures.prefix(3) { print("   failed: \(failure)") }
        }
        print("   one connection per request (Connection: close), as the load generator's threads run; 2 cores shared by both")
        print("")
    }

    struct LoadRun {
        var latencies: [Double]
        var wall: Double
        var lost: Int
        var unfinished: Int
        var failures: [String]
    }

    /// `interviews` clients at once, each answering clinician-behavioral to its end with a
    /// complete story; then every transcript is read back.
    static func load(_ server: ServeClient, interviews: Int, data: URL, pauses: Bool, seed: Int) throws -> LoadRun {
        let latencies = Mutex<[Double]>([])
        let failures = Mutex<[String]>([])
        let names = Mutex<[String: Int]>([:])
        let story = "Last spring I had a client who refused to come to group. I met her one to one, I asked what mattered to her, and I changed the plan with her. She came back to group within three weeks and finished the program."
        let started = Measure.now()
        let threads = (0..<interviews).map { index in
            Thread {
                do {
                    var generator = SeededPause(state: UInt64(seed + index) &* 0x9E37_79B9_7F4A_7C15 | 1)
                    let tab = "load-\(seed + index)"
                    let opened = try server.post("/api/interviews", ["scenario": "clinician-behavioral", "seed": seed + index, "tab": tab])
                    guard let state = opened["state"] as? [String: Any], let id = state["id"] as? String, let name = state["name"] as? String else {
                        throw BenchError("no interview: \(opened)")
                    }
                    var answered = 0
                    var over = false
                    while !over && answered < 40 {
                        if pauses { usleep(UInt32(generator.next(from: 500_000, to: 1_500_000))) }
                        let sent = Measure.now()
                        let reply = try server.post("/api/interviews/\(id)/answer", ["tab": tab, "text": story])
                        latencies.withLock { $0.append(Double(Measure.now() - sent) / 1e9) }
                        answered += 1
                        over = (reply["state"] as? [String: Any])?["over"] as? Bool ?? true
                    }
                    names.withLock { $0[name] = answered }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        threads.forEach { $0.stackSize = 1 << 20; $0.start() }
        while names.withLock({ $0.count }) + failures.withLock({ $0.count }) < interviews { usleep(5_000) }
        let wall = Double(Measure.now() - started) / 1e9
        // Every answer in its transcript, every interview ended.
        var lost = 0, unfinished = 0
        for (name, answered) in names.withLock({ $0 }) {
            let text = (try? String(contentsOf: data.appendingPathComponent("rehearse/transcripts/\(name).jsonl"), encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n")
            lost += max(0, answered - lines.filter { $0.contains("\"type\":\"answer\"") }.count)
            if !(lines.last?.contains("\"type\":\"end\"") ?? false) { unfinished += 1 }
        }
        return LoadRun(latencies: latencies.withLock { $0 }, wall: wall, lost: lost, unfinished: unfinished, failures: failures.withLock { $0 })
    }
}

/// Pauses that are the same in every run.
struct SeededPause {
    var state: UInt64

    mutating func next(from low: Int, to high: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return low + Int(state % UInt64(high - low))
    }
}

private typealias BenchError = RehearseBench.BenchError

/// A `rehearse serve` child with its own data folder.
final class ServedRehearse {
    let process: Process
    let client: ServeClient

    init(binary: String, data: URL) throws {
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": data.path]) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains("?token=") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw BenchError("rehearse serve printed no address") }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let match = seen.range(of: #"127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+)"#, options: .regularExpression) else { throw BenchError("no address in \(seen)") }
        let address = seen[match]
        client = ServeClient(
            pid: process.processIdentifier, port: Int(address.split(separator: ":")[1].split(separator: "/")[0])!,
            cookie: "rehearse_key_\(Int(address.split(separator: ":")[1].split(separator: "/")[0])!)=" + address.components(separatedBy: "token=")[1])
        self.process = process
    }

    func stop() {
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
    }
}

/// A client of the server's API over loopback, one connection per request, for many threads at once.
struct ServeClient: Sendable {
    let pid: Int32
    let port: Int
    let cookie: String

    /// The server's resident memory (VmRSS), in bytes.
    func residentBytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    func post(_ path: String, _ body: [String: Any]) throws -> [String: Any] {
        let json = try JSONSerialization.data(withJSONObject: body)
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nCookie: \(cookie)\r\nContent-Type: application/json\r\nContent-Length: \(json.count)\r\nConnection: close\r\n\r\n"
        let reply = try exchange(Array(head.utf8) + Array(json))
        guard let split = reply.range(of: "\r\n\r\n"), reply.hasPrefix("HTTP/1.1 2") else { throw BenchError("\(path): \(reply.prefix(300))") }
        return (try JSONSerialization.jsonObject(with: Data(reply[split.upperBound...].utf8))) as? [String: Any] ?? [:]
    }

    private func exchange(_ request: [UInt8]) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError("no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { throw BenchError("cannot connect: errno \(errno)") }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw BenchError("write failed") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
