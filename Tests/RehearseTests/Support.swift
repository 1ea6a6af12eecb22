import Foundation
import Synchronization

/// Runs the built `rehearse` binary, as a user would.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Set when the command ran past its time limit and was killed.
    var timedOut = false
}

enum Rehearse {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The binary beside the test bundle (the same build configuration), else the debug build.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rehearse"),
            Bundle.main.bundleURL.appendingPathComponent("rehearse"),
            packageRoot.appendingPathComponent(".build/debug/rehearse"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Runs the built `rehearse`; with `fileSizeLimit` (bytes, a multiple of 1024) under `ulimit -f`,
    /// so writes past it fail the way they do on a full disk. A command still running after
    /// `timeout` seconds is killed, so that a hang fails its test instead of stalling the run.
    static func run(
        _ arguments: [String], input: String = "", directory: URL? = nil, environment: [String: String] = [:], fileSizeLimit: Int? = nil,
        umask: String? = nil, shell: Bool = false, timeout: Double = 120
    ) throws -> CommandResult {
        let process = Process()
        if shell {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = arguments
        } else if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", binary.path] + arguments
        } else if let fileSizeLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimit / 1024) && exec \"$0\" \"$@\"", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        // Files rather than pipes for input and errors: nothing can fill up and stall.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Transcripts from tests go to the scratch folder, never the user's own.
        if environment["XDG_DATA_HOME"] == nil { process.environment?["XDG_DATA_HOME"] = scratch.path }
        let inputFile = scratch.appendingPathComponent("stdin")
        let errorFile = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let stdout = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let killed = Killed()
        let pid = process.processIdentifier
        let deadline = DispatchWorkItem {
            killed.value = true
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        let errors = try Data(contentsOf: errorFile)
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errors, as: UTF8.self),
            timedOut: killed.value)
    }

    /// Runs a shell command line with `$REHEARSE` set to the binary, for input a test cannot hand
    /// over as a string (`/dev/zero`, say).
    static func runShell(_ command: String, directory: URL, timeout: Double = 60) throws -> CommandResult {
        try run(["-c", command], directory: directory, environment: ["REHEARSE": binary.path], shell: true, timeout: timeout)
    }
}

/// Whether a command's time ran out, set from the timer's thread.
private final class Killed: Sendable {
    private let state = Mutex(false)
    var value: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
