/// Where in an answer a competency cue cannot show what it names: words the speaker negates, and
/// words in set expressions whose sense is not the word's own.
///
/// A cue is about something done or known. "I didn't do a safety plan and never consulted anyone"
/// shows neither a safety plan nor consulting; "I mean" is a filler, not the means of suicide; "of
/// course" is not a course. A cue that writes the same thing itself ("no judgment", "of course")
/// still matches it (`CompetencyCueIndex`).
enum CueReading {
    struct Blocks: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        /// In the scope of the speaker's negation: from a negating word to the end of its clause,
        /// or, where the negation comes after what it denies ("a safety plan was never written"),
        /// the words before it.
        static let negated = Blocks(rawValue: 1)
        /// A word of a set expression (`setExpressions`).
        static let setExpression = Blocks(rawValue: 2)
        /// From a second negation in the scope of a first to the end of that scope ("I never call
        /// family without his permission"): a yes for a cue without a negation of its own ("safety
        /// plan" in "I never leave without a safety plan"), and a no for one that writes one
        /// ("without his permission"), whose sense the first negation turns round.
        static let doublyNegated = Blocks(rawValue: 4)
    }

    /// One per token of `text`: what keeps a cue from matching there.
    static func blocks(_ text: TextSegmenter) -> [Blocks] {
        let count = text.tokens.count
        var blocks = [Blocks](repeating: [], count: count)
        guard count > 0 else { return blocks }
        let spellings = text.tokens.indices.map { index in text.withSpelling(of: index) { String(decoding: $0, as: UTF8.self) } }
        for clause in text.clauses {
            var negated = false
            // Where the words a later negation may deny begin: the clause's start, or a joining
            // word; and whether a pronoun subject ("I", "we", "she") has come since, whose own
            // act it would deny.
            var segmentStart = clause.range.lowerBound
            var subjectInSegment = false
            // "I don't think I'd report it": a negated belief denies the clause it introduces, so
            // the next subject does not end its scope.
            var deniesNextSubject = false
            var doublyNegated = false
            for index in clause.range {
                let word = spellings[index]
                let info = text.tokens[index].info
                let next = index + 1 < clause.range.upperBound ? spellings[index + 1] : ""
                // The scope ends where another clause begins without punctuation: a joining word,
                // or a new subject ("When she didn't answer I called 988").
                let joins = scopeEnds.contains(word)
                    // "until she called", not "wait until morning": a time word joins a clause only
                    // when a subject follows it.
                    && (!timeJoins.contains(word) || subjectsAfterTimeJoin.contains(next))
                let speaker = info.contains(.ownSubject) || info.contains(.groupSubject)
                if doublyNegated && (joins || speaker) { doublyNegated = false }
                if negated && speaker && deniesNextSubject {
                    deniesNextSubject = false
                } else if negated && (joins || speaker) {
                    negated = false
                }
                if joins {
                    segmentStart = index + 1
                    subjectInSegment = false
                }
                if speaker || personalPronouns.contains(word) { subjectInSegment = true }
                let negation = (info.contains(.negationWord) || alwaysNegating.contains(word)
                    // "Rather than having her translate", "instead of letting Linh translate".
                    || (word == "rather" && next == "than") || (word == "instead" && next == "of")
                    // "I'd avoid asking her about suicide directly."
                    || (avoidWords.contains(word) && next.hasSuffix("ing"))
                    // "I forgot to document": the speaker's own failing, not a plan that failed.
                    || (negatingAfterSpeaker.contains(word) && followsTheSpeaker(index, in: clause.range, text, spellings))
                    // "I should have called 911": what was not done.
                    || isCounterfactual(index, text, spellings))
                    // "a no-suicide contract", "a no-show": "no" joined to the next word names a thing.
                    && !isHyphenPrefix(index, text)
                if negation, !subjectInSegment, index > segmentStart, deniesWhatCameBefore(word, after: index > 0 ? spellings[index - 1] : "") {
                    // "A safety plan was never written", "the release wasn't signed": the thing
                    // named first is what did not happen. Not after a pronoun ("the plan we
                    // wrote was never used" still says a plan was written; "in our state she
                    // couldn't consent" still says which state's law).
                    for before in segmentStart..<index { blocks[before].insert(.negated) }
                }
                if index > clause.range.lowerBound, word == "nobody" || word == "nothing" || (word == "no" && next == "one") {
                    // "I consulted no one", "I told nobody": the verb right before is what was not done.
                    blocks[index - 1].insert(.negated)
                }
                if negation {
                    // Two negations make a yes ("I never leave without a safety plan").
                    if negated { doublyNegated = true }
                    negated.toggle()
                    deniesNextSubject = negated && beliefVerbs.contains(next)
                } else if negated && (undoesNegation.contains(word) || (undoesBeforeToOrFor.contains(word) && (next == "to" || next == "for"))) {
                    // "I didn't hesitate to give him Narcan", "I didn't wait to call"; not "I wouldn't
                    // wait until morning".
                    negated = false
                }
                if negated { blocks[index].insert(.negated) }
                if doublyNegated { blocks[index].insert(.doublyNegated) }
            }
        }
        for start in 0..<count {
            for expression in setExpressions[spellings[start]] ?? [] where start + expression.count <= count {
                guard (0..<expression.count).allSatisfy({ spellings[start + $0] == expression[$0] }) else { continue }
                for index in start..<start + expression.count { blocks[index].insert(.setExpression) }
            }
        }
        return blocks
    }

    /// Whether the word at `index` begins the speaker's regret or might-have-been, which says the
    /// act did not happen: "I should have" or "we could have" before a past participle, an adverb
    /// between or not ("I should have called 911", "I should have just put a plan in place", "I
    /// could've asked"), or ending the clause ("I should have."). Not someone else's ("every
    /// client should have informed consent", "whether he could have had access to a gun").
    static func isCounterfactual(_ index: Int, _ text: TextSegmenter, _ spellings: [String]) -> Bool {
        guard index > 0, text.tokens[index - 1].info.contains(.ownSubject) || text.tokens[index - 1].info.contains(.groupSubject) else { return false }
        func endsClause(_ at: Int) -> Bool { text.tokens[at].boundaryAfter != .none || at + 1 == spellings.count }
        func isParticiple(_ at: Int) -> Bool {
            var at = at
            if at < spellings.count, adverbsInVerbPhrase.contains(spellings[at]) || spellings[at].hasSuffix("ly") { at += 1 }
            return at < spellings.count && (text.tokens[at].info.contains(.endsEd) || participles.contains(spellings[at]))
        }
        let word = spellings[index]
        if contractedCounterfactuals.contains(word) { return endsClause(index) || isParticiple(index + 1) }
        guard counterfactualModals.contains(word), index + 1 < spellings.count, spellings[index + 1] == "have" || spellings[index + 1] == "of" else { return false }
        return endsClause(index + 1) || isParticiple(index + 2)
    }

    static let counterfactualModals: Set<String> = ["should", "could"]
    static let contractedCounterfactuals: Set<String> = ["should've", "could've", "shoulda", "coulda"]
    /// Adverbs that may stand between "should have" and its participle ("should have just called").
    static let adverbsInVerbPhrase: Set<String> = ["just", "also", "really", "even", "already"]
    /// The irregular verbs' past forms (every form but the base and the present ones), and the
    /// bases that are their own participle ("put", "set", "come", "run"): the past participles.
    static let participles: Set<String> = Set(IrregularVerbs.verbs.flatMap(\.forms))
        .union(IrregularVerbs.verbs.filter(\.forms.isEmpty).map(\.base)).union(["come", "become", "run", "overcome"])
        .subtracting(["is", "are", "am", "being", "has", "having", "doing", "does", "going", "goes", "saying", "says", "seeing", "sees"])

    /// Negations of a verb that say the same, so that a cue writing one matches the others: a
    /// refusal or inability ("can't keep … between us" matches "I won't keep it between us", "can't
    /// confirm or deny" "I couldn't confirm or deny"), and "do" not in any tense. "never" and "not"
    /// stay their own: "never said anything" is not "didn't say anything in front of the clients".
    static let verbNegationClasses: [[String]] = [
        ["can't", "cannot", "couldn't", "won't", "wouldn't", "cant", "couldnt", "wont", "wouldnt"],
        ["don't", "didn't", "doesn't", "dont", "didnt", "doesnt"],
    ]
    static let verbNegations = Set(verbNegationClasses.joined())

    /// The pronouns' forms that match each other. The third person in every number and gender, so
    /// that a cue said of one person matches the same said of another: `asked her if … plan` matches "I asked him if he had a plan", and
    /// `didn't let her leave alone` "we didn't let them leave alone". "I" and "we" stay apart: who
    /// acted is the point. A subject with its auxiliary is the subject, as a verb's tenses match
    /// each other: `I'd call 911` matches "I called 911" and "I'll call 911", `he'd taken` "he has
    /// taken" (the stemmer already reads "he's" as "he"). The object and the possessive are one
    /// class, since "her" is both: `told him` also matches "told his mother", so a cue writes the
    /// words after the pronoun where they make the difference.
    static let pronounClasses: [[String]] = [
        ["i", "i'd", "i'll", "i've", "i'm"],
        ["we", "we'd", "we'll", "we've", "we're"],
        ["he", "she", "they", "they're", "they've", "he'd", "she'd", "they'd", "he'll", "she'll", "they'll"],
        ["him", "her", "them", "his", "their"],
        ["himself", "herself", "themselves", "themself"],
    ]

    /// Whether the token at `index` is joined by a hyphen to the next ("no-harm").
    static func isHyphenPrefix(_ index: Int, _ text: TextSegmenter) -> Bool {
        guard index + 1 < text.tokens.count else { return false }
        let end = text.tokens[index].end
        return text.tokens[index + 1].start == end + 1 && text.text(end, end + 1) == "-"
    }

    /// Whether a negating word denies the words before it in its clause: a negated auxiliary
    /// ("wasn't", "hadn't"), "not" after one ("was not"), or "never" ("was never", "never got").
    static func deniesWhatCameBefore(_ word: String, after previous: String) -> Bool {
        if word == "never" { return true }
        if word == "not" { return auxiliaries.contains(previous) }
        return word.hasSuffix("n't") && word != "can't" && word != "don't"
    }

    /// Subjects other than "I" and "we" whose act a later negation denies, not what came before them.
    static let personalPronouns: Set<String> = ["she", "he", "they", "it", "you", "someone", "somebody", "she'd", "he'd", "they'd", "it's"]

    /// Auxiliaries after which "not" denies the subject before them: "consent was not given".
    static let auxiliaries: Set<String> = ["is", "was", "were", "are", "has", "have", "had", "got", "did", "does", "could", "would", "will", "been"]

    /// Negating words beyond the negations the clause reader flags (`.negationWord`).
    static let alwaysNegating: Set<String> = [
        "without", "nor", "neither", "nothing", "none", "isn't", "aren't", "hadn't", "wouldn't", "shouldn't", "didnt", "dont",
        // Typed without the apostrophe, as the negations a cue's refusal matches (`verbNegationClasses`).
        "couldnt", "wouldnt", "doesnt", "wont", "isnt", "wasnt", "werent", "hadnt", "shouldnt",
    ]
    /// Words that negate what follows only after "I": "I forgot to", not "her last plan failed".
    static let negatingAfterSpeaker: Set<String> = ["forgot", "skipped", "failed", "neglected", "forget", "skip", "fail", "neglect"]

    /// Whether the word at `index` has "I" for its subject: right after it, or after a modal or an
    /// adverb between them ("I'd probably forget to", "I sometimes skip").
    static func followsTheSpeaker(_ index: Int, in clause: Range<Int>, _ text: TextSegmenter, _ spellings: [String]) -> Bool {
        var before = index - 1
        while before >= clause.lowerBound, before >= index - 3, betweenSpeakerAndVerb.contains(spellings[before]) { before -= 1 }
        return before >= clause.lowerBound && text.tokens[before].info.contains(.ownSubject)
    }

    static let betweenSpeakerAndVerb: Set<String> = [
        "would", "will", "might", "could", "may", "probably", "sometimes", "often", "usually", "always", "just", "also", "even",
    ]
    /// Verbs of believing whose negation denies the clause after them ("I don't think I'd…").
    static let beliefVerbs: Set<String> = ["think", "believe", "suppose", "expect"]
    /// After a negation, words that turn it into a yes: "didn't hesitate to", "not only"; "wait"
    /// and "delay" do when "to" or "for" follows ("didn't wait to call").
    static let undoesNegation: Set<String> = ["hesitate", "hesitated", "only"]
    static let undoesBeforeToOrFor: Set<String> = ["wait", "delay"]
    /// "avoid" negates the "-ing" verb after it ("I'd avoid asking").
    static let avoidWords: Set<String> = ["avoid", "avoided", "avoiding"]
    /// Joining words that are also prepositions of time ("until morning", "after lunch"), and the
    /// subjects after which they do join a clause ("until she called").
    static let timeJoins: Set<String> = ["until", "after", "before", "since"]
    static let subjectsAfterTimeJoin: Set<String> = personalPronouns.union(["i", "we", "they", "everyone"])
    /// Joining words that start a new clause, and with it end a negation's scope.
    static let scopeEnds: Set<String> = ["and", "but", "so", "then", "because", "when", "since", "as", "if", "until", "after", "before", "while", "which"]

    /// Set expressions, each by its first word: their words do not carry the senses a cue names.
    static let setExpressions: [String: [[String]]] = Dictionary(grouping: [
        "i mean", "you mean", "i meant", "i mean it", "by no means", "by all means",
        "of course", "right away", "right now", "all right", "right then",
        "wrap up", "wrapped up", "wrapping up", "wrap it up", "wrap things up",
        "i hope", "i'm hoping", "i was hoping", "hope so", "let's hope", "hopefully",
        "in case", "just in case", "released from", "got released", "was released",
        "no space", "parking space", "office space", "space heater", "safe space",
        "play a role", "role play", "role-play", "to be fair", "fair enough",
        "mother tongue",
    ].map { $0.split(separator: " ").map(String.init) }) { $0[0] }
}
