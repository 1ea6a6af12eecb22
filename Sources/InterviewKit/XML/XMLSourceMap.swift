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
        var attributes: [String: AttributeValue]
        var attributeNames: [String: (line: Int, column: Int)]
    }

    /// An attribute value as written, able to map decoded offsets back to the source.
    struct AttributeValue: Sendable {
        var file: String
        var line: Int
        var column: Int
        var raw: [UInt8]

        /// Source location of the decoded scalar at `offset`, accounting for entity and character
        /// references (one decoded scalar each) and multi-line values.
        func location(ofScalar offset: Int) -> SourceLocation {
            var line = self.line
            var column = self.column
            var decoded = 0
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

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func advance() {
            guard index < bytes.count else { return }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if !XMLSourceMap.isContinuation(byte) && byte != UInt8(ascii: "\r") {
                column += 1
            }
        }

        func hasPrefix(_ text: String) -> Bool {
            let utf8 = Array(text.utf8)
            guard index + utf8.count <= bytes.count else { return false }
            return bytes[index..<index + utf8.count].elementsEqual(utf8)
        }

        mutating func skip(past terminator: String) {
            while index < bytes.count, !hasPrefix(terminator) { advance() }
            for _ in terminator.utf8 { advance() }
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        mutating func skipSpace() {
            while let byte = current, Scanner.isSpace(byte) { advance() }
        }

        mutating func readName() -> String {
            let start = index
            while let byte = current, !Scanner.isSpace(byte), byte != UInt8(ascii: "="), byte != UInt8(ascii: ">"),
                byte != UInt8(ascii: "/")
            {
                advance()
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func nextStartTag(file: String) -> StartTag? {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    advance()
                    continue
                }
                if hasPrefix("<!--") {
                    skip(past: "-->")
                } else if hasPrefix("<![CDATA[") {
                    skip(past: "]]>")
                } else if hasPrefix("<!") {
                    skipDeclaration()
                } else if hasPrefix("<?") {
                    skip(past: "?>")
                } else if hasPrefix("</") {
                    skip(past: ">")
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
                advance()
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") { depth -= 1 }
                if byte == UInt8(ascii: ">") && depth <= 0 { return }
            }
        }

        mutating func readStartTag(file: String) -> StartTag {
            let line = self.line
            let column = self.column
            advance()  // <
            let name = readName()
            var tag = StartTag(name: name, line: line, column: column, attributes: [:], attributeNames: [:])
            while index < bytes.count {
                skipSpace()
                guard let byte = current else { break }
                if byte == UInt8(ascii: ">") {
                    advance()
                    break
                }
                if byte == UInt8(ascii: "/") {
                    advance()
                    continue
                }
                let nameLine = self.line
                let nameColumn = self.column
                let attribute = readName()
                if attribute.isEmpty {
                    advance()
                    continue
                }
                skipSpace()
                guard current == UInt8(ascii: "=") else { continue }
                advance()
                skipSpace()
                guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
                advance()
                let valueLine = self.line
                let valueColumn = self.column
                let start = index
                while let byte = current, byte != quote { advance() }
                let raw = Array(bytes[start..<index])
                advance()
                tag.attributeNames[attribute] = (nameLine, nameColumn)
                tag.attributes[attribute] = AttributeValue(file: file, line: valueLine, column: valueColumn, raw: raw)
            }
            return tag
        }
    }
}
