import InterviewCore

extension AnalyzerSet {
    /// The same analyzers with `analyzer` in place of the one with its identifier (appended when
    /// none has it).
    package func replacing(_ analyzer: any Analyzer) -> AnalyzerSet {
        var list = analyzers
        if let index = list.firstIndex(where: { $0.identifier == analyzer.identifier }) {
            list[index] = analyzer
        } else {
            list.append(analyzer)
        }
        return AnalyzerSet(list)
    }
}
