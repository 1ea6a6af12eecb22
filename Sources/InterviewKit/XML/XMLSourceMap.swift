/// Positions of start tags and attributes in XML source text.
///
/// libxml2 records a line for each element but no column, and nothing for attributes.
/// Diagnostics need both, so this scanner walks the (already well-formed) UTF-8 source once
/// and lists start tags in document order, which is the order of a pre-order walk of the tree.
struct XMLSourceMap: Sendable {
    struct StartTag: Sendable {
        var name: String
        var line: Int
        var column: Int
        /// In source order; a tag has few, so a list is cheaper than a dictionary.
        var attributes: [Attribute]

        /// The attribute written as `qualifiedName` (with its prefix, if any).
        func attribute(_ qualifiedName: String) -> Attribute? {
            attributes.first { $0.name == qualifiedName }
        }
    }

    struct Attribute: Sendable {
        var name: String
        var line: Int
        var column: Int
        var value: AttributeValue
    }

    /// An attribute value as written, able to map decoded offsets back to the source.
    struct AttributeValue: Sendable {
        var file: String
        var line: Int
        var column: Int
        /// The value's bytes as written (a slice of the source, not a copy).
        var raw: ArraySlice<UInt8>

        /// Source location of the decoded scalar at `offset`, accounting for entity and character
        /// references (one decoded scalar each) and multi-line values.
        func location(ofScalar offset: Int) -> SourceLocation {
            var line = self.line
            var column = self.column
            var decoded = 0
            let raw = Array(raw)  // only when a diagnostic points inside the value
            var i = 0
            while i < raw.count, decoded < offset {
                let byte = raw[i]
                if byte == UInt8(ascii: "&"), let semicolon = raw[i...].firstIndex(of: UInt8(ascii: ";")) {
                    column += semicolon - i + 1
                    i = semicolon + 1
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                    i += 1
                } else {
                    if !XMLSourceMap.isContinuation(byte) && byte != UInt8(ascii: "\r") { column += 1 }
                    i += 1
                    // Skip the rest of a multi-byte scalar so it counts once.
                    while i < raw.count, XMLSourceMap.isContinuation(raw[i]) { i += 1 }
                    if byte == UInt8(ascii: "\r") { continue }
                }
                decoded += 1
            }
            return SourceLocation(file: file, line: line, column: column)
        }
    }

    private(set) var startTags: [StartTag] = []

    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    init(utf8 bytes: [UInt8], file: String) {
        var scanner = Scanner(bytes: bytes)
        while let tag = scanner.nextStartTag(file: file) {
            startTags.append(tag)
        }
    }

    /// Finds tags by moving an index over the bytes; lines and columns are counted only up to the
    /// places that need them (tag and attribute starts), by a cursor that only moves forward.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// Where line and column were last counted to.
        private var counted = 0
        private var countedLine = 1
        private var countedColumn = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Line and column of `index` (1-based; columns count scalars, a CR counts nothing).
        mutating func position() -> (line: Int, column: Int) {
            var line = countedLine
            var column = countedColumn
            var i = counted
            let end = min(index, bytes.count)
            while i < end {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                    column += 1
                }
                i += 1
            }
            counted = max(counted, end)
            countedLine = line
            countedColumn = column
            return (line, column)
        }

        func hasPrefix(_ text: [UInt8]) -> Bool {
            guard index + text.count <= bytes.count else { return false }
            var offset = 0
            while offset < text.count {
                if bytes[index + offset] != text[offset] { return false }
                offset += 1
            }
            return true
        }

        mutating func skip(past terminator: [UInt8]) {
            while index < bytes.count {
                if bytes[index] == terminator[0], hasPrefix(terminator) {
                    index += terminator.count
                    return
                }
                index += 1
            }
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        mutating func skipSpace() {
            while let byte = current, Scanner.isSpace(byte) { index += 1 }
        }

        mutating func readName() -> String {
            let start = index
            while let byte = current, !Scanner.isSpace(byte), byte != UInt8(ascii: "="), byte != UInt8(ascii: ">"),
                byte != UInt8(ascii: "/")
            {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)
        static let cdataStart = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
        static let declarationStart = Array("<!".utf8), instructionStart = Array("<?".utf8), instructionEnd = Array("?>".utf8)
        static let endTagStart = Array("</".utf8), tagEnd = Array(">".utf8)

        mutating func nextStartTag(file: String) -> StartTag? {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if hasPrefix(Self.commentStart) {
                    skip(past: Self.commentEnd)
                } else if hasPrefix(Self.cdataStart) {
                    skip(past: Self.cdataEnd)
                } else if hasPrefix(Self.declarationStart) {
                    skipDeclaration()
                } else if hasPrefix(Self.instructionStart) {
                    skip(past: Self.instructionEnd)
                } else if hasPrefix(Self.endTagStart) {
                    skip(past: Self.tagEnd)
                } else {
                    return readStartTag(file: file)
                }
            }
            return nil
        }

        /// Skips `<!DOCTYPE …>` including a bracketed internal subset.
        mutating func skipDeclaration() {
            var depth = 0
            while let byte = current {
                index += 1
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") { depth -= 1 }
                if byte == UInt8(ascii: ">") && depth <= 0 { return }
            }
        }

        mutating func readStartTag(file: String) -> StartTag {
            let (line, column) = position()
            index += 1  // <
            let name = readName()
            var tag = StartTag(name: name, line: line, column: column, attributes: [])
            while index < bytes.count {
                skipSpace()
                guard let byte = current else { break }
                if byte == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                if byte == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                let namePosition = position()
                let attribute = readName()
                if attribute.isEmpty {
                    index += 1
                    continue
                }
                skipSpace()
                guard current == UInt8(ascii: "=") else { continue }
                index += 1
                skipSpace()
                guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
                index += 1
                let (valueLine, valueColumn) = position()
                let start = index
                while let byte = current, byte != quote { index += 1 }
                let raw = bytes[start..<index]
                index += 1
                // A repeated attribute is a well-formedness error, so the tag never reaches here twice.
                tag.attributes.append(
                    Attribute(
                        name: attribute, line: namePosition.line, column: namePosition.column,
                        value: AttributeValue(file: file, line: valueLine, column: valueColumn, raw: raw)))
            }
            return tag
        }
    }
}
