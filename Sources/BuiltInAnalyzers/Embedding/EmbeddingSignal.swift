import Synchronization

/// The token-embedding signal the STAR and SMART analyzers combine with their own decisions: the
/// learned heads (`EmbeddingHeads`) over an answer's pooled MiniLM token embeddings.
///
/// The embedding table is not part of the program: it is read from the installed model files when
/// the first answer is analysed (never for `--version`, `validate` or `lint`), once per process,
/// by `load`, which the layer that reads files supplies. When they are not installed, `load` says
/// so once and returns nil, and the analyzers decide as they do without the signal.
package final class EmbeddingSignal: Sendable {
    /// Whether the model files are there, known without reading them (for the analyzers' versions).
    package let installed: Bool
    private let load: @Sendable () -> TokenEmbeddings?
    private let heads: @Sendable () -> EmbeddingHeads?
    /// nil until the first answer; then the table and the heads, or `.some(nil)` when either could
    /// not be had.
    private let loaded = Mutex<Loaded??>(nil)

    private struct Loaded: Sendable {
        var embeddings: TokenEmbeddings
        var heads: EmbeddingHeads
    }

    /// `heads` and `load` are called once, when the first answer is analysed: start-up reads neither.
    package init(installed: Bool, heads: @escaping @Sendable () -> EmbeddingHeads?, load: @escaping @Sendable () -> TokenEmbeddings?) {
        self.installed = installed
        self.heads = heads
        self.load = load
    }

    /// A signal over heads and a table already in hand (training, tests).
    package convenience init(heads: EmbeddingHeads, embeddings: TokenEmbeddings) {
        self.init(installed: true, heads: { heads }, load: { embeddings })
    }

    private var ready: Loaded? {
        loaded.withLock { state in
            if let state { return state }
            let ready = heads().flatMap { heads in load().map { Loaded(embeddings: $0, heads: heads) } }
            state = .some(ready)
            return ready
        }
    }

    /// The probability of a yes from `head` for `text`, or nil without the table or the head.
    package func probability(_ head: EmbeddingHeads.Head, _ text: String) -> Double? {
        guard let ready, ready.heads.weights[head] != nil else { return nil }
        return ready.heads.probability(head, ready.embeddings.pooled(text))
    }

    /// Both STAR heads from one pooling of `text`.
    package func probabilities(_ text: String) -> (specificExample: Double?, declined: Double?)? {
        guard let ready else { return nil }
        let pooled = ready.embeddings.pooled(text)
        return (ready.heads.probability(.specificExample, pooled), ready.heads.probability(.declined, pooled))
    }
}
