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
    private static let clauseOpeners: Set<String> = ["so", "but", "then", "because", "although", "though", "which", "whereas"]
    /// Words that open a clause only when a subject follows: "before he left", not "before lunch".
    private static let subjectOpeners: Set<String> = ["after", "before", "until", "once", "when", "while"]
    /// Spoken fillers that may sit between "and" and the subject it introduces.
    private static let fillers: Set<String> = ["um", "uh", "like", "erm", "er", "so", "then"]
    private static let subjects: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "she", "he", "they", "she's", "he's", "they're",
        "it", "it's", "my", "our", "the", "her", "his", "their", "nobody", "everyone", "that", "this", "there",
    ]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        tokenize()
        segment()
    }

    private mutating func tokenize() {
        var index = 0
        // Boundaries recorded as token indices: a sentence or clause ends before this token.
        var current = String.UnicodeScalarView()
        var start = 0
        var hasLetter = false
        var hasDigit = false
        func flush(_ end: Int, into tokens: inout [Token]) {
            guard !current.isEmpty else { return }
            var text = String(current)
            while text.hasSuffix("'") { text.removeLast() }
            while text.hasPrefix("'") { text.removeFirst() }
            if !text.isEmpty {
                tokens.append(Token(text: text, start: start, end: end, isNumber: hasDigit && !hasLetter))
            }
            current = String.UnicodeScalarView()
            hasLetter = false
            hasDigit = false
        }
        boundaries = []
        while index < scalars.count {
            let scalar = scalars[index]
            let properties = scalar.properties
            if properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if current.isEmpty { start = index }
                if properties.isAlphabetic { hasLetter = true } else { hasDigit = true }
                for lower in properties.lowercaseMapping.unicodeScalars { current.append(lower) }
            } else if (scalar == "'" || scalar == "\u{2019}") && !current.isEmpty {
                current.append("'")
            } else if (scalar == "." || scalar == ",") && hasDigit && !hasLetter && index + 1 < scalars.count
                && ("0"..."9").contains(scalars[index + 1])
            {
                current.append(scalar)  // 2.5 or 1,000
            } else if scalar == "%" && hasDigit {
                current.append(scalar)
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
            let word = tokens[i].text
            if Self.clauseOpeners.contains(word) {
                breaks[i] = .clause
            } else if Self.subjectOpeners.contains(word), i + 1 < tokens.count, Self.subjects.contains(tokens[i + 1].text) {
                breaks[i] = .clause
            } else if word == "and" {
                var next = i + 1
                while next < tokens.count, Self.fillers.contains(tokens[next].text) { next += 1 }
                if next < tokens.count, Self.subjects.contains(tokens[next].text) { breaks[i] = .clause }
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
        String(String.UnicodeScalarView(scalars[max(0, start)..<min(end, scalars.count)]))
    }
}
