import InterviewCore

/// The learned decision over the STAR rules: a clause model that gives each clause a probability
/// per role, and one logistic head per answer-level decision (a specific example, each STAR part,
/// a declined question), reading the features `STARFeatures` makes.
///
/// Its weights are data: the text in `STARModelWeights.swift` beside this file, made by
/// `rehearse-train train` from the corpus (docs/analysis.md). Deterministic: the same answer
/// always gets the same decision.
package struct STARModel: Sendable {
    /// The answer-level decisions, in the order the model file lists them.
    package enum Head: String, CaseIterable, Sendable {
        case specificExample = "specific_example"
        case situation, task, action, result, declined
    }

    /// Clause roles; nil when the model was trained without clause labels, and the rules' own
    /// reading of each clause stands in.
    package let clauseRoles: LinearModel?
    package let heads: [LinearModel]

    package init(clauseRoles: LinearModel?, heads: [LinearModel]) {
        precondition(heads.map(\.name) == Head.allCases.map(\.rawValue), "one head per decision, in order")
        self.clauseRoles = clauseRoles
        self.heads = heads
    }

    package func head(_ head: Head) -> LinearModel { heads[Head.allCases.firstIndex(of: head)!] }

    /// Each clause's probability per role (in `ClauseRole` order).
    func roles(_ reading: STARReading, _ text: TextSegmenter) -> [[Double]] {
        guard let clauseRoles else { return Self.ruleRoles(reading) }
        var roles: [[Double]] = []
        roles.reserveCapacity(reading.facts.count)
        STARFeatures.forEachClause(reading, text) { roles.append(clauseRoles.probabilities($0)) }
        return roles
    }

    /// The rules' reading of each clause as certain roles: what stands in without a clause model.
    static func ruleRoles(_ reading: STARReading) -> [[Double]] {
        zip(reading.roles, reading.facts).map { role, facts in
            var probabilities = [Double](repeating: 0, count: ClauseRole.allCases.count)
            let chosen: ClauseRole =
                role.contains(.result) ? .result
                : role.contains(.ownAction) ? .ownAction
                : role.contains(.groupAction) ? .groupAction
                : role.contains(.task) ? .task
                : role.contains(.situation) ? .situation
                : facts.hypothetical ? .hypothetical
                : facts.habitual ? .habit
                : .other
            probabilities[chosen.column] = 1
            return probabilities
        }
    }

    /// Decides every head for one answer; `naming` keeps the answer features' names, to explain.
    /// `embeddings`, when given, joins the specific-example and declined heads (`STARDecision.combine`).
    func decide(
        _ reading: STARReading, _ text: TextSegmenter, kind: QuestionKind?, naming: Bool = false,
        embeddings: EmbeddingSignal? = nil
    ) -> STARDecision {
        let roles = roles(reading, text)
        let features = STARFeatures.answer(reading, text, roles: roles, kind: kind, naming: naming)
        let probabilities = heads.map { $0.probabilities(features)[0] }
        var decision = STARDecision(roles: roles, probabilities: probabilities, features: features)
        if let embeddings, kind != .goals, let signal = embeddings.probabilities(text.source) {
            decision.combine(specificExample: signal.specificExample, declined: signal.declined)
        }
        if !decision.specific {
            decision.specificInParagraph = text.paragraphs.contains { paragraph in
                let text = TextSegmenter(paragraph, vocabulary: .builtIn)
                let reading = STARReading(text)
                let features = STARFeatures.answer(reading, text, roles: self.roles(reading, text), kind: kind)
                return head(.specificExample).probabilities(features)[0] >= 0.5
            }
        }
        // How it turned out comes once the speaker has acted: a clause from the first action on that
        // reads most like a result, or a result the rules found. A scene of someone doing well
        // before anything was done is no outcome, however result-like its words.
        if let firstAction = reading.firstAction {
            let column = ClauseRole.result.column
            decision.outcomePlaced = reading.result != nil || roles[firstAction...].contains { clause in clause.allSatisfy { $0 <= clause[column] } }
            // "…I met with her every Friday. I completed the program in March.": the speaker getting
            // it done, in a closing sentence of its own after their actions, is how it turned out.
            if let last = reading.facts.last, firstAction < roles.count - 1, last.ownCompletion, !last.uncertain, !last.hypothetical, !last.habitual {
                let clauses = text.clauses
                decision.completedLast = clauses.count < 2 || clauses[clauses.count - 2].sentence != clauses[clauses.count - 1].sentence
            }
        }
        decision.rulesFindOwnAction = reading.ownAction != nil
        decision.before = partsBeforeLastParagraph(text, kind: kind, embeddings: embeddings)
        // Only asked when it could change the decision: it reads every word again.
        if !decision.specific && decision.says(.declined) {
            decision.mayDecline = reading.declines || STARFeatures.hasDecliningWord(text)
        }
        return decision
    }

    /// What the answer told before its last paragraph, when that was a specific example: an
    /// interview joins each reply to a follow-up to the answer as a paragraph, and a reply ("I
    /// would say it plainly next time"; "what helped was my partner listening") does not take back
    /// a story or an outcome already told, however the whole reads. Nil with one paragraph.
    private func partsBeforeLastParagraph(_ text: TextSegmenter, kind: QuestionKind?, embeddings: EmbeddingSignal?) -> STARDecision.Parts? {
        guard let last = text.clauses.indices.last(where: text.startsParagraph) else { return nil }
        let earlier = TextSegmenter(text.text(text.clauses[0].start, text.clauses[last - 1].end), vocabulary: .builtIn)
        let decision = decide(STARReading(earlier), earlier, kind: kind, embeddings: embeddings)
        guard decision.specific else { return nil }
        // An outcome is how it turned out once the speaker had acted: one read before any action
        // of theirs ("…and she talked about quitting") is left for the whole to decide.
        return STARDecision.Parts(situation: decision.situation, task: decision.task, action: decision.action, result: decision.result && decision.action)
    }
}

/// What the model decided for one answer.
struct STARDecision {
    /// Per clause, the probability of each role (in `ClauseRole` order).
    var roles: [[Double]]
    /// Per head (in `STARModel.Head` order), the probability of a yes.
    var probabilities: [Double]
    /// One paragraph of the answer tells a specific example by itself: the reply to "Can you give
    /// me one specific time?" after a general first answer, which the whole may hide.
    var specificInParagraph = false
    /// The answer has a word a candidate declines with ("can't", "nothing", "blank"), or a listed
    /// phrase: "I can think of many times" is no decline, however like one its clauses read.
    var mayDecline = true
    /// Whether a result could be where the model found one (`STARModel.decide`).
    var outcomePlaced = true
    var completedLast = false
    var rulesFindOwnAction = false
    /// The parts of the specific example told before the last paragraph, which it keeps
    /// (`STARModel.partsBeforeLastParagraph`).
    var before: Parts?
    struct Parts {
        var situation, task, action, result: Bool
    }
    /// The answer's features, kept to explain a decision.
    var features: FeatureVector

    func probability(_ head: STARModel.Head) -> Double { probabilities[STARModel.Head.allCases.firstIndex(of: head)!] }

    /// Takes the token-embedding heads' view into the specific-example and declined decisions where
    /// the model is unsure (between 0.1 and 0.9): the mean of the two log-odds (the geometric mean
    /// of the odds). Where the model is sure, it decides: the embeddings read a short story told in
    /// plain words as a bag of its words, and can be sure and wrong.
    mutating func combine(specificExample: Double?, declined: Double?) {
        func mixed(_ head: STARModel.Head, _ other: Double?) {
            guard let other, let index = STARModel.Head.allCases.firstIndex(of: head), (0.1...0.9).contains(probabilities[index]) else { return }
            probabilities[index] = Self.combined(probabilities[index], other)
        }
        mixed(.specificExample, specificExample)
        mixed(.declined, declined)
    }

    /// sigmoid((logit a + logit b) / 2), without a logarithm.
    static func combined(_ a: Double, _ b: Double) -> Double {
        func odds(_ p: Double) -> Double {
            let clamped = min(max(p, 1e-9), 1 - 1e-9)
            return clamped / (1 - clamped)
        }
        let mean = (odds(a) * odds(b)).squareRoot()
        return mean / (1 + mean)
    }
    func says(_ head: STARModel.Head) -> Bool { probability(head) >= 0.5 }

    /// No example, no parts: a part counts only in a specific example.
    var specific: Bool { says(.specificExample) || specificInParagraph || before != nil }
    var situation: Bool { specific && (says(.situation) || before?.situation == true) }
    var task: Bool { specific && (says(.task) || before?.task == true) }
    /// Where the model leans against an own action the rules found ("Last year I called her",
    /// whose anchor makes the clause read like a scene), the rules' plain reading of who acted
    /// decides unless the model is fairly sure (below 0.35).
    var action: Bool { specific && (says(.action) || (rulesFindOwnAction && probability(.action) >= Self.actionFloor) || before?.action == true) }
    static let actionFloor = 0.35
    var result: Bool { specific && ((says(.result) && outcomePlaced) || completedLast || before?.result == true) }
    var declined: Bool { !specific && mayDecline && says(.declined) }

    /// The follow-ups the decisions call for, by the labelling guide's priority.
    var followups: [String] { STARAnalyzer.followups(specific: specific, action: action, result: result, situation: situation) }
    var followup: String { followups[0] }

    /// The clauses whose likeliest role is `role`, most likely first.
    func clauses(showing role: ClauseRole) -> [Int] {
        let column = role.column
        return roles.indices.filter { index in roles[index].indices.allSatisfy { roles[index][$0] <= roles[index][column] } }
            .sorted { roles[$0][column] > roles[$1][column] }
    }
}

extension STARModel {
    /// The model this build carries (`STARModelWeights.swift`), read when the first answer is
    /// analysed. Its weights are checked by the tests; should they not read, the rules decide alone.
    package static let builtIn: STARModel? = try? STARModelFile.parse(weightsText)
}

extension STARModel {
    /// How the model read one answer, for authors and for tuning: each clause's likeliest roles,
    /// and each decision's probability with the features that weighed most in it.
    package struct Reading: Sendable {
        package var clauses: [(text: String, roles: [(role: ClauseRole, probability: Double)])]
        package var decisions: [(head: Head, probability: Double, signals: [(feature: String, weight: Double)])]
        /// The final say on each decision after the checks over the heads (a paragraph that is an
        /// example by itself, where a result can be, the rules' own action…), with why when a check
        /// changed what the head said.
        package var verdicts: [(head: Head, yes: Bool, why: String?)]
        /// The follow-up those verdicts call for ("none" for a complete story).
        package var followup: String
    }

    package func explain(_ answer: String, kind: QuestionKind?) -> Reading {
        let text = TextSegmenter(answer, vocabulary: .builtIn)
        let reading = STARReading(text)
        let decision = decide(reading, text, kind: kind, naming: true)
        let clauses = text.clauses.enumerated().map { index, clause in
            let roles = ClauseRole.allCases.map { ($0, decision.roles[index][$0.column]) }.sorted { $0.1 > $1.1 }.prefix(2)
            return (text.text(clause.start, clause.end), Array(roles))
        }
        let decisions = Head.allCases.enumerated().map { index, head in
            let model = heads[index]
            let signals = model.contributions(decision.features, column: 0).prefix(6).map { (model.featureNames[$0.row], $0.amount) }
            return (head, decision.probabilities[index], Array(signals))
        }
        return Reading(clauses: clauses, decisions: decisions, verdicts: decision.verdicts, followup: decision.followup)
    }
}

extension STARDecision {
    /// Each head's final yes or no, and why when it differs from the head's own probability.
    var verdicts: [(head: STARModel.Head, yes: Bool, why: String?)] {
        STARModel.Head.allCases.map { head in
            let said = says(head)
            let yes: Bool
            var why: String?
            switch head {
            case .specificExample:
                yes = specific
                if yes && !said { why = before != nil && !specificInParagraph ? "the answer before the last paragraph told one" : "one paragraph is a specific example by itself" }
            case .situation, .task:
                yes = head == .situation ? situation : task
                if yes && !said { why = "told before the last paragraph" }
            case .action:
                yes = action
                if yes && !said {
                    why = rulesFindOwnAction && probability(.action) >= Self.actionFloor
                        ? "the rules find an own action and the head is not sure against it (\(Self.actionFloor) or more)" : "told before the last paragraph"
                }
            case .result:
                yes = result
                if yes && !said { why = completedLast ? "the speaker getting it done closes the story" : "told before the last paragraph" }
                if !yes && said && specific { why = "no clause from the speaker's first action on reads as a result" }
            case .declined:
                yes = declined
                if !yes && said { why = specific ? "the answer is a specific example" : "no word people decline with" }
            }
            if head != .specificExample && head != .declined && said && !specific { why = "no example, no parts" }
            return (head, yes, why)
        }
    }
}
