/// The analyzers used for one run, in order of precedence for the recommended follow-up.
public struct AnalyzerSet: Sendable {
    public let analyzers: [any Analyzer]

    /// How many features the analyzers declare, the room the merged analysis needs.
    private let declaredFeatures: Int

    public init(_ analyzers: [any Analyzer]) {
        self.analyzers = analyzers
        declaredFeatures = analyzers.reduce(0) { $0 + $1.features.count }
    }

    public var identifiers: [String] { analyzers.map(\.identifier) }

    /// Every recommended follow-up any analyzer in the set can give, plus `none`.
    public var followupValues: [String] {
        var values: [String] = []
        for value in analyzers.flatMap(\.followups) + ["none"] where !values.contains(value) {
            values.append(value)
        }
        return values
    }

    /// The features conditions may use: the analyzers' and the engine's own.
    public var catalog: FeatureCatalog {
        var catalog = FeatureCatalog()
        for analyzer in analyzers {
            catalog.add(analyzer.features, from: analyzer.identifier)
        }
        catalog.add(EngineFeature.descriptors(followups: followupValues), from: EngineFeature.provider)
        return catalog
    }

    /// Adds to `catalog` the features the analyzers give for a scenario's competencies.
    public func addFeatures(for competencies: [Competency], to catalog: inout FeatureCatalog) {
        for analyzer in analyzers {
            catalog.add(analyzer.features(for: competencies), from: analyzer.identifier)
        }
    }

    /// The set made ready for one scenario (see `Analyzer.prepared(for:)`).
    public func prepared(for scenario: Scenario) -> AnalyzerSet {
        AnalyzerSet(analyzers.map { $0.prepared(for: scenario.cueSets) })
    }

    /// Every analyzer's findings, merged in order: features and evidence from all of them, the
    /// follow-up of the first that recommends one.
    public func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
        var context = context
        context.memo = AnswerMemo()
        var combined = Analysis()
        for (index, analyzer) in analyzers.enumerated() {
            combined.merge(analyzer.analyze(answer, context: context))
            // Room for everyone's features once, rather than growing (and rehashing) at each merge.
            if index == 0 && analyzers.count > 1 { combined.features.reserveCapacity(declaredFeatures + context.competencies.count) }
        }
        return combined
    }
}

/// Features the engine itself provides to conditions, about the conversation rather than the answer.
public enum EngineFeature {
    public static let provider = "engine"
    /// The recommended follow-up of the analyzers in use (`none` when none is recommended). In a
    /// probe's condition, one an earlier probe of the question asked for is passed over for the
    /// next (see docs/scenario-format.md, "How an interview moves").
    public static let followup = "followup"
    /// How many probes this question has asked so far.
    public static let probes = "probes"

    package static func descriptors(followups: [String]) -> [FeatureDescriptor] {
        [
            FeatureDescriptor(followup, .choice(followups), "the follow-up the analyzers recommend (for a probe: the first that no earlier probe of the question asked for)"),
            FeatureDescriptor(probes, .number, "how many probes this question has asked so far"),
        ]
    }
}
