extension String {
    /// Without leading and trailing white space.
    package var trimmed: String {
        // Usually there is nothing to trim; then the String itself, not a copy.
        if let first = utf8.first, let last = utf8.last, Self.isASCIIVisible(first), Self.isASCIIVisible(last) {
            return self
        }
        return trimming(\.isSpace)
    }

    /// Without leading and trailing spaces and tabs (Unicode space separators and U+0009), as
    /// Foundation's `.whitespaces` trims: line breaks stay.
    package var trimmingBlanks: String {
        trimming { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// Every occurrence of `target` replaced, matching UTF-8 bytes (so "\n" is found inside "\r\n",
    /// which as Characters is one).
    package func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first else { return self }
        let bytes = Array(utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, index + pattern.count <= bytes.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                output.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Without the scalars at either end for which `isTrimmed` holds.
    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }), let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func isASCIIVisible(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// Runs of white space (indentation, line breaks) folded to single spaces, and trimmed.
    /// Scenario prose is written indented inside XML; this is the text a person should see.
    package var foldingWhitespace: String {
        var copy = self
        return copy.withUTF8(WhitespaceFolding.fold)
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
package func editDistance(_ a: String, _ b: String) -> Int {
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
package func closestMatch<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
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
package func didYouMean<S: Sequence>(_ word: String, _ candidates: S) -> String where S.Element == String {
    closestMatch(to: word, in: candidates).map { " Did you mean '\($0)'?" } ?? ""
}

extension Unicode.Scalar {
    /// Unicode White_Space, deciding ASCII by value: the property tables are slow, and scenario and
    /// condition text is almost all ASCII.
    package var isSpace: Bool {
        if isASCII { return self == " " || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    /// Unicode Alphabetic, deciding ASCII by value.
    package var isLetter: Bool {
        if isASCII { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        return properties.isAlphabetic
    }
}
