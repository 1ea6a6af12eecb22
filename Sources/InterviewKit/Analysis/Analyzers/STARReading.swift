/// One reading of an answer by the STAR rules: which clauses show which part.
struct STARReading {
    private let segmenter: TextSegmenter
    /// First clause (index) showing each part, for evidence and ordering.
    private(set) var situation: Int?
    private(set) var task: Int?
    private(set) var ownAction: Int?
    private(set) var groupAction: Int?
    private(set) var result: Int?
    private(set) var uncertain: Int?
    private(set) var anchor: Int?
    private(set) var resultQuantified = false
    private(set) var pastClauses = 0
    private(set) var hypotheticalClauses = 0
    private(set) var habitualClauses = 0
    private var ownActions: [Int] = []
    private var groupActions: [Int] = []
    private var results: [Int] = []
    private var situations: [Int] = []
    private var tasks: [Int] = []

    init(_ answer: String) {
        segmenter = TextSegmenter(answer)
        var firstAction: Int?
        for (index, clause) in segmenter.clauses.enumerated() {
            let facts = ClauseFacts(clause.words)
            if facts.hypothetical { hypotheticalClauses += 1 }
            if facts.habitual { habitualClauses += 1 }
            if facts.past && !facts.hypothetical && !facts.habitual { pastClauses += 1 }
            if facts.anchor && anchor == nil { anchor = index }
            if facts.uncertain && uncertain == nil { uncertain = index }
            let narrative = !facts.hypothetical && !facts.habitual
            if narrative && facts.ownAction { ownActions.append(index) }
            if narrative && facts.groupAction { groupActions.append(index) }
            if (facts.ownAction || facts.groupAction) && narrative && firstAction == nil { firstAction = index }
            if facts.task && !facts.hypothetical { tasks.append(index) }
            let afterAction = firstAction.map { index > $0 } ?? false
            let isResult = !facts.uncertain && !facts.hypothetical && !facts.habitual
                && (facts.strongResult || (facts.weakResult && afterAction) || (facts.thirdPersonEvent && afterAction && !facts.ownAction))
            if isResult {
                results.append(index)
                if facts.quantity { resultQuantified = true }
            } else if narrative && (facts.sceneSetter || facts.anchor || (facts.past && !facts.ownAction && !facts.groupAction && firstAction == nil)) {
                situations.append(index)
            }
        }
        situation = situations.first
        task = tasks.first
        ownAction = ownActions.first
        groupAction = groupActions.first
        result = results.first
    }

    /// One specific past example: enough past narrative, anchored or told at some length.
    var isSpecific: Bool {
        let story = pastClauses + (anchor != nil ? 1 : 0)
        guard story >= 2, pastClauses >= 1 else { return false }
        // A mostly hypothetical or habitual answer with a passing past remark is still not a story.
        return pastClauses * 2 >= hypotheticalClauses + habitualClauses || (anchor != nil && pastClauses >= 2)
    }

    var isHypothetical: Bool { !isSpecific && hypotheticalClauses > 0 && hypotheticalClauses >= habitualClauses }
    var isGeneric: Bool { !isSpecific && !isHypothetical }

    var score: Int { [situation, task, ownAction, result].compactMap { $0 }.count }

    var followup: String {
        if !isSpecific { return "example" }
        if ownAction == nil { return "action" }
        if result == nil { return "result" }
        if situation == nil { return "situation" }
        return "none"
    }

    var reason: String {
        switch followup {
        case "example":
            if segmenter.tokens.isEmpty { return "There is no answer yet." }
            return isHypothetical
                ? "The answer says what you would do, not what you did; a real example shows it."
                : "The answer describes what you usually do or believe, not one specific time."
        case "action":
            return groupAction != nil
                ? "The story says what 'we' did; your own part is missing."
                : "The story has no concrete action of yours."
        case "result":
            return uncertain != nil
                ? "The story says the outcome is unknown; say what you saw happen, or what you learned."
                : "The story stops before saying how it turned out."
        case "situation":
            return "The story starts with what you did; who, when and what was wrong are missing."
        default:
            return "A complete story: situation, your actions and the result."
        }
    }

    var evidence: [Evidence] {
        var spans: [Evidence] = []
        func add(_ feature: String, _ indices: [Int]) {
            for index in indices.prefix(3) {
                let clause = segmenter.clauses[index]
                spans.append(Evidence(feature: feature, start: clause.start, end: clause.end, text: segmenter.text(clause.start, clause.end)))
            }
        }
        add("star.situation", situations)
        add("star.task", tasks)
        add("star.action", ownActions)
        if ownActions.isEmpty { add("star.group_action", groupActions) }
        add("star.result", results)
        if results.isEmpty, let uncertain { add("star.result_uncertain", [uncertain]) }
        if let anchor, isSpecific { add("star.specific_example", [anchor]) }
        return spans
    }
}
