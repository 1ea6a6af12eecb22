import Synchronization

/// The token-embedding signal the STAR and SMART analyzers combine with their own decisions: the
/// learned heads (`EmbeddingHeads`) over an answer's pooled MiniLM token embeddings.
///
/// The embedding table is not part of the program: it is read from the installed model files when
/// the first answer is analysed (never for `--version`, `validate` or `lint`), once per process,
/// by `load`, which the layer that reads files supplies. When they are not installed, `load` says
/// so once and returns nil, and the analyzers decide as they do without the signal.
package final class EmbeddingSignal: Sendable {
    package let heads: EmbeddingHeads
    /// Whether the model files are there, known without reading them (for the analyzers' versions).
    package let installed: Bool
    private let load: @Sendable () -> TokenEmbeddings?
    /// nil until the first answer; then the table, or `.some(nil)` when it could not be read.
    private let loaded = Mutex<TokenEmbeddings??>(nil)

    package init(heads: EmbeddingHeads, installed: Bool, load: @escaping @Sendable () -> TokenEmbeddings?) {
        self.heads = heads
        self.installed = installed
        self.load = load
    }

    /// A signal over a table already in hand (training, tests).
    package convenience init(heads: EmbeddingHeads, embeddings: TokenEmbeddings) {
        self.init(heads: heads, installed: true, load: { embeddings })
    }

    /// The table, read on first use; nil when the files are not installed or do not read.
    package var embeddings: TokenEmbeddings? {
        loaded.withLock { state in
            if let state { return state }
            let table = load()
            state = .some(table)
            return table
        }
    }

    /// The probability of a yes from `head` for `text`, or nil without the table or the head.
    package func probability(_ head: EmbeddingHeads.Head, _ text: String) -> Double? {
        guard heads.weights[head] != nil, let embeddings else { return nil }
        return heads.probability(head, embeddings.pooled(text))
    }

    /// Both STAR heads from one pooling of `text`.
    package func probabilities(_ text: String) -> (specificExample: Double?, declined: Double?)? {
        guard let embeddings else { return nil }
        let pooled = embeddings.pooled(text)
        return (heads.probability(.specificExample, pooled), heads.probability(.declined, pooled))
    }
}
