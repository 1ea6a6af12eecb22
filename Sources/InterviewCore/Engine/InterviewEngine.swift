/// The interview as a pure state machine: given the scenario, a state and the analysis of an
/// answer, it returns the next step and the reason for it. It reads nothing but its arguments and
/// does no I/O: analysing the answer (plugins included) happens before, in `AnalyzerSet`, and the
/// same inputs always give the same turn. Every change of state is made by `InterviewState.move`.
public struct InterviewEngine: Sendable {
    public let scenario: Scenario
    public let options: EngineOptions

    public init(scenario: Scenario, options: EngineOptions = EngineOptions()) {
        self.scenario = scenario
        self.options = options
    }

    /// The opening turn: the first question in document order, or the one practised alone.
    public func start(seed: UInt64) -> Turn {
        let state = InterviewState(seed: seed)
        if let only = options.onlyQuestion, let question = scenario.question(only) {
            return ask(question, in: state, reason: StepReason(rule: .start, summary: "the question practised alone"), analysis: nil)
        }
        guard let first = scenario.sequence.first else {
            return Turn(analysis: nil, step: .end(closing: scenario.closing, reason: StepReason(rule: .start, summary: "the scenario has no questions")), state: state)
        }
        return ask(first, in: state, reason: StepReason(rule: .start, summary: "first question in order"), analysis: nil)
    }

    /// What analyzers are told about the question being answered.
    public func context(for state: InterviewState) -> AnalysisContext {
        guard let id = state.currentQuestion, let question = scenario.question(id) else {
            return AnalysisContext(competencies: scenario.cueSets)
        }
        return AnalysisContext(
            questionID: id, questionText: phrasing(of: question, in: state), kind: question.kind,
            competencies: scenario.cueSets, assessed: question.assesses)
    }

    /// Decides the next step given the analysis of everything said so far for the current question
    /// (`answer` included). The decision itself reads nothing but its arguments.
    public func decide(after answer: String, analysis: Analysis, in state: InterviewState) -> Turn {
        guard let id = state.currentQuestion, let question = scenario.question(id) else {
            return ended(state, analysis: analysis)
        }
        var state = state
        state.hear(answer)
        // What the answer still needs most, asked for or not: branches read it.
        let recommended = analysis.followup ?? "none"
        let needed = values(analysis, state, followup: recommended)
        // Probes read the most important follow-up no earlier probe of this question asked for, so
        // the budget goes to the next missing part rather than to the same question in other
        // words. When every one has been asked for, they read what is still needed.
        let asked = Set(question.probes.filter { state.probesAsked.contains($0.id) }.compactMap(\.asksFor))
        let next = analysis.followups.first { !asked.contains($0) } ?? recommended
        let notAskedYet = next == recommended ? needed : values(analysis, state, followup: next)
        let limit = probeLimit(for: question)
        let whyMovingOn: String
        if state.probesAsked.count < limit {
            for probe in question.probes where !state.probesAsked.contains(probe.id) {
                // A probe for a part already asked for is asked only on purpose: when its
                // condition counts the probes (`followup == 'example' and probes == 1`).
                let again = probe.asksFor.map(asked.contains) ?? false
                if again && !probe.condition.referencedFeatures.contains(EngineFeature.probes) { continue }
                let lookup = again ? needed : notAskedYet
                guard probe.condition.evaluate(lookup) else { continue }
                state.move(to: .probe(question: id, probe: probe.id))
                let text = SeededChoice.pick(probe.phrasings, seed: state.seed, key: probe.id, round: state.visits[id, default: 1])
                var reason = conditionReason(.probe(id: probe.id), "probe '\(probe.id)'", probe.condition, lookup)
                if !again && next != recommended && probe.asksFor == next {
                    reason.summary += "; '\(recommended)' was asked for already"
                }
                return Turn(analysis: analysis, step: .probe(ProbePrompt(questionID: id, probeID: probe.id, text: text, reason: reason)), state: state)
            }
            whyMovingOn = question.probes.isEmpty ? "" : "no probe condition held; "
        } else {
            whyMovingOn = limit == 0 ? "" : "probe limit of \(limit) reached; "
        }
        return advance(from: question, in: state, lookup: needed, analysis: analysis, prefix: whyMovingOn)
    }

    /// Asks the current question again from the start: what was said for it so far is set aside
    /// (it stays in the transcript) and its probes can be asked again.
    public func again(_ state: InterviewState) -> Turn {
        guard let id = state.currentQuestion, let question = scenario.question(id) else { return ended(state, analysis: nil) }
        var state = state
        state.restartQuestion()
        let prompt = QuestionPrompt(
            questionID: id, text: phrasing(of: question, in: state), hint: hint(of: question, in: state), number: state.questionsAsked,
            reason: StepReason(rule: .again, summary: "'\(id)' answered again from the start"), kind: question.kind)
        return Turn(analysis: nil, step: .question(prompt), state: state)
    }

    /// Leaves the current question unanswered and moves on in document order, ignoring its branches.
    public func skip(_ state: InterviewState) -> Turn {
        guard let id = state.currentQuestion, let question = scenario.question(id) else { return ended(state, analysis: nil) }
        return nextInOrder(after: question, in: state, analysis: nil, reason: StepReason(rule: .skipped, summary: "'\(id)' was skipped"))
    }

    /// The phrasing of the current question for this interview's seed.
    public func phrasing(of question: Question, in state: InterviewState) -> String {
        question.phrasings[phrasingIndex(of: question, in: state)]
    }

    /// The hint for the phrasing `phrasing(of:in:)` chose: that phrasing's own, else the question's.
    public func hint(of question: Question, in state: InterviewState) -> String? {
        question.hint(forPhrasing: phrasingIndex(of: question, in: state))
    }

    private func phrasingIndex(of question: Question, in state: InterviewState) -> Int {
        SeededChoice.pick(Array(question.phrasings.indices), seed: state.seed, key: question.id, round: state.visits[question.id, default: 1])
    }

    public func probeLimit(for question: Question) -> Int {
        guard options.probesEnabled else { return 0 }
        return options.maxProbes ?? question.maxProbes ?? scenario.maxProbes
    }

    // MARK: Moving on

    private func advance(from question: Question, in state: InterviewState, lookup: (String) -> FeatureValue?, analysis: Analysis, prefix: String) -> Turn {
        for (index, branch) in question.branches.enumerated() where branch.condition?.evaluate(lookup) ?? true {
            let rule = StepReason.Rule.branch(index: index)
            let reason = branch.condition.map { conditionReason(rule, prefix + "branch to \(branch.target)", $0, lookup) }
                ?? StepReason(rule: rule, summary: prefix + "branch to \(branch.target) (always taken)")
            switch branch.target {
            case .end:
                return end(state, analysis: analysis, reason: reason)
            case .question(let target):
                guard let next = scenario.question(target) else { continue }
                // Practising one question: its branch-only follow-on questions belong to it, the others do not.
                if options.onlyQuestion != nil && !next.branchOnly && target != options.onlyQuestion {
                    return end(state, analysis: analysis, reason: StepReason(rule: rule, summary: prefix + "the question practised alone is done"))
                }
                if state.visits[target, default: 0] >= options.maximumVisits {
                    let guardReason = StepReason(
                        rule: .loopGuard,
                        summary: prefix + "branch to '\(target)' ignored: it was already asked \(options.maximumVisits) times; next in order")
                    return nextInOrder(after: question, in: state, analysis: analysis, reason: guardReason)
                }
                return ask(next, in: state, reason: reason, analysis: analysis)
            }
        }
        let summary = prefix + (question.branches.isEmpty ? "next in order" : "no branch condition held; next in order")
        return nextInOrder(after: question, in: state, analysis: analysis, reason: StepReason(rule: .documentOrder, summary: summary))
    }

    private func nextInOrder(after question: Question, in state: InterviewState, analysis: Analysis?, reason: StepReason) -> Turn {
        if options.onlyQuestion != nil {
            var done = reason
            done.summary = reason.summary.replacingSuffix("next in order", with: "the question practised alone is done")
            return end(state, analysis: analysis, reason: done)
        }
        let position = scenario.index(ofQuestion: question.id) ?? scenario.questions.count
        if let next = scenario.questions[(position + 1)...].first(where: { !$0.branchOnly }) {
            return ask(next, in: state, reason: reason, analysis: analysis)
        }
        var reason = reason
        if reason.rule == .documentOrder {
            reason.summary = reason.summary.replacingSuffix("next in order", with: "that was the last question")
        }
        return end(state, analysis: analysis, reason: reason)
    }

    private func ask(_ question: Question, in state: InterviewState, reason: StepReason, analysis: Analysis?) -> Turn {
        var state = state
        state.move(to: .question(question.id))
        let prompt = QuestionPrompt(
            questionID: question.id, text: phrasing(of: question, in: state), hint: hint(of: question, in: state),
            number: state.questionsAsked, reason: reason, kind: question.kind)
        return Turn(analysis: analysis, step: .question(prompt), state: state)
    }

    private func end(_ state: InterviewState, analysis: Analysis?, reason: StepReason) -> Turn {
        var state = state
        state.move(to: .end)
        return Turn(analysis: analysis, step: .end(closing: scenario.closing, reason: reason), state: state)
    }

    private func ended(_ state: InterviewState, analysis: Analysis?) -> Turn {
        Turn(analysis: analysis, step: .end(closing: scenario.closing, reason: StepReason(rule: .documentOrder, summary: "the interview has ended")), state: state)
    }

    // MARK: Conditions

    /// Feature values for conditions: the analysis plus the engine's own `followup` (the most
    /// important follow-up no probe of this question has asked for yet) and `probes`.
    private func values(_ analysis: Analysis, _ state: InterviewState, followup: String) -> (String) -> FeatureValue? {
        // Only what conditions read is captured: capturing the whole analysis copied its evidence
        // and features at every lookup.
        let probes = FeatureValue.number(Double(state.probesAsked.count))
        let followup = FeatureValue.text(followup)
        let features = analysis.features
        return { name in
            switch name {
            case EngineFeature.followup: followup
            case EngineFeature.probes: probes
            default: features[name]
            }
        }
    }

    private func conditionReason(_ rule: StepReason.Rule, _ what: String, _ condition: Condition, _ lookup: (String) -> FeatureValue?) -> StepReason {
        var values: [String: FeatureValue] = [:]
        for name in condition.referencedFeatures {
            values[name] = lookup(name)
        }
        let shown = condition.referencedFeatures.map { "\($0) = \(values[$0].map(String.init(describing:)) ?? "missing")" }
        return StepReason(
            rule: rule, summary: "\(what): `\(condition)` holds (\(shown.joined(separator: ", ")))",
            condition: condition.description, values: values)
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
