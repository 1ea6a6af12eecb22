import InterviewCore
import BuiltInAnalyzers

/// Trains the token-embedding heads (`EmbeddingHeads`) from labelled answers: a specific example
/// and declined on answers to story questions, a specific goal on goal answers. Each head is
/// logistic regression over the standardised pooled embeddings, fitted by the same seeded trainer
/// as the STAR model, so the same answers always give the same weights.
package struct EmbeddingHeadsTrainer: Sendable {
    package var trainer = LogisticTrainer()

    package init() {
        // Dense, standardised inputs: every feature is in every example.
        trainer.minimumCount = 1
        trainer.l2 = 1e-2
        trainer.learningRate = 0.05
    }

    /// Each answer's pooled embeddings, in `items`' order.
    package static func vectors(_ items: [LabelledAnswer], _ embeddings: TokenEmbeddings) -> [[Double]] {
        items.map { embeddings.pooled($0.answer) }
    }

    /// `vectors[i]` is `items[i]`'s pooled embeddings (`vectors(_:_:)`).
    package func train(_ items: [LabelledAnswer], vectors: [[Double]]) -> EmbeddingHeads {
        precondition(items.count == vectors.count)
        let width = vectors.first?.count ?? 0
        var center = [Double](repeating: 0, count: width)
        for vector in vectors { for index in 0..<width { center[index] += vector[index] } }
        center = center.map { $0 / Double(max(1, vectors.count)) }
        var scale = [Double](repeating: 0, count: width)
        for vector in vectors { for index in 0..<width { scale[index] += (vector[index] - center[index]) * (vector[index] - center[index]) } }
        scale = scale.map { ($0 / Double(max(1, vectors.count))).squareRoot() + 1e-6 }
        let names = (0..<width).map { NamedFeature("e\($0)") }

        var weights: [EmbeddingHeads.Head: [Double]] = [:]
        var bias: [EmbeddingHeads.Head: Double] = [:]
        for head in EmbeddingHeads.Head.allCases {
            var examples: [LogisticTrainer.Example] = []
            for (index, item) in items.enumerated() {
                let label: Bool?
                switch head {
                case .specificExample: label = item.kind == .goals ? nil : item.labels["specific_example"]
                // As the STAR model learns it: an answer the writer did not mark declined is not.
                case .declined: label = item.kind == .goals ? nil : item.declined ?? false
                case .smartSpecific: label = item.kind == .goals ? item.labels[SMARTFeature.specific] : nil
                }
                guard let label else { continue }
                var features = FeatureVector(naming: true)
                for column in 0..<width { features.add(names[column], (vectors[index][column] - center[column]) / scale[column]) }
                examples.append(LogisticTrainer.Example(features, label: label ? 1 : 0))
            }
            guard Set(examples.map(\.label)).count == 2 else { continue }
            let model = trainer.train(head.rawValue, classes: ["yes"], examples)
            // Back into column order; a column the trainer left out weighs nothing.
            var row = [Double](repeating: 0, count: width)
            for (position, name) in model.featureNames.enumerated() {
                if let column = Int(name.dropFirst()) { row[column] = model.weights[position] }
            }
            weights[head] = row
            bias[head] = model.bias[0]
        }
        return EmbeddingHeads(center: center, scale: scale, weights: weights, bias: bias)
    }
}
