/// A skill the interview looks for, recognised in answers by its cue words and phrases; or a
/// topic (`isTopic`): something an answer may mention that branches react to, found the same way
/// but never graded.
public struct Competency: Sendable, Hashable {
    public let id: String
    public let label: String
    public let cues: [String]
    /// Where each cue is written, one per cue in the order of `cues`; empty for a competency made
    /// in code, whose findings then point at the competency.
    public let cueLocations: [SourceLocation]
    /// A `<topic>`: read by conditions as `mentions.ID`, never reported as a skill shown.
    public let isTopic: Bool
    /// The topics (`unless="…"`) whose mention in the same answer withholds this competency's
    /// credit: an answer that names a sound step and also keeps the secret, or puts the report off,
    /// does not show the skill. Each entry is a set of topics that withhold it together
    /// (`unless="secrecy risk+closed-file"`: a secret kept, or a file closed once risk came up);
    /// most are one topic. A topic written after "!" in a set withholds while it is not mentioned
    /// (`suicide-risk+!risk-asked`: suicide came up and was never asked about); each set names at
    /// least one topic that is.
    public let withheldBy: [[String]]
    /// The topics (`needs="…"`) the same answer must also mention for this competency to be shown:
    /// a safety skill is the assessment and what was put in place, not either alone. Each entry is
    /// one requirement, met by any of its alternatives, each a set of topics mentioned together
    /// (`needs="safety-step|safety-plan+follow-up"`: a step taken now, or a safety plan with closer
    /// follow-up); most are one topic.
    public let needs: [[[String]]]
    public let location: SourceLocation

    public init(
        id: String, label: String, cues: [String], cueLocations: [SourceLocation] = [], isTopic: Bool = false, withheldBy: [[String]] = [], needs: [[[String]]] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.cues = cues
        precondition(cueLocations.isEmpty || cueLocations.count == cues.count, "one location per cue, or none")
        self.cueLocations = cueLocations
        self.isTopic = isTopic
        self.withheldBy = withheldBy
        self.needs = needs
        self.location = location
    }

    /// Whether an entry of a `withheldBy` set withholds while its topic is not mentioned ("!id").
    public static func isAbsence(_ entry: String) -> Bool { entry.hasPrefix("!") }

    /// The topic id of an entry of a `withheldBy` set, without its "!".
    public static func topicID(_ entry: String) -> String { isAbsence(entry) ? String(entry.dropFirst()) : entry }

    /// A requirement of `needs` as written: alternatives joined by "|", topics by "+".
    public static func written(_ requirement: [[String]]) -> String {
        requirement.map { $0.joined(separator: "+") }.joined(separator: "|")
    }

    /// The words a gap in a cue stands for at most: "can't keep … between us" matches "I can't keep
    /// this just between us", never words of another clause.
    public static let maximumGap = 5

    /// A cue's stretches of words between its gaps (`…`, or `...`), in order, each trimmed. An
    /// empty stretch (a cue that starts or ends with a gap, or has two in a row) is kept, as an
    /// empty string, for the compiler to report.
    public static func cueParts(of cue: String) -> [String] {
        cue.replacingAll("...", with: "…").split(separator: "…", omittingEmptySubsequences: false).map { String($0).trimmed }
    }
}
