import InterviewCore
import BuiltInAnalyzers
import ScenarioXML
import Transcripts
/// Checks a loaded scenario's structure beyond what loading requires: questions no path reaches,
/// endings left implicit, probes that can never be asked or ask the same thing twice, loops,
/// competencies never assessed, behavioral questions without a hint, cues that repeat another.
public struct ScenarioLinter: Sendable {
    public let catalog: FeatureCatalog

    public init(catalog: FeatureCatalog) {
        self.catalog = catalog
    }

    public func lint(_ scenario: Scenario) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let graph = ScenarioGraph(scenario)
        let reachable = graph.reachable

        var budget = SolverBudget()
        for question in scenario.questions {
            if !reachable.contains(question.id) {
                let why = question.branchOnly ? "it is branch-only and no reachable <next> leads to it" : "every way to it is cut off by branches before it"
                findings.append(.warning("unreachable-question", "no interview reaches question '\(question.id)': \(why)", at: question.location))
                continue
            }
            if graph.edges(from: question.id).contains(where: { $0.inOrder && $0.to == .end }) {
                findings.append(.warning("implicit-end", "the interview ends after '\(question.id)' only because no question follows it; add <end/> to say so", at: question.location))
            }
            if question.kind == .behavioral && question.hint == nil {
                let bare = question.phrasingHints.indices.filter { question.phrasingHints[$0] == nil }.map { $0 + 1 }
                if bare.count == question.phrasings.count {
                    findings.append(.warning("missing-hint", "behavioral question '\(question.id)' has no <hint>; candidates who are stuck ask for one with :hint", at: question.location))
                } else if !bare.isEmpty {
                    let which = bare.map { "\($0)" }.joined(separator: ", ")
                    findings.append(.warning("missing-hint", "behavioral question '\(question.id)': <ask> \(which) has no hint of its own and the question has no <hint>; add one", at: question.location))
                }
            }
            findings += lintProbes(of: question, in: scenario, budget: &budget)
            findings += lintBranches(of: question, budget: &budget)
        }

        for loop in graph.loops {
            let first = loop.cycle[0]
            let location = scenario.question(first)?.location ?? SourceLocation(file: scenario.file, line: 1, column: 1)
            let path = Self.describe(loop.cycle)
            if loop.endless {
                findings.append(.error("endless-loop", "these questions lead to each other with no condition to leave: \(path); the interview would stop it only after asking each twice", at: location))
            } else {
                findings.append(.warning("loop", "questions can lead back: \(path); make sure a condition leaves the loop (a question is asked at most twice)", at: location))
            }
        }

        if let first = budget.firstSkipped {
            findings.append(
                Diagnostic(
                    .note, "condition-not-checked",
                    "\(budget.skipped) condition\(budget.skipped == 1 ? " was" : "s were") not checked for whether they can hold, from here on: the scenario's conditions together would take too long to try",
                    at: first))
        }

        let assessed = Set(scenario.questions.flatMap(\.assesses))
        for competency in scenario.competencies where !assessed.contains(competency.id) {
            findings.append(.warning("unused-competency", "competency '\(competency.id)' is declared but no question assesses it; add it to a question's assesses, or remove it", at: competency.location))
        }
        let read = Set(scenario.questions.flatMap { question in
            question.probes.flatMap(\.condition.referencedFeatures) + question.branches.flatMap { $0.condition?.referencedFeatures ?? [] }
        })
        // A topic a competency's `unless` or `needs` names is read too: it withholds that competency,
        // or the competency needs it.
        let namedByCompetencies = Set(scenario.competencies.flatMap { $0.withheldBy.joined().map(Competency.topicID) + $0.needs.joined().joined() })
        for topic in scenario.topics where !read.contains(CompetencyFeature.mentions(topic.id)) && !namedByCompetencies.contains(topic.id) {
            findings.append(.warning("unused-topic", "topic '\(topic.id)' is declared but no condition reads it and no competency's unless or needs names it; branch on it with mentions.\(topic.id), or remove it", at: topic.location))
        }
        findings += lintCues(of: scenario)
        return findings.sortedByLocation()
    }

    /// A cue that repeats an earlier one of the same competency or topic matches nothing more: the
    /// matcher already reads a verb's forms, its negations and a pronoun's forms as one.
    func lintCues(of scenario: Scenario) -> [Diagnostic] {
        scenario.cueSets.flatMap { competency in
            RepeatedCues.find(in: competency.cues).map { cue, earlier in
                let kind = competency.isTopic ? "topic" : "competency"
                let location = competency.cueLocations.indices.contains(cue) ? competency.cueLocations[cue] : competency.location
                return Diagnostic.warning(
                    "repeated-cue",
                    "the cue '\(competency.cues[cue])' of \(kind) '\(competency.id)' matches only what its cue '\(competency.cues[earlier])' already matches (word endings, a verb's forms and its negations, he, she and they, and \"I\" and \"I'd\" match each other); remove it",
                    at: location)
            }
        }
    }

    /// What the solver may still spend on this scenario, and the conditions left unchecked once it is spent.
    struct SolverBudget {
        var steps = ConditionSolver.scenarioBudget
        var skipped = 0
        var firstSkipped: SourceLocation?
    }

    /// The finding for `condition` at `location`: `never` when it cannot hold, a note when it is too
    /// costly to check (`what` names it), nil when it can hold. Once the scenario's budget is spent
    /// the condition is only counted, for the one note that says how many were not checked.
    private func satisfiabilityFinding(
        _ condition: Condition, at location: SourceLocation, what: String, budget: inout SolverBudget, never: () -> Diagnostic
    ) -> Diagnostic? {
        switch ConditionSolver(catalog: catalog).check(condition.root, budget: &budget.steps) {
        case .satisfiable:
            return nil
        case .unsatisfiable:
            return never()
        case .unchecked:
            return Diagnostic(
                .note, "condition-not-checked",
                "whether the condition of \(what) can ever hold was not checked: it combines too many features to try every case; split it, or check it by hand",
                at: location)
        case .budgetSpent:
            budget.skipped += 1
            budget.firstSkipped = budget.firstSkipped ?? location
            return nil
        }
    }

    /// A cycle as `'a' → 'b' → 'a'`, with the middle of a long one left out.
    static func describe(_ cycle: [String]) -> String {
        let quoted = cycle.map { "'\($0)'" }
        let shown = quoted.count <= 10 ? quoted : quoted.prefix(5) + ["… \(quoted.count - 7) more …"] + quoted.suffix(2)
        return (shown + [quoted[0]]).joined(separator: " → ")
    }

    private func lintProbes(of question: Question, in scenario: Scenario, budget: inout SolverBudget) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if (question.maxProbes ?? scenario.maxProbes) == 0, let first = question.probes.first {
            findings.append(.warning("probe-never-asked", "question '\(question.id)' allows no probes (max-probes is 0), so its probes are never asked", at: first.location))
            return findings
        }
        var seenConditions: [String: String] = [:]
        var seenPhrasings: [String: String] = [:]
        for probe in question.probes {
            if let finding = satisfiabilityFinding(probe.condition, at: probe.location, what: "probe '\(probe.id)'", budget: &budget, never: {
                .warning("probe-never-asked", "probe '\(probe.id)' is never asked: `\(probe.condition)` cannot hold with the analyzers in use", at: probe.location)
            }) {
                findings.append(finding)
            }
            let key = probe.condition.description.lowercased()
            if let earlier = seenConditions[key] {
                findings.append(.warning("duplicate-probe", "probe '\(probe.id)' has the same condition as probe '\(earlier)', which is asked first; merge their phrasings into one probe", at: probe.location))
            } else {
                seenConditions[key] = probe.id
            }
            for phrasing in probe.phrasings {
                let key = phrasing.lowercased()
                if let earlier = seenPhrasings[key], earlier != probe.id {
                    findings.append(.warning("duplicate-probe", "probe '\(probe.id)' would ask “\(phrasing)” again, as probe '\(earlier)' does", at: probe.location))
                }
                seenPhrasings[key] = seenPhrasings[key] ?? probe.id
            }
        }
        if let finding = probeOrderFinding(question, limit: question.maxProbes ?? scenario.maxProbes) { findings.append(finding) }
        return findings
    }

    /// A probe that asks for no missing part and comes before one that does takes the budget first
    /// whenever both hold. Probes that count `probes` are ordered on purpose and left alone.
    private func probeOrderFinding(_ question: Question, limit: Int) -> Diagnostic? {
        func readsCount(_ probe: Probe) -> Bool { probe.condition.referencedFeatures.contains(EngineFeature.probes) }
        func readsFollowup(_ probe: Probe) -> Bool { probe.condition.referencedFeatures.contains(EngineFeature.followup) }
        // With room for every probe, none can take another's place.
        guard question.probes.count > limit,
            let early = question.probes.first(where: { !readsFollowup($0) && !readsCount($0) }),
            let position = question.probes.firstIndex(where: { $0.id == early.id }),
            let part = question.probes[(position + 1)...].first(where: { $0.asksFor != nil && !readsCount($0) })
        else { return nil }
        return .warning(
            "probe-order",
            "probe '\(early.id)' comes before probe '\(part.id)', which asks for a missing part (\(part.asksFor!)); when both hold, '\(early.id)' is asked first and can use up the limit of \(limit) probes; move it after the probes that read `followup`",
            at: early.location)
    }

    private func lintBranches(of question: Question, budget: inout SolverBudget) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var always: Int?
        for (index, branch) in question.branches.enumerated() {
            if let always {
                findings.append(.warning("unreachable-branch", "this branch is never tried: the branch before it (number \(always + 1)) always applies", at: branch.location))
                continue
            }
            if let condition = branch.condition, let finding = satisfiabilityFinding(condition, at: branch.location, what: "this branch", budget: &budget, never: {
                .warning("unreachable-branch", "this branch is never taken: `\(condition)` cannot hold", at: branch.location)
            }) {
                findings.append(finding)
            }
            if branch.condition == nil { always = index }
        }
        return findings
    }
}

/// Decides whether a condition can ever hold, by trying every combination of the yes/no and word
/// features it reads; each numeric comparison counts as a free yes/no (so only contradictions in the
/// yes/no and word features are found). The work is bounded: a condition with more than
/// `maximumCombinations` combinations, or whose check evaluates more than `maximumSteps` terms, is
/// left unchecked.
struct ConditionSolver {
    enum Verdict: Equatable {
        case satisfiable, unsatisfiable
        /// Not tried: the condition alone would cost more than a condition's share.
        case unchecked
        /// Not finished: the scenario's budget ran out.
        case budgetSpent
    }

    let catalog: FeatureCatalog
    static let maximumCombinations = 1 << 14
    /// Terms evaluated for one condition, over all its combinations.
    static let maximumSteps = 1 << 16
    /// Terms evaluated for all the conditions of one scenario: real scenarios use a small part of
    /// it (a generated 10,000-question one about 2%), a hostile one cannot make lint slow.
    static let scenarioBudget = 1 << 22

    /// Whether `expression` can hold, spending at most `maximumSteps` of `budget`.
    func check(_ expression: ConditionExpression, budget: inout Int) -> Verdict {
        var booleans: [String] = []
        var choices: [String: [String]] = [:]
        var comparisons: [Int: Int] = [:]
        var comparisonKeys: [String: Int] = [:]
        var seen: Set<String> = []
        var terms = 0
        collect(expression, &booleans, &seen, &choices, &comparisons, &comparisonKeys, &terms)
        // Reading the condition is work too: a scenario of many long conditions spends the budget.
        guard terms <= budget else {
            budget = 0
            return .budgetSpent
        }
        budget -= terms
        var axes: [(key: String, values: [FeatureValue])] = booleans.map { ($0, [.bool(false), .bool(true)]) }
        for (name, values) in choices.sorted(by: { $0.key < $1.key }) {
            axes.append((name, values.map(FeatureValue.text) + [.text("\u{0}other")]))
        }
        let numeric = comparisonKeys.count
        // Counted so that no product can overflow: past the budget, the rest does not matter.
        var total = 1
        for axis in axes {
            total *= axis.values.count
            if total > Self.maximumCombinations { return .unchecked }
        }
        guard numeric <= 14, total << numeric <= Self.maximumCombinations else { return .unchecked }
        total <<= numeric
        var steps = 0
        for combination in 0..<total {
            var rest = combination >> numeric
            var values: [String: FeatureValue] = [:]
            for axis in axes {
                values[axis.key] = axis.values[rest % axis.values.count]
                rest /= axis.values.count
            }
            let found = evaluate(expression, values, comparisons, combination, &steps)
            if found || steps > min(Self.maximumSteps, budget) {
                let spent = !found && steps > budget
                budget -= min(steps, budget)
                return found ? .satisfiable : spent ? .budgetSpent : .unchecked
            }
        }
        budget -= min(steps, budget)
        return .unsatisfiable
    }

    private func collect(
        _ expression: ConditionExpression, _ booleans: inout [String], _ seen: inout Set<String>, _ choices: inout [String: [String]],
        _ comparisons: inout [Int: Int], _ comparisonKeys: inout [String: Int], _ terms: inout Int
    ) {
        terms += 1
        func addBoolean(_ name: String) {
            if seen.insert(name).inserted { booleans.append(name) }
        }
        switch expression {
        case .feature(let name, _):
            // Features added by the scenario itself (competency.ID) are yes/no too.
            if (catalog[name]?.descriptor.type ?? .bool) == .bool { addBoolean(name) }
        case .literal: break
        case .not(let operand, _): collect(operand, &booleans, &seen, &choices, &comparisons, &comparisonKeys, &terms)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            collect(lhs, &booleans, &seen, &choices, &comparisons, &comparisonKeys, &terms)
            collect(rhs, &booleans, &seen, &choices, &comparisons, &comparisonKeys, &terms)
        case .compare(let lhs, _, let rhs, _):
            if case .feature(let name, _) = lhs, case .choice(let values) = catalog[name]?.descriptor.type {
                choices[name] = values
            } else if case .feature(let name, _) = rhs, case .choice(let values) = catalog[name]?.descriptor.type {
                choices[name] = values
            } else if case .feature(let name, _) = lhs, catalog[name]?.descriptor.type == .bool {
                addBoolean(name)
                if case .feature(let other, _) = rhs { addBoolean(other) }
            } else if case .compare(_, _, _, let position) = expression {
                // The same comparison written twice is one yes/no, wherever it stands.
                let key = Self.key(of: expression)
                if comparisonKeys[key] == nil { comparisonKeys[key] = comparisonKeys.count }
                comparisons[position.lowerBound] = comparisonKeys[key]
            }
        }
    }

    /// A comparison as text, without the source positions that tell two copies of it apart.
    private static func key(of expression: ConditionExpression) -> String {
        switch expression {
        case .literal(let value, _): "\(value)"
        case .feature(let name, _): name
        case .not(let operand, _): "not(\(key(of: operand)))"
        case .and(let lhs, let rhs): "and(\(key(of: lhs)),\(key(of: rhs)))"
        case .or(let lhs, let rhs): "or(\(key(of: lhs)),\(key(of: rhs)))"
        case .compare(let lhs, let op, let rhs, _): "(\(key(of: lhs))\(op.rawValue)\(key(of: rhs)))"
        }
    }

    /// `truths` holds each numeric comparison's value as a bit, by the comparison's number
    /// (`comparisons` numbers them by where their operator stands); `steps` counts the terms evaluated.
    private func evaluate(
        _ expression: ConditionExpression, _ values: [String: FeatureValue], _ comparisons: [Int: Int], _ truths: Int,
        _ steps: inout Int
    ) -> Bool {
        steps += 1
        switch expression {
        case .not(let operand, _): return !evaluate(operand, values, comparisons, truths, &steps)
        case .and(let lhs, let rhs):
            return evaluate(lhs, values, comparisons, truths, &steps) && evaluate(rhs, values, comparisons, truths, &steps)
        case .or(let lhs, let rhs):
            return evaluate(lhs, values, comparisons, truths, &steps) || evaluate(rhs, values, comparisons, truths, &steps)
        case .compare(_, _, _, let position) where comparisons[position.lowerBound] != nil:
            return truths >> comparisons[position.lowerBound]! & 1 == 1
        default:
            return expression.evaluate { values[$0] }.boolValue ?? false
        }
    }
}
