/// What an analyzer may know about the answer it reads.
public struct AnalysisContext: Sendable {
    public var questionID: String?
    /// The words the candidate was asked.
    public var questionText: String?
    public var kind: QuestionKind?
    /// The scenario's competencies, for analyzers that look for their cues.
    public var competencies: [Competency] {
        didSet { cueIndex = CompetencyCueIndex(competencies) }
    }
    /// The competencies' cues indexed for matching, made when they are set.
    private(set) var cueIndex: CompetencyCueIndex
    /// Identifiers of the competencies this question assesses.
    public var assessed: [String]

    public init(
        questionID: String? = nil, questionText: String? = nil, kind: QuestionKind? = nil,
        competencies: [Competency] = [], assessed: [String] = []
    ) {
        self.init(
            questionID: questionID, questionText: questionText, kind: kind, cues: CompetencyCueIndex(competencies),
            competencies: competencies, assessed: assessed)
    }

    /// With the index a scenario already made for its competencies.
    init(questionID: String?, questionText: String?, kind: QuestionKind?, cues: CompetencyCueIndex, competencies: [Competency], assessed: [String]) {
        self.questionID = questionID
        self.questionText = questionText
        self.kind = kind
        self.competencies = competencies
        self.assessed = assessed
        cueIndex = cues
    }
}

/// Reads an answer and reports features about it.
///
/// Contract: `analyze` never fails and returns features named `<identifier>.<name>`, each declared
/// in `features` with its type; a recommended follow-up, when given, is one of `followups`; evidence
/// offsets count Unicode scalars of `answer`. The built-ins are deterministic, do no I/O and give
/// every declared feature; `ExternalAnalyzer` asks another process, within a timeout, and may leave
/// features out (unknown, so conditions on them are false).
public protocol Analyzer: Sendable {
    /// Stable name used on the command line and as the features' namespace, e.g. `star`.
    var identifier: String { get }
    /// Recorded in transcripts, so a changed analyzer can be told apart from the one that made a recording.
    var version: String { get }
    /// One line for `--help` and docs.
    var summary: String { get }
    var features: [FeatureDescriptor] { get }
    /// The follow-ups this analyzer can recommend; empty when it never recommends one.
    var followups: [String] { get }

    func analyze(_ answer: String, context: AnalysisContext) -> Analysis
}

/// Built-in analyzers read the answer through the same segmentation, so a run segments each
/// answer once however many of them are in use, and give their declared features as values in
/// the order they declare them: a set fills one dictionary made once for all of them, instead of
/// hashing every name of every analyzer into a new dictionary for every answer.
protocol SegmentedAnalyzer: Analyzer {
    func read(_ text: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis
}

/// What a built-in analyzer found in one answer.
struct SegmentedAnalysis {
    /// The values of the analyzer's declared `features`, in their order.
    var values: [FeatureValue]
    /// Features that only the context names (a scenario's competencies), as `Dictionary.merge`
    /// takes them: labelled tuples were converted, an array copy per answer.
    var named: [(String, FeatureValue)] = []
    var followup: String?
    var reason = ""
    var evidence: [Evidence] = []
}

extension SegmentedAnalyzer {
    /// The analysis of one answer on its own.
    func analyze(_ text: TextSegmenter, context: AnalysisContext) -> Analysis {
        let reading = read(text, context: context)
        var features = FeatureTemplate(features).features(reading.values)
        features.merge(reading.named) { declared, _ in declared }
        return Analysis(features: features, followup: reading.followup, reason: reading.followup == nil ? "" : reading.reason, evidence: reading.evidence)
    }

    public func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
        analyze(TextSegmenter(answer), context: context)
    }
}
