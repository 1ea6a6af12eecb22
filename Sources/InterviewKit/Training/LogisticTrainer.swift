import BuiltInAnalyzers

/// Fits a `LinearModel` (logistic regression, or softmax over several classes) by stochastic
/// gradient descent with AdaGrad steps and L2 shrinkage, in an order fixed by a seeded generator:
/// the same examples always give the same weights.
package struct LogisticTrainer: Sendable {
    package var epochs = 25
    package var learningRate = 0.3
    package var l2 = 1e-4
    /// Features seen in fewer training examples are left out of the model.
    package var minimumCount = 3
    package var seed: UInt64 = 20_261_202

    package init() {}

    /// One example: its features (with names) and its class (for a yes/no model, 1 is yes), with a
    /// weight (1 unless some examples should count more).
    package struct Example: Sendable {
        package var features: FeatureVector
        package var label: Int
        package var weight: Double = 1

        package init(_ features: FeatureVector, label: Int, weight: Double = 1) {
            self.features = features
            self.label = label
            self.weight = weight
        }
    }

    /// `nonNegative` names features whose weights may not fall below zero (for a yes/no model):
    /// signals that by their meaning can only count for a yes.
    package func train(_ name: String, classes: [String], _ examples: [Example], nonNegative: (String) -> Bool = { _ in false }) -> LinearModel {
        // Feature rows in order of first appearance, for features seen often enough.
        var counts: [String: Int] = [:]
        var order: [String] = []
        for example in examples {
            for feature in example.features.names ?? [] {
                if counts[feature] == nil { order.append(feature) }
                counts[feature, default: 0] += 1
            }
        }
        let names = order.filter { counts[$0, default: 0] >= minimumCount }
        var rows: [String: Int] = [:]
        for (row, feature) in names.enumerated() { rows[feature] = row }
        // Each example as rows and values, once.
        let encoded: [(rows: [Int], values: [Double])] = examples.map { example in
            var pairs: [(Int, Double)] = []
            for (index, feature) in (example.features.names ?? []).enumerated() {
                if let row = rows[feature] { pairs.append((row, example.features.values[index])) }
            }
            return (pairs.map(\.0), pairs.map(\.1))
        }
        let width = classes.count
        let clamped = names.map(nonNegative)
        var weights = [Double](repeating: 0, count: names.count * width)
        var squares = [Double](repeating: 1e-8, count: names.count * width)
        var bias = [Double](repeating: 0, count: width)
        var biasSquares = [Double](repeating: 1e-8, count: width)
        var generator = SplitMix64(seed: seed)
        var indices = Array(examples.indices)
        var scores = [Double](repeating: 0, count: width)
        var gradient = [Double](repeating: 0, count: width)
        for _ in 0..<epochs {
            generator.shuffle(&indices)
            for index in indices {
                let (exampleRows, values) = encoded[index]
                let example = examples[index]
                for column in 0..<width { scores[column] = bias[column] }
                for (row, value) in zip(exampleRows, values) {
                    for column in 0..<width { scores[column] += value * weights[row * width + column] }
                }
                if width == 1 {
                    gradient[0] = (LinearModel.sigmoid(scores[0]) - Double(example.label)) * example.weight
                } else {
                    let top = scores.max() ?? 0
                    var total = 0.0
                    for column in 0..<width {
                        scores[column] = LinearModel.exp(scores[column] - top)
                        total += scores[column]
                    }
                    for column in 0..<width {
                        gradient[column] = (scores[column] / total - (column == example.label ? 1 : 0)) * example.weight
                    }
                }
                for column in 0..<width {
                    biasSquares[column] += gradient[column] * gradient[column]
                    bias[column] -= learningRate * gradient[column] / biasSquares[column].squareRoot()
                }
                for (row, value) in zip(exampleRows, values) {
                    for column in 0..<width {
                        let at = row * width + column
                        let step = gradient[column] * value + l2 * weights[at]
                        squares[at] += step * step
                        weights[at] -= learningRate * step / squares[at].squareRoot()
                        if clamped[row] && weights[at] < 0 { weights[at] = 0 }
                    }
                }
            }
        }
        return LinearModel(name: name, classes: classes, featureNames: names, weights: weights, bias: bias)
    }
}

/// A small, fast, seeded generator (Steele, Lea and Flood's SplitMix64): training shuffles the
/// same way on every machine.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Fisher–Yates, written out: the standard library's `shuffle(using:)` may change between
    /// releases, and the weights with it.
    package mutating func shuffle<Element>(_ array: inout [Element]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(index, Int(next() % UInt64(index + 1)))
        }
    }
}
