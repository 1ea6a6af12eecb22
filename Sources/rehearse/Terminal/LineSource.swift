#if canImport(Glibc)
import Glibc
#endif

/// One read from the candidate.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-D on a terminal, or the end of piped input.
    case end
    /// Ctrl-C.
    case interrupt
}

/// Where answers come from: a line editor on a terminal, plain lines from a pipe.
protocol LineSource {
    mutating func read(prompt: String) -> LineInput
    mutating func remember(_ entry: String)
}

/// Lines from a pipe or file, with no prompts: the output then reads as a plain transcript.
struct PipedLines: LineSource {
    mutating func read(prompt: String) -> LineInput {
        if Interrupts.take() { return .interrupt }
        guard let line = Swift.readLine(strippingNewline: true) else {
            // A read cut short by Ctrl-C returns nothing, like end of input; the flag tells them apart.
            return Interrupts.take() ? .interrupt : .end
        }
        return .line(line)
    }

    mutating func remember(_ entry: String) {}
}

