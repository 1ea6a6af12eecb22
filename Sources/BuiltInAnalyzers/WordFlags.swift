import InterviewCore

/// The analyzers' word flags (bits 0 to 39 of `WordInfo`; the text layer has the rest).
extension WordInfo {
    package static let ownSubject = WordInfo(rawValue: 1 << 0)
    /// The first word of a reasoning or tailoring phrase (`AnswerDepth`): only there are its phrase sets consulted.
    package static let depthPhraseStart = WordInfo(rawValue: 1 << 18)
    package static let groupSubject = WordInfo(rawValue: 1 << 1)
    /// "team", "staff": a group subject after "the", "our", "my" or "whole".
    package static let groupNoun = WordInfo(rawValue: 1 << 2)
    package static let groupDeterminer = WordInfo(rawValue: 1 << 3)
    package static let thirdPerson = WordInfo(rawValue: 1 << 4)
    package static let adverb = WordInfo(rawValue: 1 << 5)
    package static let hedge = WordInfo(rawValue: 1 << 6)
    package static let habitual = WordInfo(rawValue: 1 << 7)
    package static let connective = WordInfo(rawValue: 1 << 12)
    /// A preposition before which a noun is an object, not a subject ("to the client").
    package static let preposition = WordInfo(rawValue: 1 << 13)
    package static let subordinator = WordInfo(rawValue: 1 << 14)
    package static let sceneNoun = WordInfo(rawValue: 1 << 15)
    /// The first word of one of the STAR phrase lists, so the phrase index is consulted only then.
    package static let phraseStart = WordInfo(rawValue: 1 << 20)
    /// Delivery: "I", "my", … and "we", "our", …; spoken fillers ("um", "basically").
    package static let firstSingular = WordInfo(rawValue: 1 << 21)
    package static let firstPlural = WordInfo(rawValue: 1 << 22)
    package static let spokenFiller = WordInfo(rawValue: 1 << 23)
    /// The first word of a delivery filler or hedge phrase ("you know", "kind of").
    package static let deliveryPhraseStart = WordInfo(rawValue: 1 << 24)
    /// SMART time frames: month and season names; "year", "weeks", "semester" and the like.
    package static let month = WordInfo(rawValue: 1 << 25)
    package static let timeUnit = WordInfo(rawValue: 1 << 26)
    /// Clause reading: "would", "can", …; participles that are not base forms ("done"); verbs of speaking.
    package static let modal = WordInfo(rawValue: 1 << 27)
    package static let participle = WordInfo(rawValue: 1 << 28)
    package static let speech = WordInfo(rawValue: 1 << 29)
    /// A number written as a word ("three", "dozen").
    package static let numberWord = WordInfo(rawValue: 1 << 30)
    /// "-ing" forms that, after "I was", set a scene rather than tell an action ("I was working
    /// nights", "I was feeling lost").
    package static let sceneProgressive = WordInfo(rawValue: 1 << 31)
    /// "me", as the agent of a passive ("was contacted by me").
    package static let speakerObject = WordInfo(rawValue: 1 << 32)
    /// "my", before an action told as a noun ("my referral of her").
    package static let ownPossessive = WordInfo(rawValue: 1 << 33)
    /// Nouns of doing that the "-tion", "-sion", "-ment" form does not give ("referral", "call").
    package static let deverbal = WordInfo(rawValue: 1 << 34)
    /// Verbs of getting something done: "I finished the hours" tells how it turned out.
    package static let completionVerb = WordInfo(rawValue: 1 << 35)
    /// The negations and the words of knowing that say an outcome is unknown ("never found out").
    package static let negationWord = WordInfo(rawValue: 1 << 36)
    package static let knowingWord = WordInfo(rawValue: 1 << 37)
    /// The words of "I can't really think of one": a negation or a word of not managing; a verb of
    /// recalling; "have"; what is recalled ("one", "an example"); "a time" and "mind", which count
    /// only after a verb of recalling ("I didn't have time" declines nothing).
    package static let declineNegation = WordInfo(rawValue: 1 << 8)
    package static let recallVerb = WordInfo(rawValue: 1 << 9)
    package static let possessionVerb = WordInfo(rawValue: 1 << 10)
    package static let exampleNoun = WordInfo(rawValue: 1 << 11)
    package static let memoryNoun = WordInfo(rawValue: 1 << 16)
    package static let nothing = WordInfo(rawValue: 1 << 17)
}

extension Lexicon {
    package static let ownSubjects: Set<String> = ["i", "i've", "i'd", "i'm", "i'll", "myself"]
    package static let groupSubjectWords: Set<String> = ["we", "we've", "we'd", "we're", "we'll"]
    package static let groupNouns: Set<String> = ["team", "staff", "everyone", "everybody"]
    package static let groupDeterminers: Set<String> = ["the", "our", "my", "whole"]
    package static let prepositions: Set<String> = ["to", "with", "for", "about", "at", "from", "of", "on", "into", "like"]
    package static let connectives: Set<String> = ["and", "then", "so", "but", "also", "or"]

    /// Each word list the analyzers share, and those of the analyzers that own lists, with the
    /// flag its words carry; `Vocabulary.builtIn` is made from these and the phrase lists.
    static let marks: [(words: Set<String>, flag: WordInfo)] = [
        (ownSubjects, .ownSubject), (groupSubjectWords, .groupSubject), (groupNouns, .groupNoun),
        (groupDeterminers, .groupDeterminer), (thirdPersonSubjects, .thirdPerson), (adverbs, .adverb), (hedges, .hedge),
        (habitual, .habitual), (numberWords, [.quantity, .numberWord]), (connectives, .connective), (prepositions, .preposition),
        (ClauseFacts.subordinators, .subordinator), (ClauseFacts.sceneNouns, .sceneNoun),
        (firstSingular, .firstSingular),
        (firstPlural, .firstPlural), (fillers, .spokenFiller), (months, .month), (SMARTAnalyzer.timeUnits, .timeUnit),
        (modals, .modal), (ClauseFacts.participles, .participle), (ClauseFacts.speechVerbs, .speech),
        (ClauseFacts.sceneProgressives, .sceneProgressive),
        (ClauseFacts.declineNegations, .declineNegation), (ClauseFacts.recallVerbs, .recallVerb),
        (ClauseFacts.possessionVerbs, .possessionVerb), (ClauseFacts.exampleNouns, .exampleNoun),
        (ClauseFacts.memoryNouns, .memoryNoun), (ClauseFacts.nothingWords, .nothing),
        (["me"], .speakerObject), (["my"], .ownPossessive), (ClauseFacts.deverbalNouns, .deverbal),
        (ClauseFacts.completionVerbs, .completionVerb), (ClauseFacts.negationWords, .negationWord), (ClauseFacts.knowingWords, .knowingWord),
    ]

    /// Everything the lists say about `word`, plus what its form says (digits, years, "-ed").
    package static func info(_ word: String) -> WordInfo {
        var word = word
        return word.withUTF8 { WordInfo.lookup($0, in: .builtIn).info }
    }
}
