/// A scenario's competency cues as word stems, indexed by their first stem, so that one pass over
/// an answer finds every cue. Built once per scenario (the engine keeps it), not once per answer.
final class CompetencyCueIndex: Sendable {
    /// `cueStems[competency][cue]`: each cue's stems, in the order the scenario lists them.
    private let cueStems: [[[String]]]
    private let byFirstStem: [String: [(competency: Int, cue: Int)]]

    init(_ competencies: [Competency]) {
        cueStems = competencies.map(\.cueStems)
        var index: [String: [(competency: Int, cue: Int)]] = [:]
        for (competency, cues) in cueStems.enumerated() {
            for (cue, stems) in cues.enumerated() {
                guard let first = stems.first else { continue }
                index[first, default: []].append((competency, cue))
            }
        }
        byFirstStem = index
    }

    var isEmpty: Bool { byFirstStem.isEmpty }

    /// For each competency, where its first cue (in the order written) that occurs anywhere in
    /// `stems` first occurs, as a range of word positions.
    func firstHits(in stems: [String]) -> [Range<Int>?] {
        var best = [(cue: Int, range: Range<Int>)?](repeating: nil, count: cueStems.count)
        for start in stems.indices {
            guard let candidates = byFirstStem[stems[start]] else { continue }
            for (competency, cue) in candidates {
                // Positions come in order, so a cue already found keeps its first place.
                if let found = best[competency], found.cue <= cue { continue }
                let cueStems = cueStems[competency][cue]
                guard start + cueStems.count <= stems.count else { continue }
                var offset = 1
                while offset < cueStems.count, stems[start + offset] == cueStems[offset] { offset += 1 }
                if offset == cueStems.count { best[competency] = (cue, start..<start + cueStems.count) }
            }
        }
        return best.map { $0?.range }
    }
}
