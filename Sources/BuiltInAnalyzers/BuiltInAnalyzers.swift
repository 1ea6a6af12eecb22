import InterviewCore

extension AnalyzerRegistry {
    /// The analyzers that ship with Rehearse, without the token embeddings (which are read from
    /// files: InterviewKit's `AnalyzerRegistry.installed` has them).
    public static let builtIn = builtIn(embeddings: nil)

    /// The analyzers that ship with Rehearse, STAR and SMART combining their decisions with `embeddings`.
    package static func builtIn(embeddings: EmbeddingSignal?) -> AnalyzerRegistry {
        AnalyzerRegistry([
            STARAnalyzer.builtIn(embeddings: embeddings), SMARTAnalyzer(embeddings: embeddings), DeliveryAnalyzer(),
            CompetencyAnalyzer(),
        ])
    }

    /// Used when the command line names none: all built-ins, `star` first so its follow-ups lead.
    public static let defaultIdentifiers = ["star", "smart", "delivery", "competency"]
}
