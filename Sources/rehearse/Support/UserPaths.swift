import FoundationEssentials
import Glibc

/// Where things live for the user running Rehearse: XDG base directories and programs on PATH.
enum UserPaths {
    /// `$VARIABLE` when set and not empty, else `~/FALLBACK` (e.g. `XDG_STATE_HOME`, `.local/state`).
    static func baseDirectory(_ variable: String, fallback: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let value = environment[variable], !value.isEmpty { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? getpwuid(getuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } } ?? "/"
        return home + "/" + fallback
    }

    /// A path as given when it has a '/', otherwise the first executable of that name on PATH.
    static func program(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
