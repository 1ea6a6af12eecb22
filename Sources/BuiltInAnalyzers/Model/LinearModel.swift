/// A linear classifier read from the model file: for each feature it knows, one weight per class.
///
/// With one class it is a logistic regression (the probability of a yes); with more, a softmax over
/// the classes. Features it does not know weigh nothing.
package struct LinearModel: Sendable {
    package let name: String
    package let classes: [String]
    /// Row of each known feature's weights, by the feature's key.
    private let rows: FeatureRows
    package let featureNames: [String]
    /// `featureNames.count` rows of `classes.count` weights.
    package let weights: [Double]
    package let bias: [Double]

    package init(name: String, classes: [String], featureNames: [String], weights: [Double], bias: [Double]) {
        precondition(weights.count == featureNames.count * classes.count && bias.count == classes.count)
        self.name = name
        self.classes = classes
        self.featureNames = featureNames
        self.weights = weights
        self.bias = bias
        rows = FeatureRows(featureNames.map(FeatureHash.hash))
    }

    package var isBinary: Bool { classes.count == 1 }

    /// Each class's score: the bias plus every known feature's value times its weight.
    package func scores(_ features: FeatureVector) -> [Double] {
        var scores = bias
        let width = classes.count
        weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                for index in 0..<features.count {
                    guard let row = rows.row(of: features.keys[index]) else { continue }
                    let value = features.values[index]
                    for column in 0..<width { scores[column] += value * weights[row * width + column] }
                }
            }
        }
        return scores
    }

    /// The probability of a yes (binary), or of each class (softmax).
    package func probabilities(_ features: FeatureVector) -> [Double] {
        var probabilities = scores(features)
        if isBinary { return [Self.sigmoid(probabilities[0])] }
        let top = probabilities.max() ?? 0
        var total = 0.0
        for column in probabilities.indices {
            probabilities[column] = Self.exp(probabilities[column] - top)
            total += probabilities[column]
        }
        for column in probabilities.indices { probabilities[column] /= total }
        return probabilities
    }

    /// What each known feature adds to class `column`'s score, largest first by size.
    package func contributions(_ features: FeatureVector, column: Int = 0) -> [(row: Int, amount: Double)] {
        var amounts: [(row: Int, amount: Double)] = []
        for index in 0..<features.count {
            guard let row = rows.row(of: features.keys[index]) else { continue }
            let amount = features.values[index] * weights[row * classes.count + column]
            if amount != 0 { amounts.append((row, amount)) }
        }
        return amounts.sorted { abs($0.amount) > abs($1.amount) || (abs($0.amount) == abs($1.amount) && $0.row < $1.row) }
    }

    package static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// e^x without Foundation, exact enough for probabilities: a Taylor series on x / 2^k, squared back.
    package static func exp(_ x: Double) -> Double {
        let x = min(max(x, -60), 60)
        var reduced = x
        var squarings = 0
        while abs(reduced) > 0.125 {
            reduced /= 2
            squarings += 1
        }
        var term = 1.0
        var sum = 1.0
        for n in 1...12 {
            term *= reduced / Double(n)
            sum += term
        }
        for _ in 0..<squarings { sum *= sum }
        return sum
    }
}

/// The rows of a model's features by their keys: open addressing on the keys themselves, which are
/// already FNV-1a hashes. A clause's every feature is looked up here, and `Dictionary` spent more
/// time hashing the hash than the model spent on its weights (the 50 µs target in
/// docs/performance.md).
struct FeatureRows: Sendable {
    private let keys: [UInt64]
    private let rows: [Int32]
    private let mask: Int

    init(_ featureKeys: [UInt64]) {
        var capacity = 16
        while capacity < featureKeys.count * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (row, key) in featureKeys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while rows[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot] = Int32(row)
        }
        self.keys = keys
        self.rows = rows
    }

    func row(of key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let row = rows[slot]
            if row < 0 { return nil }
            if keys[slot] == key { return Int(row) }
            slot = (slot + 1) & mask
        }
    }
}
