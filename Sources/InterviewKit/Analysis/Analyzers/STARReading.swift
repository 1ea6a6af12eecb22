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

    init(_ segmenter: TextSegmenter) {
        self.segmenter = segmenter
        var facts = segmenter.tokens.withUnsafeBufferPointer { tokens in
            segmenter.clauses.map { ClauseFacts(UnsafeBufferPointer(rebasing: tokens[$0.range])) }
        }
        // A story anchored in the past ("last week") but told in the present tense, with no word of habit.
        let anchored = facts.contains { $0.anchor }
        let habitual = facts.contains { $0.habitWords } || facts.contains { $0.hypothetical }
        let pastTold = facts.filter { $0.past }.count
        let presentTold = facts.filter { $0.presentOwn || $0.presentGroup || $0.presentOther }.count
        if anchored && !habitual && presentTold >= 2 && presentTold > pastTold {
            for index in facts.indices { facts[index].readAsPastNarrative() }
        }
        for index in facts.indices.dropFirst() where facts[index].continuesPrevious {
            let previous = facts[index - 1]
            if previous.ownAction || previous.groupAction {
                facts[index].ownAction = facts[index].ownAction || previous.ownAction
                facts[index].groupAction = facts[index].groupAction || previous.groupAction
            } else {
                facts[index].thirdPersonEvent = facts[index].thirdPersonEvent || previous.thirdPersonEvent
            }
        }
        let isNarrative = facts.map { !$0.hypothetical && !$0.habitual }
        let acting = facts.indices.map { isNarrative[$0] && (facts[$0].ownAction || facts[$0].groupAction) }
        let firstAction = acting.firstIndex(of: true)
        // A subordinate "when we told him" does not move the telling past the actions.
        let lastAction = facts.indices.last { acting[$0] && !facts[$0].subordinate }
        for (index, clause) in facts.enumerated() {
            if clause.hypothetical { hypotheticalClauses += 1 }
            if clause.habitual { habitualClauses += 1 }
            if clause.past && isNarrative[index] { pastClauses += 1 }
            if clause.anchor && anchor == nil { anchor = index }
            if clause.uncertain && uncertain == nil { uncertain = index }
            if isNarrative[index] && clause.ownAction { ownActions.append(index) }
            if isNarrative[index] && clause.groupAction { groupActions.append(index) }
            if clause.task && !clause.hypothetical { tasks.append(index) }
            // Strong markers ("in the end", "as a result") count anywhere; weaker signs of an outcome
            // count only once the telling has moved past the speaker's actions.
            let afterActions = lastAction.map { index > $0 } ?? false
            let afterFirstAction = firstAction.map { index >= $0 } ?? true
            let outcome = (clause.strongResult && afterFirstAction)
                || (afterActions && (clause.weakResult || (clause.thirdPersonEvent && !clause.thirdPersonSpeech)))
                || (firstAction.map { index > $0 } ?? false) && !acting[index] && clause.weakResult && clause.thirdPersonEvent
            let isResult = outcome && isNarrative[index] && !clause.uncertain && !clause.subordinate
            if isResult {
                results.append(index)
                if clause.quantity { resultQuantified = true }
            } else if isNarrative[index]
                && (clause.sceneSetter || clause.anchor
                    || (clause.subordinate && clause.thirdPersonEvent && clause.givesBackground)
                    || (!acting[index] && clause.past && (firstAction.map { index < $0 } ?? true)))
            {
                situations.append(index)
            }
        }
        // "…but she moved away, so I have no idea what happened": doubt about the outcome outweighs
        // anything in the same sentence that looked like one.
        let clauses = segmenter.clauses
        let doubtful = Set(facts.indices.filter { facts[$0].uncertain }.map { clauses[$0].sentence })
        results.removeAll { doubtful.contains(clauses[$0].sentence) }
        // The STAR parts belong to a story: an answer that tells none has none of them.
        if !isSpecific {
            situations = []
            tasks = []
            ownActions = []
            groupActions = []
            results = []
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
