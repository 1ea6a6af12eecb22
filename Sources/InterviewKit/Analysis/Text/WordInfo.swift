/// What the word lists know about one word, looked up once per token instead of once per rule.
struct WordInfo: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

    static let ownSubject = WordInfo(rawValue: 1 << 0)
    static let groupSubject = WordInfo(rawValue: 1 << 1)
    /// "team", "staff": a group subject after "the", "our", "my" or "whole".
    static let groupNoun = WordInfo(rawValue: 1 << 2)
    static let groupDeterminer = WordInfo(rawValue: 1 << 3)
    static let thirdPerson = WordInfo(rawValue: 1 << 4)
    static let adverb = WordInfo(rawValue: 1 << 5)
    static let hedge = WordInfo(rawValue: 1 << 6)
    static let habitual = WordInfo(rawValue: 1 << 7)
    /// A count or amount: digits, "three", "half", "50%".
    static let quantity = WordInfo(rawValue: 1 << 8)
    static let year = WordInfo(rawValue: 1 << 9)
    static let past = WordInfo(rawValue: 1 << 10)
    static let actionPast = WordInfo(rawValue: 1 << 11)
    static let connective = WordInfo(rawValue: 1 << 12)
    /// A preposition before which a noun is an object, not a subject ("to the client").
    static let preposition = WordInfo(rawValue: 1 << 13)
    static let subordinator = WordInfo(rawValue: 1 << 14)
    static let sceneNoun = WordInfo(rawValue: 1 << 15)
    /// Segmentation: words that open a clause always, or only before a subject; subjects; fillers.
    static let clauseOpener = WordInfo(rawValue: 1 << 16)
    static let subjectOpener = WordInfo(rawValue: 1 << 17)
    static let clauseSubject = WordInfo(rawValue: 1 << 18)
    static let filler = WordInfo(rawValue: 1 << 19)
    /// The first word of one of the STAR phrase lists, so the phrase index is consulted only then.
    static let phraseStart = WordInfo(rawValue: 1 << 20)
    /// Delivery: "I", "my", … and "we", "our", …; spoken fillers ("um", "basically").
    static let firstSingular = WordInfo(rawValue: 1 << 21)
    static let firstPlural = WordInfo(rawValue: 1 << 22)
    static let spokenFiller = WordInfo(rawValue: 1 << 23)
    /// The first word of a delivery filler or hedge phrase ("you know", "kind of").
    static let deliveryPhraseStart = WordInfo(rawValue: 1 << 24)
    /// SMART time frames: month and season names; "year", "weeks", "semester" and the like.
    static let month = WordInfo(rawValue: 1 << 25)
    static let timeUnit = WordInfo(rawValue: 1 << 26)
    /// Clause reading: "would", "can", …; participles that are not base forms ("done"); verbs of speaking.
    static let modal = WordInfo(rawValue: 1 << 27)
    static let participle = WordInfo(rawValue: 1 << 28)
    static let speech = WordInfo(rawValue: 1 << 29)
    /// A number written as a word ("three", "dozen").
    static let numberWord = WordInfo(rawValue: 1 << 30)

    // The word's form, worked out from its bytes for every token, listed or not.
    /// Its first character is a number ("5", "2019", "Ⅻ").
    static let numeral = WordInfo(rawValue: 1 << 31)
    static let endsEd = WordInfo(rawValue: 1 << 32)
    static let endsIng = WordInfo(rawValue: 1 << 33)
    static let endsS = WordInfo(rawValue: 1 << 34)
    /// Contractions that carry an auxiliary: "I'd", "we'll", "I'm" and "they're".
    static let endsApostropheD = WordInfo(rawValue: 1 << 35)
    static let endsApostropheLL = WordInfo(rawValue: 1 << 36)
    static let endsApostropheMOrRe = WordInfo(rawValue: 1 << 37)
}

extension Lexicon {
    static let ownSubjects: Set<String> = ["i", "i've", "i'd", "i'm", "i'll", "myself"]
    static let groupSubjectWords: Set<String> = ["we", "we've", "we'd", "we're", "we'll"]
    static let groupNouns: Set<String> = ["team", "staff", "everyone", "everybody"]
    static let groupDeterminers: Set<String> = ["the", "our", "my", "whole"]
    static let prepositions: Set<String> = ["to", "with", "for", "about", "at", "from", "of", "on", "into", "like"]
    static let connectives: Set<String> = ["and", "then", "so", "but", "also", "or"]

    /// Each word list with the flag its words carry; the vocabulary is made from these and the
    /// phrase lists. Past tenses, phrase starts and forms ("-ed", digits) are worked out there.
    static let marks: [(words: Set<String>, flag: WordInfo)] = [
        (ownSubjects, .ownSubject), (groupSubjectWords, .groupSubject), (groupNouns, .groupNoun),
        (groupDeterminers, .groupDeterminer), (thirdPersonSubjects, .thirdPerson), (adverbs, .adverb), (hedges, .hedge),
        (habitual, .habitual), (numberWords, [.quantity, .numberWord]), (connectives, .connective), (prepositions, .preposition),
        (ClauseFacts.subordinators, .subordinator), (ClauseFacts.sceneNouns, .sceneNoun),
        (TextSegmenter.clauseOpeners, .clauseOpener), (TextSegmenter.subjectOpeners, .subjectOpener),
        (TextSegmenter.subjects, .clauseSubject), (TextSegmenter.fillers, .filler), (firstSingular, .firstSingular),
        (firstPlural, .firstPlural), (fillers, .spokenFiller), (months, .month), (SMARTAnalyzer.timeUnits, .timeUnit),
        (modals, .modal), (ClauseFacts.participles, .participle), (ClauseFacts.speechVerbs, .speech),
    ]

    /// The vocabulary id of a token's lowercase bytes (-1 when no list has it) and everything the
    /// lists and its form say about it (digits, years, percentages, "-ed", "-ing", contractions).
    /// A listed word's form was read once, when the vocabulary was made.
    static func lookup(_ word: UnsafeBufferPointer<UInt8>, in vocabulary: Vocabulary = .shared) -> (id: Int32, info: WordInfo) {
        let id = vocabulary.id(word)
        if id >= 0 { return (id, vocabulary.info[Int(id)]) }
        return (id, form(of: word, listed: [], notPast: false))
    }

    /// `listed` plus what the word's form says: digits, years, percentages, "-ed" past tenses
    /// (unless `notPast`), "-ing", "-s", contractions.
    static func form(of word: UnsafeBufferPointer<UInt8>, listed: WordInfo, notPast: Bool) -> WordInfo {
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
        return info
    }

    /// Like Character.isNumber, which asks of the first scalar: "Ⅻ" is a letter and a number.
    /// Out of line, so that the common ASCII path does not pay for the Unicode types' set-up.
    @inline(never)
    private static func startsWithNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        String(decoding: word.prefix(4), as: UTF8.self).unicodeScalars.first?.properties.numericType != nil
    }

    /// Four digits from 1980 to 2060.
    static func isYear(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count == 4 else { return false }
        var year = 0
        for byte in word {
            guard byte >= 48 && byte <= 57 else { return false }
            year = year * 10 + Int(byte - 48)
        }
        return (1980...2060).contains(year)
    }

    /// Everything the lists say about `word`, plus what its form says (digits, years, "-ed").
    static func info(_ word: String) -> WordInfo {
        var word = word
        return word.withUTF8 { lookup($0).info }
    }
}
