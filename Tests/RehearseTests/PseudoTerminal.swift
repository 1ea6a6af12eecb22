import Foundation

/// Runs `rehearse` on a pseudo-terminal through util-linux `script`, like a person at a terminal:
/// send keystrokes (Ctrl-C is "\u{3}", Ctrl-D "\u{4}", Tab "\t") and wait for what appears.
final class PseudoTerminal: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        // `exec`, so the shell that script starts is replaced and rehearse is alone in the terminal's
        // foreground process group: a Ctrl-C then reaches only rehearse, as it does from a login shell,
        // and the exit status is rehearse's own rather than how a waiting shell read the signal.
        let command = "exec " + ([Rehearse.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command, "/dev/null"]
        process.currentDirectoryURL = Rehearse.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["SHELL"] = "/bin/sh"
        env["TERM"] = "xterm"
        env["NO_COLOR"] = "1"
        env["LC_ALL"] = "C.UTF-8"
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.buffer.append(data)
            self.lock.unlock()
        }
        try process.run()
    }

    /// Everything shown so far, with carriage returns removed.
    var screen: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }

    /// Waits until `text` has appeared `count` times (at most `timeout` seconds); false if it did not.
    @discardableResult
    func expect(_ text: String, count: Int = 1, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.components(separatedBy: text).count - 1 >= count { return true }
            usleep(20_000)
        }
        return false
    }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Waits for the program to end (bounded) and returns its status.
    func wait(timeout: Double = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        output.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }
}
