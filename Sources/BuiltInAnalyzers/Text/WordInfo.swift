/// What the word lists and a word's form say about one word, looked up once per token instead of
/// once per rule. The flags here are the text layer's own (segmentation, and what a word's form
/// shows); bits 0 to 39 belong to the analyzers, which declare their flags in an extension and
/// hand their word lists to `Vocabulary`.
package struct WordInfo: OptionSet, Sendable, Hashable {
    package let rawValue: UInt64

    package init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// A count or amount: digits, "three", "half", "50%".
    package static let quantity = WordInfo(rawValue: 1 << 40)
    package static let year = WordInfo(rawValue: 1 << 41)
    package static let past = WordInfo(rawValue: 1 << 42)
    package static let actionPast = WordInfo(rawValue: 1 << 43)
    /// Segmentation: words that open a clause always, or only before a subject; subjects; fillers.
    package static let clauseOpener = WordInfo(rawValue: 1 << 44)
    package static let subjectOpener = WordInfo(rawValue: 1 << 45)
    package static let clauseSubject = WordInfo(rawValue: 1 << 46)
    package static let filler = WordInfo(rawValue: 1 << 47)
    /// "and", which opens a clause when a subject follows.
    package static let and = WordInfo(rawValue: 1 << 55)

    // The word's form, worked out from its bytes for every token, listed or not.
    /// Its first character is a number ("5", "2019", "Ⅻ").
    package static let numeral = WordInfo(rawValue: 1 << 48)
    package static let endsEd = WordInfo(rawValue: 1 << 49)
    package static let endsIng = WordInfo(rawValue: 1 << 50)
    package static let endsS = WordInfo(rawValue: 1 << 51)
    /// Contractions that carry an auxiliary: "I'd", "we'll", "I'm" and "they're".
    package static let endsApostropheD = WordInfo(rawValue: 1 << 52)
    package static let endsApostropheLL = WordInfo(rawValue: 1 << 53)
    package static let endsApostropheMOrRe = WordInfo(rawValue: 1 << 54)
    /// A noun made from a verb: "-tion", "-sion", "-ment" ("referral", "call" are listed by the analyzers).
    package static let nominalSuffix = WordInfo(rawValue: 1 << 56)
}

extension WordInfo {
    /// The vocabulary id of a token's lowercase bytes (-1 when no list has it) and everything the
    /// lists and its form say about it (digits, years, percentages, "-ed", "-ing", contractions).
    /// A listed word's form was read once, when the vocabulary was made.
    package static func lookup(_ word: UnsafeBufferPointer<UInt8>, in vocabulary: Vocabulary) -> (id: Int32, info: WordInfo) {
        let id = vocabulary.id(word)
        if id >= 0 { return (id, vocabulary.info[Int(id)]) }
        return (id, form(of: word, listed: [], notPast: false))
    }

    /// `listed` plus what the word's form says: digits, years, percentages, "-ed" past tenses
    /// (unless `notPast`), "-ing", "-s", contractions.
    package static func form(of word: UnsafeBufferPointer<UInt8>, listed: WordInfo, notPast: Bool) -> WordInfo {
        var info = listed
        guard let first = word.first, let last = word.last else { return info }
        if first >= 48 && first <= 57 {
            info.formUnion([.quantity, .numeral])
            if isYear(word) { info.insert(.year) }
        } else {
            if last == UInt8(ascii: "%") { info.insert(.quantity) }
            if first >= 0x80, startsWithNumber(word) { info.insert(.numeral) }
        }
        let count = word.count
        func endsWith(_ a: UInt8, _ b: UInt8) -> Bool { count >= 2 && word[count - 2] == a && word[count - 1] == b }
        if last == UInt8(ascii: "s") { info.insert(.endsS) }
        if endsWith(UInt8(ascii: "e"), UInt8(ascii: "d")) {
            info.insert(.endsEd)
            if count > 3, !notPast, !info.contains(.past) { info.formUnion([.past, .actionPast]) }
        }
        if endsWith(UInt8(ascii: "n"), UInt8(ascii: "g")), count >= 3, word[count - 3] == UInt8(ascii: "i") { info.insert(.endsIng) }
        if endsWith(UInt8(ascii: "'"), UInt8(ascii: "d")) { info.insert(.endsApostropheD) }
        if endsWith(UInt8(ascii: "'"), UInt8(ascii: "m")) || (endsWith(UInt8(ascii: "r"), UInt8(ascii: "e")) && count >= 3 && word[count - 3] == UInt8(ascii: "'")) {
            info.insert(.endsApostropheMOrRe)
        }
        if endsWith(UInt8(ascii: "l"), UInt8(ascii: "l")), count >= 3, word[count - 3] == UInt8(ascii: "'") { info.insert(.endsApostropheLL) }
        if count >= 6, endsWith(UInt8(ascii: "o"), UInt8(ascii: "n")), word[count - 3] == UInt8(ascii: "i"), word[count - 4] == UInt8(ascii: "t") || word[count - 4] == UInt8(ascii: "s") {
            info.insert(.nominalSuffix)
        } else if count >= 6, endsWith(UInt8(ascii: "n"), UInt8(ascii: "t")), word[count - 3] == UInt8(ascii: "e"), word[count - 4] == UInt8(ascii: "m") {
            info.insert(.nominalSuffix)
        }
        return info
    }

    /// Like Character.isNumber, which asks of the first scalar: "Ⅻ" is a letter and a number.
    /// Out of line, so that the common ASCII path does not pay for the Unicode types' set-up.
    @inline(never)
    private static func startsWithNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        String(decoding: word.prefix(4), as: UTF8.self).unicodeScalars.first?.properties.numericType != nil
    }

    /// Four digits from 1980 to 2060.
    package static func isYear(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count == 4 else { return false }
        var year = 0
        for byte in word {
            guard byte >= 48 && byte <= 57 else { return false }
            year = year * 10 + Int(byte - 48)
        }
        return (1980...2060).contains(year)
    }
}
