/// The analyzers used for one run, in order of precedence for the recommended follow-up.
public struct AnalyzerSet: Sendable {
    public let analyzers: [any Analyzer]

    /// The built-ins that read a shared segmentation, found once here: a protocol cast per
    /// analyzer per answer showed up in profiles.
    private let segmentedAnalyzers: [(any SegmentedAnalyzer)?]
    /// When every analyzer is a built-in: one dictionary with all their declared features, filled
    /// by position for each answer.
    private let builtInTemplate: FeatureTemplate?

    public init(_ analyzers: [any Analyzer]) {
        self.analyzers = analyzers
        segmentedAnalyzers = analyzers.map { $0 as? any SegmentedAnalyzer }
        let declared = analyzers.flatMap(\.features)
        let allBuiltIn = !analyzers.isEmpty && segmentedAnalyzers.allSatisfy { $0 != nil } && Set(declared.map(\.name)).count == declared.count
        builtInTemplate = allBuiltIn ? FeatureTemplate(declared) : nil
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

    public func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
        if let builtInTemplate { return analyzeBuiltIn(answer, context: context, template: builtInTemplate) }
        var combined: Analysis?
        var segmented: TextSegmenter?
        for (analyzer, builtIn) in zip(analyzers, segmentedAnalyzers) {
            let analysis: Analysis
            if let builtIn {
                if segmented == nil { segmented = TextSegmenter(answer) }
                analysis = builtIn.analyze(segmented!, context: context)
            } else {
                analysis = analyzer.analyze(answer, context: context)
            }
            if var merged = combined {
                combined = nil  // so `merged` is the only reference and grows in place
                merged.merge(analysis)
                combined = merged
            } else {
                // The first is taken whole rather than merged key by key into an empty one, with room
                // for everyone's features (growing rehashes every key so far); a reason goes with a
                // recommendation only, as `merge` has it.
                var first = analysis
                if analyzers.count > 1 { first.features.reserveCapacity(analysis.features.count * analyzers.count) }
                if first.followup == nil { first.reason = "" }
                combined = first
            }
        }
        return combined ?? Analysis()
    }

    /// Every analyzer a built-in: one segmentation, and their features filled by position into one
    /// prepared dictionary. The same result as merging their analyses one by one.
    private func analyzeBuiltIn(_ answer: String, context: AnalysisContext, template: FeatureTemplate) -> Analysis {
        let text = TextSegmenter(answer)
        // The first analyzer's arrays are taken over, not copied: with one analyzer nothing is copied.
        var values: [FeatureValue] = []
        var named: [(String, FeatureValue)] = []
        var analysis = Analysis()
        for case let analyzer? in segmentedAnalyzers {
            let reading = analyzer.read(text, context: context)
            if values.isEmpty { values = reading.values } else { values += reading.values }
            if named.isEmpty { named = reading.named } else { named += reading.named }
            if analysis.evidence.isEmpty { analysis.evidence = reading.evidence } else { analysis.evidence += reading.evidence }
            if analysis.followup == nil, let followup = reading.followup {
                analysis.followup = followup
                analysis.reason = reading.reason
            }
        }
        analysis.features = template.features(values)
        // A declared feature keeps its value (one hash per name: `merge` finds and inserts at once).
        if !named.isEmpty { analysis.features.merge(named) { declared, _ in declared } }
        return analysis
    }
}

/// Features the engine itself provides to conditions, about the conversation rather than the answer.
public enum EngineFeature {
    static let provider = "engine"
    /// The recommended follow-up of the analyzers in use (`none` when none is recommended).
    public static let followup = "followup"
    /// How many probes this question has asked so far.
    public static let probes = "probes"

    static func descriptors(followups: [String]) -> [FeatureDescriptor] {
        [
            FeatureDescriptor(followup, .choice(followups), "the follow-up the analyzers recommend"),
            FeatureDescriptor(probes, .number, "how many probes this question has asked so far"),
        ]
    }
}
