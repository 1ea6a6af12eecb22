/// A compiled, immutable interview: metadata, competencies and the questions with their probes and branches.
public struct Scenario: Sendable {
    /// The XML namespace of scenario format v1.
    public static let namespace = "urn:rehearse:scenario:1"
    /// Prefix shared by all versions of the namespace; the number after it is the format's major version.
    package static let namespacePrefix = "urn:rehearse:scenario:"
    /// Probes a question may ask when neither it nor the scenario says otherwise.
    public static let defaultMaxProbes = 2

    public let id: String
    public let title: String
    public let role: String
    public let description: String?
    public let version: String
    public let opening: String
    public let closing: String
    /// Probes per question unless a question sets its own limit.
    public let maxProbes: Int
    public let competencies: [Competency]
    /// What answers may mention that branches react to (a minor, the police): never graded.
    public let topics: [Competency]
    /// The competencies then the topics: what the competency analyzer looks for in an answer.
    /// Stored, so that every analysis context shares one array (`CompetencyAnalyzer` compares it by identity).
    public let cueSets: [Competency]
    /// In document order.
    public let questions: [Question]
    /// Where the scenario was loaded from, for messages.
    public let file: String

    private let questionIndex: [String: Int]

    package init(
        id: String, title: String, role: String, description: String?, version: String, opening: String,
        closing: String, maxProbes: Int, competencies: [Competency], topics: [Competency] = [], questions: [Question], file: String
    ) {
        self.id = id
        self.title = title
        self.role = role
        self.description = description
        self.version = version
        self.opening = opening
        self.closing = closing
        self.maxProbes = maxProbes
        self.competencies = competencies
        self.topics = topics
        cueSets = topics.isEmpty ? competencies : competencies + topics
        self.questions = questions
        self.file = file
        var index: [String: Int] = [:]
        for (offset, question) in questions.enumerated() where index[question.id] == nil {
            index[question.id] = offset
        }
        questionIndex = index
    }

    /// Position of a question in document order.
    public func index(ofQuestion id: String) -> Int? { questionIndex[id] }

    public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }

    public func competency(_ id: String) -> Competency? { competencies.first { $0.id == id } }

    /// Questions a candidate meets when no branch is taken.
    public var sequence: [Question] { questions.filter { !$0.branchOnly } }
}
