import Foundation
import Testing

/// The token embeddings as a user meets them: read from the installed model files when an answer
/// is analysed, recorded in the analyzers' versions, and when missing or damaged, one line that
/// says so while everything else goes on.
@Suite struct EmbeddingInstallTests {
    static let story = "Last spring a father shouted at me in the lobby because his son's intake had been cancelled twice. "
        + "I sat with him, called the scheduler, and his son was seen that Thursday; he thanked me at the next visit."

    static func analyze(_ environment: [String: String]) throws -> CommandResult {
        try Rehearse.run(["analyze", "--json", "--kind", "behavioral", "--question", "Tell me about an angry client."], input: story, environment: environment)
    }

    @Test func missingModelFilesGiveOneNoteAndTheSameKindOfAnalysis() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-no-model-\(UUID().uuidString)").path
        let result = try Self.analyze(["REHEARSE_MODEL_DIR": missing])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stderr.split(separator: "\n")
        #expect(notes.count == 1, "\(result.stderr)")
        #expect(notes.first?.hasPrefix("note: the all-MiniLM-L6-v2 token embeddings are not installed (looked in \(missing))") == true)
        #expect(notes.first?.contains("scripts/bootstrap installs them") == true)
        #expect(result.stdout.contains("\"followup\" : \"none\""), "\(result.stdout)")
        // Nothing that analyses no answer reads them, or says anything about them.
        let version = try Rehearse.run(["--version"], environment: ["REHEARSE_MODEL_DIR": missing])
        #expect(version.status == 0 && version.stderr.isEmpty)
        let validate = try Rehearse.run(["validate", Rehearse.packageRoot.appendingPathComponent("Scenarios/quick-start.xml").path], environment: ["REHEARSE_MODEL_DIR": missing])
        #expect(validate.status == 0 && validate.stderr.isEmpty, "\(validate.stderr)")
    }

    @Test func damagedModelFilesSaySoAndTheAnalysisGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bad-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[PAD]\n[UNK]\nhello\n".write(to: folder.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        try Data([1, 2, 3]).write(to: folder.appendingPathComponent("model.safetensors"))
        let result = try Self.analyze(["REHEARSE_MODEL_DIR": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "note: the all-MiniLM-L6-v2 token embeddings in \(folder.path) do not read "
            + "(\(folder.path)/model.safetensors: too short to be a safetensors file); the analysis goes on without them.\n")
    }

    @Test(.enabled(if: TokenEmbeddingInstall.installed, "needs the model files (scripts/bootstrap)"))
    func installedModelFilesAreUsedAndRecorded() throws {
        let result = try Self.analyze([:])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-emb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl")
        let run = try Rehearse.run(
            ["run", "--seed", "1", "--no-probes", "--transcript", transcript.path, Rehearse.packageRoot.appendingPathComponent("Scenarios/quick-start.xml").path],
            input: Self.story + "\n\n" + Self.story + "\n\nI want to pass my LCSW exam by next June.\n\n")
        #expect(run.status == 0, "\(run.stderr)")
        let header = try String(contentsOf: transcript, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("2.1-model+embeddings"), "\(header)")
        #expect(header.contains("1.1+embeddings"), "\(header)")
    }
}

/// Whether the model files are where the binary looks for them by default.
enum TokenEmbeddingInstall {
    static var installed: Bool {
        let environment = ProcessInfo.processInfo.environment
        var folders = ["/usr/local/share/rehearse/models/all-MiniLM-L6-v2", "/usr/share/rehearse/models/all-MiniLM-L6-v2"]
        if let home = environment["HOME"] { folders.insert(home + "/.local/share/rehearse/models/all-MiniLM-L6-v2", at: 0) }
        if let data = environment["XDG_DATA_HOME"] { folders.insert(data + "/rehearse/models/all-MiniLM-L6-v2", at: 0) }
        return folders.contains { FileManager.default.fileExists(atPath: $0 + "/model.safetensors") }
    }
}
