import InterviewCore

/// A scenario's competency cues as word stems, indexed by their first stem, so that one pass over
/// an answer finds every cue. Built once per scenario (the engine keeps it), not once per answer.
/// Stems are ids in a table of the cues' own stems: an answer's word whose stem no cue has is -1,
/// and is never turned into a String.
final class CompetencyCueIndex: Sendable {
    private let stems: ByteTable
    /// The cues' words as written, and `cueWritten[competency][cue]` their ids: a word the built-in
    /// lists read as an adverb, filler or hedge matches a cue's word only when spelled as it is
    /// there ("right now" does not show the cue "rights", and does show "right away").
    private let cueWords: ByteTable
    private let cueWritten: [[[Int32]]]
    /// `cueIDs[competency][cue]`: each cue's stem ids, in the order the scenario lists them.
    private let cueIDs: [[[Int32]]]
    /// For each stem id, the cue stem it stands for: itself, or for any form of an irregular verb
    /// (`IrregularVerbs`), the one form all its forms stand for.
    private let canonical: [Int32]
    /// Cues by the id of their first stem.
    private let byFirstStem: [[(competency: Int, cue: Int)]]
    /// A filter on a word's first three bytes: a stem of three bytes or more starts with the word's
    /// first three, so a word whose start no cue stem has needs no stemming. A bit may be set by
    /// more than one start; a clear bit is a sure no. (Stems shorter than three come only from
    /// words shorter than three, or from "'s" words of four bytes or less; those are stemmed.)
    private let starts: [UInt64]
    /// `cueKeeps[competency][cue][word]`: what the cue's own words say at each of its words, so that
    /// it still matches where they are negated (a cue with a negation: "no judgment") or stand in a
    /// set expression the cue itself writes (a cue "of course" matches "of course"). Word by word: a
    /// negation before the cue's own ("I'd never use a no-suicide contract") is not the cue's.
    private let cueKeeps: [[[CueReading.Blocks]]]
    /// `cueNegates[competency][cue]`: the cue writes a negation of its own ("without his permission").
    private let cueNegates: [[Bool]]
    /// `competency.<id>` for each competency, the names of their features.
    let featureNames: [String]
    /// For each competency, the sets of topics (their indices among the same competencies) whose
    /// mention withholds it, each set together (`Competency.withheldBy`).
    let withholding: [[[Int]]]
    /// For each competency, the topics (their indices among the same competencies) an answer must
    /// also mention to show it (`Competency.needs`).
    let needing: [[Int]]

    init(_ competencies: [Competency]) {
        var builder = ByteTable.Builder()
        var words: [[UInt8]] = []
        func id(_ stem: String) -> Int32 {
            let bytes = Array(stem.utf8)
            let id = bytes.withUnsafeBufferPointer { builder.insert($0) }
            if id == words.count { words.append(bytes) }
            return id
        }
        // A cue with an empty stem (-1) could never be matched; it is left out rather than let -1
        // match a word no cue has.
        let stemIDs = competencies.map { Self.cueStems(of: $0).map { stems in let ids = stems.map(id); return ids.contains { $0 < 0 } ? [] : ids } }
        // An irregular verb's forms all stand for one of them, in the cues and in answers: "told"
        // matches a cue "tell" and "tell" a cue "told", also where other cues write both forms.
        let cueStems = Dictionary(uniqueKeysWithValues: words.enumerated().map { (String(decoding: $0.element, as: UTF8.self), Int32($0.offset)) })
        var canonical = Array(Int32(0)..<Int32(words.count))
        var assigned = Set<Int32>()
        for verb in IrregularVerbs.verbs {
            let spellings = ([verb.base] + verb.forms).map(CompetencyAnalyzer.stem)
            guard let first = spellings.lazy.compactMap({ cueStems[$0] }).first else { continue }
            // A form two verbs share keeps the first verb's.
            let target = canonical[Int(first)]
            for spelling in spellings {
                if let cueStem = cueStems[spelling] {
                    if assigned.insert(cueStem).inserted { canonical[Int(cueStem)] = target }
                } else {
                    let alias = id(spelling)
                    if alias == canonical.count { canonical.append(target) }
                }
            }
        }
        self.canonical = canonical
        cueIDs = stemIDs.map { $0.map { $0.map { canonical[Int($0)] } } }
        stems = builder.table
        var written = ByteTable.Builder()
        cueWritten = competencies.map { competency in
            competency.cues.map { cue in
                TextSegmenter(cue, vocabulary: .builtIn).words.map { word in
                    var word = word
                    return word.withUTF8 { written.insert($0) }
                }
            }
        }
        cueWords = written.table
        let keeps = competencies.map { competency in competency.cues.map { CueReading.blocks(TextSegmenter($0, vocabulary: .builtIn)) } }
        cueKeeps = keeps
        cueNegates = keeps.map { $0.map { $0.contains { $0.contains(.negated) } } }
        var index = [[(competency: Int, cue: Int)]](repeating: [], count: words.count)
        for (competency, cues) in cueIDs.enumerated() {
            for (cue, stems) in cues.enumerated() {
                guard let first = stems.first else { continue }
                index[Int(first)].append((competency, cue))
            }
        }
        byFirstStem = index
        featureNames = competencies.map(CompetencyFeature.feature(for:))
        let topicIndex = Dictionary(competencies.indices.filter { competencies[$0].isTopic }.map { (competencies[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        needing = competencies.map { competency in competency.needs.compactMap { topicIndex[$0] } }
        withholding = competencies.map { competency in
            competency.withheldBy.compactMap { group in
                let topics = group.compactMap { topicIndex[$0] }
                return topics.count == group.count ? topics : nil
            }
        }
        var bits = [UInt64](repeating: 0, count: Self.startBits / 64)
        for word in words where word.count >= 3 {
            let bit = Self.startBit(word[0], word[1], word[2])
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        starts = bits
    }

    /// Each of the competency's cues as the word stems the analyzer matches.
    static func cueStems(of competency: Competency) -> [[String]] {
        competency.cues.map { TextSegmenter($0, vocabulary: .builtIn).words.map(CompetencyAnalyzer.stem) }
    }

    /// The index of no competencies, made once.
    static let none = CompetencyCueIndex([])

    private static let startBits = 4096

    private static func startBit(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        (Int(a) &* 961 &+ Int(b) &* 31 &+ Int(c)) & (startBits - 1)
    }

    var isEmpty: Bool { stems.count == 0 }

    /// The id of `word`'s stem (`CompetencyAnalyzer.stem`), or -1 when no cue has that stem.
    func stemID(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { stemID(of: $0) }
    }

    /// For a token whose flags (`info`) say a grammatical sense (an adverb, filler or hedge: "right
    /// now", "just", "well"), the id of its spelling among the cues' written words (-1 when no cue
    /// writes it); for any other token, `anySpelling`.
    func writtenID(of bytes: UnsafeBufferPointer<UInt8>, info: WordInfo) -> Int32 {
        info.isDisjoint(with: [.adverb, .spokenFiller, .hedge]) ? Self.anySpelling : cueWords.id(bytes)
    }

    static let anySpelling: Int32 = -2

    /// The id of the stem of the word spelled by `bytes` (lowercase UTF-8), or -1.
    func stemID(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let count = bytes.count
        if count >= 3, bytes[0] < 0x80, bytes[1] < 0x80, bytes[2] < 0x80,
            count > 4 || bytes[count - 2] != UInt8(ascii: "'") || bytes[count - 1] != UInt8(ascii: "s")
        {
            // An ASCII start (the stemmer keeps it) that no cue stem has.
            let bit = Self.startBit(bytes[0], bytes[1], bytes[2])
            if starts[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return -1 }
        }
        let (end, added) = CompetencyAnalyzer.stemmed(bytes)
        let id =
            if let added {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end + 1) { buffer in
                    for offset in 0..<end { buffer[offset] = bytes[offset] }
                    buffer[end] = added
                    return stems.id(UnsafeBufferPointer(buffer))
                }
            } else {
                stems.id(UnsafeBufferPointer(rebasing: bytes[0..<end]))
            }
        return id < 0 ? id : canonical[Int(id)]
    }

    /// For each competency, where its first cue (in the order written) that occurs anywhere in
    /// `stems` first occurs, as a range of word positions. `written` (`writtenID`, one per word)
    /// holds the words in a grammatical sense to their spelling; `blocks` (`CueReading.blocks`, one
    /// per word) says where the speaker negates, or a word stands in a set expression, and no cue
    /// that does not say the same matches there.
    func firstHits(in stems: [Int32], written: [Int32]? = nil, blocks: [CueReading.Blocks]? = nil) -> [Range<Int>?] {
        func matches(_ position: Int, _ competency: Int, _ cue: Int, _ offset: Int) -> Bool {
            if let blocks {
                let keeps = cueKeeps[competency][cue]
                // Two negations say yes, except to a cue that writes its own (`Blocks.doublyNegated`).
                let block = cueNegates[competency][cue] ? blocks[position] : blocks[position].subtracting(.doublyNegated)
                if !block.isSubset(of: keeps[offset]) { return false }
            }
            guard let written, written[position] != Self.anySpelling else { return true }
            return written[position] == cueWritten[competency][cue][offset]
        }
        var best = [(cue: Int, range: Range<Int>)?](repeating: nil, count: cueIDs.count)
        for start in stems.indices where stems[start] >= 0 {
            for (competency, cue) in byFirstStem[Int(stems[start])] {
                // Positions come in order, so a cue already found keeps its first place.
                if let found = best[competency], found.cue <= cue { continue }
                let cueStems = cueIDs[competency][cue]
                guard start + cueStems.count <= stems.count, matches(start, competency, cue, 0) else { continue }
                var offset = 1
                while offset < cueStems.count, stems[start + offset] == cueStems[offset], matches(start + offset, competency, cue, offset) { offset += 1 }
                if offset == cueStems.count { best[competency] = (cue, start..<start + cueStems.count) }
            }
        }
        return best.map { $0?.range }
    }
}
