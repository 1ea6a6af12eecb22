/// Checks a loaded scenario's structure beyond what loading requires: questions no path reaches,
/// endings left implicit, probes that can never be asked or ask the same thing twice, loops,
/// competencies never assessed, behavioral questions without a hint.
public struct ScenarioLinter: Sendable {
    public let catalog: FeatureCatalog

    public init(catalog: FeatureCatalog) {
        self.catalog = catalog
    }

    public func lint(_ scenario: Scenario) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let graph = ScenarioGraph(scenario)
        let reachable = graph.reachable

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
                findings.append(.warning("missing-hint", "behavioral question '\(question.id)' has no <hint>; candidates who are stuck ask for one with :hint", at: question.location))
            }
            findings += lintProbes(of: question, in: scenario)
            findings += lintBranches(of: question)
        }

        for cycle in graph.cycles {
            let first = cycle[0]
            let location = scenario.question(first)?.location ?? SourceLocation(file: scenario.file, line: 1, column: 1)
            let path = (cycle + [first]).map { "'\($0)'" }.joined(separator: " → ")
            let edges = zip(cycle, cycle.dropFirst() + [first]).compactMap { from, to in graph.edges(from: from).first { $0.to == .question(to) } }
            if edges.allSatisfy({ $0.condition == nil }) {
                findings.append(.error("endless-loop", "these questions lead to each other with no condition to leave: \(path); the interview would stop it only after asking each twice", at: location))
            } else {
                findings.append(.warning("loop", "questions can lead back: \(path); make sure a condition leaves the loop (a question is asked at most twice)", at: location))
            }
        }

        let assessed = Set(scenario.questions.flatMap(\.assesses))
        for competency in scenario.competencies where !assessed.contains(competency.id) {
            findings.append(.warning("unused-competency", "competency '\(competency.id)' is declared but no question assesses it; add it to a question's assesses, or remove it", at: competency.location))
        }
        return findings.sortedByLocation()
    }

    private func lintProbes(of question: Question, in scenario: Scenario) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if (question.maxProbes ?? scenario.maxProbes) == 0, let first = question.probes.first {
            findings.append(.warning("probe-never-asked", "question '\(question.id)' allows no probes (max-probes is 0), so its probes are never asked", at: first.location))
            return findings
        }
        var seenConditions: [String: String] = [:]
        var seenPhrasings: [String: String] = [:]
        for probe in question.probes {
            if !ConditionSolver(catalog: catalog).satisfiable(probe.condition.root) {
                findings.append(.warning("probe-never-asked", "probe '\(probe.id)' is never asked: `\(probe.condition)` cannot hold with the analyzers in use", at: probe.location))
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
        return findings
    }

    private func lintBranches(of question: Question) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var always: Int?
        for (index, branch) in question.branches.enumerated() {
            if let always {
                findings.append(.warning("unreachable-branch", "this branch is never tried: the branch before it (number \(always + 1)) always applies", at: branch.location))
                continue
            }
            if let condition = branch.condition, !ConditionSolver(catalog: catalog).satisfiable(condition.root) {
                findings.append(.warning("unreachable-branch", "this branch is never taken: `\(condition)` cannot hold", at: branch.location))
            }
            if branch.condition == nil { always = index }
        }
        return findings
    }
}

/// Decides whether a condition can ever hold, by trying every combination of the yes/no and word
/// features it reads; each numeric comparison counts as a free yes/no (so only contradictions in the
/// yes/no and word features are found).
struct ConditionSolver {
    let catalog: FeatureCatalog
    static let maximumCombinations = 1 << 14

    func satisfiable(_ expression: ConditionExpression) -> Bool {
        var booleans: [String] = []
        var choices: [String: [String]] = [:]
        var comparisons: [ConditionExpression] = []
        collect(expression, &booleans, &choices, &comparisons)
        var axes: [(key: String, values: [FeatureValue])] = booleans.map { ($0, [.bool(false), .bool(true)]) }
        for (name, values) in choices.sorted(by: { $0.key < $1.key }) {
            axes.append((name, values.map(FeatureValue.text) + [.text("\u{0}other")]))
        }
        let numeric = comparisons.count
        let total = axes.reduce(1) { $0 * $1.values.count } << numeric
        guard total <= Self.maximumCombinations else { return true }
        for combination in 0..<total {
            var rest = combination >> numeric
            var values: [String: FeatureValue] = [:]
            for axis in axes {
                values[axis.key] = axis.values[rest % axis.values.count]
                rest /= axis.values.count
            }
            let truths = (0..<numeric).map { combination >> $0 & 1 == 1 }
            if evaluate(expression, values, comparisons, truths) { return true }
        }
        return false
    }

    private func collect(_ expression: ConditionExpression, _ booleans: inout [String], _ choices: inout [String: [String]], _ comparisons: inout [ConditionExpression]) {
        switch expression {
        case .feature(let name, _):
            // Features added by the scenario itself (competency.ID) are yes/no too.
            if (catalog[name]?.descriptor.type ?? .bool) == .bool, !booleans.contains(name) { booleans.append(name) }
        case .literal: break
        case .not(let operand, _): collect(operand, &booleans, &choices, &comparisons)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            collect(lhs, &booleans, &choices, &comparisons)
            collect(rhs, &booleans, &choices, &comparisons)
        case .compare(let lhs, _, let rhs, _):
            if case .feature(let name, _) = lhs, case .choice(let values) = catalog[name]?.descriptor.type {
                choices[name] = values
            } else if case .feature(let name, _) = rhs, case .choice(let values) = catalog[name]?.descriptor.type {
                choices[name] = values
            } else if case .feature(let name, _) = lhs, catalog[name]?.descriptor.type == .bool {
                if !booleans.contains(name) { booleans.append(name) }
                if case .feature(let other, _) = rhs, !booleans.contains(other) { booleans.append(other) }
            } else if !comparisons.contains(expression) {
                comparisons.append(expression)
            }
        }
    }

    private func evaluate(_ expression: ConditionExpression, _ values: [String: FeatureValue], _ comparisons: [ConditionExpression], _ truths: [Bool]) -> Bool {
        switch expression {
        case .not(let operand, _): return !evaluate(operand, values, comparisons, truths)
        case .and(let lhs, let rhs): return evaluate(lhs, values, comparisons, truths) && evaluate(rhs, values, comparisons, truths)
        case .or(let lhs, let rhs): return evaluate(lhs, values, comparisons, truths) || evaluate(rhs, values, comparisons, truths)
        case .compare where comparisons.contains(expression):
            return truths[comparisons.firstIndex(of: expression)!]
        default:
            return expression.evaluate { values[$0] }.boolValue ?? false
        }
    }
}
