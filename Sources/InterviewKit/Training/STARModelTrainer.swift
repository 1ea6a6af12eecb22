import InterviewCore
import BuiltInAnalyzers

/// Trains the STAR model from labelled answers: the clause model on the answers with clause
/// labels, then each answer-level head on every answer with that label.
///
/// The heads learn from clause-role probabilities the way they will meet them: for each answer,
/// from a clause model that never saw that answer's writer (cross-fitting over groups of writers).
package struct STARModelTrainer: Sendable {
    package var clauseTrainer = LogisticTrainer()
    package var headTrainer = LogisticTrainer()
    /// Groups of writers for cross-fitting the clause roles the heads learn from.
    package var folds = 3

    package init() {}

    /// Pairs of answers by one writer, (an answer that is no specific example, then a specific
    /// example), one pair per such answer: what the analysis reads after the example probe, when
    /// the answer so far is a general first answer and then the story. Labelled as the story.
    func openerThenStory(_ items: [LabelledAnswer]) -> [(Int, Int)] {
        var generator = SplitMix64(seed: headTrainer.seed)
        var stories: [String: [Int]] = [:]
        for (index, item) in items.enumerated() where item.labels["specific_example"] == true {
            stories[item.writer ?? "", default: []].append(index)
        }
        return items.indices.compactMap { index in
            guard items[index].labels["specific_example"] == false, let pool = stories[items[index].writer ?? ""], !pool.isEmpty else { return nil }
            return (index, pool[Int(generator.next() % UInt64(pool.count))])
        }
    }

    package func train(_ items: [LabelledAnswer], clauseLabels: ClauseLabels) -> STARModel {
        let items = items.filter { $0.kind != .goals }
        let examples = items.map { STARExample(answer: $0.answer, kind: $0.kind) }
        let writers = Array(Set(items.map { $0.writer ?? "" })).sorted()
        let foldOf = Dictionary(uniqueKeysWithValues: writers.enumerated().map { ($1, $0 % max(1, folds)) })
        func clauseData(_ include: (Int) -> Bool) -> [LogisticTrainer.Example] {
            var data: [LogisticTrainer.Example] = []
            for (index, item) in items.enumerated() where include(index) {
                guard let roles = clauseLabels.roles(of: item.id, clauses: examples[index].clauses) else { continue }
                for (clause, role) in zip(examples[index].clauseFeatures, roles) {
                    if let role { data.append(LogisticTrainer.Example(clause, label: role.column)) }
                }
            }
            return data
        }
        let roleNames = ClauseRole.allCases.map(\.rawValue)
        let all = clauseData { _ in true }
        var clauseModel: LinearModel?
        // The clause model each answer's roles come from: one that never saw its writer.
        var clauseModelFor: (Int) -> LinearModel? = { _ in nil }
        if !all.isEmpty {
            let final = clauseTrainer.train(STARModelFile.clauseSection, classes: roleNames, all)
            clauseModel = final
            clauseModelFor = { _ in final }
            if writers.count > 1 {
                let foldModels = (0..<min(folds, writers.count)).map { fold in
                    clauseTrainer.train(STARModelFile.clauseSection, classes: roleNames, clauseData { foldOf[items[$0].writer ?? ""] != fold })
                }
                clauseModelFor = { foldModels[foldOf[items[$0].writer ?? ""] ?? 0] }
            }
        }
        func answerFeatures(_ example: STARExample, of index: Int) -> FeatureVector {
            let roles = clauseModelFor(index).map { model in example.clauseFeatures.map(model.probabilities) } ?? example.ruleRoles
            return example.answerFeatures(roles: roles)
        }
        var data: [(features: FeatureVector, item: LabelledAnswer)] = examples.indices.map { (answerFeatures(examples[$0], of: $0), items[$0]) }
        data += openerThenStory(items).map { opener, story in
            let combined = items[opener].answer + "\n\n" + items[story].answer
            var item = items[story]
            item.answer = combined
            return (answerFeatures(STARExample(answer: combined, kind: item.kind), of: story), item)
        }
        let heads = STARModel.Head.allCases.map { head in
            var examples: [LogisticTrainer.Example] = []
            for (features, item) in data {
                let label: Bool?
                switch head {
                case .specificExample: label = item.labels["specific_example"]
                case .declined: label = item.declined ?? false
                default:
                    // No example, no parts: a part's head learns from the specific examples.
                    label = item.labels["specific_example"] == true ? item.labels[head.rawValue] : nil
                }
                if let label { examples.append(LogisticTrainer.Example(features.keeping { Self.reads(head, $0) }, label: label ? 1 : 0)) }
            }
            return headTrainer.train(head.rawValue, classes: ["yes"], examples) { Self.countsFor(head, $0) }
        }
        return STARModel(clauseRoles: clauseModel, heads: heads)
    }

    /// The answer features each head may learn from. Whether the answer declines the question is a
    /// decision about the whole answer and reads everything, and so does the task, which a good
    /// story often leaves implicit; the specific example reads everything but the length. The other
    /// parts read only what speaks to that part: the clause roles for it and the rules' verdict on
    /// it. Given everything, a part's head learned what goes with that part in the training
    /// writers' answers (short stories have a scene; "we" stories tell how they ended) instead of
    /// whether the answer says it, and asked the wrong follow-up on answers written otherwise.
    static func reads(_ head: STARModel.Head, _ feature: String) -> Bool {
        let roles: [ClauseRole]
        let rules: [String]
        switch head {
        // Not the answer's length for the example: short answers were mostly general in the
        // training writers' answers, and a three-sentence story is still a story.
        // Nor where in the answer a role comes, or how the story ends: those speak to its parts
        // (an unknown outcome, a last clause that is no outcome), not to whether it was one time.
        case .specificExample, .declined: return !feature.hasPrefix("length:") && !Self.placing.contains { feature.hasPrefix($0) }
        case .task: return !Self.beginning.contains { feature.hasPrefix($0) }
        case .situation: (roles, rules) = ([.situation], ["rule:situation", "rule:anchor"])
        case .action: (roles, rules) = ([.ownAction, .groupAction], ["rule:action", "rule:we-only"])
        case .result: (roles, rules) = ([.result, .feeling], ["rule:result", "rule:uncertain", "end:unknown-outcome"])
        }
        if rules.contains(feature) { return true }
        // How a story begins speaks to its scene only (the task head leaves it out above): a result
        // or an action before the speaker's first action is no outcome, and reading it there taught
        // the heads the training writers' order.
        if head != .situation && Self.beginning.contains(where: { feature.hasPrefix($0) }) { return false }
        guard feature.hasPrefix("role-"), let colon = feature.firstIndex(of: ":") else { return false }
        return roles.contains { $0.rawValue == feature[feature.index(after: colon)...] }
    }

    /// The features that say where in the answer something comes, and of those, how it begins.
    static let beginning = ["role-first:", "role-before-action:"]
    static let placing = ["end:", "role-last:", "role-after-action:"] + beginning

    /// The rules' verdicts that can only count for a head's yes: the rules finding a specific
    /// example, a scene, an own action or a result. Left free, a verdict that always comes with
    /// others (past clauses, an anchor) took a negative weight, which decided short stories wrongly
    /// and explained decisions backwards ("rule:specific −1.4").
    static func countsFor(_ head: STARModel.Head, _ feature: String) -> Bool {
        switch head {
        case .specificExample: ["rule:specific", "rule:anchor"].contains(feature)
        case .situation: ["rule:situation", "rule:anchor"].contains(feature)
        case .task: feature == "rule:task"
        case .action: feature == "rule:action"
        case .result: feature == "rule:result"
        case .declined: feature == "rule:declines"
        }
    }
}
