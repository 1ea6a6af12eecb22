import InterviewCore
/// The element and attribute names of the scenario format.
enum ScenarioName: UInt8, CaseIterable {
    case interview, title, role, description, opening, closing, competencies, competency, topics, topic, cue, questions, question
    case ask, hint, probe, next, end
    case id, version, maxProbes, label, kind, assesses, branchOnly, when, goto, unless, needs

    /// The name as written in a file.
    var text: String {
        switch self {
        case .interview: "interview"
        case .title: "title"
        case .role: "role"
        case .description: "description"
        case .opening: "opening"
        case .closing: "closing"
        case .competencies: "competencies"
        case .competency: "competency"
        case .topics: "topics"
        case .topic: "topic"
        case .cue: "cue"
        case .questions: "questions"
        case .question: "question"
        case .ask: "ask"
        case .hint: "hint"
        case .probe: "probe"
        case .next: "next"
        case .end: "end"
        case .id: "id"
        case .version: "version"
        case .maxProbes: "max-probes"
        case .label: "label"
        case .kind: "kind"
        case .assesses: "assesses"
        case .branchOnly: "branch-only"
        case .when: "when"
        case .goto: "goto"
        case .unless: "unless"
        case .needs: "needs"
        }
    }
}

/// The format's names and namespace as indices into one document's strings, so that the compiler
/// matches an element or attribute name by comparing two integers.
struct ScenarioNameTable {
    /// By `ScenarioName.rawValue`: the document's index of the name, -1 when it never uses it.
    private let indices: [Int32]
    /// By the document's string index: the format name it is, if any.
    private let names: [ScenarioName?]
    /// The document's index of `Scenario.namespace`; -1 when it never uses it.
    let namespace: Int32

    /// A table for no document: nothing matches.
    init() {
        indices = Array(repeating: -1, count: ScenarioName.allCases.count)
        names = []
        namespace = -1
    }

    init(_ document: XMLDocument) {
        indices = ScenarioName.allCases.map { document.index(ofString: $0.text) }
        var names = [ScenarioName?](repeating: nil, count: document.strings.count)
        for name in ScenarioName.allCases where indices[Int(name.rawValue)] >= 0 {
            names[Int(indices[Int(name.rawValue)])] = name
        }
        self.names = names
        namespace = document.index(ofString: Scenario.namespace)
    }

    func index(of name: ScenarioName) -> Int32 { indices[Int(name.rawValue)] }

    /// The format name the element's local name is (whatever its namespace).
    func name(of element: XMLElement) -> ScenarioName? {
        let index = Int(element.nameIndex)
        return index < names.count ? names[index] : nil
    }

    func isInScenarioNamespace(_ element: XMLElement) -> Bool {
        namespace >= 0 && element.namespaceIndex == namespace
    }
}
