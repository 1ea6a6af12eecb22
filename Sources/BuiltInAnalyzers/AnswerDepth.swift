import InterviewCore

/// What lifts an answer from a list of steps to a considered one, as interview guides grade it:
/// whether the speaker says *why* they act ("because pushback usually hides a worry", "so that she
/// could weigh it") and whether they fit what they do to the person ("options that fit their
/// goals", "I adjust how I talk to each person"). Read from closed phrase lists, clause by clause;
/// each finding names the clause that shows it.
struct AnswerDepth {
    /// The first clause that gives a reason for what the speaker does, if any.
    private(set) var reasoning: Int?
    /// The first clause that fits the approach to the person, if any.
    private(set) var tailoring: Int?

    /// Words that introduce a reason or a purpose. "Why" is not among them: "I explain why the
    /// plan matters" names a reason without giving it.
    static let reasoningPhrases = [
        "because", "so that", "in order to", "the reason", "my reasoning", "my thinking was", "which meant", "which means",
        "that way", "to make sure", "to help her", "to help him", "to help them", "to give her", "to give him", "to give them",
        "since she", "since he", "since they",
        "so she could", "so he could", "so they could", "so she can", "so he can", "so they can", "so we could", "so the client",
    ]

    /// Words that fit the approach to the person in front of the speaker. A bare "if they don't
    /// like it" is not among them: offering an alternative is a step, not an adaptation.
    static let tailoringPhrases = [
        "each person", "each client", "each individual", "each patient", "every client", "every person", "individual",
        "individually", "their goals", "her goals", "his goals", "their own goals", "their values", "her values", "his values",
        "their background", "her background", "his background", "their culture", "her culture", "his culture", "cultural",
        "culturally", "what matters to them", "what matters to her", "what matters to him", "what mattered to her",
        "what mattered to him", "what mattered to them", "what she wanted", "what he wanted", "what they wanted",
        "what she needed", "what he needed", "what they needed", "fit their", "fits their", "fit her", "fit his", "adapt",
        "adapts", "adapting", "adapted", "adjust", "adjusts", "adjusting", "adjusted", "tailor", "tailors", "tailoring",
        "tailored", "depending on", "on their terms", "at their pace", "at her pace", "at his pace", "at their own pace", "set the pace", "her own pace", "his own pace",
        "let her choose", "let him choose", "let them choose", "let her decide", "let him decide", "let them decide",
        "in their own words", "where they are", "where they were", "where she was", "where he was", "where she is",
        "where he is", "client-centred", "client-centered", "person-centred", "person-centered", "their choice",
        "her choice", "his choice", "the decisions are theirs", "the decision was hers", "the decision was his",
    ]

    static var phraseLists: [[String]] { [reasoningPhrases, tailoringPhrases] }

    private static let reasoningSet = PhraseSet(reasoningPhrases, vocabulary: .builtIn)
    private static let tailoringSet = PhraseSet(tailoringPhrases, vocabulary: .builtIn)

    init(_ text: TextSegmenter) {
        let clauses = text.clauses
        text.tokens.withUnsafeBufferPointer { tokens in
            for (index, clause) in clauses.enumerated() where reasoning == nil || tailoring == nil {
                for position in clause.range where tokens[position].info.contains(.depthPhraseStart) {
                    if reasoning == nil, Self.reasoningSet.match(tokens, at: position) != nil, Self.speakerActs(before: position, tokens) {
                        reasoning = index
                    }
                    if tailoring == nil, Self.tailoringSet.match(tokens, at: position) != nil { tailoring = index }
                }
            }
        }
    }
}

extension AnswerDepth {
    /// Whether the reason at `position` is the speaker's: "I" or "we" come before it in the
    /// sentence, or nobody does ("Because she was scared, I slowed down"). "He told me he'd only
    /// come because the judge made him" gives the client's reason, not the speaker's.
    static func speakerActs(before position: Int, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        var index = position - 1
        var someoneElse = false
        while index >= 0 && tokens[index].boundaryAfter != .sentence {
            let info = tokens[index].info
            if info.contains(.ownSubject) || info.contains(.groupSubject) { return true }
            someoneElse = someoneElse || info.contains(.thirdPerson)
            index -= 1
        }
        return !someoneElse
    }

    /// The clauses that show the reasoning and the tailoring, as `star.reasoning` and `star.tailored` evidence.
    func evidence(_ text: TextSegmenter) -> [Evidence] {
        [(STARFeature.reasoning, reasoning), (STARFeature.tailored, tailoring)].compactMap { feature, index in
            guard let index else { return nil }
            let clause = text.clauses[index]
            return Evidence(feature: feature, start: clause.start, end: clause.end, text: text.text(clause.start, clause.end))
        }
    }
}
