import BuiltInAnalyzers
import FoundationEssentials
import InterviewCore
import Transcripts

/// The rows one transcript becomes, before they are stored: the session, and per question its
/// attempt with the competencies, the answers and the follow-ups.
public struct IndexedSession: Sendable {
    public struct Attempt: Sendable, Hashable {
        public var row: AttemptRow
        public var competencies: [AttemptCompetencyRow]
        public var answers: [Answer]
        public var followups: [FollowupRow]
    }

    /// An answer's row before it is stored: its features as values (JSON is written only for
    /// the rows stored, which during an interview is the newest answer alone).
    public struct Answer: Sendable, Hashable {
        public var probeID: String?
        public var text: String
        public var seconds: Double
        public var followup: String?
        public var features: [String: FeatureValue]

        func row(attempt: Int64, position: Int) -> AnswerRow {
            AnswerRow(
                id: nil, attemptId: attempt, position: position, probeID: probeID, text: text, seconds: seconds, followup: followup,
                features: IndexedSession.json(features))
        }
    }

    public var session: SessionRow
    public var attempts: [Attempt]

    /// Per competency met: answers to questions that look for it, and how many showed it.
    public let competencies: [SessionCompetencyRow]

    /// - Parameters:
    ///   - scenario: the recorded scenario when it is at hand: competency labels and what each
    ///     question assesses come from it.
    ///   - analyzedWith: the analyzers whose analysis the transcript's analysis lines hold, when
    ///     not those it was recorded with (after re-analysis).
    public init(
        _ transcript: Transcript, path: String, file: FileIdentity, contentHash: String?, scenario: Scenario?, analyzedWith: String? = nil
    ) {
        let said = SaidToEachQuestion(transcript, scenario: scenario)
        let labels = InterviewFeedback.competencyLabels(of: scenario)
        var attempts: [Attempt] = []
        var words = 0.0, fillers = 0.0
        // As the file holds it, so that rows made as the interview goes equal rows made from the file.
        let started = Timestamp.asWritten(transcript.header.started).timeIntervalSince1970
        for (position, question) in said.questions.enumerated() {
            let features = question.latest ?? [:]
            let answered = question.latest != nil
            func has(_ name: String) -> Bool? { answered ? features[name]?.boolValue == true : nil }
            let followups = question.probes.map { InterviewFeedback.Followup(probe: $0.event, after: $0.analysis, competencyLabel: { labels[$0] }) }
            let action = has(STARFeature.action), result = has(STARFeature.result)
            var row = AttemptRow(
                id: nil, sessionId: 0, scenarioID: transcript.header.scenario.id, started: started, position: position, questionID: question.id, kind: question.kind.rawValue, questionText: question.text,
                answered: answered, skipped: question.skipped && !answered,
                rating: answered ? AnswerRating(features: features, kind: question.kind).level.name : nil,
                words: Int(features[DeliveryFeature.words]?.numberValue ?? 0), seconds: question.answers.reduce(0) { $0 + $1.seconds },
                probes: followups.count, neededExample: followups.contains { $0.asked == "example" })
            row.branchOnly = scenario?.question(question.id)?.branchOnly ?? false
            if answered && question.kind == .behavioral {
                row.specificExample = has(STARFeature.specificExample)
                row.situation = has(STARFeature.situation)
                // As the feedback reads it: the task of a story with actions and an outcome is plain from it.
                row.task = has(STARFeature.task) == true || (action == true && result == true)
                row.action = action
                row.result = result
            }
            if answered && question.kind == .goals {
                row.smartSpecific = has(SMARTFeature.specific)
                row.smartMeasurable = has(SMARTFeature.measurable)
                row.smartTimeBound = has(SMARTFeature.timeBound)
            }
            if answered {
                let rate = (features[DeliveryFeature.fillersPer100]?.numberValue ?? 0) + (features[DeliveryFeature.hedgesPer100]?.numberValue ?? 0)
                row.fillersPer100 = (rate * 10).rounded() / 10
                words += Double(row.words)
                fillers += rate * Double(row.words) / 100
            }
            let assessed = Set(scenario?.question(question.id)?.assesses ?? [])
            var shown: Set<String> = []
            for (name, value) in features where name.hasPrefix(CompetencyFeature.prefix) && value.boolValue == true {
                let id = String(name.dropFirst(CompetencyFeature.prefix.count))
                if labels[id] != nil || assessed.contains(id) { shown.insert(id) }
            }
            let competencies = assessed.union(shown).sorted().map { id in
                AttemptCompetencyRow(attemptId: 0, competencyID: id, label: labels[id] ?? id, assessed: assessed.contains(id), shown: shown.contains(id))
            }
            let answers = question.answers.map { answer in
                Answer(probeID: answer.probe, text: answer.text, seconds: answer.seconds, followup: answer.followup, features: answer.features ?? [:])
            }
            let followupRows = followups.enumerated().map { index, followup in
                FollowupRow(
                    id: nil, attemptId: 0, position: index, probeID: question.probes[index].event.probe ?? "", text: followup.text,
                    askedFor: followup.asked, reason: followup.reason)
            }
            attempts.append(Attempt(row: row, competencies: competencies, answers: answers, followups: followupRows))
        }
        self.attempts = attempts

        let rows = attempts.map(\.row)
        let stories = rows.filter { $0.kind == QuestionKind.behavioral.rawValue && $0.answered }
        let goals = rows.compactMap(\.smartParts)
        let assessedCompetencies = Set(attempts.flatMap { $0.competencies.filter(\.assessed).map(\.competencyID) })
        let shownCompetencies = Set(attempts.flatMap { $0.competencies.filter { $0.assessed && $0.shown }.map(\.competencyID) })
        let header = transcript.header
        let recorded = header.analyzers.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        session = SessionRow(
            id: nil, name: Self.name(of: path), transcriptPath: path, fileSize: file.size, fileModified: file.modified, contentHash: contentHash,
            scenarioID: header.scenario.id, scenarioTitle: header.scenario.title, scenarioPath: header.scenario.path, scenarioHash: header.scenario.sha256,
            started: started,
            lastActivity: Timestamp.asWritten(transcript.events.last?.time ?? header.started).timeIntervalSince1970,
            completed: transcript.isComplete, questionsAnswered: rows.filter(\.answered).count, probesAsked: rows.reduce(0) { $0 + $1.probes },
            starShare: stories.isEmpty ? nil : Double(stories.compactMap(\.starParts).reduce(0, +)) / Double(4 * stories.count),
            exampleShare: stories.isEmpty ? nil : Double(stories.filter(\.neededExample).count) / Double(stories.count),
            smartShare: goals.isEmpty ? nil : Double(goals.reduce(0, +)) / Double(3 * goals.count),
            competencyShare: assessedCompetencies.isEmpty ? nil : Double(shownCompetencies.count) / Double(assessedCompetencies.count),
            fillersPer100: words > 0 ? (fillers * 1000 / words).rounded() / 10 : nil,
            words: Int(words), recordedWith: recorded, analyzedWith: analyzedWith ?? recorded)
        competencies = Self.competencyRows(of: attempts, in: session)
    }

    private static func competencyRows(of attempts: [Attempt], in session: SessionRow) -> [SessionCompetencyRow] {
        var rows: [String: SessionCompetencyRow] = [:]
        for attempt in attempts where attempt.row.answered {
            for competency in attempt.competencies {
                var row = rows[competency.competencyID]
                    ?? SessionCompetencyRow(
                        sessionId: 0, scenarioID: session.scenarioID, started: session.started, competencyID: competency.competencyID, label: competency.label,
                        assessed: 0, shown: 0)
                if competency.assessed {
                    row.assessed += 1
                    if competency.shown { row.shown += 1 }
                }
                rows[competency.competencyID] = row
            }
        }
        return rows.values.sorted { $0.competencyID < $1.competencyID }
    }

    /// "20261122-145319-quick-start" for ".../20261122-145319-quick-start.jsonl".
    static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ features: [String: FeatureValue]) -> String {
        (try? encoder.encode(features)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// What was said to each question of a transcript, as the feedback reads it (`InterviewFeedback`):
/// in the order first asked, each question's latest visit (asked again by a branch or `:again`,
/// it starts afresh) with its answers, the analysis after each, and the follow-ups.
struct SaidToEachQuestion {
    struct Answer {
        var text: String
        var seconds: Double
        var probe: String?
        var followup: String?
        var features: [String: FeatureValue]?
    }

    struct Question {
        var id: String
        var text = ""
        var kind: QuestionKind = .behavioral
        var skipped = false
        var answers: [Answer] = []
        /// Each follow-up's event, with the analysis it followed.
        var probes: [(event: TranscriptEvent, analysis: [String: FeatureValue])] = []
        /// The analysis of everything said in this visit; nil when nothing was.
        var latest: [String: FeatureValue]?
    }

    var questions: [Question] = []

    init(_ transcript: Transcript, scenario: Scenario?) {
        var index: [String: Int] = [:]
        for event in transcript.events {
            guard let id = event.question else { continue }
            if event.type == .question {
                let kind = event.kind.flatMap(QuestionKind.init(rawValue:)) ?? scenario?.question(id)?.kind ?? .behavioral
                var fresh = Question(id: id, text: event.text ?? "", kind: kind)
                if let position = index[id] {
                    fresh.skipped = questions[position].skipped
                    questions[position] = fresh
                } else {
                    index[id] = questions.count
                    questions.append(fresh)
                }
                continue
            }
            guard let position = index[id] else { continue }
            switch event.type {
            case .probe:
                questions[position].probes.append((event, questions[position].latest ?? [:]))
            case .answer:
                questions[position].answers.append(Answer(text: event.text ?? "", seconds: event.seconds ?? 0, probe: event.probe))
            case .analysis:
                questions[position].latest = event.features ?? [:]
                if let last = questions[position].answers.indices.last, questions[position].answers[last].features == nil {
                    questions[position].answers[last].followup = event.followup
                    questions[position].answers[last].features = event.features ?? [:]
                }
            case .skip:
                questions[position].skipped = true
            case .again:
                questions[position].answers = []
                questions[position].probes = []
                questions[position].latest = nil
            default:
                break
            }
        }
    }
}
