/// Splits an answer into tokens, sentences and clauses, also when it is unpunctuated speech.
///
/// One pass over the Unicode scalars. Sentences end at `.`, `!`, `?`, `;` and line breaks; clauses
/// also end at commas and dashes, and before joining words that start a new clause in speech
/// ("so", "but", "then", "because", and "and" when a subject follows).
struct TextSegmenter {
    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token] = []
    private(set) var clauses: [Clause] = []
    private(set) var sentenceCount = 0

    /// Words that open a new clause when they follow other words.
    static let clauseOpeners: Set<String> = ["so", "but", "then", "because", "although", "though", "which", "whereas"]
    /// Words that open a clause only when a subject follows: "before he left", not "before lunch".
    static let subjectOpeners: Set<String> = ["after", "before", "until", "once", "when", "while"]
    /// Spoken fillers that may sit between "and" and the subject it introduces.
    static let fillers: Set<String> = ["um", "uh", "like", "erm", "er", "so", "then"]
    static let subjects: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "she", "he", "they", "she's", "he's", "they're",
        "it", "it's", "my", "our", "the", "her", "his", "their", "nobody", "everyone", "that", "this", "there",
    ]

    /// The answer's UTF-8 when it is all ASCII (the usual case): then scalar offsets are byte offsets
    /// and quoting evidence is one copy.
    private let asciiBytes: [UInt8]?

    init(_ text: String) {
        // ASCII (the usual case) is widened byte by byte; decoding UTF-8 through the scalar view,
        // once to count and once to copy, cost more than the tokenizing that follows.
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            asciiBytes = bytes
            scalars = bytes.map { Unicode.Scalar($0) }
        } else {
            asciiBytes = nil
            scalars = Array(text.unicodeScalars)
        }
        tokenize()
        segment()
    }

    private mutating func tokenize() {
        // Token text is built as lowercased UTF-8 bytes; ASCII, by far the common case, never
        // consults the Unicode property tables.
        let vocabulary = Vocabulary.shared
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        var start = 0
        var hasLetter = false
        var hasDigit = false
        func flush(_ end: Int, into tokens: inout [Token]) {
            guard !buffer.isEmpty else { return }
            var lower = 0
            var upper = buffer.count
            while lower < upper, buffer[lower] == UInt8(ascii: "'") { lower += 1 }
            while upper > lower, buffer[upper - 1] == UInt8(ascii: "'") { upper -= 1 }
            if lower < upper {
                let (text, id, info) = buffer[lower..<upper].withUnsafeBufferPointer { word in
                    let (id, info) = Lexicon.lookup(word, in: vocabulary)
                    return (String(decoding: word, as: UTF8.self), id, info)
                }
                tokens.append(Token(text: text, start: start, end: end, isNumber: hasDigit && !hasLetter, id: id, info: info))
            }
            buffer.removeAll(keepingCapacity: true)
            hasLetter = false
            hasDigit = false
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        boundaries = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            let letter = scalar.isLetter
            if letter || isDigit(scalar) {
                if buffer.isEmpty { start = index }
                if letter { hasLetter = true } else { hasDigit = true }
                if value < 128 {
                    buffer.append(UInt8(letter ? value | 0x20 : value))
                } else {
                    buffer.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            } else if (scalar == "'" || scalar == "\u{2019}") && !buffer.isEmpty {
                buffer.append(UInt8(ascii: "'"))
            } else if (scalar == "." || scalar == ",") && hasDigit && !hasLetter && index + 1 < scalars.count
                && isDigit(scalars[index + 1])
            {
                buffer.append(UInt8(value))  // 2.5 or 1,000
            } else if scalar == "%" && hasDigit {
                buffer.append(UInt8(ascii: "%"))
            } else {
                flush(index, into: &tokens)
                switch scalar {
                case ".", "!", "?", ";", "\n", "\r", "\u{2026}":
                    boundaries.append((tokens.count, .sentence))
                case ",", ":", "(", ")", "\u{2014}", "\u{2013}", "\"", "\u{201C}", "\u{201D}":
                    boundaries.append((tokens.count, .clause))
                case "-" where index + 1 < scalars.count && scalars[index + 1] == " ":
                    boundaries.append((tokens.count, .clause))
                default:
                    break
                }
            }
            index += 1
        }
        flush(index, into: &tokens)
    }

    private enum Boundary { case sentence, clause }
    private var boundaries: [(Int, Boundary)] = []

    private mutating func segment() {
        guard !tokens.isEmpty else { return }
        var breaks = [Boundary?](repeating: nil, count: tokens.count + 1)
        for (position, kind) in boundaries where position <= tokens.count {
            if breaks[position] != .sentence { breaks[position] = kind }
        }
        // Speech-like joins open a new clause.
        for i in 1..<max(1, tokens.count) where breaks[i] == nil {
            let info = tokens[i].info
            if info.contains(.clauseOpener) {
                breaks[i] = .clause
            } else if info.contains(.subjectOpener), i + 1 < tokens.count, tokens[i + 1].info.contains(.clauseSubject) {
                breaks[i] = .clause
            } else if tokens[i].text == "and" {
                var next = i + 1
                while next < tokens.count, tokens[next].info.contains(.filler) { next += 1 }
                if next < tokens.count, tokens[next].info.contains(.clauseSubject) { breaks[i] = .clause }
            }
        }
        var sentence = 0
        var clauseStart = 0
        for i in 1...tokens.count {
            guard i == tokens.count || breaks[i] != nil else { continue }
            if clauseStart < i {
                let slice = tokens[clauseStart..<i]
                clauses.append(Clause(tokens: slice, start: slice.first!.start, end: slice.last!.end, sentence: sentence))
            }
            if i < tokens.count, breaks[i] == .sentence, clauseStart < i { sentence += 1 }
            clauseStart = i
        }
        sentenceCount = clauses.isEmpty ? 0 : sentence + 1
    }

    /// The original text between two scalar offsets.
    func text(_ start: Int, _ end: Int) -> String {
        let range = max(0, start)..<max(max(0, start), min(end, scalars.count))
        if let asciiBytes { return String(decoding: asciiBytes[range], as: UTF8.self) }
        return String(String.UnicodeScalarView(scalars[range]))
    }
}
