import InterviewCore

/// An answer read for training or evaluating the STAR model: its clauses and their features, and
/// the answer's features once the clause roles are known.
package struct STARExample {
    package let clauses: [ClauseSplit]
    /// Per clause, with names.
    package let clauseFeatures: [FeatureVector]
    private let reading: STARReading
    private let text: TextSegmenter
    private let kind: QuestionKind?

    package init(answer: String, kind: QuestionKind?) {
        let text = TextSegmenter(answer, vocabulary: .builtIn)
        let reading = STARReading(text)
        self.text = text
        self.reading = reading
        self.kind = kind
        clauses = ClauseSplit.clauses(of: text)
        clauseFeatures = STARFeatures.clauses(reading, text, naming: true)
    }

    /// The rules' reading of each clause, as certain roles.
    package var ruleRoles: [[Double]] { STARModel.ruleRoles(reading) }

    /// The answer's features (with names), given each clause's role probabilities.
    package func answerFeatures(roles: [[Double]]) -> FeatureVector {
        STARFeatures.answer(reading, text, roles: roles, kind: kind, naming: true)
    }
}
