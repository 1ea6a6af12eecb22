import InterviewCore

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
    /// A clause in which the candidate says they cannot think of an example.
    private(set) var declines = false
    private(set) var resultQuantified = false
    private(set) var pastClauses = 0
    private(set) var hypotheticalClauses = 0
    private(set) var habitualClauses = 0
    /// What each clause shows, by clause: one array for all the parts (this runs for every answer).
    private(set) var roles: [Role] = []
    /// What the rules read in each clause, after a story told in the present was read as past and
    /// verb-first clauses took their subject from the clause before.
    private(set) var facts: [ClauseFacts] = []
    /// The first and the last clause in which the speaker or their group acts (`Role.acting`).
    private(set) var firstAction: Int?
    private(set) var lastActing: Int?

    struct Role: OptionSet {
        let rawValue: UInt8
        static let situation = Role(rawValue: 1 << 0)
        static let task = Role(rawValue: 1 << 1)
        static let ownAction = Role(rawValue: 1 << 2)
        static let groupAction = Role(rawValue: 1 << 3)
        static let result = Role(rawValue: 1 << 4)
        /// Told as something that happened, neither hypothetical nor habitual.
        static let narrative = Role(rawValue: 1 << 5)
        /// A narrative clause in which the speaker or their group acts.
        static let acting = Role(rawValue: 1 << 6)
        static let parts: Role = [.situation, .task, .ownAction, .groupAction, .result]
    }

    init(_ segmenter: TextSegmenter) {
        self.segmenter = segmenter
        var facts: [ClauseFacts] = []
        facts.reserveCapacity(segmenter.clauses.count)
        segmenter.tokens.withUnsafeBufferPointer { tokens in
            for clause in segmenter.clauses { facts.append(ClauseFacts(UnsafeBufferPointer(rebasing: tokens[clause.range]))) }
        }
        // A story anchored in the past ("last week") but told in the present tense, with no word of habit.
        var anchored = false
        var habitual = false
        var pastTold = 0
        var presentTold = 0
        for clause in facts {
            anchored = anchored || clause.anchor
            habitual = habitual || clause.habitWords || clause.hypothetical
            if clause.past { pastTold += 1 }
            if clause.presentOwn || clause.presentGroup || clause.presentOther { presentTold += 1 }
        }
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
        roles = facts.map { clause in
            let narrative = !clause.hypothetical && !clause.habitual
            return narrative ? (clause.ownAction || clause.groupAction ? [.narrative, .acting] : .narrative) : []
        }
        firstAction = roles.firstIndex { $0.contains(.acting) }
        lastActing = roles.lastIndex { $0.contains(.acting) }
        // A subordinate "when we told him" does not move the telling past the actions.
        let lastAction = facts.indices.last { roles[$0].contains(.acting) && !facts[$0].subordinate }
        for (index, clause) in facts.enumerated() {
            let isNarrative = roles[index].contains(.narrative)
            let acting = roles[index].contains(.acting)
            if clause.hypothetical { hypotheticalClauses += 1 }
            if clause.habitual { habitualClauses += 1 }
            if clause.past && isNarrative { pastClauses += 1 }
            if clause.anchor && anchor == nil { anchor = index }
            if clause.declines { declines = true }
            if clause.uncertain && uncertain == nil { uncertain = index }
            if isNarrative && clause.ownAction { roles[index].insert(.ownAction) }
            if isNarrative && clause.groupAction { roles[index].insert(.groupAction) }
            if clause.task && !clause.hypothetical { roles[index].insert(.task) }
            // Strong markers ("in the end", "as a result") count anywhere; weaker signs of an outcome
            // count only once the telling has moved past the speaker's actions.
            let afterActions = lastAction.map { index > $0 } ?? false
            let afterFirstAction = firstAction.map { index >= $0 } ?? true
            let outcome = (clause.strongResult && afterFirstAction)
                || (afterActions && (clause.weakResult || (clause.thirdPersonEvent && !clause.thirdPersonSpeech)))
                || (firstAction.map { index > $0 } ?? false) && !acting && clause.weakResult && clause.thirdPersonEvent
            let isResult = outcome && isNarrative && !clause.uncertain && !clause.subordinate
            if isResult {
                roles[index].insert(.result)
                if clause.quantity { resultQuantified = true }
            } else if isNarrative
                && (clause.sceneSetter || clause.anchor
                    || (clause.subordinate && clause.thirdPersonEvent && clause.givesBackground)
                    || (!acting && clause.past && (firstAction.map { index < $0 } ?? true)))
            {
                roles[index].insert(.situation)
            }
        }
        // "…but she moved away, so I have no idea what happened": doubt about the outcome outweighs
        // anything in the same sentence that looked like one. Clauses come in sentence order.
        let clauses = segmenter.clauses
        var sentenceStart = 0
        while sentenceStart < clauses.count {
            var sentenceEnd = sentenceStart + 1
            while sentenceEnd < clauses.count && clauses[sentenceEnd].sentence == clauses[sentenceStart].sentence { sentenceEnd += 1 }
            if facts[sentenceStart..<sentenceEnd].contains(where: \.uncertain) {
                for clause in sentenceStart..<sentenceEnd { roles[clause].remove(.result) }
            }
            sentenceStart = sentenceEnd
        }
        self.facts = facts
        // The STAR parts belong to a story: an answer that tells none has none of them.
        if !isSpecific {
            for index in roles.indices { roles[index].subtract(.parts) }
        }
        situation = first(.situation)
        task = first(.task)
        ownAction = first(.ownAction)
        groupAction = first(.groupAction)
        result = first(.result)
    }

    private func first(_ role: Role) -> Int? { roles.firstIndex { $0.contains(role) } }

    /// One specific past example: enough past narrative, anchored or told at some length.
    var isSpecific: Bool {
        let story = pastClauses + (anchor != nil ? 1 : 0)
        guard story >= 2, pastClauses >= 1 else { return false }
        // A mostly hypothetical or habitual answer with a passing past remark is still not a story.
        return pastClauses * 2 >= hypotheticalClauses + habitualClauses || (anchor != nil && pastClauses >= 2)
    }

    var isHypothetical: Bool { !isSpecific && hypotheticalClauses > 0 && hypotheticalClauses >= habitualClauses }
    var isGeneric: Bool { !isSpecific && !isHypothetical }

    var score: Int { (situation != nil ? 1 : 0) + (task != nil ? 1 : 0) + (ownAction != nil ? 1 : 0) + (result != nil ? 1 : 0) }

    /// The parts to ask for, by the labelling guide's priority: a generic answer needs an example
    /// before anything else; a story, its missing parts.
    var followups: [String] {
        STARAnalyzer.followups(specific: isSpecific, action: ownAction != nil, result: result != nil, situation: situation != nil)
    }
    var followup: String { followups[0] }

    var reason: String {
        STARAnalyzer.reason(
            followup, empty: segmenter.tokens.isEmpty, declined: false, hypothetical: isHypothetical, group: groupAction != nil,
            uncertain: uncertain != nil)
    }

    var evidence: [Evidence] {
        var spans: [Evidence] = []
        spans.reserveCapacity(16)
        func add(_ feature: String, _ role: Role) {
            var added = 0
            for index in roles.indices where added < 3 && roles[index].contains(role) {
                let clause = segmenter.clauses[index]
                spans.append(Evidence(feature: feature, start: clause.start, end: clause.end, text: segmenter.text(clause.start, clause.end)))
                added += 1
            }
        }
        func add(_ feature: String, clause index: Int) {
            let clause = segmenter.clauses[index]
            spans.append(Evidence(feature: feature, start: clause.start, end: clause.end, text: segmenter.text(clause.start, clause.end)))
        }
        add(STARFeature.situation, .situation)
        add(STARFeature.task, .task)
        add(STARFeature.action, .ownAction)
        if ownAction == nil { add(STARFeature.groupAction, .groupAction) }
        add(STARFeature.result, .result)
        if result == nil, let uncertain { add(STARFeature.resultUncertain, clause: uncertain) }
        if let anchor, isSpecific { add(STARFeature.specificExample, clause: anchor) }
        return spans
    }
}
