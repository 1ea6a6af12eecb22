/// A word or number of an answer, with its place in the original text and what the word lists
/// know about it. Its lowercase spelling is in the segmenter (`TextSegmenter.word(_:)`): most
/// words are never needed as text, so none is made a String.
struct Token: Sendable, Hashable {
    // In this order the fields pack into 48 bytes (56 with `id` before `info`): a long answer has
    // millions of tokens.
    /// Offsets in Unicode scalars of the original answer.
    var start: Int
    var end: Int
    /// Where the lowercase spelling is in `TextSegmenter.lowercase`.
    var spelling: Range<Int>
    /// What the word lists and the word's form say about it.
    var info: WordInfo
    /// The word's id in the analyzers' vocabulary, or -1 when no list has it.
    var id: Int32
    /// Punctuation after the token: a clause or sentence ends there.
    var boundaryAfter: Boundary = .none

    /// The keyword this token is, if it is one.
    var keyword: Keyword? { Keyword(rawValue: id) }

    /// Whether the token is `keyword`: one integer comparison.
    func `is`(_ keyword: Keyword) -> Bool { id == keyword.rawValue }

    /// Ordered: a sentence boundary also ends the clause.
    enum Boundary: UInt8, Comparable, Sendable {
        case none, clause, sentence
        static func < (a: Boundary, b: Boundary) -> Bool { a.rawValue < b.rawValue }
    }
}

/// A clause: a stretch of tokens between punctuation or joining words, the unit the analyzers judge.
struct Clause: Sendable {
    /// Its tokens' positions in `TextSegmenter.tokens`.
    let range: Range<Int>
    /// Offsets in Unicode scalars of the original answer.
    var start: Int
    var end: Int
    /// Index of the sentence the clause belongs to.
    var sentence: Int

    var count: Int { range.count }
}
