import InterviewCore

/// Cues that are an earlier cue of the same competency or topic written again: the same words but
/// for forms the matcher reads as one, a verb's forms and regular endings ("asked"/"ask"), its
/// negations ("won't"/"can't") and a pronoun's forms ("let her leave"/"let him leave", "I'd
/// call"/"I called").
/// The linter reports them, so that a scenario keeps one spelling of each. (A cue that only adds
/// words to an earlier one, `called 911 right away` after `called 911`, is not one of them.)
package enum RepeatedCues {
    /// Each cue of `cues` that repeats an earlier one, with the index of the first it repeats.
    package static func find(in cues: [String]) -> [(cue: Int, earlier: Int)] {
        var first: [Key: Int] = [:]
        var repeats: [(cue: Int, earlier: Int)] = []
        for (index, cue) in cues.enumerated() {
            let key = Key(cue)
            guard !key.stems.isEmpty else { continue }
            if let earlier = first[key] {
                repeats.append((index, earlier))
            } else {
                first[key] = index
            }
        }
        return repeats
    }

    /// What decides which answers a cue matches: its words' stems, each read as the form its
    /// class stands for; what the cue's own words say at each (a negation, a set expression); and
    /// the spelling of a word in a grammatical sense (an adverb, filler or hedge), which matches
    /// only as written.
    private struct Key: Hashable {
        var stems: [String] = []
        var keeps: [CueReading.Blocks] = []
        var spellings: [String?] = []

        init(_ cue: String) {
            let words = CompetencyCueIndex.words(ofCue: cue)
            let text = CompetencyCueIndex.segmented(cue)
            var tokens = text.tokens[...]
            for word in words {
                if word == CompetencyCueIndex.gapWord {
                    stems.append(word)
                    spellings.append(nil)
                    continue
                }
                let stem = CompetencyAnalyzer.stem(word)
                stems.append(RepeatedCues.sharedForm[stem] ?? stem)
                let grammatical = tokens.popFirst().map { !$0.info.isDisjoint(with: [.adverb, .spokenFiller, .hedge]) } ?? false
                spellings.append(grammatical ? word : nil)
            }
            keeps = CompetencyCueIndex.keeps(of: text, words: words)
        }
    }

    /// For each stem of a shared form (`CompetencyCueIndex.sharedFormClasses`), the first stem of
    /// its class.
    private static let sharedForm: [String: String] = {
        var map: [String: String] = [:]
        for forms in CompetencyCueIndex.sharedFormClasses {
            let stems = forms.map(CompetencyAnalyzer.stem)
            let target = stems.lazy.compactMap { map[$0] }.first ?? stems[0]
            for stem in stems where map[stem] == nil { map[stem] = target }
        }
        return map
    }()
}
