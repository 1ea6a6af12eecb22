#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import InterviewKit

/// Scenario files written to attack or break Rehearse: each is refused or read safely, with a
/// diagnostic that says where; nothing outside the file is read and no connection is made.
@Suite struct HostileInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    func load(_ name: String) -> ScenarioLoadResult {
        let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        return ScenarioLoader(analyzers: analyzers).load(contentsOf: Self.folder.appendingPathComponent(name).path)
    }

    @Test(arguments: [
        ("xxe-local-file.xml", "doctype", 2), ("billion-laughs.xml", "doctype", 2), ("external-dtd.xml", "doctype", 2),
        ("xinclude.xml", "namespace", 5), ("invalid-utf8.xml", "xml", 3), ("nul-byte.xml", "nul-byte", 2),
    ])
    func refused(file: String, code: String, line: Int) {
        let result = load(file)
        #expect(result.scenario == nil)
        let first = result.diagnostics.first { $0.severity == .error }
        #expect(first?.code == code, "\(result.diagnostics)")
        #expect(first?.location.line == line)
        // Nothing from /etc/passwd appears anywhere.
        #expect(!result.diagnostics.contains { $0.message.contains("root:") })
    }

    @Test(arguments: ["bom-utf8.xml", "crlf.xml", "utf16-le.xml", "utf16-be.xml"])
    func readSafely(file: String) {
        let result = load(file)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.scenario?.title == "Café interview")
    }

    @Test func deepNestingIsRefusedQuickly() {
        let depth = 100_000
        let xml = "<interview xmlns=\"urn:rehearse:scenario:1\" id=\"deep\" version=\"1\">" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</interview>"
        let result = ScenarioLoader(analyzers: .fake).load(xml, file: "deep.xml")
        #expect(result.scenario == nil)
        #expect(result.diagnostics.first?.message.contains("depth") == true, "\(result.diagnostics.prefix(1))")
    }

    @Test func aHugeFileIsRefusedWithoutReadingItAll() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-huge-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // 200 MB, written sparsely so the test stays fast: the loader reads at most its limit plus one byte.
        guard let handle = FileHandle(forWritingAtPath: path) ?? { _ = FileManager.default.createFile(atPath: path, contents: nil); return FileHandle(forWritingAtPath: path) }() else {
            Issue.record("cannot create \(path)")
            return
        }
        try handle.write(contentsOf: Data("<interview>".utf8))
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        let result = ScenarioLoader(analyzers: .fake).load(contentsOf: path)
        #expect(result.diagnostics.map(\.code) == ["file-too-large"])
        #expect(result.diagnostics.first?.message.contains("limited to 8 MiB") == true)
    }

    /// A local listener stands in for the network: loading files that name it must not connect.
    @Test func noConnectionIsEverMade() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(bound == 0)
        #expect(listen(listener, 8) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)

        let url = "http://127.0.0.1:\(port)/x"
        let attempts = [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE interview SYSTEM \"\(url).dtd\">\n<interview xmlns=\"urn:rehearse:scenario:1\" id=\"a\" version=\"1\"/>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE interview [<!ENTITY e SYSTEM \"\(url)\">]>\n<interview xmlns=\"urn:rehearse:scenario:1\" id=\"a\" version=\"1\">&e;</interview>",
            "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"\(url).xsl\"?>\n<interview xmlns=\"urn:rehearse:scenario:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" id=\"a\" version=\"1\"><xi:include href=\"\(url)\"/></interview>",
        ]
        for xml in attempts {
            _ = ScenarioLoader(analyzers: .fake).load(xml, file: "net.xml")
        }
        #expect(accept(listener, nil, nil) < 0, "a scenario file made Rehearse connect to the network")
    }
}
