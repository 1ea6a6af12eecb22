/// Logistic heads over an answer's pooled token embeddings (`TokenEmbeddings.pooled`), each a
/// yes/no decision the STAR or SMART analysis combines with its own: whether the answer is a
/// specific example, whether it declines the question, whether a goal says what exactly.
package struct EmbeddingHeads: Sendable {
    package enum Head: String, CaseIterable, Sendable {
        case specificExample = "specific_example"
        case declined
        case smartSpecific = "smart.specific"
    }

    /// Standardisation: each input minus its training mean, over its training spread.
    package var center: [Double]
    package var scale: [Double]
    package var weights: [Head: [Double]]
    package var bias: [Head: Double]

    package init(center: [Double], scale: [Double], weights: [Head: [Double]], bias: [Head: Double]) {
        self.center = center
        self.scale = scale
        self.weights = weights
        self.bias = bias
    }

    /// The probability of a yes, or nil when there is no such head.
    package func probability(_ head: Head, _ pooled: [Double]) -> Double? {
        guard let weights = weights[head], let bias = bias[head], weights.count == pooled.count else { return nil }
        var score = bias
        for index in pooled.indices { score += (pooled[index] - center[index]) / scale[index] * weights[index] }
        return LinearModel.sigmoid(score)
    }
}

extension EmbeddingHeads {
    /// The heads as text: a header line, `center` and `scale` lines, then a line per head
    /// (`head NAME BIAS W1 W2 …`), numbers tab-separated. What `rehearse-train` writes.
    package func serialized(header: String) -> String {
        func line(_ name: String, _ values: [Double]) -> String { ([name] + values.map { String(Self.rounded($0)) }).joined(separator: "\t") }
        var lines = [header, line("center", center), line("scale", scale)]
        for head in Head.allCases {
            guard let weights = weights[head], let bias = bias[head] else { continue }
            lines.append(line("head\t\(head.rawValue)", [bias] + weights))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads `serialized`'s text; nil when it is not that.
    package init?(serialized text: String) {
        var center: [Double] = []
        var scale: [Double] = []
        var weights: [Head: [Double]] = [:]
        var bias: [Head: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard let name = fields.first else { continue }
            switch name {
            case "center": center = fields.dropFirst().compactMap { Double($0) }
            case "scale": scale = fields.dropFirst().compactMap { Double($0) }
            case "head":
                guard fields.count > 3, let head = Head(rawValue: String(fields[1])) else { return nil }
                let numbers = fields.dropFirst(2).compactMap { Double($0) }
                guard numbers.count == fields.count - 2 else { return nil }
                bias[head] = numbers[0]
                weights[head] = Array(numbers.dropFirst())
            default: return nil
            }
        }
        guard !center.isEmpty, center.count == scale.count, weights.values.allSatisfy({ $0.count == center.count }) else { return nil }
        self.init(center: center, scale: scale, weights: weights, bias: bias)
    }

    /// The heads this build carries (`EmbeddingHeadsWeights.swift`), nil should they not read (a
    /// test checks that they do).
    package static let builtIn: EmbeddingHeads? = EmbeddingHeads(serialized: weightsText)

    /// The heads' text as the Swift source that carries it into the build, as for the STAR model.
    package static func swiftSource(_ text: String) -> String {
        WeightsSource.swift(
            comment: [
                "The token-embedding heads' weights, in EmbeddingHeads' format: written by",
                "`rehearse-train embedding-heads` (docs/analysis.md) from the corpus; do not edit by hand.",
            ], extending: "EmbeddingHeads", text: text)
    }

    /// Six decimals: the decisions do not move, and the file stays a reviewable size.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
}
