import InterviewCore
import BuiltInAnalyzers
import ScenarioXML
import Transcripts
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

    /// A set of questions that can lead back to themselves, with one way round it.
    public struct Loop: Sendable {
        /// One cycle through the loop, from the question that comes first in the file; the last
        /// leads back to the first.
        public var cycle: [String]
        /// True when the cycle is made of unconditional moves only (branches without `when` and
        /// document order), so that nothing the candidate says can leave it.
        public var endless: Bool
    }

    public let scenario: Scenario
    public let start: String?
    public let edges: [Edge]
    /// The positions in `edges` of each question's edges, in order.
    private let edgeIndex: [String: [Int]]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        start = scenario.sequence.first?.id
        // The next question in document order that is not branch-only, for each position: one
        // pass from the end, so a long run of branch-only questions costs no more than one.
        var nextInOrder = [Question?](repeating: nil, count: scenario.questions.count)
        var following: Question?
        for position in scenario.questions.indices.reversed() {
            nextInOrder[position] = following
            if !scenario.questions[position].branchOnly { following = scenario.questions[position] }
        }
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
            let next = nextInOrder[position]
            edges.append(Edge(from: question.id, to: next.map { .question($0.id) } ?? .end, condition: nil, inOrder: true, branch: nil))
        }
        self.edges = edges
        var index: [String: [Int]] = [:]
        for (position, edge) in edges.enumerated() { index[edge.from, default: []].append(position) }
        edgeIndex = index
    }

    public func edges(from id: String) -> [Edge] { (edgeIndex[id] ?? []).map { edges[$0] } }

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

    /// The loops, each set of questions that lead to each other reported once, in the order of
    /// their first question in the file. Time and memory are linear in the scenario, and nothing
    /// recurses, whatever the length of a chain.
    public var loops: [Loop] {
        let all = LoopFinder(self, unconditionalOnly: false)
        let unconditional = LoopFinder(self, unconditionalOnly: true)
        // An endless loop inside a set is the finding that matters; one is reported for the set,
        // as its conditional ways round are then beside the point.
        var endlessIn: [Int: [Int]] = [:]
        for component in unconditional.components where endlessIn[all.component(of: component[0])] == nil {
            endlessIn[all.component(of: component[0])] = component
        }
        var loops: [Loop] = []
        for component in all.components {
            if let endless = endlessIn[all.component(of: component[0])] {
                loops.append(Loop(cycle: unconditional.cycle(through: endless), endless: true))
            } else {
                loops.append(Loop(cycle: all.cycle(through: component), endless: false))
            }
        }
        return loops
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
        text.visibleControls.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
    }

    private func mermaidText(_ text: String) -> String {
        text.visibleControls.replacingAll("\"", with: "#quot;").replacingAll("<", with: "#lt;").replacingAll(">", with: "#gt;")
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

/// The strongly connected components of a scenario graph (Tarjan's algorithm, with an explicit
/// stack), and one cycle through each: the parts of `ScenarioGraph.loops`.
private struct LoopFinder {
    /// Question positions, and each one's successors among the questions.
    private var successors: [[Int]] = []
    private let ids: [String]
    private var componentOf: [Int] = []
    /// The components that hold a cycle (more than one question, or one that leads to itself),
    /// each as question positions with the first in the file first; ordered by that question.
    private(set) var components: [[Int]] = []

    init(_ graph: ScenarioGraph, unconditionalOnly: Bool) {
        let questions = graph.scenario.questions
        ids = questions.map(\.id)
        var position: [String: Int] = [:]
        for (index, id) in ids.enumerated() { position[id] = index }
        successors = Array(repeating: [], count: ids.count)
        for edge in graph.edges where !unconditionalOnly || edge.condition == nil {
            guard case .question(let to) = edge.to, let from = position[edge.from], let target = position[to] else { continue }
            successors[from].append(target)
        }
        findComponents()
    }

    func component(of question: Int) -> Int { componentOf[question] }

    private mutating func findComponents() {
        let count = ids.count
        var order = [Int](repeating: -1, count: count)
        var lowest = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        componentOf = [Int](repeating: -1, count: count)
        var visited = 0
        var componentCount = 0
        var found: [[Int]] = []
        for root in 0..<count where order[root] < 0 {
            // Each frame: a question and how many of its successors have been looked at.
            var frames: [(node: Int, next: Int)] = [(root, 0)]
            order[root] = visited
            lowest[root] = visited
            visited += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.next < successors[node].count {
                    frames[frames.count - 1].next += 1
                    let target = successors[node][frame.next]
                    if order[target] < 0 {
                        order[target] = visited
                        lowest[target] = visited
                        visited += 1
                        stack.append(target)
                        onStack[target] = true
                        frames.append((target, 0))
                    } else if onStack[target] {
                        lowest[node] = min(lowest[node], order[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { lowest[parent.node] = min(lowest[parent.node], lowest[node]) }
                guard lowest[node] == order[node] else { continue }
                var members: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    componentOf[member] = componentCount
                    members.append(member)
                    if member == node { break }
                }
                componentCount += 1
                if members.count > 1 || successors[node].contains(node) { found.append(members.sorted()) }
            }
        }
        components = found.sorted { $0[0] < $1[0] }
    }

    /// One cycle through a component, from its first question: the shortest way back to it
    /// (breadth first, inside the component).
    func cycle(through component: [Int]) -> [String] {
        let start = component[0]
        let inside = componentOf[start]
        var cameFrom: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for target in successors[node] where componentOf[target] == inside {
                if target == start {
                    var path = [node]
                    while let previous = cameFrom[path[path.count - 1]] { path.append(previous) }
                    return path.reversed().map { ids[$0] }
                }
                if cameFrom[target] == nil && target != start {
                    cameFrom[target] = node
                    queue.append(target)
                }
            }
        }
        return [ids[start]]
    }
}
