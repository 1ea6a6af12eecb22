import InterviewCore
/// Brings input text to UTF-8, the one encoding the rest of Rehearse reads.
enum TextDecoding {
    enum Outcome {
        case success([UInt8])
        case failure(String)
    }

    /// Strips a UTF-8 byte order mark and converts UTF-16 to UTF-8: with a byte order mark, or
    /// without one when the file starts with `<` as UTF-16 (as the XML specification's appendix F
    /// detects it).
    static func utf8(from bytes: [UInt8]) -> Outcome {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .success(Array(bytes.dropFirst(3))) }
        let marked = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let unmarked = bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C])
        if marked || unmarked {
            let bigEndian = bytes[0] == 0xFE || bytes[0] == 0x00
            guard bytes.count % 2 == 0 else { return .failure("file is UTF-16 but has an odd number of bytes; it is cut off or damaged") }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = marked ? 2 : 0
            while i + 1 < bytes.count {
                let pair = bigEndian ? (UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])) : (UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
                units.append(pair)
                i += 2
            }
            var output: [UInt8] = []
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): output.append(contentsOf: String(scalar).utf8)
                case .emptyInput: break loop
                case .error: return .failure("file is UTF-16 with an invalid character; save it as UTF-8")
                }
            }
            // libxml2 is told the real encoding explicitly, so a declared encoding="UTF-16" does no harm.
            return .success(output)
        }
        return .success(bytes)
    }
}
