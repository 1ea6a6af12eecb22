extension String {
    /// Without leading and trailing white space.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }),
            let last = scalars.lastIndex(where: { !$0.isSpace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Runs of white space (indentation, line breaks) folded to single spaces, and trimmed.
    /// Scenario prose is written indented inside XML; this is the text a person should see.
    var foldingWhitespace: String {
        // On the UTF-8 bytes (appending scalar by scalar was a fifth of loading a large scenario);
        // only a non-ASCII scalar is decoded, to ask whether it is white space (U+00A0, U+2003, …).
        var copy = self
        return copy.withUTF8 { bytes in
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isSpace: Bool
                var end = index + 1
                if byte < 0x80 {
                    isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                } else {
                    // A String's bytes are valid UTF-8, so the lead byte gives the scalar's length.
                    end = min(bytes.count, index + (byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4))
                    var scalarBytes = bytes[index..<end].makeIterator()
                    var decoder = UTF8()
                    if case .scalarValue(let scalar) = decoder.decode(&scalarBytes) { isSpace = scalar.isSpace } else { isSpace = false }
                }
                if isSpace {
                    pendingSpace = !folded.isEmpty
                } else {
                    if pendingSpace { folded.append(0x20) }
                    pendingSpace = false
                    while index < end {
                        folded.append(bytes[index])
                        index += 1
                    }
                }
                index = end
            }
            return String(decoding: folded, as: UTF8.self)
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
func closestMatch<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
    let limit = Swift.max(2, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(word.lowercased(), candidate.lowercased())
        guard distance <= limit else { continue }
        if let current = best, current.distance < distance || (current.distance == distance && current.candidate <= candidate) {
            continue
        }
        best = (candidate, distance)
    }
    return best?.candidate
}

/// " Did you mean 'x'?" or nothing.
func didYouMean<S: Sequence>(_ word: String, _ candidates: S) -> String where S.Element == String {
    closestMatch(to: word, in: candidates).map { " Did you mean '\($0)'?" } ?? ""
}

extension Unicode.Scalar {
    /// Unicode White_Space, deciding ASCII by value: the property tables are slow, and scenario and
    /// condition text is almost all ASCII.
    var isSpace: Bool {
        if isASCII { return self == " " || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    /// Unicode Alphabetic, deciding ASCII by value.
    var isLetter: Bool {
        if isASCII { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        return properties.isAlphabetic
    }
}
