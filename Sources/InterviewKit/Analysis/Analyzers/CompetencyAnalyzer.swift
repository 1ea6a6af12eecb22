/// Finds which of the scenario's competencies an answer shows, by their cue words and phrases.
/// Cues match whole words in any common form ("listen" matches "listened" and "listening"), never
/// parts of other words.
public struct CompetencyAnalyzer: Analyzer, SegmentedAnalyzer {
    public let identifier = "competency"
    public let version = "1.0"
    public let summary = "competencies: which of the scenario's competencies the answer shows, from their cues"
    public let followups: [String] = []

    public init() {}

    public var features: [FeatureDescriptor] {
        [
            FeatureDescriptor("competency.shown", .number, "how many of the question's assessed competencies the answer shows"),
            FeatureDescriptor("competency.missing", .number, "how many of the question's assessed competencies it does not show"),
            FeatureDescriptor("competency.coverage", .number, "share of the question's assessed competencies shown, 0 to 1"),
        ]
    }

    /// Per-competency features (`competency.<id>`) exist only once a scenario declares its competencies.
    public static func features(for competencies: [Competency]) -> [FeatureDescriptor] {
        competencies.map { FeatureDescriptor("competency.\($0.id)", .bool, "the answer shows \($0.label)") }
    }

    public func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
        analyze(TextSegmenter(answer), context: context)
    }

    func analyze(_ segmenter: TextSegmenter, context: AnalysisContext) -> Analysis {
        // Stems only when there are cues to match them against.
        let stems = context.competencies.isEmpty ? [] : segmenter.tokens.map { Self.stem($0.text) }
        var analysis = Analysis()
        var shown = 0
        for competency in context.competencies {
            var hit: Range<Int>?
            for cueStems in competency.cueStems {
                if let range = Self.find(cueStems, in: stems) {
                    hit = range
                    break
                }
            }
            analysis.features["competency.\(competency.id)"] = .bool(hit != nil)
            if let hit {
                if context.assessed.contains(competency.id) { shown += 1 }
                let start = segmenter.tokens[hit.lowerBound].start
                let end = segmenter.tokens[hit.upperBound - 1].end
                analysis.evidence.append(Evidence(feature: "competency.\(competency.id)", start: start, end: end, text: segmenter.text(start, end)))
            }
        }
        let assessed = context.assessed.count
        analysis.features["competency.shown"] = .number(Double(shown))
        analysis.features["competency.missing"] = .number(Double(assessed - shown))
        analysis.features["competency.coverage"] = .number(assessed == 0 ? 0 : (Double(shown) * 100 / Double(assessed)).rounded() / 100)
        return analysis
    }

    private static func find(_ phrase: [String], in words: [String]) -> Range<Int>? {
        guard !phrase.isEmpty, phrase.count <= words.count else { return nil }
        for start in 0...(words.count - phrase.count) where words[start..<start + phrase.count].elementsEqual(phrase) {
            return start..<start + phrase.count
        }
        return nil
    }

    /// A light suffix-stripper: enough to match "validate", "validated", "validating" and "validates".
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        // Character counts below equal byte counts for ASCII; other words take the same rules on Characters.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return stemCharacters(word) }
        if bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "'"), bytes[bytes.count - 1] == UInt8(ascii: "s") { bytes.removeLast(2) }
        for suffix in suffixBytes where bytes.count - suffix.count >= 3 && bytes.suffix(suffix.count).elementsEqual(suffix) {
            bytes.removeLast(suffix.count)
            if suffix == Array("ied".utf8) || suffix == Array("ies".utf8) { bytes.append(UInt8(ascii: "y")) }
            break
        }
        // "planned" → "plan", "stopped" → "stop"
        if bytes.count > 3, let last = bytes.last, bytes[bytes.count - 2] == last, !Array("aeiousl".utf8).contains(last) {
            bytes.removeLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let suffixes = ["ational", "ations", "ation", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s", "e"]
    private static let suffixBytes = suffixes.map { Array($0.utf8) }

    static func stemCharacters(_ word: String) -> String {
        var word = word
        if word.hasSuffix("'s") { word.removeLast(2) }
        for suffix in suffixes {
            if word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
                word.removeLast(suffix.count)
                if suffix == "ied" || suffix == "ies" { word += "y" }
                break
            }
        }
        if let last = word.last, word.count > 3, word.dropLast().last == last, !"aeiousl".contains(last) {
            word.removeLast()
        }
        return word
    }
}
