import InterviewCore

extension AnalyzerRegistry {
    /// The analyzers that ship with Rehearse.
    public static let builtIn = AnalyzerRegistry([STARAnalyzer(), SMARTAnalyzer(), DeliveryAnalyzer(), CompetencyAnalyzer()])

    /// Used when the command line names none: all built-ins, `star` first so its follow-ups lead.
    public static let defaultIdentifiers = ["star", "smart", "delivery", "competency"]
}
