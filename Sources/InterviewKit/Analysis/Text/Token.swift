/// A word or number of an answer, lowercased, with its place in the original text.
struct Token: Sendable, Hashable {
    /// Lowercased, with typographic apostrophes made plain (`don’t` → `don't`).
    var text: String
    /// Offsets in Unicode scalars of the original answer.
    var start: Int
    var end: Int
    var isNumber: Bool
    /// What the word lists know about the word.
    var info: WordInfo
}

/// A clause: a stretch of tokens between punctuation or joining words, the unit the analyzers judge.
struct Clause: Sendable {
    var tokens: ArraySlice<Token>
    /// Offsets in Unicode scalars of the original answer.
    var start: Int
    var end: Int
    /// Index of the sentence the clause belongs to.
    var sentence: Int

    var words: [String] { tokens.map(\.text) }
    var info: [WordInfo] { tokens.map(\.info) }
}
