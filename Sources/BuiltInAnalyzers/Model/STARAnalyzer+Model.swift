import InterviewCore

extension STARAnalyzer {
    /// The analysis from the model's decision: the parts it found, and as evidence the clauses it
    /// credits with each.
    func read(_ reading: STARReading, _ text: TextSegmenter, decision: STARDecision, depth: AnswerDepth, context: AnalysisContext) -> SegmentedAnalysis {
        let roles = decision.roles
        func total(_ role: ClauseRole) -> Double { roles.reduce(0) { $0 + $1[role.column] } }
        let specific = decision.specific
        // What the speaker would do, by the rules (a "would" or an "if") or by the clauses' roles.
        let hypothetical = !specific && (reading.isHypothetical || total(.hypothetical) > 0.5 && total(.hypothetical) >= total(.habit))
        let groupClauses = decision.clauses(showing: .groupAction)
        let parts = [decision.situation, decision.task, decision.action, decision.result]
        let followup = decision.followup
        var analysis = SegmentedAnalysis(values: [
            .bool(decision.situation),
            .bool(decision.task),
            .bool(decision.action),
            .bool(decision.result),
            .bool(specific),
            .bool(hypothetical),
            .bool(!specific && !hypothetical),
            .bool(!groupClauses.isEmpty),
            .bool(specific && !decision.action && !groupClauses.isEmpty),
            .bool(decision.result && reading.resultQuantified),
            .bool(!decision.result && reading.uncertain != nil),
            .bool(decision.declined),
            .bool(depth.reasoning != nil),
            .bool(depth.tailoring != nil),
            .number(Double(parts.filter { $0 }.count)),
            .text(followup),
        ])
        if context.kind != .goals {
            analysis.followups = decision.followups
            analysis.reason = Self.reason(followup, empty: text.tokens.isEmpty, declined: decision.declined, hypothetical: hypothetical,
                group: !groupClauses.isEmpty, uncertain: reading.uncertain != nil)
        }
        var evidence: [Evidence] = []
        func add(_ feature: String, _ clauses: some Sequence<Int>) {
            for index in clauses.prefix(3) {
                let clause = text.clauses[index]
                evidence.append(Evidence(feature: feature, start: clause.start, end: clause.end, text: text.text(clause.start, clause.end)))
            }
        }
        /// The clauses the model credits with `role`, or its likeliest one when none is credited.
        /// What the speaker says they did not do ("so I didn't ask about a plan") is quoted for no
        /// part while another clause can be: the candidate reads these quotes as what they did well.
        func credited(_ role: ClauseRole) -> [Int] {
            let shown = decision.clauses(showing: role)
            let affirmed = shown.filter { !text.negatesOwnVerb(in: text.clauses[$0]) }
            if !affirmed.isEmpty { return affirmed.sorted() }
            if !shown.isEmpty { return shown.sorted() }
            return roles.indices.max { roles[$0][role.column] < roles[$1][role.column] }.map { [$0] } ?? []
        }
        if decision.situation { add(STARFeature.situation, credited(.situation)) }
        if decision.task { add(STARFeature.task, credited(.task)) }
        if decision.action { add(STARFeature.action, credited(.ownAction)) } else { add(STARFeature.groupAction, groupClauses.sorted()) }
        if decision.result { add(STARFeature.result, credited(.result)) } else if let uncertain = reading.uncertain { add(STARFeature.resultUncertain, [uncertain]) }
        if specific, let anchor = reading.anchor { add(STARFeature.specificExample, [anchor]) }
        analysis.evidence = evidence + depth.evidence(text)
        return analysis
    }

    /// Why the follow-up, in the candidate's terms.
    static func reason(_ followup: String, empty: Bool, declined: Bool, hypothetical: Bool, group: Bool, uncertain: Bool) -> String {
        switch followup {
        case "example":
            if empty { return "There is no answer yet." }
            if declined { return "You could not think of an example; one from any job, placement or volunteering would do." }
            return hypothetical
                ? "The answer says what you would do, not what you did; a real example shows it."
                : "The answer describes what you usually do or believe, not one specific time."
        case "action":
            return group ? "The story says what 'we' did; your own part is missing." : "The story has no concrete action of yours."
        case "result":
            return uncertain
                ? "The story says the outcome is unknown; say what you saw happen, or what you learned."
                : "The story stops before saying how it turned out."
        case "situation":
            return "The story starts with what you did; who, when and what was wrong are missing."
        default:
            return "A complete story: situation, your actions and the result."
        }
    }
}
