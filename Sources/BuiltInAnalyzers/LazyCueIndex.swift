import InterviewCore

import Synchronization

/// A scenario's `CompetencyCueIndex`, built when an answer is first analysed: checking, linting
/// or drawing a scenario never needs it, and building it sets up the analyzers' vocabulary (about
/// a millisecond, most of loading a small scenario). Kept by a `CompetencyAnalyzer` prepared for
/// the scenario.
final class LazyCueIndex: Sendable {
    private let competencies: [Competency]
    private let built = Mutex<CompetencyCueIndex?>(nil)

    init(_ competencies: [Competency]) {
        self.competencies = competencies
    }

    /// The index, when `competencies` are the ones it was made for; nil for others.
    func index(for competencies: [Competency]) -> CompetencyCueIndex? {
        competencies == self.competencies ? index : nil
    }

    /// Built on the first call, by whichever thread makes it; every call returns the same index.
    var index: CompetencyCueIndex {
        built.withLock { built in
            if let built { return built }
            let index = CompetencyCueIndex(competencies)
            built = index
            return index
        }
    }
}
