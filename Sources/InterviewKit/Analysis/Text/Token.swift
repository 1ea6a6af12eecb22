/// A word or number of an answer, lowercased, with its place in the original text.
struct Token: Sendable, Hashable {
    /// Lowercased, with typographic apostrophes made plain (`don’t` → `don't`).
    var text: String
    /// Offsets in Unicode scalars of the original answer.
    var start: Int
    var end: Int
    var isNumber: Bool
    /// The word's id in the analyzers' vocabulary, or -1 when no list has it.
    var id: Int32
    /// What the word lists know about the word.
    var info: WordInfo
}

/// A clause: a stretch of tokens between punctuation or joining words, the unit the analyzers judge.
struct Clause: Sendable {
    let tokens: ArraySlice<Token>
    /// Offsets in Unicode scalars of the original answer.
    var start: Int
    var end: Int
    /// Index of the sentence the clause belongs to.
    var sentence: Int

    /// The tokens' words, vocabulary ids and flags, made once here because every analyzer reads them.
    let words: [String]
    let ids: [Int32]
    let info: [WordInfo]

    init(tokens: ArraySlice<Token>, start: Int, end: Int, sentence: Int) {
        self.tokens = tokens
        self.start = start
        self.end = end
        self.sentence = sentence
        words = tokens.map(\.text)
        ids = tokens.map(\.id)
        info = tokens.map(\.info)
    }
}
