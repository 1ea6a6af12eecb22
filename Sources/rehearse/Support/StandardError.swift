import ArgumentParser
import InterviewKit
import SystemIO
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// Writes a line to standard error, unbuffered, so messages interleave correctly with output;
/// control characters in it (from a path, a file or a plugin) are made visible.
func printError(_ message: String) {
    writeAll(Array((message.visibleControls + "\n").utf8), to: STDERR_FILENO)
}

/// A failure reported as one line on stderr with a sysexits code, instead of a stack of text.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let code: ExitCode
    /// A message that already says where and what, compiler-style (`t.jsonl:3:1: error: …`), is printed as is.
    var located: Bool {
        // "PLACE:LINE:COLUMN: error: " on the first line.
        guard let line = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first,
            let marker = line.firstRange(of: ": error: ")
        else { return false }
        let numbers = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        return numbers.count >= 3 && numbers.suffix(2).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && !numbers.dropLast(2).joined(separator: ":").isEmpty
    }

    var description: String { message }

    static func noInput(_ message: String) -> CommandFailure { CommandFailure(message: message, code: ExitStatus.noInput) }
    static func data(_ message: String) -> CommandFailure { CommandFailure(message: message, code: ExitStatus.dataError) }
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, code: ExitStatus.usage) }
    static func io(_ message: String) -> CommandFailure { CommandFailure(message: message, code: ExitStatus.ioError) }
}

extension ParsableCommand {
    /// Runs `body`, turning a `CommandFailure` into its one-line message and exit code.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            printError(failure.located ? failure.message : "rehearse: error: \(failure.message)")
            throw failure.code
        } catch let failure as FileWriteError {
            printError("rehearse: error: \(failure)")
            throw CommandFailure.io("\(failure)").code
        }
    }

    /// The same, for an async command.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            printError(failure.located ? failure.message : "rehearse: error: \(failure.message)")
            throw failure.code
        }
    }
}

/// Flushes `print` output, for prompts that do not end a line.
func fflushStandardOutput() {
    fflush(nil)
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
