import Foundation
import Testing

/// Bad input at every command: a clear error that says what to do, and a sysexits code
/// (64 usage, 65 data, 66 no input, 74 I/O). Never a crash, never a silent success.
@Suite struct BadInputTests {
    /// A folder with an empty scenario, an empty transcript, an empty test file and a directory named like a file.
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bad-input-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.xml"), withIntermediateDirectories: true)
        for name in ["empty.xml", "empty.jsonl", "empty.test.json", "empty.txt"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
        }
        return folder
    }()

    @Test(arguments: [
        // Missing files: 66.
        (["validate", "missing.xml"], 66, "missing.xml:1:1: error: no such file; check the path"),
        (["lint", "missing.xml"], 66, "missing.xml:1:1: error: no such file"),
        (["graph", "missing.xml"], 66, "no such file"),
        (["run", "missing.xml"], 66, "cannot open the scenario missing.xml"),
        (["run", "--resume", "missing.jsonl"], 66, "cannot read the transcript missing.jsonl: no such file"),
        (["replay", "missing.jsonl"], 66, "cannot read the transcript missing.jsonl: no such file"),
        (["analyze", "--file", "missing.txt"], 66, "no such file missing.txt"),
        (["eval", "missing.jsonl"], 66, "no such file missing.jsonl"),
        (["test", "missing"], 66, "no such file or folder missing"),
        // A directory where a file belongs: 66.
        (["validate", "dir.xml"], 66, "this is a directory; name a scenario .xml file inside it"),
        (["run", "dir.xml"], 66, "this is a directory"),
        (["replay", "dir.xml"], 66, "it is a directory"),
        (["analyze", "--file", "dir.xml"], 66, "dir.xml is a directory; name a text file"),
        (["eval", "dir.xml"], 66, "dir.xml is a directory"),
        // Empty files: 65.
        (["validate", "empty.xml"], 65, "empty.xml:1:1: error: file is empty; a scenario starts with an <interview> element"),
        (["run", "empty.xml"], 65, "file is empty"),
        (["replay", "empty.jsonl"], 65, "empty.jsonl:1:1: error: the transcript is empty; it should start with a header line"),
        (["run", "--resume", "empty.jsonl"], 65, "the transcript is empty"),
        (["analyze", "--file", "empty.txt"], 65, "there is no answer to analyse: empty.txt is empty"),
        (["eval", "empty.jsonl"], 65, "empty.jsonl has no answers to score"),
        (["test", "empty.test.json"], 65, "empty.test.json:1:1: error: the file is empty"),
        // Unknown analyzers and conflicting or invalid options: 64.
        (["run", "--analyzer", "nope"], 64, "unknown analyzer 'nope'; available: star, smart, delivery, competency"),
        (["analyze", "--analyzer", "star,nope"], 64, "unknown analyzer 'nope'"),
        (["lint", "--analyzer", "nope", "empty.xml"], 64, "unknown analyzer 'nope'"),
        (["run", "--no-probes", "--max-probes", "2"], 64, "--no-probes and --max-probes contradict each other"),
        (["run", "--seed", "abc"], 64, "The value 'abc' is invalid for '--seed <seed>'"),
        (["replay", "--format", "pdf", "empty.jsonl"], 64, "The value 'pdf' is invalid for '--format <format>'"),
        (["test", "empty.xml"], 64, "is neither a scenario test (NAME.test.json) nor a transcript (.jsonl)"),
        (["test", "--jobs", "0", "missing"], 64, "--jobs must be at least 1"),
    ] as [([String], Int32, String)])
    func failsClearly(arguments: [String], status: Int32, message: String) throws {
        let result = try Rehearse.run(arguments, directory: Self.folder)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        // validate and lint print their diagnostics on standard output, like a compiler's report.
        #expect((result.stderr + result.stdout).contains(message), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        // Our own errors are one line (the scenario's own diagnostics come first, compiler-style).
        if result.stderr.contains("rehearse: error:") {
            #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("rehearse: error:") }.count == 1)
            #expect(!result.stderr.contains("rehearse: error: " + "empty.jsonl:1:1"))
        }
    }

    @Test func emptyStandardInputIsNoAnswer() throws {
        let result = try Rehearse.run(["analyze", "--json"], input: "  \n")
        #expect(result.status == 65)
        #expect(result.stderr == "rehearse: error: there is no answer to analyse: standard input is empty; write the answer there, or pipe it in\n")
        #expect(result.stdout.isEmpty)
    }
}
