// Shared by the fuzz targets.
enum FuzzSupport {
    static let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
    static let loader = ScenarioLoader(analyzers: analyzers)
    static let context = AnalysisContext(
        kind: .behavioral,
        competencies: [Competency(id: "listening", label: "Listening", cues: ["reflective listening", "validate"], location: SourceLocation(file: "fuzz", line: 1, column: 1))],
        assessed: ["listening"])
}
