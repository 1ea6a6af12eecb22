/// White space folding on UTF-8 bytes, for Strings and for text read from XML.
///
/// Works on bytes (appending scalar by scalar was a fifth of loading a large scenario); only a
/// non-ASCII scalar is decoded, to ask whether it is white space (U+00A0, U+2003, …).
package enum WhitespaceFolding {
    /// Runs of white space folded to single spaces, and trimmed. `bytes` must be valid UTF-8.
    package static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // A space is written only in place of at least one white-space byte, so the text never grows.
        String(unsafeUninitializedCapacity: bytes.count) { output in
            guard let source = bytes.baseAddress, let target = output.baseAddress else { return 0 }
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = source[index]
                // A run of visible ASCII (nearly all scenario text) is copied in a loop of its own.
                if isASCIIVisible(byte) {
                    if pendingSpace {
                        target[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    // Both stay below `bytes.count`: no overflow to check.
                    repeat {
                        target[count] = source[index]
                        count &+= 1
                        index &+= 1
                    } while index < bytes.count && isASCIIVisible(source[index])
                    continue
                }
                let (isSpace, end) = byte < 0x80 ? (isASCIISpace(byte), index + 1) : scalar(at: index, in: bytes)
                if isSpace {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        target[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    while index < end {
                        target[count] = source[index]
                        count += 1
                        index += 1
                    }
                }
                index = end
            }
            return count
        }
    }

    /// Whether the text is empty or all white space.
    package static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let (isSpace, end) = scalar(at: index, in: bytes)
            if !isSpace { return false }
            index = end
        }
        return true
    }

    /// 0x21 to 0x7F: ASCII that is not white space and not a control character below the space.
    private static func isASCIIVisible(_ byte: UInt8) -> Bool { byte &- 0x21 < 0x5F }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether the scalar starting at `index` is white space, and where the next one starts.
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (isSpace: Bool, end: Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (isASCIISpace(byte), index + 1) }
        // In valid UTF-8 the lead byte gives the scalar's length.
        let end = min(bytes.count, index + (byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4))
        var scalarBytes = bytes[index..<end].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&scalarBytes) { return (scalar.isSpace, end) }
        return (false, end)
    }
}
