public enum QuestionKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// "Tell me about a time you…": a past example is expected.
    case behavioral
    /// "What would you do if…": a reasoned plan is expected.
    case situational
    /// Career and development goals.
    case goals
    /// Anything else, such as "Why this role?".
    case general
}

/// One interview question with its phrasings, probes and branches.
public struct Question: Sendable {
    public let id: String
    public let kind: QuestionKind
    /// Ways to ask it; one is chosen per interview from the seed.
    public let phrasings: [String]
    /// The question's hint, for the phrasings that have none of their own.
    public let hint: String?
    /// Each phrasing's own hint (same order as `phrasings`), nil where it has none.
    public let phrasingHints: [String?]
    /// Competency identifiers.
    public let assesses: [String]
    /// This question's own probe limit, if it sets one.
    public let maxProbes: Int?
    /// Evaluated in document order; the first whose condition holds is asked.
    public let probes: [Probe]
    /// Evaluated in document order when the question is done; the first that holds decides what follows.
    public let branches: [Branch]
    /// A question reached only through a branch, never in document order.
    public let branchOnly: Bool
    public let location: SourceLocation

    public init(
        id: String, kind: QuestionKind, phrasings: [String], hint: String?, phrasingHints: [String?] = [], assesses: [String], maxProbes: Int?,
        probes: [Probe], branches: [Branch], branchOnly: Bool, location: SourceLocation
    ) {
        precondition(phrasingHints.isEmpty || phrasingHints.count == phrasings.count, "one hint slot per phrasing")
        self.id = id
        self.kind = kind
        self.phrasings = phrasings
        self.hint = hint
        self.phrasingHints = phrasingHints.isEmpty ? Array(repeating: nil, count: phrasings.count) : phrasingHints
        self.assesses = assesses
        self.maxProbes = maxProbes
        self.probes = probes
        self.branches = branches
        self.branchOnly = branchOnly
        self.location = location
    }

    /// The hint a candidate gets for the phrasing at `index`: its own, else the question's.
    public func hint(forPhrasing index: Int) -> String? {
        phrasingHints.indices.contains(index) ? phrasingHints[index] ?? hint : hint
    }

    /// The hint for a phrasing given by its words (as a transcript records them): its own, else the question's.
    public func hint(for phrasing: String) -> String? {
        phrasings.firstIndex(of: phrasing).map { self.hint(forPhrasing: $0) } ?? hint
    }
}

/// A follow-up question asked when its condition holds for the answer so far.
public struct Probe: Sendable {
    public let id: String
    public let condition: Condition
    public let phrasings: [String]
    public let location: SourceLocation

    public init(id: String, condition: Condition, phrasings: [String], location: SourceLocation) {
        self.id = id
        self.condition = condition
        self.phrasings = phrasings
        self.location = location
    }

    /// The follow-up this probe asks for (`example`, `result`…): the one its condition requires
    /// of `followup`. Once asked, the engine does not recommend that follow-up again for the question.
    public var asksFor: String? { condition.requiredText(of: EngineFeature.followup) }
}

/// What follows a question when its condition holds (or always, without one).
public struct Branch: Sendable {
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        case question(String)
        case end

        public var description: String {
            switch self {
            case .question(let id): "'\(id)'"
            case .end: "the end"
            }
        }
    }

    public let condition: Condition?
    public let target: Target
    public let location: SourceLocation

    public init(condition: Condition?, target: Target, location: SourceLocation) {
        self.condition = condition
        self.target = target
        self.location = location
    }
}
