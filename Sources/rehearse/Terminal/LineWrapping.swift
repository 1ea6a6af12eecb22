import Glibc
import InterviewKit

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

    /// Where `text` is broken: at `offset` (in characters of `text`) a line break, indented by
    /// `indent`, either replaces a space (`replacesSpace`) or goes in before the character there
    /// (between two characters of a script written without spaces, such as Chinese).
    struct Break {
        var offset: Int
        var indent: Int
        var replacesSpace: Bool
    }

    /// The breaks that fit `text` to `width` terminal columns: at spaces, never inside a word;
    /// a run of wide characters (Chinese, Japanese) breaks between any two of them, though never
    /// before punctuation. Width is counted in columns, so a wide character counts two.
    static func breaks(in text: String, width: Int) -> [Break] {
        var result: [Break] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let characters = Array(line)
            let indent = hangingIndent(characters)
            var column = 0
            var opportunity: (index: Int, replacesSpace: Bool)?
            // Columns taken since the opportunity, which move to the next line with it.
            var since = 0
            for index in characters.indices {
                let character = characters[index]
                let columns = TerminalColumns.width(of: character)
                if character == " " && index >= indent {
                    opportunity = (index, true)
                    since = 0
                } else if index > indent && canBreakBefore(characters, index) {
                    opportunity = (index, false)
                    since = columns
                } else {
                    since += columns
                }
                column += columns
                if column > width, let found = opportunity {
                    result.append(Break(offset: offset + found.index, indent: indent, replacesSpace: found.replacesSpace))
                    column = indent + since
                    opportunity = nil
                }
            }
            offset += characters.count + 1
        }
        return result
    }

    /// Between two characters of which one is wide, unless the second is punctuation (a comma or
    /// a full stop does not start a line) or the first opens a bracket or quote.
    private static func canBreakBefore(_ characters: [Character], _ index: Int) -> Bool {
        let previous = characters[index - 1], current = characters[index]
        guard previous != " ", TerminalColumns.width(of: previous) == 2 || TerminalColumns.width(of: current) == 2 else { return false }
        if current.isPunctuation || current.isSymbol && TerminalColumns.width(of: current) == 1 { return false }
        if let scalar = previous.unicodeScalars.first, scalar.properties.generalCategory == .openPunctuation || scalar.properties.generalCategory == .initialPunctuation {
            return false
        }
        return true
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
                    if !breaks[next].replacesSpace { result.append(character) }
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
