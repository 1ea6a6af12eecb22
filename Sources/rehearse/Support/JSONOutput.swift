import FoundationEssentials
import InterviewKit

enum JSONOutput {
    /// Stable output for tools: sorted keys, no escaped slashes.
    static func string<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Control and bidirectional characters as JSON escapes: the same data, safe on a terminal.
        return String(decoding: try encoder.encode(value), as: UTF8.self).escapingControlsForJSON
    }
}
