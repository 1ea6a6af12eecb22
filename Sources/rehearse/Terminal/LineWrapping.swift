import Glibc

/// Lines broken at spaces to fit the terminal, never inside a word; a continuation lines up under
/// the text after the line's indentation and bullet ("- ", "✓ ", "3. "). Output that is not a
/// terminal is left as it is, so that a pipe or a file gets whole lines.
enum LineWrapping {
    /// The width of the terminal on standard output, read each time (it can be resized); nil when
    /// standard output is not a terminal.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 80
    }

    /// The offsets (in characters of `text`) of the spaces that become line breaks, each with the
    /// indentation of the line it starts. Width is counted in terminal columns, so a line of
    /// Chinese or emoji fits as well as one of Latin letters.
    static func breaks(in text: String, width: Int) -> [(offset: Int, indent: Int)] {
        var result: [(Int, Int)] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let characters = Array(line)
            let indent = hangingIndent(characters)
            var column = 0
            var lastSpace: Int?
            // Columns taken since the last space, which move to the next line with the word.
            var sinceSpace = 0
            var index = 0
            while index < characters.count {
                let columns = TerminalColumns.width(of: characters[index])
                if characters[index] == " " && index >= indent {
                    lastSpace = index
                    sinceSpace = 0
                } else {
                    sinceSpace += columns
                }
                column += columns
                if column > width, let space = lastSpace {
                    result.append((offset + space, indent))
                    column = indent + sinceSpace
                    lastSpace = nil
                }
                index += 1
            }
            offset += characters.count + 1
        }
        return result
    }

    private static let bullets: [String] = ["- ", "✓ ", "✗ ", "· ", "• "]

    private static func hangingIndent(_ line: [Character]) -> Int {
        let spaces = line.prefix { $0 == " " }.count
        let rest = String(line.dropFirst(spaces).prefix(5))
        if let bullet = bullets.first(where: { rest.hasPrefix($0) }) { return spaces + bullet.count }
        // "12. " numbers a question.
        let digits = rest.prefix { $0.isNumber }.count
        if digits > 0, rest.dropFirst(digits).hasPrefix(". ") { return spaces + digits + 2 }
        return spaces
    }

    /// `text` with its breaks made: each breaking space becomes a newline and the indentation.
    static func wrap(_ text: String, width: Int) -> String {
        wrap([text], width: width)[0]
    }

    /// `pieces` (of one text, told apart by their styling) with the breaks of the whole made in
    /// whichever piece holds each.
    static func wrap(_ pieces: [String], width: Int) -> [String] {
        let breaks = breaks(in: pieces.joined(), width: width)
        guard !breaks.isEmpty else { return pieces }
        var next = 0
        var offset = 0
        return pieces.map { piece in
            var result = ""
            for character in piece {
                if next < breaks.count && breaks[next].offset == offset {
                    result += "\n" + String(repeating: " ", count: breaks[next].indent)
                    next += 1
                } else {
                    result.append(character)
                }
                offset += 1
            }
            return result
        }
    }
}
