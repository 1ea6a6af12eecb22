import History
import InterviewCore
import Transcripts

/// A transcript with every analysis made again by today's analyzers, for
/// `rehearse history --reanalyze`: each analysis line after an answer is replaced by the analysis
/// of everything said to the question up to that answer, as the interview would make it now.
/// What was said, and the path the interview took, stay as recorded.
public enum HistoryReanalysis {
    public static func reanalyzed(_ transcript: Transcript, by interviewer: Interviewer) -> Transcript {
        var transcript = transcript
        let scenario = interviewer.scenario
        var said: [String] = []
        var context = AnalysisContext(competencies: scenario.cueSets)
        var answered = false
        for index in transcript.events.indices {
            let event = transcript.events[index]
            switch event.type {
            case .question:
                said = []
                let question = event.question.flatMap(scenario.question)
                context = AnalysisContext(
                    questionID: event.question, questionText: event.text, kind: event.kind.flatMap(QuestionKind.init(rawValue:)) ?? question?.kind,
                    competencies: scenario.cueSets, assessed: question?.assesses ?? [])
            case .again:
                said = []
            case .answer:
                said.append(event.text ?? "")
                answered = true
            case .analysis where answered:
                answered = false
                let analysis = interviewer.analyzers.analyze(said.joined(separator: "\n\n"), context: context)
                transcript.events[index].followup = analysis.followup ?? "none"
                transcript.events[index].explanation = analysis.reason
                transcript.events[index].features = analysis.features
                transcript.events[index].evidence = analysis.evidence
            default:
                break
            }
        }
        return transcript
    }

    /// The analyzers as the history names them: "star 2.1-model, smart 1.1, …".
    public static func names(_ analyzers: AnalyzerSet) -> String {
        analyzers.analyzers.map { "\($0.identifier) \($0.version)" }.joined(separator: ", ")
    }
}
