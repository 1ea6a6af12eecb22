/// What the word lists know about one word, looked up once per token instead of once per rule.
struct WordInfo: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

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
        (habitual, .habitual), (numberWords, .quantity), (connectives, .connective), (prepositions, .preposition),
        (ClauseFacts.subordinators, .subordinator), (ClauseFacts.sceneNouns, .sceneNoun),
        (TextSegmenter.clauseOpeners, .clauseOpener), (TextSegmenter.subjectOpeners, .subjectOpener),
        (TextSegmenter.subjects, .clauseSubject), (TextSegmenter.fillers, .filler), (firstSingular, .firstSingular),
        (firstPlural, .firstPlural), (fillers, .spokenFiller), (months, .month), (SMARTAnalyzer.timeUnits, .timeUnit),
    ]

    /// The vocabulary id of a token's lowercase bytes (-1 when no list has it) and everything the
    /// lists and its form say about it (digits, years, percentages, "-ed").
    static func lookup(_ word: UnsafeBufferPointer<UInt8>, in vocabulary: Vocabulary = .shared) -> (id: Int32, info: WordInfo) {
        let id = vocabulary.id(word)
        var info = id >= 0 ? vocabulary.info[Int(id)] : []
        guard let first = word.first, let last = word.last else { return (id, info) }
        if first >= 48 && first <= 57 {
            info.insert(.quantity)
            if isYear(word) { info.insert(.year) }
        } else if last == UInt8(ascii: "%") {
            info.insert(.quantity)
        }
        if !info.contains(.past), word.count > 3, last == UInt8(ascii: "d"), word[word.count - 2] == UInt8(ascii: "e"),
            id < 0 || !vocabulary.notPast[Int(id)]
        {
            info.formUnion([.past, .actionPast])
        }
        return (id, info)
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
