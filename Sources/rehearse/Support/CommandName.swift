import FoundationEssentials
import Glibc

/// The program as the user ran it, for messages that tell them a command to type: `rehearse` when
/// that name on PATH is this very program, else the path they typed (`.build/release/rehearse`,
/// which is what `swift run` runs too).
enum CommandName {
    static let invoked: String = {
        let typed = CommandLine.arguments.first ?? "rehearse"
        guard let this = realPath(typed) ?? realPath("/proc/self/exe") else { return typed }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            if realPath("\(folder)/rehearse") == this { return "rehearse" }
        }
        return typed.contains("/") ? typed : (realPath("/proc/self/exe") ?? typed)
    }()

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
