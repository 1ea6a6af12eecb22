import InterviewCore
import BuiltInAnalyzers

/// Leave-writers-out: for each writer, a STAR model trained on every other writer's answers (and
/// clause labels) scores that writer's answers, so every figure is on a writer the model never saw.
package enum CrossWriterEvaluation {
    /// Scores `items` writer by writer. `analyzers` makes the analyzer set for a fold from the STAR
    /// and SMART analyzers trained for it (the other analyzers stay as they are). With
    /// `embeddings`, each fold trains its token-embedding heads on the same writers, and STAR and
    /// SMART use them.
    package static func run(
        _ items: [LabelledAnswer], clauseLabels: ClauseLabels, embeddings: TokenEmbeddings? = nil,
        analyzers: (STARAnalyzer, SMARTAnalyzer) -> AnalyzerSet
    ) -> EvaluationBreakdown {
        var method = "leave-writers-out: each writer scored by a model trained on the others"
        if embeddings != nil { method += ", with token-embedding heads trained on the same writers" }
        var breakdown = EvaluationBreakdown(method: method)
        let writers = Array(Set(items.compactMap(\.writer))).sorted()
        let vectors = embeddings.map { EmbeddingHeadsTrainer.vectors(items, $0) }
        for writer in writers {
            let training = items.indices.filter { items[$0].writer != writer }
            let model = STARModelTrainer().train(training.map { items[$0] }, clauseLabels: clauseLabels)
            var signal: EmbeddingSignal?
            if let embeddings, let vectors {
                let heads = EmbeddingHeadsTrainer().train(training.map { items[$0] }, vectors: training.map { vectors[$0] })
                signal = EmbeddingSignal(heads: heads, embeddings: embeddings)
            }
            let set = analyzers(STARAnalyzer(model: model, embeddings: signal), SMARTAnalyzer(embeddings: signal))
            for item in items where item.writer == writer {
                breakdown.record(item, with: set)
                guard let clauseModel = model.clauseRoles, item.kind != .goals else { continue }
                let example = STARExample(answer: item.answer, kind: item.kind)
                guard let labelled = clauseLabels.roles(of: item.id, clauses: example.clauses) else { continue }
                for (features, expected) in zip(example.clauseFeatures, labelled) {
                    guard let expected else { continue }
                    let probabilities = clauseModel.probabilities(features)
                    let predicted = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
                    breakdown.clauseRoles.record(expected: expected, predicted: ClauseRole.allCases[predicted])
                }
            }
        }
        return breakdown
    }
}
