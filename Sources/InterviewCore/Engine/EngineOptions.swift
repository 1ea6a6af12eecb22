/// Run-time choices that change how the engine walks a scenario.
public struct EngineOptions: Sendable, Hashable {
    /// Overrides every question's probe limit when set.
    public var maxProbes: Int?
    /// False for plain question-bank mode: no probes at all.
    public var probesEnabled: Bool
    /// How often one question may be asked before a branch back to it is ignored.
    public var maximumVisits: Int
    /// Practise this question alone: the interview starts with it and ends after it (and after
    /// the branch-only questions its branches lead to).
    public var onlyQuestion: String?

    public init(maxProbes: Int? = nil, probesEnabled: Bool = true, maximumVisits: Int = 2, onlyQuestion: String? = nil) {
        self.maxProbes = maxProbes
        self.probesEnabled = probesEnabled
        self.maximumVisits = max(1, maximumVisits)
        self.onlyQuestion = onlyQuestion
    }
}
