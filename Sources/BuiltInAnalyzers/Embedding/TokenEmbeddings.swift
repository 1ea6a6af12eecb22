/// all-MiniLM-L6-v2's input layer: one learned vector of 384 floats per WordPiece token. An answer
/// reads as the mean and the element-wise maximum of its tokens' vectors side by side (768 numbers):
/// a bag of meanings, which carries what an answer is about and how it is told ("I can't think of
/// one", "a peer-support group for new mothers") in words no list has, for a table lookup per token.
///
/// The table is read in place from the model's safetensors file (see `EmbeddingFiles` in
/// InterviewKit); `owner` keeps that memory alive. `@unchecked Sendable`: the table is read-only
/// and never changes, so any thread may read it.
package struct TokenEmbeddings: @unchecked Sendable {
    package static let width = 384
    package let tokenizer: WordPieceTokenizer
    private let table: UnsafeBufferPointer<Float>
    private let owner: any Sendable

    /// `table` holds `tokenizer.count` rows of `width` floats; nil when it does not.
    package init?(tokenizer: WordPieceTokenizer, table: UnsafeBufferPointer<Float>, owner: any Sendable) {
        guard table.count == tokenizer.count * Self.width else { return nil }
        self.tokenizer = tokenizer
        self.table = table
        self.owner = owner
    }

    /// The answer's 768 numbers: the mean of its tokens' vectors, then their maximum. An answer
    /// with no token reads as the unknown token.
    package func pooled(_ text: String) -> [Double] {
        var ids = tokenizer.encode(text)
        if ids.isEmpty { ids = [tokenizer.unknown] }
        var sum = [Float](repeating: 0, count: Self.width)
        var maximum = [Float](repeating: -.infinity, count: Self.width)
        for id in ids {
            let row = Int(id) * Self.width
            for column in 0..<Self.width {
                let value = table[row + column]
                sum[column] += value
                maximum[column] = max(maximum[column], value)
            }
        }
        let scale = 1 / Double(ids.count)
        return sum.map { Double($0) * scale } + maximum.map(Double.init)
    }
}
