/// How many terminal columns text takes: two for the wide characters of East Asian scripts and for
/// emoji, none for marks and format characters that join others, one for the rest. Terminals
/// follow the same Unicode width tables, so lines that are wrapped and columns that are padded by
/// these counts fit.
public enum TerminalColumns {
    public static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if character.unicodeScalars.contains("\u{FE0F}") || first.properties.isEmojiPresentation { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    public static func width(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F, by block).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}

extension String {
    /// The string with spaces after it up to `width` terminal columns (a wide character counts two).
    public func padding(to width: Int) -> String {
        let columns = TerminalColumns.width(of: self)
        return columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }

    /// The string without the spaces at its end (a padded last column).
    public var trimmingTrailingSpaces: String {
        var text = self[...]
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

/// Rows of cells laid out in columns two spaces apart, each as wide as its widest cell in terminal
/// columns, with no spaces at line ends. Control characters in cells are made visible first, so
/// what is measured is what is shown.
public enum TextTable {
    public static func lines(_ rows: [[String]]) -> [String] {
        let shown = rows.map { $0.map(\.visibleControls) }
        let columnCount = shown.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in
            shown.map { column < $0.count ? TerminalColumns.width(of: $0[column]) : 0 }.max() ?? 0
        }
        return shown.map { row in
            row.indices.map { row[$0].padding(to: widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces
        }
    }
}
