import BuiltInAnalyzers
import InterviewCore

/// Where an answer stands, as interview guides grade one: a *basic* answer lists what the candidate
/// does; a *solid* one tells one real time with the candidate's own part and its outcome, or says
/// why they work that way and how they fit it to the person; an *exceptional* one does both. Read
/// from the analysis (which parts it found), never from the answer's length.
public struct AnswerRating: Sendable, Hashable {
    public enum Level: Int, Comparable, Sendable, CaseIterable {
        case basic = 1, solid, exceptional

        public var name: String {
            switch self {
            case .basic: "basic"
            case .solid: "solid"
            case .exceptional: "exceptional"
            }
        }

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public var level: Level
    /// Why the answer is at this level, in a sentence.
    public var reason: String
    /// The one change that lifts it to the next level; nil at the top.
    public var lift: String?

    /// The rating of an answer to a question of `kind` other than a goal one, from its analysis.
    /// A "what would you do" question asks for a reasoned plan, a general one ("Why this role?")
    /// for reasons: a past example lifts either, it is not what they lack. An answer that shows
    /// none of the skills its question looks for is basic however well it is told: a panel scores
    /// the skill, and a well-told story of the wrong thing ("I didn't ask about a plan") is no
    /// solid answer.
    public init(story features: [String: FeatureValue], kind: QuestionKind = .behavioral) {
        self.init(told: features, kind: kind)
        if level > .basic && Self.showsNoSkillAsked(features) {
            level = .basic
            reason = "It doesn't yet show the skill this question is about, however clearly it is told."
            lift = "To make it solid, show that skill in what you did or would do: the feedback names it under “Not shown yet”."
        }
    }

    /// Whether the question looks for skills (`competency.missing` above 0) and the answer shows
    /// none of them.
    static func showsNoSkillAsked(_ features: [String: FeatureValue]) -> Bool {
        (features[CompetencyFeature.missing]?.numberValue ?? 0) > 0 && (features[CompetencyFeature.shown]?.numberValue ?? 0) == 0
    }

    /// The rating from how the answer is told alone (its STAR parts and reasons).
    private init(told features: [String: FeatureValue], kind: QuestionKind) {
        func has(_ name: String) -> Bool { features[name]?.boolValue == true }
        if kind == .general {
            let example = has(STARFeature.specificExample)
            switch (has(STARFeature.reasoning), example) {
            case (true, true):
                level = .exceptional
                reason = "Your reasons, with a real example behind them."
                lift = nil
            case (true, false):
                level = .solid
                reason = "It gives your reasons."
                lift = "To make it exceptional, back a reason with one real moment from your work."
            case (false, _):
                level = .basic
                reason = "It says what, but not why."
                lift = "To make it solid, give a reason or two (“because…”): what draws you to it, what you bring."
            }
            return
        }
        let story = has(STARFeature.specificExample) && has(STARFeature.action) && has(STARFeature.result)
        let why = has(STARFeature.reasoning)
        let fitted = has(STARFeature.tailored)
        /// What a real example leaves out of a story.
        var storyGaps: [String] { [has(STARFeature.action) ? nil : "what you did yourself", has(STARFeature.result) ? nil : "how it turned out"].compactMap { $0 } }
        switch (story, why && fitted) {
        case (true, true):
            level = .exceptional
            reason = "One real time, told with what you did, why you did it, how you fitted it to the person, and how it turned out."
            lift = nil
        case (true, false):
            level = .solid
            reason = "One real time, with what you did yourself and how it turned out."
            let missing = [why ? nil : "why you chose what you did (“because…”, “so that…”)", fitted ? nil : "how you fitted it to this person (their goals, their pace, what mattered to them)"]
            lift = "To make it exceptional, say " + missing.compactMap { $0 }.joined(separator: ", and ") + "."
        case (false, true):
            level = .solid
            if has(STARFeature.specificExample) {
                let gaps = storyGaps
                reason = "It says why you acted and how you fitted it to the person, in a real example that leaves out " + gaps.joined(separator: " and ") + "."
                lift = "To make it exceptional, add " + gaps.joined(separator: " and ") + "."
            } else {
                reason = "It says why you work this way and how you fit it to the person, but gives no real example."
                lift = "To make it exceptional, tell one specific past client: what you did, and how it turned out."
            }
        case (false, false):
            level = .basic
            if has(STARFeature.declined) && !has(STARFeature.specificExample) {
                reason = "No example came to mind this time."
                lift = "To make it solid, have one story ready for this topic: one client, what you did, how it ended."
            } else if has(STARFeature.specificExample) {
                let gaps = storyGaps
                reason = "It starts a real example but leaves out " + gaps.joined(separator: " and ") + "."
                lift = "To make it solid, add " + gaps.joined(separator: " and ") + "."
            } else if kind == .situational {
                reason = "It lists what you'd do" + (why ? " and some of why, but not how you'd fit it to the person." : fitted ? " and how you'd fit it to the person, but not why." : ", without why or how you'd fit it to the person.")
                lift = "To make it solid, say why you'd take each step (“because…”, “so that…”) and how you'd fit it to this person."
            } else {
                reason = "It lists what you do" + (why ? " and some of why, but not how you fit it to the person." : fitted ? " and how you fit it to the person, but not why." : ", without a real example or the reasons behind it.")
                lift = "To make it solid, tell one real time: what you did and how it turned out. Saying why you do each step, and how you adjust it to the person, helps too."
            }
        }
    }

    /// The rating of a goal answer from its SMART analysis.
    /// The rating of an answer to a question of `kind`: a goal as a goal, anything else as a story.
    public init(features: [String: FeatureValue], kind: QuestionKind) {
        self = kind == .goals ? AnswerRating(goal: features) : AnswerRating(story: features, kind: kind)
    }

    public init(goal features: [String: FeatureValue]) {
        func has(_ name: String) -> Bool { features[name]?.boolValue == true }
        let specific = has(SMARTFeature.specific)
        let measurable = has(SMARTFeature.measurable)
        let timed = has(SMARTFeature.timeBound)
        let grounded = has(SMARTFeature.relevant) || has(SMARTFeature.achievable)
        if specific && measurable && timed && grounded {
            level = .exceptional
            reason = "A concrete goal, with how you'll know you've reached it, when, and why it matters or how you'll get there."
            lift = nil
        } else if specific && (measurable || timed) {
            level = .solid
            reason = "A concrete goal" + (measurable ? " with a milestone" : "") + (timed ? (measurable ? " and a time frame." : " with a time frame.") : ".")
            let missing = [measurable ? nil : "how you'll know you've got there (an exam, a credential, a number)", timed ? nil : "by when",
                           grounded ? nil : "why it matters to you or the first step you're taking"].compactMap { $0 }
            lift = "To make it exceptional, say " + missing.joined(separator: ", and ") + "."
        } else {
            level = .basic
            reason = specific ? "The goal is named, but with no milestone and no time frame." : "The goal is still broad: it doesn't yet say what exactly you're aiming for."
            lift = specific
                ? "To make it solid, say how you'll know you've got there, or by when."
                : "To make it solid, name the goal concretely: a credential, a role, a population you want to work with."
        }
    }
}
