import InterviewCore
import Glibc

/// Positions of start tags and attributes in XML source text.
///
/// libxml2 records a line for each element but no column, and nothing for attributes.
/// Diagnostics need both, so the UTF-8 source is scanned once, before it is parsed, for the
/// offsets of its start tags, in document order (the order of a pre-order walk of the tree), and
/// for where its lines start; the scan also counts each tag's attributes, which the parser limits.
/// Lines, columns and attributes are worked out only when asked: most elements of a valid file
/// never need a position. On input that is not well-formed the offsets may be wrong, but the
/// parser then reports its own errors and the map is not used.
struct XMLSourceMap {
    let bytes: [UInt8]
    let file: String
    /// Byte offsets of the `<` of every start tag, in document order.
    private(set) var startTags: [Int32] = []
    /// The most attributes (with namespace declarations) any start tag holds, and where that tag is.
    private(set) var mostAttributes: (count: Int, tag: Int32) = (0, 0)
    /// Byte offsets at which lines 2, 3, … start.
    private var lineStarts: [Int32] = []
    /// The column at every multiple of `checkpointSpacing` that lies inside a long line (0
    /// elsewhere). Columns are counted from the start of their line, which on a file written on
    /// one line would cost each position the whole line so far: time quadratic in the file.
    private var checkpoints: [Int32] = []
    private static let checkpointSpacing = 64
    /// Lines up to this long are counted from their start: most files have no longer line.
    private static let longLine = 1024

    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    init(utf8 bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        // Files are limited to 8 MiB (XMLParser.maximumSize), so offsets fit 32 bits.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            startTags = Self.startTagOffsets(base, count: buffer.count, mostAttributes: &mostAttributes)
            lineStarts = Self.offsets(after: UInt8(ascii: "\n"), in: base, count: buffer.count)
        }
        checkpoints = columnCheckpoints()
    }

    /// Columns at the checkpoints of every line longer than `longLine`; none for most files.
    private func columnCheckpoints() -> [Int32] {
        let spacing = Self.checkpointSpacing
        var checkpoints: [Int32] = []
        for line in 1...(lineStarts.count + 1) {
            let start = lineStart(line)
            let end = line <= lineStarts.count ? lineStart(line + 1) : bytes.count
            guard end - start > Self.longLine else { continue }
            if checkpoints.isEmpty { checkpoints = Array(repeating: 0, count: bytes.count / spacing + 1) }
            var column = 1
            var counted = start
            for checkpoint in stride(from: (start / spacing + 1) * spacing, to: end, by: spacing) {
                column = self.column(at: checkpoint, countingFrom: counted, column: column)
                counted = checkpoint
                checkpoints[checkpoint / spacing] = Int32(column)
            }
        }
        return checkpoints
    }

    /// The column at `offset`, counting scalars forward from `start`, at column `column`.
    private func column(at offset: Int, countingFrom start: Int, column: Int) -> Int {
        var column = column
        for index in start..<min(offset, bytes.count) {
            let byte = bytes[index]
            if !Self.isContinuation(byte) && byte != UInt8(ascii: "\r") { column += 1 }
        }
        return column
    }

    /// Offsets just after every `byte`, found with `memchr`.
    private static func offsets(after byte: UInt8, in base: UnsafePointer<UInt8>, count: Int) -> [Int32] {
        var offsets: [Int32] = []
        var index = 0
        while index < count, let found = memchr(base + index, Int32(byte), count - index) {
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            offsets.append(Int32(index))
        }
        return offsets
    }

    private static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
    private static let instructionEnd = Array("?>".utf8)

    /// Jumps from `<` to `<`: in well-formed XML a `<` outside comments, CDATA sections,
    /// declarations and processing instructions starts a tag, and attribute values cannot hold one.
    private static func startTagOffsets(
        _ base: UnsafePointer<UInt8>, count: Int, mostAttributes: inout (count: Int, tag: Int32)
    ) -> [Int32] {
        let bytes = UnsafeBufferPointer(start: base, count: count)
        func starts(_ text: [UInt8], at index: Int) -> Bool {
            index + text.count <= count && text.indices.allSatisfy { bytes[index + $0] == text[$0] }
        }
        func skip(past end: [UInt8], from index: Int) -> Int {
            var i = index
            while i < count {
                if bytes[i] == end[0] && starts(end, at: i) { return i + end.count }
                i += 1
            }
            return count
        }
        var offsets: [Int32] = []
        var index = 0
        while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) {
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let next = index + 1 < count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "!") {
                if starts(commentStart, at: index) {
                    index = skip(past: commentEnd, from: index + commentStart.count)
                } else if starts(cdataStart, at: index) {
                    index = skip(past: cdataEnd, from: index + cdataStart.count)
                } else {
                    index = skipDeclaration(bytes, from: index)
                }
            } else if next == UInt8(ascii: "?") {
                index = skip(past: instructionEnd, from: index + 2)
            } else if next == UInt8(ascii: "/") {
                index += 1
            } else {
                offsets.append(Int32(index))
                let (end, attributes) = startTagEnd(bytes, from: index + 1)
                if attributes > mostAttributes.count { mostAttributes = (attributes, Int32(index)) }
                index = end
            }
        }
        return offsets
    }

    /// The end of the start tag whose name begins at `start`, and how many attributes (and
    /// namespace declarations) it holds: its `=` signs outside quoted values.
    private static func startTagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, attributes: Int) {
        var attributes = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ">"):
                return (index + 1, attributes)
            case UInt8(ascii: "="):
                attributes += 1
                index += 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let rest = bytes.count - index - 1
                guard rest > 0, let close = memchr(bytes.baseAddress! + index + 1, Int32(bytes[index]), rest) else { return (bytes.count, attributes) }
                index = UnsafeRawPointer(close) - UnsafeRawPointer(bytes.baseAddress!) + 1
            case UInt8(ascii: "<"):
                // Not well-formed; the parser will say so. Go on from this `<`.
                return (index, attributes)
            default:
                index += 1
            }
        }
        return (bytes.count, attributes)
    }

    /// Skips `<!DOCTYPE …>` including a bracketed internal subset.
    private static func skipDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth -= 1 }
            if byte == UInt8(ascii: ">") && depth <= 0 { break }
        }
        return index
    }

    // MARK: Positions

    /// Line and column of the byte at `offset` (1-based; columns count scalars, a CR counts nothing).
    /// `lineHint`, a line the byte is probably on, is checked first.
    func position(ofByte offset: Int, lineHint: Int = 0) -> (line: Int, column: Int) {
        // The number of line starts at or before `offset`, by binary search unless the hint is right.
        var low = 0
        if lineHint >= 1 && lineHint <= lineStarts.count + 1 && lineStart(lineHint) <= offset
            && (lineHint == lineStarts.count + 1 || offset < lineStart(lineHint + 1))
        {
            low = lineHint - 1
        } else {
            var high = lineStarts.count
            while low < high {
                let middle = (low + high) / 2
                if Int(lineStarts[middle]) <= offset { low = middle + 1 } else { high = middle }
            }
        }
        let lineStart = lineStart(low + 1)
        // From the nearest checkpoint on the same line, if there is one, else from the line's start.
        let checkpoint = offset / Self.checkpointSpacing * Self.checkpointSpacing
        if checkpoint > lineStart, checkpoint / Self.checkpointSpacing < checkpoints.count, checkpoints[checkpoint / Self.checkpointSpacing] > 0 {
            return (low + 1, column(at: offset, countingFrom: checkpoint, column: Int(checkpoints[checkpoint / Self.checkpointSpacing])))
        }
        return (low + 1, column(at: offset, countingFrom: lineStart, column: 1))
    }

    /// Where line `line` (1-based, at most the number of lines) starts.
    private func lineStart(_ line: Int) -> Int { line == 1 ? 0 : Int(lineStarts[line - 2]) }

    func location(ofByte offset: Int, lineHint: Int = 0) -> SourceLocation {
        let (line, column) = position(ofByte: offset, lineHint: lineHint)
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    /// The end of the name that starts at `start`.
    private func nameEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count && !Self.isNameEnd(bytes[index]) { index += 1 }
        return index
    }

    /// Whether the tag at `offset` is written with this local name, with or without a prefix.
    func tag(at offset: Int, isNamed localName: String) -> Bool {
        let start = offset + 1
        let end = nameEnd(from: start)
        var name = localName
        return name.withUTF8 { name in
            guard end - start >= name.count, let base = name.baseAddress else { return false }
            let suffixStart = end - name.count
            let same = bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + suffixStart, base, name.count) == 0 }
            return same && (suffixStart == start || bytes[suffixStart - 1] == UInt8(ascii: ":"))
        }
    }

    /// Where an attribute is written in the start tag at `tagOffset`, found by its qualified name.
    func attribute(_ qualifiedName: String, inTagAt tagOffset: Int) -> (name: SourceLocation, value: AttributeValue)? {
        let wanted = Array(qualifiedName.utf8)
        var index = nameEnd(from: tagOffset + 1)
        func skipSpace() {
            while index < bytes.count && Self.isSpace(bytes[index]) { index += 1 }
        }
        while index < bytes.count {
            skipSpace()
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { return nil }
            if bytes[index] == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let nameStart = index
            index = nameEnd(from: index)
            let name = bytes[nameStart..<index]
            if name.isEmpty {
                index += 1
                continue
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { continue }
            let quote = bytes[index]
            index += 1
            let valueStart = index
            while index < bytes.count && bytes[index] != quote { index += 1 }
            if name.elementsEqual(wanted) {
                let (line, column) = position(ofByte: valueStart)
                return (
                    location(ofByte: nameStart),
                    AttributeValue(file: file, line: line, column: column, raw: bytes[valueStart..<index])
                )
            }
            index += 1
        }
        return nil
    }

    /// An attribute value as written, able to map decoded offsets back to the source.
    struct AttributeValue {
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
}
