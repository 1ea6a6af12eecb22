import InterviewCore

/// The built-in analyzers' feature names, for code that reads them (the engine's conditions read
/// them from scenarios as text; feedback, reports and evaluation use these). Plugins' features
/// keep plain string names, `<plugin>.<feature>`.

/// The STAR analyzer's features (`star.*`).
public enum STARFeature {
    public static let situation = "star.situation"
    public static let task = "star.task"
    public static let action = "star.action"
    public static let result = "star.result"
    public static let specificExample = "star.specific_example"
    public static let hypothetical = "star.hypothetical"
    public static let generic = "star.generic"
    public static let groupAction = "star.group_action"
    public static let weOnly = "star.we_only"
    public static let resultQuantified = "star.result_quantified"
    public static let resultUncertain = "star.result_uncertain"
    public static let declined = "star.declined"
    public static let reasoning = "star.reasoning"
    public static let tailored = "star.tailored"
    public static let score = "star.score"
    public static let followup = "star.followup"
}

/// The SMART-goal analyzer's features (`smart.*`).
public enum SMARTFeature {
    public static let specific = "smart.specific"
    public static let measurable = "smart.measurable"
    public static let achievable = "smart.achievable"
    public static let relevant = "smart.relevant"
    public static let timeBound = "smart.time_bound"
    public static let score = "smart.score"
    public static let followup = "smart.followup"
}

/// The delivery analyzer's features (`delivery.*`).
public enum DeliveryFeature {
    public static let words = "delivery.words"
    public static let sentences = "delivery.sentences"
    public static let fillersPer100 = "delivery.fillers_per_100"
    public static let hedgesPer100 = "delivery.hedges_per_100"
    public static let iCount = "delivery.i_count"
    public static let weCount = "delivery.we_count"
    public static let iShare = "delivery.i_share"
    public static let longestSentence = "delivery.longest_sentence"
}

/// The competency analyzer's features (`competency.*`).
public enum CompetencyFeature {
    public static let shown = "competency.shown"
    public static let missing = "competency.missing"
    public static let coverage = "competency.coverage"

    /// Whether the answer shows the scenario's competency `id`: `competency.<id>`.
    public static func shows(_ id: String) -> String { "competency.\(id)" }

    /// Whether the answer mentions the scenario's topic `id`: `mentions.<id>`.
    public static func mentions(_ id: String) -> String { "\(topicPrefix)\(id)" }

    /// The evidence name for the words that withheld competency `id` (`unless`): `withheld.<id>`.
    /// Evidence only, never a feature: conditions read `competency.<id>`.
    public static func withheld(_ id: String) -> String { "\(withheldPrefix)\(id)" }

    /// The evidence name for the words that matched competency `id`'s cues in an answer that did
    /// not mention what its `needs` name: `unmet.<id>`. Evidence only, for authors (`analyze`).
    public static func unmet(_ id: String) -> String { "unmet.\(id)" }

    /// The prefix of the evidence `withheld(_:)` names.
    public static let withheldPrefix = "withheld."

    /// The feature a competency or topic is read by.
    public static func feature(for cueSet: Competency) -> String { cueSet.isTopic ? mentions(cueSet.id) : shows(cueSet.id) }

    /// The prefix of the per-topic features.
    public static let topicPrefix = "mentions."

    /// The prefix of the per-competency features.
    public static let prefix = "competency."
}
