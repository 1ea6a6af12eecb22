/// What an analyzer may know about the answer it reads.
public struct AnalysisContext: Sendable {
    public var questionID: String?
    /// The words the candidate was asked.
    public var questionText: String?
    public var kind: QuestionKind?
    /// The scenario's competencies, for analyzers that look for their cues.
    public var competencies: [Competency]
    /// Identifiers of the competencies this question assesses.
    public var assessed: [String]
    /// Work one analyzer of a set did on this answer that another may reuse (the built-ins share
    /// one segmentation). `AnalyzerSet` gives each answer a fresh one.
    public var memo: AnswerMemo

    public init(
        questionID: String? = nil, questionText: String? = nil, kind: QuestionKind? = nil,
        competencies: [Competency] = [], assessed: [String] = []
    ) {
        self.questionID = questionID
        self.questionText = questionText
        self.kind = kind
        self.competencies = competencies
        self.assessed = assessed
        memo = AnswerMemo()
    }
}

/// Reads an answer and reports features about it.
///
/// Contract: `analyze` never fails and returns features named `<identifier>.<name>`, each declared
/// in `features` (or in `features(for:)`) with its type; recommended follow-ups, when given, are
/// each one of `followups`, most important first; evidence offsets count Unicode scalars of `answer`. The built-ins are
/// deterministic, do no I/O and give every declared feature; a plugin asks another process, within
/// a timeout, and may leave features out (unknown, so conditions on them are false).
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

    /// How to start this analyzer again, recorded in transcripts: a plugin's `exec:` command; nil
    /// (the default) for analyzers that are part of Rehearse.
    var origin: String? { get }

    /// Features that exist only for a scenario's competencies (`competency.<id>`); none by default.
    func features(for competencies: [Competency]) -> [FeatureDescriptor]

    /// This analyzer made ready for one scenario's competencies, e.g. with their cues indexed once
    /// rather than for every answer. By default, itself.
    func prepared(for competencies: [Competency]) -> any Analyzer

    func analyze(_ answer: String, context: AnalysisContext) -> Analysis
}

extension Analyzer {
    public var origin: String? { nil }

    public func features(for competencies: [Competency]) -> [FeatureDescriptor] { [] }

    public func prepared(for competencies: [Competency]) -> any Analyzer { self }
}
