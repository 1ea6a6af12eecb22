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
    private let cueSpellings: ByteTable
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
    /// mention withholds it, each set together (`Competency.withheldBy`); a topic that withholds
    /// while it is not mentioned ("!id") as the index's complement, `~index`.
    let withholding: [[[Int]]]
    /// For each competency, what an answer must also mention to show it (`Competency.needs`): each
    /// requirement's alternatives, as sets of topics (their indices among the same competencies).
    let needing: [[[[Int]]]]

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
        let cueWords = competencies.map { $0.cues.map(Self.words(ofCue:)) }
        let stemIDs = cueWords.map {
            $0.map { words in
                let ids = words.map(Self.stem).map { $0 == Self.gapWord ? Self.gap : id($0) }
                return ids.contains(-1) ? [] : ids
            }
        }
        // An irregular verb's forms all stand for one of them, in the cues and in answers: "told"
        // matches a cue "tell" and "tell" a cue "told", also where other cues write both forms.
        // So do the negations of a verb: a cue "can't keep … between us" matches "I won't keep
        // it between us", and "can't confirm or deny" "I couldn't confirm or deny"; and a
        // pronoun's forms (`CueReading.pronounClasses`): "asked her if … plan" matches "I asked him
        // if he had a plan", "I'd call 911" "I called 911".
        let cueStems = Dictionary(uniqueKeysWithValues: words.enumerated().map { (String(decoding: $0.element, as: UTF8.self), Int32($0.offset)) })
        var canonical = Array(Int32(0)..<Int32(words.count))
        var assigned = Set<Int32>()
        for forms in Self.sharedFormClasses {
            let spellings = forms.map(CompetencyAnalyzer.stem)
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
        cueIDs = stemIDs.map { $0.map { $0.map { $0 == Self.gap ? $0 : canonical[Int($0)] } } }
        stems = builder.table
        var written = ByteTable.Builder()
        cueWritten = cueWords.map { cues in
            cues.map { words in
                words.map { word in
                    // A gap is any words; a negation any negation of a verb.
                    guard word != Self.gapWord, !CueReading.verbNegations.contains(word) else { return Self.anySpelling }
                    var word = word
                    return word.withUTF8 { written.insert($0) }
                }
            }
        }
        cueSpellings = written.table
        let keeps = zip(competencies, cueWords).map { competency, cues in
            zip(competency.cues, cues).map(Self.keeps(ofCue:words:))
        }
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
        needing = competencies.map { competency in
            competency.needs.map { $0.map { set in set.map { topicIndex[$0] ?? -1 } } }
        }
        withholding = competencies.map { competency in
            competency.withheldBy.compactMap { group in
                let topics = group.compactMap { entry in topicIndex[Competency.topicID(entry)].map { Competency.isAbsence(entry) ? ~$0 : $0 } }
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

    /// Each of the competency's cues as the word stems the analyzer matches, a gap as `gapWord`.
    static func cueStems(of competency: Competency) -> [[String]] {
        competency.cues.map { words(ofCue: $0).map(stem) }
    }

    /// A cue word's stem; a gap stays a gap.
    private static func stem(_ word: String) -> String { word == gapWord ? word : CompetencyAnalyzer.stem(word) }

    /// A cue's words in order, each gap between them as `gapWord` (a gap at an end, or two in a
    /// row, which the compiler reports, is one gap or none).
    static func words(ofCue cue: String) -> [String] {
        var words: [String] = []
        for part in Competency.cueParts(of: cue) {
            let partWords = TextSegmenter(part, vocabulary: .builtIn).words
            guard !partWords.isEmpty else { continue }
            if !words.isEmpty { words.append(gapWord) }
            words += partWords
        }
        return words
    }

    /// What the cue's own words say at each of its words (`cueKeeps`), a gap keeping nothing.
    static func keeps(ofCue cue: String, words: [String]) -> [CueReading.Blocks] {
        keeps(of: segmented(cue), words: words)
    }

    /// The same from the cue already segmented (`segmented`).
    static func keeps(of text: TextSegmenter, words: [String]) -> [CueReading.Blocks] {
        var blocks = CueReading.blocks(text)[...]
        return words.map { $0 == gapWord ? [] : blocks.popFirst() ?? [] }
    }

    /// A cue's words read as one stretch, so that a negation before a gap reaches past it.
    static func segmented(_ cue: String) -> TextSegmenter {
        TextSegmenter(Competency.cueParts(of: cue).joined(separator: " "), vocabulary: .builtIn)
    }

    /// The word lists whose members match each other in cues and answers: an irregular verb's
    /// forms, the negations of a verb, a pronoun's forms. A form two lists share keeps the first
    /// list's.
    static let sharedFormClasses: [[String]] = IrregularVerbs.verbs.map { [$0.base] + $0.forms } + CueReading.verbNegationClasses + CueReading.pronounClasses

    /// How a gap is written among a cue's words, and its id among its stems.
    static let gapWord = "…"
    private static let gap: Int32 = -3

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
        info.isDisjoint(with: [.adverb, .spokenFiller, .hedge]) ? Self.anySpelling : cueSpellings.id(bytes)
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
    /// that does not say the same matches there. `boundaries` (one per word: whether a clause or a
    /// sentence ends after it) keeps a cue's gap within one clause, so that it cannot join two
    /// things said apart ("I won't let her mom know about the girlfriend, but the safety part I'd
    /// tell her"); the cue may go on at the start of the next clause ("walked her to … and
    /// stayed"). Without it, a gap spans any words.
    func firstHits(in stems: [Int32], written: [Int32]? = nil, blocks: [CueReading.Blocks]? = nil, boundaries: [Token.Boundary]? = nil) -> [Range<Int>?] {
        func matches(_ position: Int, _ competency: Int, _ cue: Int, _ offset: Int) -> Bool {
            guard position < stems.count, stems[position] == cueIDs[competency][cue][offset] else { return false }
            if let blocks {
                let keeps = cueKeeps[competency][cue]
                // Two negations say yes, except to a cue that writes its own (`Blocks.doublyNegated`).
                let block = cueNegates[competency][cue] ? blocks[position] : blocks[position].subtracting(.doublyNegated)
                if !block.isSubset(of: keeps[offset]) { return false }
            }
            guard let written, written[position] != Self.anySpelling else { return true }
            let spelling = cueWritten[competency][cue][offset]
            return spelling == Self.anySpelling || written[position] == spelling
        }
        /// Where the cue's words from `offset` on end when they start at `position`, or nil. A gap
        /// takes the fewest words after which the rest matches.
        func matchEnd(_ competency: Int, _ cue: Int, from offset: Int, at position: Int) -> Int? {
            let cueStems = cueIDs[competency][cue]
            var offset = offset
            var position = position
            while offset < cueStems.count {
                if cueStems[offset] == Self.gap {
                    for skipped in 0...Competency.maximumGap {
                        let next = position + skipped
                        if next >= stems.count { break }
                        let boundary = boundaries?[next - 1] ?? .none
                        if boundary == .sentence { break }
                        if matches(next, competency, cue, offset + 1), let end = matchEnd(competency, cue, from: offset + 2, at: next + 1) { return end }
                        // The gap's words stay in one clause; the cue may go on at the start of the
                        // next ("walked her to … and stayed"), not of the next sentence.
                        if boundary == .clause { break }
                    }
                    return nil
                }
                guard matches(position, competency, cue, offset) else { return nil }
                offset += 1
                position += 1
            }
            return position
        }
        var best = [(cue: Int, range: Range<Int>)?](repeating: nil, count: cueIDs.count)
        for start in stems.indices where stems[start] >= 0 {
            for (competency, cue) in byFirstStem[Int(stems[start])] {
                // Positions come in order, so a cue already found keeps its first place.
                if let found = best[competency], found.cue <= cue { continue }
                if let end = matchEnd(competency, cue, from: 0, at: start) { best[competency] = (cue, start..<end) }
            }
        }
        return best.map { $0?.range }
    }
}
