/// The STAR model's weights as text: tab-separated, one section per classifier, so that a change
/// of weights reads as a diff.
///
/// ```
/// # comment lines
/// model	clause-roles	situation	task	…	(the classes; one class for a yes/no head)
/// bias	0.12	-0.4	…
/// fact:past	0.9	…
/// ```
/// A blank line ends a section.
package enum STARModelFile {
    package struct FormatError: Error, CustomStringConvertible, Sendable {
        package var line: Int
        package var message: String
        package var description: String { "line \(line): \(message)" }
    }

    package static let clauseSection = "clause-roles"

    package static func parse(_ text: String) throws(FormatError) -> STARModel {
        var models: [LinearModel] = []
        var name: String?
        var classes: [String] = []
        var features: [String] = []
        var weights: [Double] = []
        var bias: [Double] = []
        func finish() {
            if let name { models.append(LinearModel(name: name, classes: classes, featureNames: features, weights: weights, bias: bias)) }
            name = nil
            features = []
            weights = []
            bias = []
        }
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                finish()
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if name == nil {
                guard fields.count >= 3, fields[0] == "model", bias.isEmpty else {
                    throw FormatError(line: offset + 1, message: "expected 'model<TAB>name<TAB>classes…'")
                }
                name = fields[1]
                classes = Array(fields.dropFirst(2))
                continue
            }
            guard fields.count == classes.count + 1 else {
                throw FormatError(line: offset + 1, message: "expected a name and \(classes.count) weights")
            }
            var row: [Double] = []
            for field in fields.dropFirst() {
                guard let weight = Double(field), weight.isFinite else { throw FormatError(line: offset + 1, message: "'\(field)' is not a number") }
                row.append(weight)
            }
            if fields[0] == "bias" && bias.isEmpty {
                bias = row
            } else {
                guard !bias.isEmpty else { throw FormatError(line: offset + 1, message: "the bias comes first") }
                features.append(fields[0])
                weights += row
            }
        }
        finish()
        let clauseRoles = models.first { $0.name == clauseSection }
        let heads = STARModel.Head.allCases.map { head in models.first { $0.name == head.rawValue } }
        if let clauseRoles, clauseRoles.classes != ClauseRole.allCases.map(\.rawValue) {
            throw FormatError(line: 1, message: "the clause model's classes are not the clause roles")
        }
        guard heads.allSatisfy({ $0 != nil }) else {
            throw FormatError(line: 1, message: "one section per decision is needed: \(STARModel.Head.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return STARModel(clauseRoles: clauseRoles, heads: heads.map { $0! })
    }

    /// The model as text, `header` lines first (each made a comment).
    package static func text(of model: STARModel, header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        for section in [model.clauseRoles].compactMap({ $0 }) + model.heads {
            lines.append("")
            lines.append((["model", section.name] + section.classes).joined(separator: "\t"))
            lines.append((["bias"] + section.bias.map(format)).joined(separator: "\t"))
            let width = section.classes.count
            for (row, feature) in section.featureNames.enumerated() {
                let weights = section.weights[row * width..<(row + 1) * width]
                lines.append(([feature] + weights.map(format)).joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The model text as the Swift source that carries it into the build (`WeightsSource`).
    package static func swiftSource(_ text: String) -> String {
        WeightsSource.swift(
            comment: [
                "The built-in STAR model's weights, in STARModelFile's format: written by `rehearse-train train`",
                "(docs/analysis.md) from the corpus; do not edit by hand. Review a change of weights as a diff.",
            ], extending: "STARModel", text: text)
    }

    /// Five decimals: more than the model can tell apart, and short enough to review.
    static func format(_ weight: Double) -> String {
        let rounded = (weight * 100_000).rounded() / 100_000
        if rounded == 0 { return "0" }
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
