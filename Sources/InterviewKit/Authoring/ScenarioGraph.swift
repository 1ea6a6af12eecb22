/// The scenario as a graph of questions: where each question can lead in a normal interview
/// (branches, and document order when no unconditional branch stops it). Skips are not followed.
public struct ScenarioGraph: Sendable {
    public enum Node: Hashable, Sendable {
        case question(String)
        case end
    }

    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: Node
        /// The condition, or nil for an unconditional branch or document order.
        public var condition: String?
        /// True for the fall-through to the next question in document order (or the end).
        public var inOrder: Bool
        /// Index among the question's branches, for branch edges.
        public var branch: Int?
    }

    public let scenario: Scenario
    public let start: String?
    public let edges: [Edge]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        start = scenario.sequence.first?.id
        var edges: [Edge] = []
        for (position, question) in scenario.questions.enumerated() {
            for (index, branch) in question.branches.enumerated() {
                let target: Node = switch branch.target {
                case .question(let id): .question(id)
                case .end: .end
                }
                edges.append(Edge(from: question.id, to: target, condition: branch.condition?.description, inOrder: false, branch: index))
                // Branches after an unconditional one are never tried.
                if branch.condition == nil { break }
            }
            // Document order applies only when no unconditional branch comes first.
            guard !question.branches.contains(where: { $0.condition == nil }) else { continue }
            let next = scenario.questions[(position + 1)...].first { !$0.branchOnly }
            edges.append(Edge(from: question.id, to: next.map { .question($0.id) } ?? .end, condition: nil, inOrder: true, branch: nil))
        }
        self.edges = edges
    }

    public func edges(from id: String) -> [Edge] { edges.filter { $0.from == id } }

    /// Questions a normal interview can reach from the start.
    public var reachable: Set<String> {
        guard let start else { return [] }
        var seen: Set<String> = [start]
        var queue = [start]
        while let id = queue.popLast() {
            for edge in edges(from: id) {
                if case .question(let next) = edge.to, seen.insert(next).inserted { queue.append(next) }
            }
        }
        return seen
    }

    /// Questions that lie on a cycle, each cycle once, as the list of its questions in order.
    public var cycles: [[String]] {
        var result: [[String]] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        func visit(_ id: String) {
            state[id] = 1
            stack.append(id)
            for edge in edges(from: id) {
                guard case .question(let next) = edge.to else { continue }
                if state[next] == 1, let from = stack.firstIndex(of: next) {
                    result.append(Array(stack[from...]))
                } else if state[next] == nil {
                    visit(next)
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for question in scenario.questions where state[question.id] == nil { visit(question.id) }
        return result
    }

    // MARK: Rendering

    /// Graphviz DOT: questions as boxes that list their probes, branches as labelled edges, so the
    /// questions run down the page in interview order however many probes they have.
    public var dot: String {
        var lines = ["digraph \"\(escape(scenario.id))\" {", "  rankdir=TB;", "  node [fontname=\"Helvetica\", fontsize=11];",
                     "  edge [fontname=\"Helvetica\", fontsize=9];", "  start [shape=circle, label=\"start\", width=0.5];",
                     "  end [shape=doublecircle, label=\"end\", width=0.5];"]
        if let start { lines.append("  start -> \"q:\(escape(start))\";") }
        for question in scenario.questions {
            let style = question.branchOnly ? ", style=dashed" : ""
            // `\l` ends a left-aligned line in DOT, so the probes read as a list under the question.
            let probes = question.probes.map { "probe \(escape($0.id)) when \(escape($0.condition.description))\\l" }.joined()
            let label = "\(escape(question.id))\\n\(escape(Self.short(question.phrasings[0])))\\n" + (probes.isEmpty ? "" : "\\n" + probes)
            lines.append("  \"q:\(escape(question.id))\" [shape=box\(style), label=\"\(label)\"];")
        }
        for edge in edges {
            let target = edge.to == .end ? "end" : "\"q:\(escape(edge.to.id))\""
            var attributes: [String] = []
            if let condition = edge.condition { attributes.append("label=\"\(escape(condition))\"") }
            if edge.inOrder { attributes.append("style=dashed, color=gray40") }
            lines.append("  \"q:\(escape(edge.from))\" -> \(target)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid flowchart, for Markdown viewers that draw it.
    public var mermaid: String {
        var ids: [String: String] = [:]
        func node(_ id: String) -> String {
            if let existing = ids[id] { return existing }
            let name = "q\(ids.count)"
            ids[id] = name
            return name
        }
        var lines = ["flowchart TD", "  start((start))", "  finish(((end)))"]
        if let start { lines.append("  start --> \(node(start))") }
        for question in scenario.questions {
            // The probes listed in the question's box, as in the DOT drawing.
            let label = ([mermaidText("\(question.id): \(Self.short(question.phrasings[0]))")]
                + question.probes.map { "probe \(mermaidText($0.id)) when \(mermaidText($0.condition.description))" }).joined(separator: "<br/>")
            lines.append("  \(node(question.id))" + (question.branchOnly ? "([\"\(label)\"])" : "[\"\(label)\"]"))
        }
        for edge in edges {
            let target = edge.to == .end ? "finish" : node(edge.to.id)
            let arrow = edge.inOrder ? "-.->" : "-->"
            lines.append("  \(node(edge.from)) \(arrow)" + (edge.condition.map { "|\"\(mermaidText($0))\"|" } ?? "") + " \(target)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func short(_ text: String) -> String {
        text.count > 48 ? String(text.prefix(45)) + "…" : text
    }

    private func escape(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
    }

    private func mermaidText(_ text: String) -> String {
        text.replacingAll("\"", with: "#quot;").replacingAll("<", with: "#lt;").replacingAll(">", with: "#gt;")
    }
}

extension ScenarioGraph.Node {
    var id: String {
        switch self {
        case .question(let id): id
        case .end: "end"
        }
    }
}
