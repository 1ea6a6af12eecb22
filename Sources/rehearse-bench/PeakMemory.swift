import Foundation

/// Peak memory (max RSS) of another program, measured by the small `rehearse-peak` helper so the
/// benchmark's own size does not count (see Sources/rehearse-peak/main.c for why).
enum PeakMemory {
    static let helper = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("rehearse-peak").path

    /// The program's peak, formatted: "38.2 MiB", or "≤ 1.1 MiB" when it stayed under the helper's own.
    static func of(_ program: String, _ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: helper)
        process.arguments = [program] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "?" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard process.terminationStatus == 0, fields.count == 3 else { return "?" }
        let mib = { (kib: Int) in String(format: "%.1f MiB", Double(kib) / 1024) }
        return fields[0] > fields[2] ? mib(fields[0]) : "≤ " + mib(fields[2])
    }
}
