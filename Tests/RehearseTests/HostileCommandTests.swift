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

/// Terminal control characters, files beside the transcript, plugins' children, size limits,
/// inputs that are not regular files, concurrent writers and damaged transcripts: each as a user
/// or an attacker would meet it, through the binary.
@Suite struct HostileFileTests {
    static let plugins = Rehearse.fixtures.appendingPathComponent("plugins")
    /// What an attacker puts in an answer: a window title, a clipboard write, a hyperlink, a screen
    /// clear, NUL, C1 controls, a right-to-left override, and HTML for a Markdown viewer.
    static let hostileAnswer = "Last week I\u{1B}]0;title\u{07} sat\u{1B}]52;c;cHduZWQ=\u{07} with \u{1B}]8;;http://example.invalid/\u{07}him\u{1B}]8;;\u{07}\u{1B}[2J and\u{00} I\u{9B}31m listened\u{9D} <script>alert(1)</script> <img src=x onerror=alert(1)> \u{202E}gnirts. He calmed down."
    static let raw: [Character] = ["\u{1B}", "\u{00}", "\u{9B}", "\u{9D}", "\u{202E}", "\u{07}"]

    static func folder() throws -> URL { try HostileCommandTests.scratchFolder() }

    /// A finished interview whose first answer is `hostileAnswer`, in `folder/t.jsonl`.
    static func hostileTranscript(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("t.jsonl").path
        let result = try Rehearse.run(["run", "--transcript", path], input: hostileAnswer + "\n\n" + "It went well.\n\n", directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    static func expectInert(_ text: String, _ what: String) {
        for character in raw { #expect(!text.contains(character), "\(what) shows \(String(describing: character.unicodeScalars.first!)) raw") }
    }

    @Test func controlCharactersInAnswersNeverReachTheTerminalRaw() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.hostileTranscript(in: folder)
        for arguments in [["replay", path], ["replay", "--format", "markdown", path], ["replay", "--format", "html", path], ["replay", "--reanalyze", path]] {
            let result = try Rehearse.run(arguments, directory: folder)
            Self.expectInert(result.stdout + result.stderr, "\(arguments)")
        }
        let text = try Rehearse.run(["replay", path], directory: folder).stdout
        #expect(text.contains("I\\u{1B}]0;title\\u{7} sat"))
        #expect(text.contains("\\u{202E}gnirts"))
        let markdown = try Rehearse.run(["replay", "--format", "markdown", path], directory: folder).stdout
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"))
        #expect(!markdown.contains("<script>") && !markdown.contains("<img"))
        // JSON keeps the data, as JSON escapes.
        let json = try Rehearse.run(["replay", "--format", "json", path], directory: folder).stdout
        Self.expectInert(json, "replay --format json")
        #expect(json.contains("\\u001b]0;title\\u0007") && json.contains("\\u202E"))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
        // The feedback file beside the transcript too.
        let feedback = try String(contentsOfFile: folder.appendingPathComponent("t.md").path, encoding: .utf8)
        Self.expectInert(feedback, "the feedback file")
        #expect(!feedback.contains("<script>"))
    }

    @Test func controlCharactersInAScenarioAreShownInert() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("s.xml")
        try """
            <interview xmlns="urn:rehearse:scenario:1" id="s" version="1"><title>T\u{9B}2J</title><role>R\u{202E}</role>
            <opening>Hello\u{9D}0;x</opening><closing>Bye</closing>
            <questions><question id="q" kind="general"><ask>Ask \u{202E}this\u{85}</ask><end/></question>
            <question id="r" kind="gen\u{202E}eral"><ask>A?</ask></question></questions></interview>
            """.write(to: scenario, atomically: true, encoding: .utf8)
        for arguments in [["validate", "s.xml"], ["lint", "s.xml"], ["graph", "s.xml"]] {
            let result = try Rehearse.run(arguments, directory: folder)
            #expect(result.status == 65)
            Self.expectInert(result.stdout + result.stderr, "\(arguments)")
            #expect((result.stdout + result.stderr).contains("\\u{202E}"), "\(arguments): \(result.stdout)")
        }
        try String(contentsOf: scenario, encoding: .utf8).replacingOccurrences(of: "gen\u{202E}eral", with: "general").write(to: scenario, atomically: true, encoding: .utf8)
        let run = try Rehearse.run(["run", "s.xml", "--transcript", "r.jsonl"], input: "An answer.\n\n", directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        Self.expectInert(run.stdout + run.stderr, "run")
        #expect(run.stdout.contains("Ask \\u{202E}this"), "\(run.stdout)")
        let graph = try Rehearse.run(["graph", "s.xml"], directory: folder)
        Self.expectInert(graph.stdout, "graph")
    }

    @Test func theFeedbackFileNeverReplacesOrFollowsAnything() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes.md")
        try "my own notes\n".write(to: notes, atomically: true, encoding: .utf8)
        let victim = folder.appendingPathComponent("victim.txt")
        try "untouched\n".write(to: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("notes-2.md").path, withDestinationPath: victim.path)
        let result = try Rehearse.run(["run", "--transcript", "notes.jsonl"], input: "Last week I helped a client. It went well.\n\n", directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my own notes\n")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "untouched\n")
        let feedback = folder.appendingPathComponent("notes-3.md").path
        #expect(result.stdout.contains("Feedback:   notes-3.md") || result.stdout.contains(feedback), "\(result.stdout)")
        #expect(try String(contentsOfFile: feedback, encoding: .utf8).hasPrefix("# Feedback: "))
        #expect(try Self.permissions(feedback) == 0o600)
        #expect(try Self.permissions(folder.appendingPathComponent("notes.jsonl").path) == 0o600)
        // Resuming a finished interview keeps its own feedback file, and no other.
        let again = try Rehearse.run(["run", "--resume", "notes.jsonl"], directory: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes-4.md").path), "\(again.stdout)\(again.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my own notes\n")
    }

    @Test func theHTMLReportIsOwnerOnly() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.hostileTranscript(in: folder)
        let report = folder.appendingPathComponent("report.html").path
        _ = FileManager.default.createFile(atPath: report, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        #expect(try Rehearse.run(["replay", "--format", "html", "-o", report, path], directory: folder).status == 0)
        #expect(try Self.permissions(report) == 0o600)
    }

    @Test func dataFoldersAreOwnerOnlyWhateverTheUmask() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Rehearse.run(
            ["run"], input: "An answer.\n\n", directory: folder, environment: ["XDG_DATA_HOME": folder.appendingPathComponent("data").path], umask: "000")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.permissions(folder.appendingPathComponent("data/rehearse").path) == 0o700)
        #expect(try Self.permissions(folder.appendingPathComponent("data/rehearse/transcripts").path) == 0o700)
        let transcripts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("data/rehearse/transcripts").path)
        #expect(transcripts.count == 2, "\(transcripts)")  // the transcript and its feedback
        for name in transcripts {
            #expect(try Self.permissions(folder.appendingPathComponent("data/rehearse/transcripts/\(name)").path) == 0o600)
        }
        // The folders above Rehearse's own are the user's: made as mkdir -p makes them.
        let usual = try Rehearse.run(
            ["run"], input: "An answer.\n\n", directory: folder, environment: ["XDG_DATA_HOME": folder.appendingPathComponent("usual/data").path], umask: "022")
        #expect(usual.status == 0, "\(usual.stderr)")
        #expect(try Self.permissions(folder.appendingPathComponent("usual/data").path) == 0o755)
        #expect(try Self.permissions(folder.appendingPathComponent("usual/data/rehearse").path) == 0o700)
    }

    static func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }

    /// A plugin that starts a child: the child goes when the plugin does.
    @Test func aPluginsChildrenGoWithIt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("child.pid").path
        let plugin = "exec:\(Self.plugins.appendingPathComponent("forks.sh").path) \(pidFile)"
        let result = try Rehearse.run(["analyze", "--analyzer", plugin, "--analyzer", "star"], input: "I shouted!", directory: folder, timeout: 30)
        #expect(result.status == 0, "\(result.stderr)")
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.gone(pid), "the plugin's child \(pid) outlived rehearse")
        if !Self.gone(pid) { kill(pid, SIGKILL) }
    }

    /// Dead (or a zombie waiting for a parent that never reaps it), within two seconds.
    static func gone(_ pid: Int32) -> Bool {
        for _ in 0..<40 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if stat.split(separator: ")").last?.split(separator: " ").first == "Z" { return true }
            usleep(50_000)
        }
        return false
    }

    /// Devices and oversized files: refused with the limit or what the file is, never read whole.
    @Test func everyInputHasALimit() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.jsonl").path
        _ = FileManager.default.createFile(atPath: big, contents: nil)
        try FileHandle(forWritingAtPath: big)!.truncate(atOffset: 70 << 20)
        let bigText = folder.appendingPathComponent("big.txt").path
        try String(repeating: "I listened. ", count: 400_000).write(toFile: bigText, atomically: true, encoding: .utf8)
        let cases: [([String], String, Int32, String)] = [
            (["replay", "/dev/zero"], "", 66, "is a character device, not a regular file"),
            (["analyze", "--file", "/dev/zero"], "", 66, "is a character device, not a regular file"),
            (["eval", "/dev/zero"], "", 66, "is a character device, not a regular file"),
            (["replay", big], "", 65, "over 64 MiB, the limit for a transcript"),
            (["run", "--resume", big], "", 65, "over 64 MiB"),
            (["analyze", "--file", bigText], "", 65, "more than 4 MiB, the limit for one answer"),
            (["analyze"], String(repeating: "I listened. ", count: 400_000), 65, "more than 4 MiB, the limit for one answer"),
            (["run", "--transcript", "long.jsonl"], String(repeating: "I listened. ", count: 400_000), 65, "over 4 MiB, the limit for one answer"),
        ]
        for (arguments, input, status, message) in cases {
            let result = try Rehearse.run(arguments, input: input, directory: folder, timeout: 60)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        // Standard input of /dev/zero, through a shell: bounded, and the answers before are kept.
        let zero = try Rehearse.runShell("exec \"$REHEARSE\" analyze < /dev/zero", directory: folder)
        #expect(zero.status == 65 && zero.stderr.contains("limit for one answer"), "\(zero.stderr)")
        let run = try Rehearse.runShell("(printf 'First answer.\\n\\n'; cat /dev/zero) | \"$REHEARSE\" run --transcript z.jsonl", directory: folder)
        #expect(run.status == 65 && run.stderr.contains("the answers before it are saved"), "\(run.stderr)")
        #expect(try String(contentsOfFile: folder.appendingPathComponent("z.jsonl").path, encoding: .utf8).contains("First answer."))
    }

    /// A FIFO where a file belongs is refused at once, naming it, wherever it is named.
    @Test func onlyRegularFilesAreOpened() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.hostileTranscript(in: folder)
        let fifo = folder.appendingPathComponent("fifo.xml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The transcript's header names the FIFO as its scenario.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let pointed = folder.appendingPathComponent("pointed.jsonl").path
        let header = text.prefix { $0 != "\n" }
        let rewritten = header.replacingOccurrences(of: "\"path\":\"[^\"]*\"", with: "\"path\":\"\(fifo)\"", options: .regularExpression)
        try (rewritten + text.drop { $0 != "\n" }).write(toFile: pointed, atomically: true, encoding: .utf8)
        let tests = folder.appendingPathComponent("tests")
        try FileManager.default.createDirectory(at: tests, withIntermediateDirectories: true)
        #expect(mkfifo(tests.appendingPathComponent("zz.jsonl").path, 0o600) == 0)
        for (arguments, message) in [
            (["replay", "--reanalyze", pointed], "fifo.xml:1:1: error: this is a FIFO (named pipe), not a regular file"),
            (["run", "--resume", pointed], "is a FIFO (named pipe), not a regular file"),
            (["validate", fifo], "is a FIFO (named pipe), not a regular file"),
            (["test", tests.path], "it is a FIFO (named pipe), not a regular file"),
            (["replay", tests.appendingPathComponent("zz.jsonl").path], "it is a FIFO (named pipe), not a regular file"),
        ] {
            let result = try Rehearse.run(arguments, directory: folder, timeout: 10)
            #expect(!result.timedOut, "\(arguments) hung")
            #expect(result.status != 0)
            #expect((result.stdout + result.stderr).contains(message), "\(arguments): \(result.stdout)\(result.stderr)")
        }
    }

    /// One interview, one writer: a second `run --resume` while the first is running is refused,
    /// naming the process that holds it, and nothing is written twice.
    @Test func aTranscriptHasOneWriterAtATime() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.jsonl").path
        let first = Process()
        first.executableURL = Rehearse.binary
        first.arguments = ["run", "--transcript", path]
        first.environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": folder.path]) { $1 }
        let input = Pipe()
        first.standardInput = input
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        defer {
            try? input.fileHandleForWriting.close()
            first.waitUntilExit()
        }
        // The first answer, then the first interview waits for the next one.
        input.fileHandleForWriting.write(Data("Last week I helped a client to calm down.\n\n".utf8))
        for _ in 0..<200 where !((try? String(contentsOfFile: path, encoding: .utf8))?.contains("calm down") ?? false) { usleep(25_000) }
        let second = try Rehearse.run(["run", "--resume", path], input: "Another answer.\n\n", directory: folder, timeout: 30)
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.contains("is open in another interview (process \(first.processIdentifier) is writing it)"), "\(second.stderr)")
        let before = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!before.contains("Another answer."))
    }

    /// Events one writer cannot have written are warned about when the transcript is shown.
    @Test func contradictoryEventsAreWarnedAbout() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.hostileTranscript(in: folder)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        // A stop writes an end that is not completed, and resuming goes on after it: no warning.
        #expect(!(try Rehearse.run(["replay", path], directory: folder)).stderr.contains("two sessions"))
        let answer = try #require(lines.first { $0.contains("\"type\":\"answer\"") })
        let end = try #require(lines.last).replacingOccurrences(of: "\"completed\":false", with: "\"completed\":true")
        #expect(end.contains("\"completed\":true"))
        let doubled = folder.appendingPathComponent("doubled.jsonl").path
        try (lines.dropLast().map(String.init) + [end, String(answer), end]).joined(separator: "\n").appending("\n").write(toFile: doubled, atomically: true, encoding: .utf8)
        let result = try Rehearse.run(["replay", doubled], directory: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("doubled.jsonl:\(lines.count + 1):1: warning: a 'answer' event after the interview's end; was this transcript written by two sessions at once?"), "\(result.stderr)")
        #expect(result.stderr.contains("doubled.jsonl:\(lines.count + 2):1: warning: a 'end' event after the interview's end"), "\(result.stderr)")
    }

    /// One damaged line hides nothing else: replay shows the rest, resume and re-analysis say why not.
    @Test func aDamagedLineDoesNotHideTheInterview() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.hostileTranscript(in: folder)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let thirdLine = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[1] + 5
        bytes[thirdLine] = 0xFF
        let damaged = folder.appendingPathComponent("damaged.jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let replay = try Rehearse.run(["replay", damaged], directory: folder)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stderr.contains("damaged.jsonl:3:1: warning: not a JSON object; the transcript is damaged here; this line is passed over"), "\(replay.stderr)")
        #expect(replay.stdout.contains("It went well."))
        for (arguments, purpose) in [(["run", "--resume", damaged], "resume"), (["replay", "--reanalyze", damaged], "re-analyse")] {
            let result = try Rehearse.run(arguments, directory: folder)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("damaged.jsonl:3:1: error: not a JSON object; the transcript is damaged here; cannot \(purpose) a damaged transcript"), "\(result.stderr)")
            #expect(result.stderr.contains("`\(Rehearse.binary.path) replay \(damaged)` shows every event that can be read"), "\(result.stderr)")
        }
        // Numbers out of range name their field.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for (field, replacement, message) in [
            ("seed", "1e999", "the header's 'seed' is out of range: 1e999 is too large a number"),
            ("seed", "-1", "the header's 'seed' is out of range: -1; it must be a whole number from 0 to 18446744073709551615"),
            ("seconds", "1e999", "'seconds' is out of range: 1e999 is too large a number"),
        ] {
            let changed = text.replacingOccurrences(of: "\"\(field)\":[0-9.]+", with: "\"\(field)\":\(replacement)", options: .regularExpression)
            let file = folder.appendingPathComponent("range.jsonl").path
            try changed.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try Rehearse.run(["replay", file], directory: folder)
            #expect(result.stderr.contains(message), "\(field)=\(replacement): \(result.stderr)")
        }
    }
}
