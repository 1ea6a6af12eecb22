/// A word or number of an answer, with its place in the original text and what the word lists
/// know about it. Its lowercase spelling is in the segmenter (`TextSegmenter.word(_:)`): most
/// words are never needed as text, so none is made a String.
package struct Token: Sendable, Hashable {
    // In this order the fields pack into 48 bytes (56 with `id` before `info`): a long answer has
    // millions of tokens.
    /// Offsets in Unicode scalars of the original answer.
    package var start: Int
    package var end: Int
    /// Where the lowercase spelling is in `TextSegmenter.lowercase`.
    package var spelling: Range<Int>
    /// What the word lists and the word's form say about it.
    package var info: WordInfo
    /// The word's id in the vocabulary, or -1 when no list has it.
    package var id: Int32
    /// Punctuation after the token: a clause or sentence ends there.
    package var boundaryAfter: Boundary = .none

    /// Ordered: a sentence boundary also ends the clause.
    package enum Boundary: UInt8, Comparable, Sendable {
        case none, clause, sentence
        package static func < (a: Boundary, b: Boundary) -> Bool { a.rawValue < b.rawValue }
    }
}

/// A clause: a stretch of tokens between punctuation or joining words, the unit the analyzers judge.
package struct Clause: Sendable {
    /// Its tokens' positions in `TextSegmenter.tokens`.
    package let range: Range<Int>
    /// Offsets in Unicode scalars of the original answer.
    package var start: Int
    package var end: Int
    /// Index of the sentence the clause belongs to.
    package var sentence: Int

    package var count: Int { range.count }
}
