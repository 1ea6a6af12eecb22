import Foundation
import SystemIO

/// Runs a program to completion and reports its wall time and peak memory, from wait4's rusage.
struct ChildRun {
    var seconds: Double
    var maxRSSKiB: Int
    /// Its wait status.
    var status: Int32

    /// How it ended.
    var exit: ChildExit { ChildExit(waitStatus: status) }

    /// Runs `path` with standard input from `stdinPath` (or /dev/null) and its output and errors
    /// thrown away; nil when it cannot be started or waited for.
    static func run(_ path: String, _ arguments: [String], stdinPath: String? = nil) -> ChildRun? {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let pid = try? ProcessSpawner.spawn(
            path, arguments, standardInput: .file(stdinPath ?? "/dev/null", flags: O_RDONLY),
            standardOutput: .file("/dev/null", flags: O_WRONLY), standardError: .file("/dev/null", flags: O_WRONLY))
        else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        // wait4 rather than ProcessSpawner.waitForExit: the child's resource usage comes with it.
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return ChildRun(seconds: elapsed, maxRSSKiB: Int(usage.ru_maxrss), status: status)
    }

    /// The full path of a program on PATH, if it is installed.
    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
