#if canImport(Glibc)
import Glibc
#endif
import InterviewKit

/// One read from the candidate.
enum LineInput: Equatable {
    case line(String)
    /// A bracketed paste (with what was typed before it on the line): one block, blank lines and all.
    case paste(String)
    /// Ctrl-D on a terminal, or the end of piped input.
    case end
    /// Ctrl-C, with what was typed of the line so far (none from a pipe).
    case interrupt(partial: String?)

    static let interrupt = LineInput.interrupt(partial: nil)
}

/// Where answers come from: a line editor on a terminal, plain lines from a pipe.
protocol LineSource {
    mutating func read(prompt: String) -> LineInput
    mutating func remember(_ entry: String)
}

/// Lines from a pipe or file, with no prompts: the output then reads as a plain transcript.
///
/// Reads standard input with read(2) rather than Swift's readLine: after a signal interrupts
/// getline, readLine retries forever on stdin's error flag, so SIGTERM would hang the session.
///
/// A line longer than an answer may be is handed over at the limit, and nothing more is read:
/// the session then refuses the answer, so `/dev/zero` on standard input ends with an error
/// instead of filling memory.
struct PipedLines: LineSource {
    private var buffer: [UInt8] = []
    /// How much of `buffer` is known to hold no line feed, so no byte is searched twice.
    private var searched = 0
    private var reachedEnd = false

    mutating func read(prompt: String) -> LineInput {
        while true {
            if Interrupts.take() { return .interrupt }
            if Interrupts.terminating { return .end }
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                searched = 0
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            searched = buffer.count
            if buffer.count > InputLimits.answerBytes {
                reachedEnd = true
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return .end }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            guard Interrupts.waitForInput(on: STDIN_FILENO) else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                reachedEnd = true
            }
            // EINTR: loop, and let the flags above say what the signal meant.
        }
    }

    mutating func remember(_ entry: String) {}
}
