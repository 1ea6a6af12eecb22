import InterviewCore
import BuiltInAnalyzers

/// Leave-writers-out: for each writer, a STAR model trained on every other writer's answers (and
/// clause labels) scores that writer's answers, so every figure is on a writer the model never saw.
package enum CrossWriterEvaluation {
    /// Scores `items` writer by writer. `analyzers` makes the analyzer set for a fold from the STAR
    /// analyzer trained for it (the other analyzers stay as they are).
    package static func run(
        _ items: [LabelledAnswer], clauseLabels: ClauseLabels, analyzers: (STARAnalyzer) -> AnalyzerSet
    ) -> EvaluationBreakdown {
        var breakdown = EvaluationBreakdown(method: "leave-writers-out: each writer scored by a model trained on the others")
        let writers = Array(Set(items.compactMap(\.writer))).sorted()
        for writer in writers {
            let model = STARModelTrainer().train(items.filter { $0.writer != writer }, clauseLabels: clauseLabels)
            let set = analyzers(STARAnalyzer(model: model))
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
