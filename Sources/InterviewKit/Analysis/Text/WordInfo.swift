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

    private static let table: [String: WordInfo] = {
        var table: [String: WordInfo] = [:]
        func mark(_ words: Set<String>, _ info: WordInfo) {
            for word in words { table[word, default: []].insert(info) }
        }
        mark(ownSubjects, .ownSubject)
        mark(groupSubjectWords, .groupSubject)
        mark(groupNouns, .groupNoun)
        mark(groupDeterminers, .groupDeterminer)
        mark(thirdPersonSubjects, .thirdPerson)
        mark(adverbs, .adverb)
        mark(hedges, .hedge)
        mark(habitual, .habitual)
        mark(numberWords, .quantity)
        mark(connectives, .connective)
        mark(prepositions, .preposition)
        mark(ClauseFacts.subordinators, .subordinator)
        mark(ClauseFacts.sceneNouns, .sceneNoun)
        mark(TextSegmenter.clauseOpeners, .clauseOpener)
        mark(TextSegmenter.subjectOpeners, .subjectOpener)
        mark(TextSegmenter.subjects, .clauseSubject)
        mark(TextSegmenter.fillers, .filler)
        mark(ClauseFacts.phrases.firstWords, .phraseStart)
        mark(firstSingular, .firstSingular)
        mark(firstPlural, .firstPlural)
        mark(fillers, .spokenFiller)
        mark(DeliveryAnalyzer.phraseFirstWords, .deliveryPhraseStart)
        mark(months, .month)
        mark(SMARTAnalyzer.timeUnits, .timeUnit)
        for word in irregularActionPast.union(statePast) {
            table[word, default: []].insert(.past)
            if !statePast.contains(word) { table[word, default: []].insert(.actionPast) }
        }
        return table
    }()

    /// More than three bytes, ending in "ed" (bytes, not Characters: this runs for every word).
    private static func endsInED(_ utf8: String.UTF8View) -> Bool {
        guard utf8.count > 3 else { return false }
        var last = utf8.endIndex
        utf8.formIndex(before: &last)
        guard utf8[last] == UInt8(ascii: "d") else { return false }
        utf8.formIndex(before: &last)
        return utf8[last] == UInt8(ascii: "e")
    }

    /// Everything the lists say about `word`, plus what its form says (digits, years, "-ed").
    static func info(_ word: String) -> WordInfo {
        var info = table[word] ?? []
        guard let first = word.utf8.first else { return info }
        if first >= 48 && first <= 57 {
            info.insert(.quantity)
            if isYear(word) { info.insert(.year) }
        } else if word.utf8.last == UInt8(ascii: "%") {
            info.insert(.quantity)
        }
        if !info.contains(.past), endsInED(word.utf8), !notPast.contains(word) {
            info.formUnion([.past, .actionPast])
        }
        return info
    }
}
