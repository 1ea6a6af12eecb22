import InterviewCore

/// Measures how an answer is said: length, filler words, hedges, "I" versus "we", and sentence length.
/// Gives no follow-up of its own; its evidence is each filler and hedge, where it was said.
public struct DeliveryAnalyzer: Analyzer, SegmentedAnalyzer {
    public let identifier = "delivery"
    public let version = "1.0"
    public let summary = "delivery: word count, fillers and hedges per 100 words, 'I' versus 'we', longest sentence"
    public let followups: [String] = []

    public init() {}

    static let featureTemplate = FeatureTemplate(DeliveryAnalyzer().features)

    public var features: [FeatureDescriptor] {
        [
            FeatureDescriptor(DeliveryFeature.words, .number, "number of words"),
            FeatureDescriptor(DeliveryFeature.sentences, .number, "number of sentences"),
            FeatureDescriptor(DeliveryFeature.fillersPer100, .number, "filler words (um, uh, like, you know, basically) per 100 words"),
            FeatureDescriptor(DeliveryFeature.hedgesPer100, .number, "hedges (maybe, I guess, kind of, probably) per 100 words"),
            FeatureDescriptor(DeliveryFeature.iCount, .number, "first-person singular words (I, me, my)"),
            FeatureDescriptor(DeliveryFeature.weCount, .number, "first-person plural words (we, us, our)"),
            FeatureDescriptor(DeliveryFeature.iShare, .number, "share of first-person words that are singular, 0 to 1"),
            FeatureDescriptor(DeliveryFeature.longestSentence, .number, "words in the longest sentence"),
        ]
    }

    private static let fillerList = ["you know", "i mean", "sort of like", "like um", "and stuff", "or whatever", "kind of like"]
    private static let hedgeList = ["i guess", "kind of", "sort of", "i think", "i feel like", "i suppose", "more or less", "a little bit", "not really sure", "i don't know"]
    /// At most this many fillers and hedges are given as evidence.
    static let evidenceLimit = 40
    private static let fillerPhrases = PhraseSet(fillerList, vocabulary: .builtIn)
    private static let hedgePhrases = PhraseSet(hedgeList, vocabulary: .builtIn)

    /// Every filler and hedge phrase, for the vocabulary (which marks their first words, so that
    /// only at those are the phrase sets consulted).
    static let phraseList = fillerList + hedgeList

    private static func isBeforeFillerLike(_ word: Keyword?) -> Bool {
        switch word {
        case .was?, .and?, .itS?, .just?, .so?, .um?, .uh?: true
        default: false
        }
    }

    func read(_ segmenter: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis {
        let tokens = segmenter.tokens
        var fillers = 0
        var hedges = 0
        // Each filler and hedge as evidence, so feedback can quote the words rather than a rate.
        var found: [(feature: String, start: Int, end: Int)] = []
        var singular = 0
        var plural = 0
        tokens.withUnsafeBufferPointer { tokens in
            for token in tokens {
                if token.info.contains(.firstSingular) { singular += 1 }
                if token.info.contains(.firstPlural) { plural += 1 }
            }
            var i = 0
            while i < tokens.count {
                let info = tokens[i].info
                if info.contains(.deliveryPhraseStart) {
                    if let length = Self.fillerPhrases.match(tokens, at: i) {
                        fillers += 1
                        found.append((DeliveryFeature.fillersPer100, tokens[i].start, tokens[i + length - 1].end))
                        i += length
                        continue
                    }
                    if let length = Self.hedgePhrases.match(tokens, at: i) {
                        hedges += 1
                        found.append((DeliveryFeature.hedgesPer100, tokens[i].start, tokens[i + length - 1].end))
                        i += length
                        continue
                    }
                }
                // "like" is a filler when it does not compare or mean "enjoy": after "was", "and", "it's", or at a clause start.
                // "ER" in capitals is the emergency room, not "er".
                if (info.contains(.spokenFiller) && !(tokens[i].end - tokens[i].start == 2 && segmenter.text(tokens[i].start, tokens[i].end) == "ER")) || (tokens[i].is(.like) && (i == 0 || Self.isBeforeFillerLike(tokens[i - 1].keyword))) {
                    fillers += 1
                    found.append((DeliveryFeature.fillersPer100, tokens[i].start, tokens[i].end))
                } else if info.contains(.hedge) {
                    hedges += 1
                    found.append((DeliveryFeature.hedgesPer100, tokens[i].start, tokens[i].end))
                }
                i += 1
            }
        }
        var longest = 0
        var current = 0
        var sentence = -1
        for clause in segmenter.clauses {
            if clause.sentence != sentence {
                longest = max(longest, current)
                current = 0
                sentence = clause.sentence
            }
            current += clause.count
        }
        longest = max(longest, current)
        let per100 = { (count: Int) -> Double in tokens.isEmpty ? 0 : (Double(count) * 1000 / Double(tokens.count)).rounded() / 10 }
        let firstPerson = singular + plural
        // In the order of `features`.
        var analysis = SegmentedAnalysis(values: [
            .number(Double(tokens.count)),
            .number(Double(segmenter.sentenceCount)),
            .number(per100(fillers)),
            .number(per100(hedges)),
            .number(Double(singular)),
            .number(Double(plural)),
            .number(firstPerson == 0 ? 0 : (Double(singular) * 100 / Double(firstPerson)).rounded() / 100),
            .number(Double(longest)),
        ])
        // A pasted megabyte has thousands; a few dozen are enough to quote.
        analysis.evidence = found.prefix(Self.evidenceLimit).map { Evidence(feature: $0.feature, start: $0.start, end: $0.end, text: segmenter.text($0.start, $0.end)) }
        return analysis
    }
}
