import FoundationEssentials
import InterviewCore
import SystemIO

/// `rehearse history`: the sessions, newest first, one line each, or as JSON for tools.
public enum HistoryListing {
    /// A table for people. Scenario titles and names come from files, so control characters are
    /// made visible.
    /// - Parameters:
    ///   - total: how many sessions there are in all, when `sessions` are only the newest.
    ///   - filtered: whether `sessions` are those a filter let through.
    public static func text(_ sessions: [SessionRow], of total: Int? = nil, filtered: Bool = false) -> String {
        guard !sessions.isEmpty else {
            return filtered
                ? "No interviews in the history match these filters; `rehearse history` without them lists every one."
                : "No interviews in the history yet. `rehearse run` starts one; each is recorded here."
        }
        var rows = [["Session", "Date", "Scenario", "Answered", "Follow-ups", "STAR", ""]]
        for session in sessions {
            rows.append([
                session.name, LocalTime.string(session.started), session.scenarioID,
                "\(session.questionsAnswered)", "\(session.probesAsked)", session.starShare.map(percent) ?? "–",
                session.completed ? "" : "stopped",
            ])
        }
        let lines = TextTable.lines(rows)
        let all = total ?? sessions.count
        let count = all > sessions.count
            ? "The newest \(sessions.count) of \(all) sessions (--limit N or --all for more)."
            : "\(all) session\(all == 1 ? "" : "s")."
        let legend = count + " STAR: parts of a story present, on average, in the answers to story questions."
        return (lines + ["", legend]).joined(separator: "\n").visibleControls
    }

    /// The sessions as a JSON array, newest first (docs/history.md lists the keys).
    public static func json(_ sessions: [SessionRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(sessions.map(SessionJSON.init))
        return String(decoding: data, as: UTF8.self)
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// The `history --format json` contract. Keys are stable; new ones may be added.
    struct SessionJSON: Encodable {
        var session: String
        var transcript: String
        var scenario: String
        var scenarioTitle: String
        var started: Date
        var completed: Bool
        var questionsAnswered: Int
        var followups: Int
        var starShare: Double?
        var exampleShare: Double?
        var smartShare: Double?
        var competencyShare: Double?
        var fillersPer100: Double?
        var words: Int
        var recordedWith: String
        var analyzedWith: String

        init(_ row: SessionRow) {
            session = row.name
            transcript = row.transcriptPath
            scenario = row.scenarioID
            scenarioTitle = row.scenarioTitle
            started = Date(timeIntervalSince1970: row.started)
            completed = row.completed
            questionsAnswered = row.questionsAnswered
            followups = row.probesAsked
            starShare = row.starShare
            exampleShare = row.exampleShare
            smartShare = row.smartShare
            competencyShare = row.competencyShare
            fillersPer100 = row.fillersPer100
            words = row.words
            recordedWith = row.recordedWith
            analyzedWith = row.analyzedWith
        }

        enum CodingKeys: String, CodingKey {
            case session, transcript, scenario, started, completed, followups, words
            case scenarioTitle = "scenario_title"
            case questionsAnswered = "questions_answered"
            case starShare = "star_share"
            case exampleShare = "example_share"
            case smartShare = "smart_share"
            case competencyShare = "competency_share"
            case fillersPer100 = "fillers_per_100"
            case recordedWith = "recorded_with"
            case analyzedWith = "analyzed_with"
        }
    }
}
