import Foundation
import Testing

/// Hostile input through the built binary, as an attacker would hand it over: every command
/// refuses it in bounded time, and nothing it names is opened or shown.
@Suite struct HostileCommandTests {
    static let hostile = Rehearse.packageRoot.appendingPathComponent("Tests/Fixtures/hostile")
    static let marker = "REHEARSE-HOSTILE-MARKER-5d1c"

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The double byte order mark once let a DOCTYPE past a byte scan; with the entity's target a
    /// FIFO, opening it would block `validate`, `lint` and `run` for ever.
    @Test(arguments: [["validate"], ["lint"], ["run"], ["graph"]])
    func aDoctypeBehindTwoByteOrderMarksOpensNothing(command: [String]) throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for variant in ["plain.utf8-two-boms.xml", "declaration.utf16le-bom-feff.xml"] {
            try FileManager.default.copyItem(
                at: Self.hostile.appendingPathComponent("prologue/\(variant)"), to: folder.appendingPathComponent(variant))
            let fifo = folder.appendingPathComponent("marker.txt").path
            try? FileManager.default.removeItem(atPath: fifo)
            #expect(mkfifo(fifo, 0o600) == 0)
            let started = Date()
            let result = try Rehearse.run(command + [variant], directory: folder, timeout: 10)
            #expect(!result.timedOut, "\(command) \(variant) hung")
            #expect(Date().timeIntervalSince(started) < 5)
            #expect(result.status == 65, "\(command) \(variant): \(result.stderr)\(result.stdout)")
            #expect((result.stdout + result.stderr).contains("DOCTYPE declarations are not allowed"))
        }
    }

    /// With the entity's target a file holding a marker, the marker never reaches the output.
    @Test(arguments: [["validate"], ["lint"], ["run"], ["graph"]])
    func aDoctypeNeverShowsWhatItNames(command: [String]) throws {
        let variants = try FileManager.default.contentsOfDirectory(atPath: Self.hostile.appendingPathComponent("prologue").path)
            .filter { $0.hasSuffix(".xml") }
        for variant in variants {
            let result = try Rehearse.run(command + ["prologue/\(variant)"], directory: Self.hostile, timeout: 10)
            #expect(result.status == 65, "\(command) \(variant)")
            #expect(!(result.stdout + result.stderr).contains(Self.marker), "\(command) \(variant)")
        }
    }
}
