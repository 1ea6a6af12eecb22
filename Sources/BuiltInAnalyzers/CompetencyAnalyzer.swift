import AnswerText
import InterviewCore

/// Finds which of the scenario's competencies an answer shows, by their cue words and phrases.
/// Cues match whole words in any common form ("listen" matches "listened" and "listening"), never
/// parts of other words.
public struct CompetencyAnalyzer: Analyzer, SegmentedAnalyzer {
    public let identifier = "competency"
    public let version = "1.0"
    public let summary = "competencies: which of the scenario's competencies the answer shows, from their cues"
    public let followups: [String] = []

    /// The cue index of the scenario this analyzer was prepared for, built on first use.
    private let cueIndex: LazyCueIndex?

    public init() {
        cueIndex = nil
    }

    private init(cueIndex: LazyCueIndex) {
        self.cueIndex = cueIndex
    }

    /// With the competencies' cues indexed once, when the first answer is read, rather than for
    /// every answer.
    public func prepared(for competencies: [Competency]) -> any Analyzer {
        CompetencyAnalyzer(cueIndex: LazyCueIndex(competencies))
    }

    public var features: [FeatureDescriptor] {
        [
            FeatureDescriptor(CompetencyFeature.shown, .number, "how many of the question's assessed competencies the answer shows"),
            FeatureDescriptor(CompetencyFeature.missing, .number, "how many of the question's assessed competencies it does not show"),
            FeatureDescriptor(CompetencyFeature.coverage, .number, "share of the question's assessed competencies shown, 0 to 1"),
        ]
    }

    /// Per-competency features (`competency.<id>`) exist only once a scenario declares its competencies.
    public func features(for competencies: [Competency]) -> [FeatureDescriptor] {
        competencies.map { FeatureDescriptor(CompetencyFeature.shows($0.id), .bool, "the answer shows \($0.label)") }
    }

    func read(_ segmenter: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis {
        // Stems only when there are cues to match them against, as ids of the cues' stems.
        // Prepared for these competencies (the same array, compared in constant time); else, with
        // none, nothing to index; else indexed for this answer alone (`AnalyzerSet.prepared(for:)`
        // spares that).
        let cues = context.competencies.isEmpty
            ? CompetencyCueIndex.none : cueIndex?.index(for: context.competencies) ?? CompetencyCueIndex(context.competencies)
        let stems = cues.isEmpty ? [] : segmenter.tokens.indices.map { index in segmenter.withSpelling(of: index) { cues.stemID(of: $0) } }
        var named: [(String, FeatureValue)] = []
        named.reserveCapacity(context.competencies.count)
        var evidence: [Evidence] = []
        var shown = 0
        for (index, hit) in cues.firstHits(in: stems).enumerated() {
            let feature = cues.featureNames[index]
            named.append((feature, .bool(hit != nil)))
            if let hit {
                if context.assessed.contains(context.competencies[index].id) { shown += 1 }
                let start = segmenter.tokens[hit.lowerBound].start
                let end = segmenter.tokens[hit.upperBound - 1].end
                evidence.append(Evidence(feature: feature, start: start, end: end, text: segmenter.text(start, end)))
            }
        }
        let assessed = context.assessed.count
        // In the order of `features`; one feature per competency besides, named by the scenario.
        return SegmentedAnalysis(
            values: [
                .number(Double(shown)),
                .number(Double(assessed - shown)),
                .number(assessed == 0 ? 0 : (Double(shown) * 100 / Double(assessed)).rounded() / 100),
            ],
            named: named, evidence: evidence)
    }

    private static let suffixes = ["ational", "ations", "ation", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s", "e"]

    /// A light suffix-stripper: enough to match "validate", "validated", "validating" and "validates".
    /// One copy of the rules, on Characters: `CompetencyCueIndex` stems only the few words whose
    /// first bytes some cue stem starts with, so a faster byte copy bought no target.
    static func stem(_ word: String) -> String {
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
