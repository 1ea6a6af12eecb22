/// Learned weights as the Swift source that carries them into the build: one raw string literal
/// in an extension, which the compiler reads as fast as any text (a byte-array resource of this
/// size takes it minutes).
enum WeightsSource {
    /// `comment` lines, then `extension TYPE { static let weightsText = #"""…"""# }`.
    static func swift(comment: [String], extending type: String, text: String) -> String {
        let quotes = String(repeating: "\"", count: 3)
        return (comment.map { "// " + $0 } + ["", "extension \(type) {", "    static let weightsText = #" + quotes, text + quotes + "#", "}", ""])
            .joined(separator: "\n")
    }
}
