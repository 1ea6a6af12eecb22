import InterviewCore
import BuiltInAnalyzers
import FoundationEssentials

/// End-of-interview feedback built from a transcript, for the candidate: per question, where the
/// answer stands (basic, solid or exceptional, and what would lift it), the parts it has with
/// quotes, one thing done well and one to do next time, the follow-ups and why in plain words;
/// across the interview, strengths, gaps and two or three things to practise, each drawn from this
/// interview. The probes' ids and conditions are kept for authors (`text(explain: true)`).
public struct InterviewFeedback: Sendable {
    public struct Followup: Sendable, Hashable {
        public var text: String
        /// Why it was asked, for the candidate.
        public var reason: String
        /// The engine's reason (probe id, condition, values), for the scenario's author.
        public var authorReason: String
        /// The part it asked for (`example`, `action`, `result`, `situation`, …), when it asked for one.
        public var asked: String?

        /// The follow-up a recorded probe event asked, read with the analysis before it.
        public init(probe event: TranscriptEvent, after analysis: [String: FeatureValue], competencyLabel: (String) -> String?) {
            let values = event.reason?.values ?? [:]
            let choice = [STARFeature.followup, "followup", SMARTFeature.followup].lazy.compactMap { values[$0]?.textValue }.first
            text = event.text ?? ""
            reason = FollowupReason.plain(values: values, analysis: analysis, competencyLabel: competencyLabel)
            authorReason = event.reason?.summary ?? ""
            asked = values[STARFeature.declined]?.boolValue == true ? "declined" : choice
        }
    }

    public struct QuestionFeedback: Sendable {
        public var questionID: String
        public var text: String
        public var kind: QuestionKind
        public var skipped: Bool
        public var answered: Bool
        /// The answer as the analysis of everything said to the question reads it; nil when unanswered.
        public var assessment: AnswerAssessment?
        public var followups: [Followup]
        public var seconds: Double
        /// Seconds over the time limit, when one was set and passed.
        public var overtime: Double?
    }

    public var title: String
    public var questions: [QuestionFeedback]
    /// What went well across the interview, each naming the questions it is drawn from.
    public var strengths: [String]
    /// What was missing or needed a prompt, each naming its questions.
    public var gaps: [String]
    public var competenciesShown: [String]
    public var competenciesNotShown: [String]
    /// For the competencies not shown whose cues were there but a red flag in the same answer took
    /// the credit (`unless`): a sentence each, quoting the words.
    public var competenciesWithheld: [String]
    public var words: Int
    public var fillersPer100: Double
    public var hedgesPer100: Double
    public var iShare: Double?
    /// Two or three things to practise, the most needed first, each naming its questions.
    public var practice: [String]
    /// The scenario's competencies' labels by id, for saying why a follow-up was asked.
    public var competencyLabels: [String: String]

    /// - Parameters:
    ///   - scenario: gives competency labels and what each question assesses; the question kinds
    ///     come from the transcript (format 1.1) or, for older ones, from it.
    ///   - timeLimit: seconds per answer; answers that took longer are noted.
    public init(transcript: Transcript, scenario: Scenario?, timeLimit: Double? = nil) {
        title = transcript.header.scenario.title
        var order: [String] = []
        var asked: [String: (text: String, kind: QuestionKind)] = [:]
        var latest: [String: TranscriptEvent] = [:]
        // The words of each question's own answer, before any reply to a follow-up.
        var firstWords: [String: Int] = [:]
        var answers: [String: [String]] = [:]
        var skipped: Set<String> = []
        var followups: [String: [Followup]] = [:]
        var seconds: [String: Double] = [:]
        var longest: [String: Double] = [:]
        competencyLabels = Self.competencyLabels(of: scenario)
        let labels = competencyLabels
        let label = { (id: String) in labels[id] }
        for event in transcript.events {
            guard let question = event.question else { continue }
            switch event.type {
            case .question:
                if asked[question] == nil { order.append(question) }
                // Asked again (`:again`, or a branch back): the feedback is on the latest attempt.
                answers[question] = []
                followups[question] = []
                latest[question] = nil
                firstWords[question] = nil
                seconds[question] = 0
                longest[question] = 0
                let kind = event.kind.flatMap(QuestionKind.init(rawValue:)) ?? scenario?.question(question)?.kind ?? .behavioral
                asked[question] = (event.text ?? "", kind)
            case .probe:
                followups[question, default: []].append(Followup(probe: event, after: latest[question]?.features ?? [:], competencyLabel: label))
            case .analysis:
                if latest[question] == nil { firstWords[question] = event.features?[DeliveryFeature.words]?.numberValue.map { Int($0) } }
                latest[question] = event
            case .answer:
                answers[question, default: []].append(event.text ?? "")
                seconds[question, default: 0] += event.seconds ?? 0
                longest[question] = max(longest[question] ?? 0, event.seconds ?? 0)
            case .skip:
                skipped.insert(question)
            default:
                break
            }
        }

        var totalWords = 0.0
        var fillers = 0.0
        var hedges = 0.0
        var singular = 0.0
        var plural = 0.0
        var shown: Set<String> = []
        var withheldWords: [String: [String]] = [:]
        questions = order.map { id in
            let analysis = latest[id]
            let features = analysis?.features ?? [:]
            let kind = asked[id]?.kind ?? .behavioral
            let assessment = analysis.map { _ in
                AnswerAssessment(
                    features: features, evidence: analysis?.evidence ?? [], answer: (answers[id] ?? []).joined(separator: "\n\n"), kind: kind,
                    firstAnswerWords: (answers[id]?.count ?? 0) > 1 ? firstWords[id] : nil)
            }
            if analysis != nil {
                let words = features[DeliveryFeature.words]?.numberValue ?? 0
                totalWords += words
                fillers += (features[DeliveryFeature.fillersPer100]?.numberValue ?? 0) * words / 100
                hedges += (features[DeliveryFeature.hedgesPer100]?.numberValue ?? 0) * words / 100
                singular += features[DeliveryFeature.iCount]?.numberValue ?? 0
                plural += features[DeliveryFeature.weCount]?.numberValue ?? 0
                for (name, value) in features where name.hasPrefix(CompetencyFeature.prefix) && value.boolValue == true {
                    shown.insert(String(name.dropFirst(CompetencyFeature.prefix.count)))
                }
                for competency in scenario?.question(id)?.assesses ?? [] where withheldWords[competency] == nil {
                    let quotes = (analysis?.evidence ?? []).filter { $0.feature == CompetencyFeature.withheld(competency) }.map(\.text)
                    if !quotes.isEmpty { withheldWords[competency] = quotes }
                }
            }
            let over = timeLimit.flatMap { limit in (longest[id] ?? 0) > limit ? (longest[id] ?? 0) - limit : nil }
            return QuestionFeedback(
                questionID: id, text: asked[id]?.text ?? "", kind: kind, skipped: skipped.contains(id) && analysis == nil,
                answered: analysis != nil, assessment: assessment, followups: followups[id] ?? [], seconds: seconds[id] ?? 0, overtime: over)
        }

        let assessed = Set(order.flatMap { scenario?.question($0)?.assesses ?? [] })
        competenciesShown = assessed.intersection(shown).sorted().map { label($0) ?? $0 }
        competenciesNotShown = assessed.subtracting(shown).sorted().map { label($0) ?? $0 }
        competenciesWithheld = assessed.subtracting(shown).sorted().compactMap { id in
            withheldWords[id].map { "\(label(id) ?? id) isn't credited, because the same answer also said “\($0.joined(separator: "” and “"))”." }
        }
        words = Int(totalWords)
        fillersPer100 = totalWords > 0 ? (fillers * 1000 / totalWords).rounded() / 10 : 0
        hedgesPer100 = totalWords > 0 ? (hedges * 1000 / totalWords).rounded() / 10 : 0
        iShare = singular + plural > 0 ? (singular * 100 / (singular + plural)).rounded() / 100 : nil
        let summary = FeedbackSummary(questions)
        strengths = summary.strengths
        gaps = summary.gaps
        practice = summary.practice
    }
}

extension InterviewFeedback {
    /// The scenario's competencies by id, with the labels a candidate reads ("Crisis response").
    public static func competencyLabels(of scenario: Scenario?) -> [String: String] {
        Dictionary((scenario?.competencies ?? []).map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }
}
