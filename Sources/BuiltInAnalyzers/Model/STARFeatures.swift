import InterviewCore

/// The features the STAR model reads: the rules' reading of each clause (who acts, tense and
/// aspect, markers, place in the answer) and its words, then for the answer as a whole the rules'
/// decisions and what the clause model made of its clauses.
///
/// The same functions make the features for training and for analysing, so the two cannot drift.
enum STARFeatures {
    // MARK: Clauses

    /// One feature vector per clause of `reading`, in order.
    static func clauses(_ reading: STARReading, _ text: TextSegmenter, naming: Bool = false) -> [FeatureVector] {
        var vectors: [FeatureVector] = []
        vectors.reserveCapacity(reading.facts.count)
        forEachClause(reading, text, naming: naming) { vectors.append($0) }
        return vectors
    }

    /// Each clause's features in turn, in one vector refilled for every clause: analysing reads
    /// each once and keeps nothing of it.
    static func forEachClause(_ reading: STARReading, _ text: TextSegmenter, naming: Bool = false, _ body: (FeatureVector) -> Void) {
        let facts = reading.facts
        let roles = reading.roles
        let count = facts.count
        let firstAction = reading.firstAction
        let lastAction = reading.lastActing
        // Each clause's facts as bits, read once: a clause's features repeat its neighbours'.
        let bits = facts.map(factBits)
        var features = FeatureVector(naming: naming)
        text.tokens.withUnsafeBufferPointer { tokens in
            for index in 0..<count {
                features.removeAll()
                let clause = text.clauses[index]
                addFacts(bits[index], roles[index], to: &features, Names.fact, Names.rule)
                if index > 0 { addFacts(bits[index - 1], roles[index - 1], to: &features, Names.previousFact, Names.previousRule) }
                if index + 1 < count { addFacts(bits[index + 1], roles[index + 1], to: &features, Names.nextFact, Names.nextRule) }
                if index == 0 { features.add(Names.first) }
                if index == count - 1 { features.add(Names.last) }
                features.add(Names.third[min(2, 3 * index / max(1, count))])
                if index == 0 || text.clauses[index - 1].sentence != clause.sentence { features.add(Names.sentenceStart) }
                if let firstAction, index < firstAction { features.add(Names.beforeFirstAction) }
                if let lastAction, index > lastAction { features.add(Names.afterLastAction) }
                if firstAction == nil { features.add(Names.noAction) }
                if reading.isSpecific { features.add(Names.answerSpecific) }
                addWords(UnsafeBufferPointer(rebasing: tokens[clause.range]), range: clause.range, text, to: &features)
                if facts[index].unknownOutcome { features.add(Names.unknownOutcome) }
                body(features)
            }
        }
    }

    private static func addFacts(_ bits: UInt64, _ role: STARReading.Role, to features: inout FeatureVector, _ factNames: [NamedFeature], _ ruleNames: [NamedFeature]) {
        var remaining = bits
        while remaining != 0 {
            features.add(factNames[remaining.trailingZeroBitCount])
            remaining &= remaining - 1
        }
        for (index, part) in ruleParts.enumerated() where role.contains(part) { features.add(ruleNames[index]) }
    }

    /// Which of `factList` hold for a clause, as bits in its order.
    static func factBits(_ facts: ClauseFacts) -> UInt64 {
        var bits: UInt64 = 0
        for (index, fact) in factList.enumerated() where fact.1(facts) { bits |= 1 << UInt64(index) }
        return bits
    }

    /// The words, the first two on their own, and for each subject the form of the verb after it.
    private static func addWords(_ tokens: UnsafeBufferPointer<Token>, range: Range<Int>, _ text: TextSegmenter, to features: inout FeatureVector) {
        for (offset, token) in tokens.enumerated() {
            let index = range.lowerBound + offset
            text.withSpelling(of: index) { spelling in
                features.add(Names.word, bytes: spelling)
                if offset == 0 { features.add(Names.firstWord, bytes: spelling) }
                if offset == 1 { features.add(Names.secondWord, bytes: spelling) }
            }
            guard let subject = subjectKind(token.info, before: offset > 0 ? tokens[offset - 1].info : [], beforeThat: offset > 1 ? tokens[offset - 2].info : []) else { continue }
            var verb = offset + 1
            while verb < tokens.count, tokens[verb].info.contains(.adverb) || tokens[verb].info.contains(.hedge) { verb += 1 }
            guard verb < tokens.count else { continue }
            features.add(Names.subjectVerb[subject][verbForm(tokens[verb].info, token.info)])
            text.withSpelling(of: range.lowerBound + verb) { features.add(Names.subjectVerbWord[subject], bytes: $0) }
        }
    }

    /// Whether any word of the answer is a negation, or one of the words people decline with
    /// without one ("I'm drawing a blank", "I'll pass on that one").
    static func hasDecliningWord(_ text: TextSegmenter) -> Bool {
        text.tokens.indices.contains { index in
            text.tokens[index].info.contains(.negationWord) || text.withSpelling(of: index) { spelling in
                let key = FeatureHash.extend(Names.word.key, spelling)
                return decliningWords.contains(key)
            }
        }
    }

    static let decliningWords = Set(["nothing", "blank", "blanking", "pass", "none", "nope", "cannot", "unable"].map { NamedFeature("word:" + $0).key })

    /// 0 the speaker, 1 a group with the speaker, 2 someone else.
    private static func subjectKind(_ info: WordInfo, before: WordInfo, beforeThat: WordInfo) -> Int? {
        if info.contains(.ownSubject) { return 0 }
        if info.contains(.groupSubject) || (info.contains(.groupNoun) && before.contains(.groupDeterminer) && !beforeThat.contains(.preposition)) { return 1 }
        if info.contains(.thirdPerson) && !before.contains(.preposition) { return 2 }
        return nil
    }

    /// The verb's form after a subject: 0 past, 1 -ing, 2 modal, 3 -s, 4 base or other; a
    /// contraction ("I'd", "I'll", "I'm") decides by itself.
    private static func verbForm(_ verb: WordInfo, _ subject: WordInfo) -> Int {
        if subject.contains(.endsApostropheLL) || subject.contains(.endsApostropheD) && !verb.contains(.past) { return 2 }
        if subject.contains(.endsApostropheMOrRe) { return verb.contains(.endsIng) ? 1 : 4 }
        if verb.contains(.past) { return 0 }
        if verb.contains(.endsIng) { return 1 }
        if verb.contains(.modal) { return 2 }
        if verb.contains(.endsS) { return 3 }
        return 4
    }

    // MARK: The answer

    /// The answer's features: the rules' decisions, how much past, habit and hypothesis it tells,
    /// what the clause model made of its clauses (`roles`, a probability per role per clause), the
    /// and the kind of question. Not its words: at the answer level they let the heads learn the
    /// training writers' topics instead of the story's shape (held-out follow-up accuracy fell).
    static func answer(_ reading: STARReading, _ text: TextSegmenter, roles: [[Double]], kind: QuestionKind?, naming: Bool = false) -> FeatureVector {
        var features = FeatureVector(naming: naming)
        if reading.isSpecific { features.add(Names.ruleSpecific) }
        if reading.isHypothetical { features.add(Names.ruleHypothetical) }
        if reading.situation != nil { features.add(Names.ruleSituation) }
        if reading.task != nil { features.add(Names.ruleTask) }
        if reading.ownAction != nil { features.add(Names.ruleAction) }
        if reading.groupAction != nil && reading.ownAction == nil { features.add(Names.ruleWeOnly) }
        if reading.result != nil { features.add(Names.ruleResult) }
        if reading.uncertain != nil { features.add(Names.ruleUncertain) }
        if reading.anchor != nil { features.add(Names.ruleAnchor) }
        if reading.declines { features.add(Names.ruleDeclines) }
        features.add(Names.pastCount[bucket(reading.pastClauses)])
        features.add(Names.habitCount[bucket(reading.habitualClauses)])
        features.add(Names.hypotheticalCount[bucket(reading.hypotheticalClauses)])
        // A story told in the present has few past clauses; how much is told in the present says it.
        features.add(Names.presentCount[bucket(reading.facts.count { $0.presentOwn || $0.presentGroup || $0.presentOther })])
        features.add(Names.length[min(4, text.tokens.count / 40)])
        // No question (`rehearse analyze` without one) reads as the usual kind, a behavioral one: every
        // training answer has a kind, so a missing one would lower every decision.
        features.add(Names.kind[QuestionKind.allCases.firstIndex(of: kind ?? .behavioral) ?? 0])
        let count = roles.count
        // How the story ends: an outcome the speaker says they do not know, after their last action
        // or in the last sentence of its paragraph, leaves it without a result however result-like
        // what came before. A later paragraph answers a follow-up ("I'm not sure" which tools).
        if count > 0 {
            let lastAction = reading.lastActing ?? -1
            let paragraphEnd = (max(lastAction, 0) + 1..<count).first { text.startsParagraph($0) } ?? count
            // After the last action; with none, the paragraph's last sentence.
            let lastSentence = text.clauses[paragraphEnd - 1].sentence
            let sentenceStart = (0..<paragraphEnd).last { text.clauses[$0].sentence != lastSentence }.map { $0 + 1 } ?? 0
            let ending = lastAction >= 0 ? lastAction + 1 : sentenceStart
            if reading.facts[min(ending, paragraphEnd)..<paragraphEnd].contains(where: \.unknownOutcome) { features.add(Names.endsUnknown) }
            // How it begins: a scene is set before the speaker acts, or the story opens on the task or the action.
            let firstAction = reading.firstAction
            for role in ClauseRole.allCases {
                let column = role.column
                features.add(Names.roleLast[column], roles[count - 1][column])
                features.add(Names.roleFirst[column], roles[0][column])
                if let firstAction {
                    features.add(Names.roleBeforeAction[column], roles[..<firstAction].reduce(0) { max($0, $1[column]) })
                    // What follows the first action: where an outcome belongs in time, and mostly in the telling.
                    features.add(Names.roleAfterAction[column], min(roles[(firstAction + 1)...].reduce(0) { $0 + $1[column] }, 3) / 3)
                }
            }
        }
        for role in ClauseRole.allCases {
            let column = role.column
            var highest = 0.0
            var total = 0.0
            var late = 0.0
            var early = 0.0
            for (index, clause) in roles.enumerated() {
                let p = clause[column]
                highest = max(highest, p)
                total += p
                if 3 * index >= 2 * count { late = max(late, p) }
                if 3 * index < count { early = max(early, p) }
            }
            features.add(Names.roleHighest[column], highest)
            features.add(Names.roleTotal[column], min(total, 3) / 3)
            features.add(Names.roleShare[column], count == 0 ? 0 : total / Double(count))
            features.add(Names.roleLate[column], late)
            features.add(Names.roleEarly[column], early)
        }
        return features
    }

    private static func bucket(_ count: Int) -> Int { count < 3 ? count : count < 5 ? 3 : 4 }

    // MARK: Names

    /// The rules' clause facts the model reads, by name.
    static let factList: [(String, @Sendable (ClauseFacts) -> Bool)] = [
        ("ownAction", { $0.ownAction }), ("groupAction", { $0.groupAction }), ("thirdPersonEvent", { $0.thirdPersonEvent }),
        ("thirdPersonSpeech", { $0.thirdPersonSpeech }), ("past", { $0.past }), ("hypothetical", { $0.hypothetical }), ("habitual", { $0.habitual }),
        ("task", { $0.task }), ("sceneSetter", { $0.sceneSetter }), ("anchor", { $0.anchor }), ("strongResult", { $0.strongResult }),
        ("weakResult", { $0.weakResult }), ("uncertain", { $0.uncertain }), ("quantity", { $0.quantity }), ("subordinate", { $0.subordinate }),
        ("ownOrGroupSubject", { $0.hasOwnOrGroupSubject }), ("subject", { $0.hasSubject }), ("continuesPrevious", { $0.continuesPrevious }),
        ("presentOwn", { $0.presentOwn }), ("presentGroup", { $0.presentGroup }), ("presentOther", { $0.presentOther }),
        ("habitWords", { $0.habitWords }), ("givesBackground", { $0.givesBackground }),
        // Only someone else acts ("a psychiatrist wanted to discharge him"), or nobody is named: a
        // linear model cannot make these from "subject" and "ownOrGroupSubject" by itself.
        ("othersOnly", { $0.hasSubject && !$0.hasOwnOrGroupSubject }), ("noSubject", { !$0.hasSubject }),
        ("ownCompletion", { $0.ownCompletion }),
        // "Last year I called her": an action, though it opens the story with an anchor as scenes do.
        ("ownActionNotScene", { $0.ownAction && !$0.sceneSetter }),
    ]
    static let ruleParts: [STARReading.Role] = [.situation, .task, .ownAction, .groupAction, .result, .narrative]
    static let rulePartNames = ["situation", "task", "ownAction", "groupAction", "result", "narrative"]

    enum Names {
        static func list(_ prefix: String, _ names: [String]) -> [NamedFeature] { names.map { NamedFeature(prefix + $0) } }
        static let fact = list("fact:", factList.map(\.0))
        static let rule = list("rule:", rulePartNames)
        static let previousFact = list("prev-fact:", factList.map(\.0))
        static let previousRule = list("prev-rule:", rulePartNames)
        static let nextFact = list("next-fact:", factList.map(\.0))
        static let nextRule = list("next-rule:", rulePartNames)
        static let first = NamedFeature("pos:first-clause")
        static let last = NamedFeature("pos:last-clause")
        static let third = list("pos:third-", ["1", "2", "3"])
        static let sentenceStart = NamedFeature("pos:sentence-start")
        static let beforeFirstAction = NamedFeature("pos:before-first-action")
        static let afterLastAction = NamedFeature("pos:after-last-action")
        static let noAction = NamedFeature("pos:no-action")
        static let answerSpecific = NamedFeature("answer:rule-specific")
        static let word = NamedFeature("word:")
        static let firstWord = NamedFeature("first-word:")
        static let secondWord = NamedFeature("second-word:")
        static let subjects = ["own", "group", "other"]
        static let forms = ["past", "ing", "modal", "s", "base"]
        static let subjectVerb = subjects.map { subject in list("verb:\(subject)-", forms) }
        static let subjectVerbWord = subjects.map { NamedFeature("verb-word:\($0)-") }

        static let ruleSpecific = NamedFeature("rule:specific")
        static let ruleHypothetical = NamedFeature("rule:hypothetical")
        static let ruleSituation = NamedFeature("rule:situation")
        static let ruleTask = NamedFeature("rule:task")
        static let ruleAction = NamedFeature("rule:action")
        static let ruleWeOnly = NamedFeature("rule:we-only")
        static let ruleResult = NamedFeature("rule:result")
        static let ruleUncertain = NamedFeature("rule:uncertain")
        static let ruleAnchor = NamedFeature("rule:anchor")
        static let ruleDeclines = NamedFeature("rule:declines")
        static let buckets = ["0", "1", "2", "3-4", "5+"]
        static let pastCount = list("count:past-", buckets)
        static let habitCount = list("count:habit-", buckets)
        static let hypotheticalCount = list("count:hypothetical-", buckets)
        static let presentCount = list("count:present-", buckets)
        static let length = list("length:", ["0-39", "40-79", "80-119", "120-159", "160+"])
        static let kind = list("kind:", QuestionKind.allCases.map(\.rawValue))
        static let roles = ClauseRole.allCases.map(\.rawValue)
        static let roleHighest = list("role-highest:", roles)
        static let roleTotal = list("role-total:", roles)
        static let roleShare = list("role-share:", roles)
        static let roleLate = list("role-late:", roles)
        static let roleEarly = list("role-early:", roles)
        static let unknownOutcome = NamedFeature("pattern:unknown-outcome")
        static let endsUnknown = NamedFeature("end:unknown-outcome")
        static let roleLast = list("role-last:", roles)
        static let roleFirst = list("role-first:", roles)
        static let roleBeforeAction = list("role-before-action:", roles)
        static let roleAfterAction = list("role-after-action:", roles)
    }
}
