import CLibXML2
import Foundation
import Synchronization
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

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

    // MARK: A DOCTYPE anywhere in the prologue

    static let prologue = folder.appendingPathComponent("prologue")
    static let marker = "REHEARSE-HOSTILE-MARKER-5d1c"
    static let prologueVariants: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: prologue.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }()

    @Test func everyPrologueVariantIsThere() {
        // Seven prologues in nine encodings (generate.py); a missing file would pass silently.
        #expect(Self.prologueVariants.count == 63)
    }

    /// `marker.txt` beside each variant holds the marker: refused, and the marker is nowhere.
    @Test(arguments: prologueVariants)
    func aDoctypeIsRefusedWhateverPrecedesIt(variant: String) {
        let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let result = ScenarioLoader(analyzers: analyzers).load(contentsOf: Self.prologue.appendingPathComponent(variant).path)
        #expect(result.scenario == nil)
        let codes = result.diagnostics.filter { $0.severity == .error }.map(\.code)
        // UTF-16 without a byte order mark that starts with white space is not detected as UTF-16.
        let expected = variant.hasPrefix("whitespace.utf16") && !variant.contains("bom") ? ["nul-byte"] : ["doctype"]
        #expect(codes == expected, "\(result.diagnostics)")
        #expect(!"\(result.diagnostics)".contains(Self.marker))
    }

    /// With `marker.txt` a FIFO, opening it would block until a writer comes: a variant must be
    /// refused within a second. On a hang the FIFO is opened for writing, which lets the reader go.
    @Test(arguments: prologueVariants)
    func aDoctypeNeverOpensWhatItNames(variant: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(variant)
        try FileManager.default.copyItem(at: Self.prologue.appendingPathComponent(variant), to: file)
        let fifo = folder.appendingPathComponent("marker.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(HostileInputTests.finishes(within: 1, unblocking: fifo) {
            _ = ScenarioLoader(analyzers: .fake).load(contentsOf: file.path)
        })
    }

    /// The external entity loader refuses a scenario parse's loads even where the parser would ask
    /// for them: here libxml2's own tree builder, with DTD loading and entity substitution on.
    @Test func theEntityLoaderRefusesEveryLoadOfAScenarioParse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("marker.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let xml = Array("<!DOCTYPE a SYSTEM \"marker.txt\" [<!ENTITY x SYSTEM \"marker.txt\">]><a>&x;</a>".utf8)
        let base = folder.appendingPathComponent("doc.xml").path
        #expect(HostileInputTests.finishes(within: 1, unblocking: fifo) {
            rehearse_xml_silence_generic_errors()
            guard let context = xmlNewParserCtxt() else { return }
            defer { xmlFreeParserCtxt(context) }
            let options = Int32(bitPattern: XML_PARSE_NOENT.rawValue | XML_PARSE_DTDLOAD.rawValue | XML_PARSE_NOERROR.rawValue)
            let document = ExternalEntityGuard.refusingLoads(for: context) {
                xml.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlCtxtReadMemory(context, $0, Int32(buffer.count), base, "UTF-8", options)
                    }
                }
            }
            if let document { xmlFreeDoc(document) }
        })
    }

    /// Runs `body` on a thread of its own and says whether it returned within `seconds`. If it did
    /// not, the FIFO at `fifo` is opened for writing and closed, so the blocked reader sees its end.
    static func finishes(within seconds: Double, unblocking fifo: String, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .success { return true }
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        if writer >= 0 { close(writer) }
        _ = done.wait(timeout: .now() + 10)
        return false
    }

    // MARK: Shapes that once took quadratic time

    /// libxml2 2.9 compares each attribute of a tag with every earlier one, so a tag's attributes are limited.
    @Test func aTagWithTooManyAttributesIsRefusedAtTheTag() {
        let result = load("too-many-attributes.xml")
        #expect(result.scenario == nil)
        #expect(result.diagnostics.map(\.code) == ["too-many-attributes"])
        #expect(result.diagnostics.first?.message == "this start tag has 300 attributes; an element may have at most 256")
        #expect(result.diagnostics.first?.location.line == 3)
        #expect(result.diagnostics.first?.location.column == 3)
    }

    /// Past 100 errors the rest are counted in one note, not described.
    @Test func errorsPastTheLimitAreCountedInANote() {
        let result = load("many-unknown-attributes.xml")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 100)
        #expect(errors.allSatisfy { $0.code == "unknown-attribute" })
        let note = result.diagnostics.last
        #expect(note?.code == "too-many-errors")
        #expect(note?.message.hasPrefix("50 more errors not shown") == true, "\(String(describing: note))")
    }

    /// A file on one line: columns far along the line are counted from checkpoints, and must be
    /// the same as counting every scalar from the line's start (multi-byte ones among them).
    @Test func columnsOnOneLongLineAreExact() {
        var xml = "<interview xmlns=\"urn:rehearse:scenario:1\" id=\"one\" version=\"1\"><title>Café</title><role>R</role><opening>O</opening><closing>C</closing><questions>"
        for index in 0..<400 {
            xml += "<question id=\"q\(index)\"><ask>Quand avez-vous aidé un client, numéro \(index) — « vraiment » ?</ask><end/></question>"
        }
        xml += "<question id=\"last\" colour=\"red\"><ask>A?</ask><end/></question></questions></interview>"
        #expect(!xml.contains("\n"))
        let result = ScenarioLoader(analyzers: .fake).load(xml, file: "one.xml")
        let error = result.diagnostics.first { $0.code == "unknown-attribute" }
        let expected = xml.unicodeScalars.count - xml.components(separatedBy: "colour=")[1].unicodeScalars.count - "colour=".unicodeScalars.count + 1
        #expect(error?.location.line == 1)
        #expect(error?.location.column == expected, "\(String(describing: error))")
        // And an attribute value's position, found from a checkpoint as well.
        let broken = xml.replacingOccurrences(of: "id=\"last\"", with: "id=\"la st\"")
        let bad = ScenarioLoader(analyzers: .fake).load(broken, file: "one.xml").diagnostics.first { $0.severity == .error }
        let valueColumn = broken.unicodeScalars.count - broken.components(separatedBy: "id=\"la st")[1].unicodeScalars.count - "la st".unicodeScalars.count + 1
        #expect(bad?.location.column ?? 0 >= valueColumn, "\(String(describing: bad))")
        #expect(bad?.location.column ?? .max <= valueColumn + 5, "\(String(describing: bad))")
    }
}
