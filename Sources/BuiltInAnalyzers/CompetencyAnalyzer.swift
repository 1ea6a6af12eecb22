import InterviewCore

/// Finds which of the scenario's competencies an answer shows, by their cue words and phrases.
/// Cues match whole words in any common form ("listen" matches "listened" and "listening"), never
/// parts of other words, never a word in a grammatical sense the cue does not write ("right
/// now" does not show the cue "rights"), never what the speaker says they did not do ("I didn't
/// do a safety plan") and never a word in a set expression that means something else ("I mean",
/// "of course", "wrap up"): `CueReading`.
public struct CompetencyAnalyzer: Analyzer, SegmentedAnalyzer {
    public let identifier = "competency"
    public let version = "1.0"
    public let summary = "competencies: which of the scenario's competencies the answer shows, from their cues"
    public let followups: [String] = []

    /// The cue index of the scenario this analyzer was prepared for, built on first use.
    private let cueIndex: LazyCueIndex?

    public init() {
        cueIndex = nil
    }

    private init(cueIndex: LazyCueIndex) {
        self.cueIndex = cueIndex
    }

    /// With the competencies' cues indexed once, when the first answer is read, rather than for
    /// every answer.
    public func prepared(for competencies: [Competency]) -> any Analyzer {
        CompetencyAnalyzer(cueIndex: LazyCueIndex(competencies))
    }

    static let featureTemplate = FeatureTemplate(CompetencyAnalyzer().features)

    public var features: [FeatureDescriptor] {
        [
            FeatureDescriptor(CompetencyFeature.shown, .number, "how many of the question's assessed competencies the answer shows"),
            FeatureDescriptor(CompetencyFeature.missing, .number, "how many of the question's assessed competencies it does not show"),
            FeatureDescriptor(CompetencyFeature.coverage, .number, "share of the question's assessed competencies shown, 0 to 1"),
        ]
    }

    /// Per-competency features (`competency.<id>`) and per-topic ones (`mentions.<id>`) exist only
    /// once a scenario declares them.
    public func features(for competencies: [Competency]) -> [FeatureDescriptor] {
        competencies.map {
            FeatureDescriptor(CompetencyFeature.feature(for: $0), .bool, $0.isTopic ? "the answer mentions \($0.label)" : "the answer shows \($0.label)")
        }
    }

    func read(_ segmenter: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis {
        // Stems only when there are cues to match them against, as ids of the cues' stems.
        // Prepared for these competencies (the same array, compared in constant time); else, with
        // none, nothing to index; else indexed for this answer alone (`AnalyzerSet.prepared(for:)`
        // spares that).
        let cues = context.competencies.isEmpty
            ? CompetencyCueIndex.none : cueIndex?.index(for: context.competencies) ?? CompetencyCueIndex(context.competencies)
        var stems: [Int32] = []
        var written: [Int32] = []
        let blocks = cues.isEmpty ? [] : CueReading.blocks(segmenter)
        if !cues.isEmpty {
            stems.reserveCapacity(segmenter.tokens.count)
            written.reserveCapacity(segmenter.tokens.count)
            for index in segmenter.tokens.indices {
                segmenter.withSpelling(of: index) { spelling in
                    stems.append(cues.stemID(of: spelling))
                    written.append(cues.writtenID(of: spelling, info: segmenter.tokens[index].info))
                }
            }
        }
        var named: [(String, FeatureValue)] = []
        named.reserveCapacity(context.competencies.count)
        var evidence: [Evidence] = []
        var shown = 0
        let hits = cues.firstHits(in: stems, written: written, blocks: blocks, boundaries: cues.isEmpty ? [] : segmenter.tokens.map(\.boundaryAfter))
        for (index, found) in hits.enumerated() {
            let feature = cues.featureNames[index]
            // A topic the competency is withheld by, mentioned anywhere in the answer (its replies to
            // follow-ups included), takes its credit: a panel hears the first instinct too, and a
            // reply that names the skill without the red flag need not take the flag back ("It was
            // his decision, so I respected it"). The words that took it are kept for the feedback.
            // A competency that needs topics beside its cues ("asked about a plan" and "called the
            // on-call clinician") is shown only where the answer mentions each of them too.
            // Its cues' words are kept where the needs were not met, for authors (`analyze`).
            func quote(_ words: Range<Int>, as name: String) {
                let start = segmenter.tokens[words.lowerBound].start
                let end = segmenter.tokens[words.upperBound - 1].end
                evidence.append(Evidence(feature: name, start: start, end: end, text: segmenter.text(start, end)))
            }
            let id = context.competencies[index].id
            let met = cues.needing[index].allSatisfy { $0.contains { $0.allSatisfy { $0 >= 0 && hits[$0] != nil } } }
            var hit = met ? found : nil
            if !met, let found { quote(found, as: CompetencyFeature.unmet(id)) }
            // A set withholds when each of its topics is mentioned, and each written "!id" is not.
            if hit != nil, let group = cues.withholding[index].first(where: { $0.allSatisfy { $0 >= 0 ? hits[$0] != nil : hits[~$0] == nil } }) {
                hit = nil
                for topic in group where topic >= 0 {
                    if let words = hits[topic] { quote(words, as: CompetencyFeature.withheld(id)) }
                }
            }
            named.append((feature, .bool(hit != nil)))
            if let hit {
                if context.assessed.contains(id) { shown += 1 }
                quote(hit, as: feature)
            }
        }
        let assessed = context.assessed.count
        // In the order of `features`; one feature per competency besides, named by the scenario.
        return SegmentedAnalysis(
            values: [
                .number(Double(shown)),
                .number(Double(assessed - shown)),
                .number(assessed == 0 ? 0 : (Double(shown) * 100 / Double(assessed)).rounded() / 100),
            ],
            named: named, evidence: evidence)
    }

    /// A light suffix-stripper: enough to match "validate", "validated", "validating" and "validates".
    /// Lengths count Unicode scalars ("naïvely" is 7).
    static func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            let (end, added) = stemmed(bytes)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self) + (added.map { String(UnicodeScalar($0)) } ?? "")
        }
    }

    /// The stem of the word spelled by `bytes` (lowercase UTF-8) as its first `end` bytes, plus
    /// `added` ("y" for "ied" and "ies", "e" for "coping" → "cope") when there is one. The one copy
    /// of the rules, on the bytes, without copying them: the cue index stems words of every answer
    /// with it. The suffixes are ASCII, which never occurs inside a
    /// multibyte character, so they are matched on bytes for any word.
    static func stemmed(_ bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, added: UInt8?) {
        /// Characters (scalars) in the first `count` bytes: the bytes that are not continuations.
        func scalars(_ count: Int) -> Int {
            var scalars = 0
            for index in 0..<count where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            return scalars
        }
        var end = bytes.count
        if end >= 2, bytes[end - 2] == UInt8(ascii: "'"), bytes[end - 1] == UInt8(ascii: "s") { end -= 2 }
        var addY = false
        var strippedVerbEnding = false
        // At least three characters are left; bytes are at least as many, so that is checked first.
        for suffix in suffixBytes
        where end - suffix.count >= 3 && bytes[(end - suffix.count)..<end].elementsEqual(suffix) && scalars(end - suffix.count) >= 3
            && !(suffix.count == 1 && suffix[0] == UInt8(ascii: "s") && keepsFinalS(bytes, end))
        {
            end -= suffix.count
            addY = suffix.count == 3 && suffix[1] == UInt8(ascii: "e")  // "ied", "ies"
            strippedVerbEnding = eEndings.contains { $0.elementsEqual(suffix) }
            // "validated", "validate", "validating" and "validation" (stripped of "ation") share
            // "valid"; "frustrated" and "frustration" "frustr". Short stems keep it ("treated").
            // "repeated", "defeated" keep theirs ("-eat").
            if verbSuffixes.contains(where: { $0.elementsEqual(suffix) }), end >= 6, bytes[end - 2] == UInt8(ascii: "a"), bytes[end - 1] == UInt8(ascii: "t"),
                bytes[end - 3] != UInt8(ascii: "e"), scalars(end - 2) >= 4
            {
                end -= 2
            }
            break
        }
        let strippedLength = end
        // "planned" → "plan", "stopped" → "stop"; only an ASCII letter is doubled.
        if end >= 2, scalars(end) + (addY ? 1 : 0) > 3 {
            let last = addY ? UInt8(ascii: "y") : bytes[end - 1]
            let previous = addY ? bytes[end - 1] : bytes[end - 2]
            if last < 0x80, previous == last, !isKeptDouble(last) {
                if addY { addY = false } else { end -= 1 }
            }
        }
        if addY { return (end, UInt8(ascii: "y")) }
        // "coping", "coped", "copes" and "cope" share "cope", not "cop" ("cops"): a verb ending
        // taken from three letters, consonant, vowel, consonant, took a silent "e" with it
        // ("caring", "hated", "cited", "timing"); English doubles the consonant otherwise
        // ("hopping"). Not before "w", "x", "y", nor "es" after "s" or "z" ("buses").
        if strippedVerbEnding, strippedLength == 3, isConsonant(bytes[0]), isVowel(bytes[1]), isConsonant(bytes[2]),
            bytes[2] != UInt8(ascii: "w"), bytes[2] != UInt8(ascii: "x"), bytes[2] != UInt8(ascii: "y"),
            !(bytes.count == 5 && bytes[3] == UInt8(ascii: "e") && bytes[4] == UInt8(ascii: "s") && (bytes[2] == UInt8(ascii: "s") || bytes[2] == UInt8(ascii: "z")))
        {
            return (end, UInt8(ascii: "e"))
        }
        return (end, nil)
    }

    /// The endings after which a three-letter stem gets its "e" back (`stemmed`).
    private static let eEndings = ["ing", "ed", "es", "e"].map { Array($0.utf8) }

    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
    }

    private static func isConsonant(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") && !isVowel(byte)
    }

    /// "focus", "crisis", "stress", "bias": an "s" after "s", "u" or "i", and in "bias" and "alias",
    /// is the word's own, so that "biases" and "bias" share a stem ("phobias" is "phobia"'s plural).
    private static func keepsFinalS(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        let before = bytes[end - 2]
        if before == UInt8(ascii: "s") || before == UInt8(ascii: "u") || before == UInt8(ascii: "i") { return true }
        let word = bytes[0..<end]
        return word.elementsEqual("bias".utf8) || word.elementsEqual("alias".utf8)
    }

    private static func isKeptDouble(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "s"), UInt8(ascii: "l"): true
        default: false
        }
    }

    private static let verbSuffixes = ["e", "ed", "es", "ing", "ings", "edly"].map { Array($0.utf8) }
    private static let suffixBytes = ["ational", "ations", "ation", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s", "e"].map { Array($0.utf8) }
}
