import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// Writes a line to standard error, unbuffered, so messages interleave correctly with output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// A failure reported as one line on stderr with a sysexits code, instead of a stack of text.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let code: ExitCode

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
            printError("rehearse: error: \(failure.message)")
            throw failure.code
        }
    }
}

/// Flushes `print` output, for prompts that do not end a line.
func fflushStandardOutput() {
    fflush(nil)
}
