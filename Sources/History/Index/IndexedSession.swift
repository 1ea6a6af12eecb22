import BuiltInAnalyzers
import FoundationEssentials
import InterviewCore
import Transcripts

/// The rows one transcript becomes, before they are stored: the session, and per question its
/// attempt with the competencies, the answers and the follow-ups.
public struct IndexedSession: Sendable {
    public struct Attempt: Sendable {
        public var row: AttemptRow
        public var competencies: [AttemptCompetencyRow]
        public var answers: [AnswerRow]
        public var followups: [FollowupRow]
    }

    public var session: SessionRow
    public var attempts: [Attempt]

    /// - Parameters:
    ///   - scenario: the recorded scenario when it is at hand: competency labels and what each
    ///     question assesses come from it.
    ///   - analyzedWith: the analyzers whose analysis the transcript's analysis lines hold, when
    ///     not those it was recorded with (after re-analysis).
    public init(
        _ transcript: Transcript, path: String, file: FileIdentity, contentHash: String?, scenario: Scenario?, analyzedWith: String? = nil
    ) {
        let feedback = InterviewFeedback(transcript: transcript, scenario: scenario)
        let said = SaidToEachQuestion(transcript)
        let labels = feedback.competencyLabels
        var attempts: [Attempt] = []
        for (position, question) in feedback.questions.enumerated() {
            let answers = said.answers[question.questionID] ?? []
            let features = answers.last(where: { $0.features != nil })?.features ?? [:]
            func has(_ name: String) -> Bool? { question.answered ? features[name]?.boolValue == true : nil }
            let story = question.kind == .behavioral && question.answered
            let goal = question.kind == .goals && question.answered
            let action = has(STARFeature.action), result = has(STARFeature.result)
            var row = AttemptRow(
                id: nil, sessionId: 0, position: position, questionID: question.questionID, kind: question.kind.rawValue,
                questionText: question.text, answered: question.answered, skipped: question.skipped,
                rating: question.assessment?.rating.level.name, words: Int(features[DeliveryFeature.words]?.numberValue ?? 0),
                seconds: question.seconds, probes: question.followups.count,
                neededExample: question.followups.contains { $0.asked == "example" })
            if story {
                row.specificExample = has(STARFeature.specificExample)
                row.situation = has(STARFeature.situation)
                // As the feedback reads it: the task of a story with actions and an outcome is plain from it.
                row.task = has(STARFeature.task) == true || (action == true && result == true)
                row.action = action
                row.result = result
            }
            if goal {
                row.smartSpecific = has(SMARTFeature.specific)
                row.smartMeasurable = has(SMARTFeature.measurable)
                row.smartTimeBound = has(SMARTFeature.timeBound)
            }
            if question.answered {
                let fillers = (features[DeliveryFeature.fillersPer100]?.numberValue ?? 0) + (features[DeliveryFeature.hedgesPer100]?.numberValue ?? 0)
                row.fillersPer100 = (fillers * 10).rounded() / 10
            }
            let assessed = Set(scenario?.question(question.questionID)?.assesses ?? [])
            var shown: Set<String> = []
            for (name, value) in features where name.hasPrefix(CompetencyFeature.prefix) && value.boolValue == true {
                let id = String(name.dropFirst(CompetencyFeature.prefix.count))
                if labels[id] != nil || assessed.contains(id) { shown.insert(id) }
            }
            let competencies = assessed.union(shown).sorted().map { id in
                AttemptCompetencyRow(attemptId: 0, competencyID: id, label: labels[id] ?? id, assessed: assessed.contains(id), shown: shown.contains(id))
            }
            let answerRows = answers.enumerated().map { index, answer in
                AnswerRow(
                    id: nil, attemptId: 0, position: index, probeID: answer.probe, text: answer.text, seconds: answer.seconds,
                    followup: answer.followup, features: Self.json(answer.features ?? [:]))
            }
            let probes = said.probes[question.questionID] ?? []
            let followupRows = question.followups.enumerated().map { index, followup in
                FollowupRow(
                    id: nil, attemptId: 0, position: index, probeID: index < probes.count ? probes[index] : "", text: followup.text,
                    askedFor: followup.asked, reason: followup.reason)
            }
            attempts.append(Attempt(row: row, competencies: competencies, answers: answerRows, followups: followupRows))
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
            started: header.started.timeIntervalSince1970, lastActivity: (transcript.events.last?.time ?? header.started).timeIntervalSince1970,
            completed: transcript.isComplete, questionsAnswered: rows.filter(\.answered).count, probesAsked: rows.reduce(0) { $0 + $1.probes },
            starShare: stories.isEmpty ? nil : Double(stories.compactMap(\.starParts).reduce(0, +)) / Double(4 * stories.count),
            exampleShare: stories.isEmpty ? nil : Double(stories.filter(\.neededExample).count) / Double(stories.count),
            smartShare: goals.isEmpty ? nil : Double(goals.reduce(0, +)) / Double(3 * goals.count),
            competencyShare: assessedCompetencies.isEmpty ? nil : Double(shownCompetencies.count) / Double(assessedCompetencies.count),
            fillersPer100: feedback.words > 0 ? ((feedback.fillersPer100 + feedback.hedgesPer100) * 10).rounded() / 10 : nil,
            words: feedback.words, recordedWith: recorded, analyzedWith: analyzedWith ?? recorded)
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

/// What was said to each question of a transcript (its latest visit, as the feedback reads it):
/// the answers with the analysis after each, and the follow-ups' probe ids in order.
struct SaidToEachQuestion {
    struct Answer {
        var text: String
        var seconds: Double
        var probe: String?
        var followup: String?
        var features: [String: FeatureValue]?
    }

    var answers: [String: [Answer]] = [:]
    var probes: [String: [String]] = [:]

    init(_ transcript: Transcript) {
        for event in transcript.events {
            guard let question = event.question else { continue }
            switch event.type {
            case .question:
                answers[question] = []
                probes[question] = []
            case .probe:
                probes[question, default: []].append(event.probe ?? "")
            case .answer:
                answers[question, default: []].append(Answer(text: event.text ?? "", seconds: event.seconds ?? 0, probe: event.probe))
            case .analysis:
                if let last = answers[question]?.indices.last, answers[question]?[last].features == nil {
                    answers[question]?[last].followup = event.followup
                    answers[question]?[last].features = event.features ?? [:]
                }
            default:
                break
            }
        }
    }
}
