import Foundation
import Testing

/// The build's layer check (Plugins/LayerCheck runs `layer-check` on every library target): an
/// import its layer may not make fails the build, at the import's line and column.
@Suite struct LayerCheckTests {
    static let tool = Rehearse.binary.deletingLastPathComponent().appendingPathComponent("layer-check").path
    let folder = URL(fileURLWithPath: Rehearse.fixture("layers"))

    func check(_ files: [String], allowed: String, stamp: String) throws -> CommandResult {
        let paths = files.map { folder.appendingPathComponent($0).path }.map { "'\($0)'" }.joined(separator: " ")
        return try Rehearse.runShell("exec '\(Self.tool)' InterviewCore '\(stamp)' \(allowed) \(paths)", directory: folder)
    }

    @Test func anImportTheLayerMayNotMakeFailsTheBuild() throws {
        let stamp = FileManager.default.temporaryDirectory.appendingPathComponent("layers-\(UUID().uuidString).swift").path
        let result = try check(["Allowed.swift", "Reaching.swift"], allowed: "Swift,Synchronization", stamp: stamp)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.contains { $0.contains("Reaching.swift:8:9: error: InterviewCore may not import Darwin") }, "a tab is white space too")
        #expect(lines.contains { $0.hasSuffix("Allowed.swift:2:8: error: InterviewCore may not import InterviewCore; its layer may import Swift, Synchronization (Plugins/LayerCheck and docs/architecture.md say why)") })
        #expect(lines.contains { $0.contains("Reaching.swift:3:19: error: InterviewCore may not import Glibc") })
        #expect(lines.contains { $0.contains("Reaching.swift:4:15: error: InterviewCore may not import BuiltInAnalyzers") })
        #expect(!FileManager.default.fileExists(atPath: stamp), "a failed check leaves nothing for the build to compile")
    }

    /// A library target without the plugin would not be checked at all. (Read from the manifest's
    /// text: SwiftPM itself cannot be asked while the tests hold the build folder.)
    @Test func everyLibraryTargetIsChecked() throws {
        let manifest = try String(contentsOf: Rehearse.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var checked: [String] = []
        var rest = manifest[...]
        while let start = rest.range(of: ".target(") {
            // The target's arguments: up to the parenthesis that closes `.target(`.
            var depth = 1
            var end = start.upperBound
            while depth > 0, end < rest.endIndex {
                if rest[end] == "(" { depth += 1 } else if rest[end] == ")" { depth -= 1 }
                end = rest.index(after: end)
            }
            let arguments = rest[start.upperBound..<end]
            let name = arguments.split(separator: "\"").dropFirst().first.map(String.init) ?? "?"
            #expect(arguments.contains("plugins: [\"LayerCheck\"]"), "\(name) is not checked by LayerCheck")
            checked.append(name)
            rest = rest[end...]
        }
        #expect(Set(checked).isSuperset(of: ["InterviewCore", "BuiltInAnalyzers", "SystemIO", "ScenarioXML", "AnalyzerPlugins", "Transcripts", "InterviewKit"]))
    }

    @Test func allowedImportsPassAndLeaveTheStamp() throws {
        let stamp = FileManager.default.temporaryDirectory.appendingPathComponent("layers-\(UUID().uuidString).swift").path
        defer { try? FileManager.default.removeItem(atPath: stamp) }
        let result = try check(["Allowed.swift", "CRLF.swift"], allowed: "Swift,Synchronization,InterviewCore", stamp: stamp)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(try String(contentsOfFile: stamp, encoding: .utf8).hasPrefix("// InterviewCore's imports were checked"))
    }
}
