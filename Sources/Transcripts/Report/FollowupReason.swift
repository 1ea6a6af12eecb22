import BuiltInAnalyzers
import InterviewCore

/// Why a follow-up was asked, in words for the candidate: "I asked for one specific time because
/// your answer described what you usually do." Made from the feature values the probe's condition
/// read, never from its id or its condition, which are for the scenario's author.
public enum FollowupReason {
    /// The sentence for a probe whose condition read `values`, after an answer analysed as
    /// `analysis` (which tells "we" from a missing action when the condition read only the
    /// follow-up); `competencyLabel` names a scenario's competency by its label.
    public static func plain(
        values conditionValues: [String: FeatureValue], analysis: [String: FeatureValue] = [:], competencyLabel: (String) -> String? = { _ in nil }
    ) -> String {
        // What the probe asked for comes from what its condition read; the analysis only refines
        // the sentence ("we", "would", an outcome left open). A goal answer's STAR follow-up, or
        // an earlier decline, says nothing of why this probe came.
        let values = analysis.merging(conditionValues) { _, read in read }
        if conditionValues[STARFeature.declined]?.boolValue == true {
            return "You said no example came to mind, so I offered to take it as a hypothetical instead of asking for one again."
        }
        for name in ["followup", STARFeature.followup, SMARTFeature.followup] {
            if let choice = conditionValues[name]?.textValue, let sentence = sentence(forFollowup: choice, values: values) { return sentence }
        }
        // A condition on the parts themselves ("star.action and not star.result").
        for (feature, choice) in [(STARFeature.result, "result"), (STARFeature.action, "action"), (STARFeature.specificExample, "example"), (STARFeature.situation, "situation")]
        where conditionValues[feature]?.boolValue == false {
            if let sentence = sentence(forFollowup: choice, values: values) { return sentence }
        }
        // A competency the answer has not shown yet.
        let competencies = conditionValues.filter { $0.key.hasPrefix(CompetencyFeature.prefix) && $0.value.boolValue == false }.keys.sorted()
        if let first = competencies.first {
            let id = String(first.dropFirst(CompetencyFeature.prefix.count))
            let label = competencyLabel(id) ?? id.replacingAll("-", with: " ")
            return "I wanted to hear more about \(label.lowercasedFirst) in what you did."
        }
        return "I wanted to hear more about that part of your answer."
    }

    private static func sentence(forFollowup choice: String, values: [String: FeatureValue]) -> String? {
        switch choice {
        case "example":
            if values[STARFeature.hypothetical]?.boolValue == true {
                return "I asked for one specific time because your answer said what you would do, not what you did."
            }
            return "I asked for one specific time because your answer described what you usually do."
        case "action":
            if values[STARFeature.weOnly]?.boolValue == true || values[STARFeature.groupAction]?.boolValue == true {
                return "I asked about your own part because the story said what “we” did."
            }
            return "I asked about your own part because I couldn't yet tell what you yourself did."
        case "result":
            if values[STARFeature.resultUncertain]?.boolValue == true {
                return "I asked how it turned out because the story left the outcome open; what you saw, or what you learned, still counts."
            }
            return "I asked how it turned out because the story stopped before the outcome."
        case "situation":
            return "I asked for the background because the story started with what you did, before who was involved and what was wrong."
        case "task":
            return "I asked what you had to achieve because the story didn't say what the goal was."
        case "specific":
            return "I asked what exactly the goal is because it was still broad."
        case "measurable":
            return "I asked how you will know you've got there because the goal had no milestone or number yet."
        case "time_bound":
            return "I asked about timing because the goal had no time frame yet."
        default:
            return nil
        }
    }
}

extension String {
    /// The string with its first letter in lower case, unless it starts an acronym ("LCSW").
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }
}
