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
        var roles = examples.map(\.ruleRoles)
        if !all.isEmpty {
            let final = clauseTrainer.train(STARModelFile.clauseSection, classes: roleNames, all)
            clauseModel = final
            if writers.count > 1 {
                for fold in 0..<min(folds, writers.count) {
                    let inFold = { (index: Int) in foldOf[items[index].writer ?? ""] == fold }
                    let model = clauseTrainer.train(STARModelFile.clauseSection, classes: roleNames, clauseData { !inFold($0) })
                    for index in items.indices where inFold(index) {
                        roles[index] = examples[index].clauseFeatures.map(model.probabilities)
                    }
                }
            } else {
                roles = examples.map { $0.clauseFeatures.map(final.probabilities) }
            }
        }
        let features = examples.indices.map { examples[$0].answerFeatures(roles: roles[$0]) }
        let heads = STARModel.Head.allCases.map { head in
            var data: [LogisticTrainer.Example] = []
            for (index, item) in items.enumerated() {
                let label: Bool?
                switch head {
                case .specificExample: label = item.labels["specific_example"]
                case .declined: label = item.declined ?? false
                default:
                    // No example, no parts: a part's head learns from the specific examples.
                    label = item.labels["specific_example"] == true ? item.labels[head.rawValue] : nil
                }
                if let label { data.append(LogisticTrainer.Example(features[index], label: label ? 1 : 0)) }
            }
            return headTrainer.train(head.rawValue, classes: ["yes"], data)
        }
        return STARModel(clauseRoles: clauseModel, heads: heads)
    }
}
