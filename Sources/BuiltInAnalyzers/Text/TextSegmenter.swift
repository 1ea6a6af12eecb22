/// Splits an answer into tokens, sentences and clauses, also when it is unpunctuated speech.
///
/// One pass over the UTF-8 bytes, decoding only non-ASCII scalars. Sentences end at `.`, `!`,
/// `?`, `;` and line breaks; clauses also end at commas and dashes, and before joining words that
/// start a new clause in speech ("so", "but", "then", "because", and "and" when a subject follows).
package struct TextSegmenter {
    package private(set) var tokens: [Token] = []
    package private(set) var clauses: [Clause] = []
    package private(set) var sentenceCount = 0
    /// Every token's lowercase spelling, back to back (`Token.spelling`).
    package private(set) var lowercase: [UInt8] = []

    /// Words that open a new clause when they follow other words.
    package static let clauseOpeners: Set<String> = ["so", "but", "then", "because", "although", "though", "which", "whereas"]
    /// Words that open a clause only when a subject follows: "before he left", not "before lunch".
    package static let subjectOpeners: Set<String> = ["after", "before", "until", "once", "when", "while"]
    /// Spoken fillers that may sit between "and" and the subject it introduces.
    package static let fillers: Set<String> = ["um", "uh", "like", "erm", "er", "so", "then"]
    package static let subjects: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "she", "he", "they", "she's", "he's", "they're",
        "it", "it's", "my", "our", "the", "her", "his", "their", "nobody", "everyone", "that", "this", "there",
    ]

    /// The segmenter's own word lists, which it hands to every `Vocabulary`.
    static let marks: [(words: Set<String>, flag: WordInfo)] = [
        (clauseOpeners, .clauseOpener), (subjectOpeners, .subjectOpener), (subjects, .clauseSubject), (fillers, .filler), (["and"], .and),
    ]

    /// The answer, its UTF-8 contiguous (read in place, not copied).
    private let answer: String
    /// The answer as given.
    package var source: String { answer }
    /// How scalar offsets map to byte offsets: after each non-ASCII scalar, the scalar offset from
    /// which every later scalar starts that many more bytes in. Empty for ASCII (the usual case),
    /// and small for mostly-ASCII text: an array of every scalar's start cost 8 bytes a scalar.
    private var multibyte: [(scalar: Int, extraBytes: Int)] = []
    private var scalarCount = 0

    /// Segments `text`, giving each token its id and flags in `vocabulary`.
    package init(_ text: String, vocabulary: Vocabulary) {
        var text = text
        text.makeContiguousUTF8()
        answer = text
        tokenize(vocabulary)
        segment()
    }

    /// Calls `body` with the answer's UTF-8.
    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var answer = answer
        return answer.withUTF8(body)
    }

    /// The lowercase spelling of the token at `index`, typographic apostrophes made plain.
    package func word(_ index: Int) -> String {
        String(decoding: lowercase[tokens[index].spelling], as: UTF8.self)
    }

    /// Every token's lowercase spelling.
    package var words: [String] { tokens.indices.map(word) }

    /// Calls `body` with the lowercase spelling of the token at `index`.
    package func withSpelling<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        lowercase.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[tokens[index].spelling])) }
    }

    private mutating func tokenize(_ vocabulary: Vocabulary) {
        var tokenizer = Tokenizer(vocabulary: vocabulary)
        // English runs five to six bytes a word; a guess too small would double the array (and its peak).
        tokenizer.tokens.reserveCapacity(answer.utf8.count / 4 + 8)
        lowercase = withBytes { bytes in
            // The spellings never take more than twice the bytes read (see `read`).
            [UInt8](unsafeUninitializedCapacity: 2 * bytes.count + 4) { spellings, written in
                tokenizer.read(bytes, into: spellings)
                written = tokenizer.written
            }
        }
        tokens = tokenizer.tokens
        multibyte = tokenizer.multibyte
        scalarCount = tokenizer.scalarCount
    }

    /// The tokenizer's state, kept in a struct of its own so that the loop mutates plain stored
    /// properties: captured in closures, the same variables cost a run-time exclusivity check on
    /// every access.
    private struct Tokenizer {
        var tokens: [Token] = []
        var multibyte: [(scalar: Int, extraBytes: Int)] = []
        var scalarCount = 0
        /// Bytes of lowercase spellings written so far.
        var written = 0
        let vocabulary: Vocabulary
        var wordStart = 0  // in the spellings
        var start = 0  // in scalars
        var hasLetter = false
        var hasDigit = false

        /// Reads `bytes`, writing every token's lowercase spelling into `spellings`: ASCII, by far
        /// the common case, never consults the Unicode property tables, and no word becomes a String.
        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, into spellings: UnsafeMutableBufferPointer<UInt8>) {
            var index = 0
            var scalarIndex = 0
            while index < bytes.count {
                let lead = bytes[index]
                if (lead | 0x20) &- 97 < 26 || Self.isDigit(lead) {
                    // A run of ASCII letters and digits, most of every answer, in a loop of its own.
                    if written == wordStart { start = scalarIndex }
                    var end = index
                    var letters = false
                    var digits = false
                    while end < bytes.count {
                        let byte = bytes[end]
                        if (byte | 0x20) &- 97 < 26 {
                            spellings[written &+ (end &- index)] = byte | 0x20
                            letters = true
                        } else if Self.isDigit(byte) {
                            spellings[written &+ (end &- index)] = byte
                            digits = true
                        } else {
                            break
                        }
                        end += 1
                    }
                    written += end - index
                    scalarIndex += end - index
                    hasLetter = hasLetter || letters
                    hasDigit = hasDigit || digits
                    index = end
                    continue
                }
                if lead == 32 {
                    // A space, the most common separator, ends a word and nothing else.
                    if written > wordStart { flush(scalarIndex, spellings) }
                    index += 1
                    scalarIndex += 1
                    continue
                }
                var value = UInt32(lead)
                var length = 1
                if lead >= 0x80 {
                    // The bytes came from a String, so they are valid UTF-8.
                    if lead < 0xE0 {
                        length = 2
                        value = (value & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    } else if lead < 0xF0 {
                        length = 3
                        value = (value & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    } else {
                        length = 4
                        value = (value & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                            | UInt32(bytes[index + 3] & 0x3F)
                    }
                    multibyte.append((scalarIndex + 1, (multibyte.last?.extraBytes ?? 0) + length - 1))
                }
                let next = index + length
                // ASCII letters and digits took the loop above, so only a non-ASCII letter is left.
                if lead >= 0x80, let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                    if written == wordStart { start = scalarIndex }
                    hasLetter = true
                    // Never more than twice the bytes read so far, so the buffer (twice the answer)
                    // cannot overflow: today no lowercase is more than 1.5× its letter ("İ" becomes
                    // "i̇"), and a letter whose lowercase would not fit keeps its own bytes.
                    let lower = scalar.properties.lowercaseMapping.utf8
                    if written + lower.count <= 2 * next {
                        for byte in lower {
                            spellings[written] = byte
                            written += 1
                        }
                    } else {
                        for byte in bytes[index..<next] {
                            spellings[written] = byte
                            written += 1
                        }
                    }
                } else if (value == 39 || value == 0x2019) && written > wordStart {
                    spellings[written] = UInt8(ascii: "'")
                    written += 1
                } else if (value == 46 || value == 44) && hasDigit && !hasLetter && next < bytes.count && Self.isDigit(bytes[next]) {
                    spellings[written] = lead  // 2.5 or 1,000
                    written += 1
                } else if value == 37 && hasDigit {
                    spellings[written] = UInt8(ascii: "%")
                    written += 1
                } else {
                    if written > wordStart { flush(scalarIndex, spellings) }
                    switch value {
                    case 46, 33, 63, 59, 10, 13, 0x2026:  // . ! ? ; line breaks …
                        boundary(.sentence)
                    case 44, 58, 40, 41, 0x2014, 0x2013, 34, 0x201C, 0x201D:  // , : ( ) dashes quotes
                        boundary(.clause)
                    case 45 where next < bytes.count && bytes[next] == 32:  // "- "
                        boundary(.clause)
                    default:
                        break
                    }
                }
                index = next
                scalarIndex += 1
            }
            if written > wordStart { flush(scalarIndex, spellings) }
            scalarCount = scalarIndex
        }

        private static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

        /// Ends the word being read at scalar offset `end`.
        private mutating func flush(_ end: Int, _ spellings: UnsafeMutableBufferPointer<UInt8>) {
            while written > wordStart, spellings[written - 1] == UInt8(ascii: "'") { written -= 1 }
            if written > wordStart {
                let (id, info) = WordInfo.lookup(UnsafeBufferPointer(rebasing: spellings[wordStart..<written]), in: vocabulary)
                tokens.append(Token(start: start, end: end, spelling: wordStart..<written, info: info, id: id))
            }
            wordStart = written
            hasLetter = false
            hasDigit = false
        }

        private mutating func boundary(_ kind: Token.Boundary) {
            // Before the first token there is nothing to end.
            guard !tokens.isEmpty else { return }
            tokens[tokens.count - 1].boundaryAfter = max(tokens[tokens.count - 1].boundaryAfter, kind)
        }
    }

    private mutating func segment() {
        guard !tokens.isEmpty else { return }
        var clauses: [Clause] = []
        clauses.reserveCapacity(tokens.count / 4 + 2)
        sentenceCount = tokens.withUnsafeMutableBufferPointer { Self.segment($0, into: &clauses) }
        self.clauses = clauses
    }

    /// Marks the speech-like joins as clause boundaries and cuts the tokens into clauses; returns
    /// the number of sentences.
    private static func segment(_ tokens: UnsafeMutableBufferPointer<Token>, into clauses: inout [Clause]) -> Int {
        for i in 1..<tokens.count where tokens[i - 1].boundaryAfter == .none {
            let info = tokens[i].info
            if info.contains(.clauseOpener) {
                tokens[i - 1].boundaryAfter = .clause
            } else if info.contains(.subjectOpener), i + 1 < tokens.count, tokens[i + 1].info.contains(.clauseSubject) {
                tokens[i - 1].boundaryAfter = .clause
            } else if tokens[i].info.contains(.and) {
                var next = i + 1
                while next < tokens.count, tokens[next].info.contains(.filler) { next += 1 }
                // "…and we called her", and "I sat with him and asked what he needed": a second action
                // with the subject left out is a clause of its own.
                if next < tokens.count, tokens[next].info.contains(.clauseSubject) || tokens[next].info.contains(.actionPast) {
                    tokens[i - 1].boundaryAfter = .clause
                }
            }
        }
        var sentence = 0
        var clauseStart = 0
        for i in 1...tokens.count {
            let boundary = i == tokens.count ? .sentence : tokens[i - 1].boundaryAfter
            guard boundary != .none else { continue }
            clauses.append(Clause(range: clauseStart..<i, start: tokens[clauseStart].start, end: tokens[i - 1].end, sentence: sentence))
            if i < tokens.count, boundary == .sentence { sentence += 1 }
            clauseStart = i
        }
        return sentence + 1
    }

    /// The answer's paragraphs (parts between blank lines, "\n\n" or "\r\n\r\n") when it has more
    /// than one, and none otherwise, each from the start of its first clause to the end of its last
    /// (so without a closing full stop); the answer so far after a follow-up is the answers joined
    /// by blank lines.
    package var paragraphs: [String] {
        var paragraphs: [String] = []
        var start = 0
        for index in clauses.indices.dropFirst() where startsParagraph(index) {
            paragraphs.append(text(clauses[start].start, clauses[index - 1].end))
            start = index
        }
        guard !paragraphs.isEmpty, let last = clauses.last else { return [] }
        paragraphs.append(text(clauses[start].start, last.end))
        return paragraphs
    }

    /// Whether the speaker negates their own verb in `clause`: "I didn't ask", "I never called",
    /// "I did not", "I'd probably not" (a negation within three words after "I", and no second "I").
    package func negatesOwnVerb(in clause: Clause) -> Bool {
        let words = tokens[clause.range]
        guard let subject = words.firstIndex(where: { $0.info.contains(.ownSubject) }),
            !words[(subject + 1)...].contains(where: { $0.info.contains(.ownSubject) })
        else { return false }
        return words[(subject + 1)...].prefix(3).contains { $0.info.contains(.negationWord) }
    }

    /// Whether a blank line comes before clause `index` (not the first).
    package func startsParagraph(_ index: Int) -> Bool {
        guard index > 0 && index < clauses.count else { return false }
        // A blank line is two scalars at least; most gaps are one space.
        let (gapStart, gapEnd) = (clauses[index - 1].end, clauses[index].start)
        guard gapEnd - gapStart >= 2 else { return false }
        let lower = byteOffset(min(max(0, gapStart), scalarCount))
        let upper = byteOffset(max(0, min(gapEnd, scalarCount)))
        // Two line breaks in a row, "\n\n" or "\r\n\r\n", read in the bytes: a gap read as a String
        // went through the generic substring search, and this runs for every clause of every answer.
        return withBytes { bytes in
            let gap = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
            for index in gap.indices where gap[index] == 0x0A {
                if index + 1 < gap.count && gap[index + 1] == 0x0A { return true }
                if index >= 1 && index + 2 < gap.count && gap[index - 1] == 0x0D && gap[index + 1] == 0x0D && gap[index + 2] == 0x0A { return true }
            }
            return false
        }
    }

    /// The original text between two scalar offsets.
    package func text(_ start: Int, _ end: Int) -> String {
        let lower = min(max(0, start), scalarCount)
        let upper = max(lower, min(end, scalarCount))
        return withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[byteOffset(lower)..<byteOffset(upper)]), as: UTF8.self) }
    }

    /// Where the scalar at `offset` starts in the UTF-8 (the end, for `scalarCount`).
    private func byteOffset(_ offset: Int) -> Int {
        // The last entry at or before `offset`, by binary search.
        var low = 0
        var high = multibyte.count
        while low < high {
            let middle = (low + high) / 2
            if multibyte[middle].scalar <= offset { low = middle + 1 } else { high = middle }
        }
        return offset + (low == 0 ? 0 : multibyte[low - 1].extraBytes)
    }
}
