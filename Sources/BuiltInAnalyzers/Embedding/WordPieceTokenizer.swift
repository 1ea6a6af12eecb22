/// BERT's uncased tokenizer, as all-MiniLM-L6-v2's tokenizer_config.json names it: drop control
/// characters, space out CJK ideographs, split on white space and punctuation, lower-case, strip
/// accents, then split each word into the longest pieces the vocabulary has ("##" continues a word).
///
/// Gives the same ids as the reference tokenizer on every answer of the corpus (a test checks a
/// sample). Accents are stripped from precomposed Latin letters (U+00C0–U+024F) and combining marks
/// are dropped; other precomposed letters keep their accents, where the reference decomposes them.
package struct WordPieceTokenizer: Sendable {
    /// Each token's id by the FNV-1a hash of its UTF-8 (`FeatureHash`), "##" included for the
    /// pieces that continue a word: candidates are looked up from the word's bytes in place,
    /// without making a String of each (that cost 5× the whole pooling).
    private let ids: [UInt64: Int32]
    package let unknown: Int32
    package let count: Int

    /// Longer words are one unknown token, as in the reference.
    static let longestWord = 100

    /// From vocab.txt's text: one token per line, its id the line's index from 0. Nil without an
    /// [UNK] token, or should two tokens' hashes collide (then lookups could not tell them apart).
    package init?(vocabulary text: String) {
        var ids: [UInt64: Int32] = [:]
        var tokens: [UInt64: String] = [:]
        var index: Int32 = 0
        // "\r\n" is one Character: split on both, so a vocabulary saved with CRLF reads too.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        // The file's last line break ends the last token; it starts none.
        if lines.last?.isEmpty == true { lines.removeLast() }
        var unknown: Int32?
        for line in lines {
            let token = String(line)
            defer { index += 1 }
            guard !token.isEmpty else { continue }
            if token == "[UNK]" { unknown = index }
            let key = FeatureHash.hash(token)
            if let other = tokens[key] {
                if other != token { return nil }
                continue
            }
            tokens[key] = token
            ids[key] = index
        }
        guard let unknown else { return nil }
        self.ids = ids
        self.unknown = unknown
        self.count = Int(index)
    }

    /// The ids of `text`'s pieces, without the [CLS] and [SEP] a sentence model adds.
    package func encode(_ text: String) -> [Int32] {
        var pieces: [Int32] = []
        pieces.reserveCapacity(text.utf8.count / 4)
        // The current word's lowercase, accentless UTF-8, and where each of its scalars ends.
        var word: [UInt8] = []
        var ends: [Int] = []
        func flush() {
            if !ends.isEmpty { append(word, ends, to: &pieces) }
            word.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }
        func add(_ scalar: Unicode.Scalar) {
            word.append(contentsOf: UTF8.encode(scalar)!)
            ends.append(word.count)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII, the usual case, without Unicode property lookups.
                let byte = UInt8(value)
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    flush()
                } else if byte < 0x20 || byte == 0x7F {
                    continue
                } else if Self.isASCIIPunctuation(value) {
                    flush()
                    add(scalar)
                    flush()
                } else {
                    word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    ends.append(word.count)
                }
                continue
            }
            let category = scalar.properties.generalCategory
            if value == 0xFFFD { continue }
            if category == .spaceSeparator {
                flush()
                continue
            }
            if Self.isControl(category) { continue }
            if Self.isCJK(value) || Self.isPunctuation(category) {
                flush()
                add(scalar)
                flush()
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if lower.properties.generalCategory == .nonspacingMark { continue }
                add(Self.accentless[lower.value].flatMap(Unicode.Scalar.init) ?? lower)
            }
        }
        flush()
        return pieces
    }

    /// Greedy longest-match-first: a word none of whose splits the vocabulary has is one [UNK].
    private func append(_ word: [UInt8], _ ends: [Int], to pieces: inout [Int32]) {
        guard ends.count <= Self.longestWord else {
            pieces.append(unknown)
            return
        }
        let firstLength = pieces.count
        word.withUnsafeBufferPointer { bytes in
            var start = 0  // in scalars
            while start < ends.count {
                let from = start == 0 ? 0 : ends[start - 1]
                let seed = start == 0 ? FeatureHash.offset : Self.continuation
                var end = ends.count
                var match: Int32?
                while start < end {
                    let key = FeatureHash.extend(seed, UnsafeBufferPointer(rebasing: bytes[from..<ends[end - 1]]))
                    if let id = ids[key] {
                        match = id
                        break
                    }
                    end -= 1
                }
                guard let match else {
                    pieces.removeSubrange(firstLength...)
                    pieces.append(unknown)
                    return
                }
                pieces.append(match)
                start = end
            }
        }
    }

    /// The hash of "##", which every continuing piece starts with.
    private static let continuation = FeatureHash.hash("##")

    private static func isControl(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .control, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }

    /// Every ASCII symbol counts, as in BERT ("$", "+", "^").
    private static func isASCIIPunctuation(_ value: UInt32) -> Bool {
        (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value)
    }

    /// Unicode's punctuation.
    private static func isPunctuation(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    private static func isCJK(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2CEAF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
    }

    /// Lowercase precomposed Latin letters and their letter without the accent (from Unicode's
    /// canonical decompositions).
    private static let accentless: [UInt32: UInt32] = [0xE0: 0x61, 0xE1: 0x61, 0xE2: 0x61, 0xE3: 0x61, 0xE4: 0x61, 0xE5: 0x61, 0xE7: 0x63, 0xE8: 0x65, 0xE9: 0x65, 0xEA: 0x65, 0xEB: 0x65, 0xEC: 0x69, 0xED: 0x69, 0xEE: 0x69, 0xEF: 0x69, 0xF1: 0x6E, 0xF2: 0x6F, 0xF3: 0x6F, 0xF4: 0x6F, 0xF5: 0x6F, 0xF6: 0x6F, 0xF9: 0x75, 0xFA: 0x75, 0xFB: 0x75, 0xFC: 0x75, 0xFD: 0x79, 0xFF: 0x79, 0x101: 0x61, 0x103: 0x61, 0x105: 0x61, 0x107: 0x63, 0x109: 0x63, 0x10B: 0x63, 0x10D: 0x63, 0x10F: 0x64, 0x113: 0x65, 0x115: 0x65, 0x117: 0x65, 0x119: 0x65, 0x11B: 0x65, 0x11D: 0x67, 0x11F: 0x67, 0x121: 0x67, 0x123: 0x67, 0x125: 0x68, 0x129: 0x69, 0x12B: 0x69, 0x12D: 0x69, 0x12F: 0x69, 0x135: 0x6A, 0x137: 0x6B, 0x13A: 0x6C, 0x13C: 0x6C, 0x13E: 0x6C, 0x144: 0x6E, 0x146: 0x6E, 0x148: 0x6E, 0x14D: 0x6F, 0x14F: 0x6F, 0x151: 0x6F, 0x155: 0x72, 0x157: 0x72, 0x159: 0x72, 0x15B: 0x73, 0x15D: 0x73, 0x15F: 0x73, 0x161: 0x73, 0x163: 0x74, 0x165: 0x74, 0x169: 0x75, 0x16B: 0x75, 0x16D: 0x75, 0x16F: 0x75, 0x171: 0x75, 0x173: 0x75, 0x175: 0x77, 0x177: 0x79, 0x17A: 0x7A, 0x17C: 0x7A, 0x17E: 0x7A, 0x1A1: 0x6F, 0x1B0: 0x75, 0x1CE: 0x61, 0x1D0: 0x69, 0x1D2: 0x6F, 0x1D4: 0x75, 0x1D6: 0x75, 0x1D8: 0x75, 0x1DA: 0x75, 0x1DC: 0x75, 0x1DF: 0x61, 0x1E1: 0x61, 0x1E3: 0xE6, 0x1E7: 0x67, 0x1E9: 0x6B, 0x1EB: 0x6F, 0x1ED: 0x6F, 0x1EF: 0x292, 0x1F0: 0x6A, 0x1F5: 0x67, 0x1F9: 0x6E, 0x1FB: 0x61, 0x1FD: 0xE6, 0x1FF: 0xF8, 0x201: 0x61, 0x203: 0x61, 0x205: 0x65, 0x207: 0x65, 0x209: 0x69, 0x20B: 0x69, 0x20D: 0x6F, 0x20F: 0x6F, 0x211: 0x72, 0x213: 0x72, 0x215: 0x75, 0x217: 0x75, 0x219: 0x73, 0x21B: 0x74, 0x21F: 0x68, 0x227: 0x61, 0x229: 0x65, 0x22B: 0x6F, 0x22D: 0x6F, 0x22F: 0x6F, 0x231: 0x6F, 0x233: 0x79]
}
