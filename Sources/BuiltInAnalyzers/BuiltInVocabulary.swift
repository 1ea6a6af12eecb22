import InterviewCore

extension Vocabulary {
    /// The built-in analyzers' vocabulary: each analyzer's word and phrase lists, handed to the
    /// text layer here. Made once per process, when the first answer is read.
    static let builtIn = Vocabulary(
        Vocabulary.Lists(
            keywords: Keyword.allCases.map(\.spelling),
            marks: Lexicon.marks,
            actionPast: Lexicon.irregularActionPast,
            statePast: Lexicon.statePast,
            notPast: Lexicon.notPast,
            // The first words of the STAR and delivery phrases are marked, so only those positions
            // are looked up.
            phrases: [
                (ClauseFacts.phraseLists, .phraseStart), (SMARTAnalyzer.phraseLists, []), (AnswerDepth.phraseLists, .depthPhraseStart),
                ([DeliveryAnalyzer.phraseList], .deliveryPhraseStart),
            ]))
}

extension Token {
    /// The keyword this token is, if it is one: keywords have the vocabulary's first ids.
    var keyword: Keyword? { Keyword(rawValue: id) }

    /// Whether the token is `keyword`: one integer comparison.
    func `is`(_ keyword: Keyword) -> Bool { id == keyword.rawValue }
}
