import InterviewCore

/// A built-in analyzer: it reads the answer through the text layer's segmentation, which the
/// built-ins of one `AnalyzerSet` share (through the context's memo), so an answer is segmented
/// once however many of them are in use; and it gives its declared features as values in the
/// order it declares them, which `FeatureTemplate` turns into the features without hashing a name.
protocol SegmentedAnalyzer: Analyzer {
    /// The analyzer's declared features as a template, made once (a static property of each).
    static var featureTemplate: FeatureTemplate { get }

    func read(_ text: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis
}

/// What a built-in analyzer found in one answer.
struct SegmentedAnalysis {
    /// The values of the analyzer's declared `features`, in their order.
    var values: [FeatureValue]
    /// Features that only the context names (a scenario's competencies), as `Dictionary.merge`
    /// takes them.
    var named: [(String, FeatureValue)] = []
    /// Most important first; empty when the analyzer recommends none for this kind of question.
    var followups: [String] = []
    var reason = ""
    var evidence: [Evidence] = []
}

extension SegmentedAnalyzer {
    public func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
        let text = context.memo.value(TextSegmenter.self, for: answer) { TextSegmenter(answer, vocabulary: .builtIn) }
        let reading = read(text, context: context)
        var features = Self.featureTemplate.features(reading.values)
        features.merge(reading.named) { declared, _ in declared }
        return Analysis(features: features, followups: reading.followups, reason: reading.followups.isEmpty ? "" : reading.reason, evidence: reading.evidence)
    }
}
