/// The clauses the analysis judges in an answer, as text with their places: what clause-level
/// labels are given to, and matched back by place when the segmenter changes.
package struct ClauseSplit: Sendable, Equatable {
    /// Offsets in Unicode scalars of the answer.
    package var start: Int
    package var end: Int
    package var text: String

    package static func clauses(of answer: String) -> [ClauseSplit] {
        clauses(of: TextSegmenter(answer, vocabulary: .builtIn))
    }

    static func clauses(of text: TextSegmenter) -> [ClauseSplit] {
        text.clauses.map { ClauseSplit(start: $0.start, end: $0.end, text: text.text($0.start, $0.end)) }
    }
}
