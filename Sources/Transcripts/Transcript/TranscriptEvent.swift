import InterviewCore
import FoundationEssentials

/// Why a step was taken, as recorded.
public struct ReasonRecord: Codable, Sendable, Hashable {
    /// `start`, `probe`, `branch`, `order`, `skip` or `loop-guard`.
    public var rule: String
    public var summary: String
    public var condition: String?
    public var values: [String: FeatureValue]?

    public init(_ reason: StepReason) {
        switch reason.rule {
        case .start: rule = "start"
        case .probe: rule = "probe"
        case .branch: rule = "branch"
        case .documentOrder: rule = "order"
        case .skipped: rule = "skip"
        case .loopGuard: rule = "loop-guard"
        case .again: rule = "again"
        }
        summary = reason.summary
        condition = reason.condition
        values = reason.values.isEmpty ? nil : reason.values
    }

    init(rule: String, summary: String, condition: String?, values: [String: FeatureValue]?) {
        self.rule = rule
        self.summary = summary
        self.condition = condition
        self.values = values
    }
}

/// One line of a transcript after the header. Which fields are present depends on `type`;
/// the format is described in docs/transcript-format.md.
public struct TranscriptEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case question, probe, answer, analysis, branch, skip, end
        /// The candidate chose to answer the current question again from the start (format 1.1).
        case again
    }

    public var type: Kind
    public var time: Date
    /// The question concerned (its id).
    public var question: String?
    /// The probe concerned (its id), for probes and answers to probes.
    public var probe: String?
    /// For questions: 1-based count of questions asked so far.
    public var number: Int?
    /// For questions: what kind of answer the question asks for (`behavioral`, `situational`,
    /// `goals`, `general`); absent in transcripts written before format 1.1.
    public var kind: String?
    /// What was said: the question or probe as asked, the answer, or the closing line.
    public var text: String?
    /// Why a question, probe, branch or end came.
    public var reason: ReasonRecord?
    /// For answers: seconds from the prompt to the end of the answer.
    public var seconds: Double?
    /// For analyses: the recommended follow-up and why, the features and the evidence.
    public var followup: String?
    public var explanation: String?
    public var features: [String: FeatureValue]?
    public var evidence: [Evidence]?
    /// For branches: the question the branch leads to, or `end`.
    public var target: String?
    /// For ends: whether the interview reached its end (false when the candidate stopped early).
    public var completed: Bool?

    public init(_ type: Kind, at time: Date) {
        self.type = type
        self.time = time
    }
}

/// The first line of a transcript: what was run, with what, and when.
public struct TranscriptHeader: Codable, Sendable, Hashable {
    public struct ScenarioReference: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var version: String
        public var path: String
        /// SHA-256 of the scenario file's bytes, to tell an edited scenario from the recorded one.
        public var sha256: String
    }

    public struct AnalyzerReference: Codable, Sendable, Hashable {
        public var id: String
        public var version: String
        /// For an external analyzer, how it was named (`exec:…`), for the record only: a transcript never starts a program.
        public var command: String?
    }

    public static let formatName = "rehearse-transcript"
    public static let currentVersion = "1.1"

    public var type = "header"
    public var format = TranscriptHeader.formatName
    /// `major.minor`; readers accept any minor version of a major they know.
    public var version = TranscriptHeader.currentVersion
    public var scenario: ScenarioReference
    public var analyzers: [AnalyzerReference]
    public var seed: UInt64
    public var maxProbes: Int?
    /// The question practised alone (`rehearse run --question`), since format 1.1.
    public var question: String?
    /// How the interview was shown and timed (`--explain`, `--time-limit`), so that resuming carries on the same way; since 1.1.
    public var explain: Bool?
    public var timeLimit: Double?
    public var probes: Bool
    public var started: Date

    enum CodingKeys: String, CodingKey {
        case type, format, version, scenario, analyzers, seed, probes, started, question, explain
        case timeLimit = "time_limit"
        case maxProbes = "max_probes"
    }

    /// - Parameter contentHash: the scenario file's SHA-256, from `ScenarioLoadResult.contentHash`.
    public init(scenario: Scenario, contentHash: String, path: String, analyzers: AnalyzerSet, seed: UInt64, options: EngineOptions, started: Date) {
        self.scenario = ScenarioReference(
            id: scenario.id, title: scenario.title, version: scenario.version, path: path, sha256: contentHash)
        self.analyzers = analyzers.analyzers.map {
            AnalyzerReference(id: $0.identifier, version: $0.version, command: $0.origin)
        }
        self.seed = seed
        self.maxProbes = options.maxProbes
        self.question = options.onlyQuestion
        self.probes = options.probesEnabled
        self.started = started
    }

    /// Every field as read from a transcript's first line.
    init(
        type: String, format: String, version: String, scenario: ScenarioReference, analyzers: [AnalyzerReference], seed: UInt64,
        maxProbes: Int?, probes: Bool, started: Date, question: String? = nil, explain: Bool? = nil, timeLimit: Double? = nil
    ) {
        self.question = question
        self.explain = explain
        self.timeLimit = timeLimit
        self.type = type
        self.format = format
        self.version = version
        self.scenario = scenario
        self.analyzers = analyzers
        self.seed = seed
        self.maxProbes = maxProbes
        self.probes = probes
        self.started = started
    }

    /// The content hash recorded for a scenario file's bytes.
    public static func contentHash(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    /// The engine options the recording ran with.
    public var options: EngineOptions { EngineOptions(maxProbes: maxProbes, probesEnabled: probes, onlyQuestion: question) }
}

/// A whole transcript: its header and events in order.
public struct Transcript: Sendable {
    public var header: TranscriptHeader
    public var events: [TranscriptEvent]

    public init(header: TranscriptHeader, events: [TranscriptEvent]) {
        self.header = header
        self.events = events
    }

    /// Whether the interview reached its end (a completed `end` event).
    public var isComplete: Bool { events.contains { $0.type == .end && $0.completed == true } }
}

enum TranscriptCoding {
    static var encoder: JSONEncoder { makeEncoder(pretty: false) }

    static func makeEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp(date))
        }
        return encoder
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        return decoder
    }()

    /// ISO 8601 in UTC with milliseconds, e.g. 2026-11-22T14:53:19.250Z.
    static func timestamp(_ date: Date) -> String { Timestamp.format(date) }

    /// Reads what `timestamp` writes (fraction optional). Not Foundation's ISO8601DateFormatter:
    /// ICU behind it crashes (SIGFPE) on some damaged times that a fuzzer found.
    static func parse(_ text: String) -> Date? { Timestamp.parse(text) }
}
