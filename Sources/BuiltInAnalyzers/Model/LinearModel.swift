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

    /// e^x without Foundation, to within an ulp or two: x = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 in
    /// two parts, so r is exact enough), a Taylor series for e^r, and 2^k made from its bits.
    package static func exp(_ x: Double) -> Double {
        let x = min(max(x, -60), 60)
        let k = (x * 1.442_695_040_888_963_4).rounded()
        let r = (x - k * 6.931_471_803_691_238_2e-1) - k * 1.908_214_929_270_587_7e-10
        // 1 + r + r²/2! + … + r¹³/13!, by Horner's rule on the terms' 1/n!.
        var sum = 1.6059043836821613e-10
        for coefficient in [2.08767569878681e-09, 2.505210838544172e-08, 2.755731922398589e-07, 2.7557319223985893e-06, 2.48015873015873e-05, 0.0001984126984126984, 0.001388888888888889, 0.008333333333333333, 0.041666666666666664, 0.16666666666666666, 0.5, 1.0, 1.0] as [Double] {
            sum = sum * r + coefficient
        }
        return sum * Double(bitPattern: UInt64(1023 + Int(k)) << 52)
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
