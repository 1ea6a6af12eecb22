import BuiltInAnalyzers
import InterviewCore

/// Strengths, gaps and what to practise across one interview, each drawn from its answers and
/// naming the questions it comes from. A part that came only after a follow-up asked for it is a
/// gap too, a smaller one than a part never given.
struct FeedbackSummary {
    private(set) var strengths: [String] = []
    private(set) var gaps: [String] = []
    private(set) var practice: [String] = []

    /// How many strengths and things to practise are given at most.
    static let limit = 3

    private enum Gap: String, CaseIterable {
        case redFlag, example, action, result, situation, goalSpecific, goalMeasurable, goalTimed, length, fillers, overtime
    }

    init(_ questions: [InterviewFeedback.QuestionFeedback]) {
        var praised: [(String, [Int])] = []
        var missing: [Gap: [Int]] = [:]
        var prompted: [Gap: [Int]] = [:]
        var lifts: [(Int, String)] = []
        func praise(_ text: String, _ number: Int) {
            if let index = praised.firstIndex(where: { $0.0 == text }) { praised[index].1.append(number) } else { praised.append((text, [number])) }
        }
        for (index, question) in questions.enumerated() {
            let number = index + 1
            guard let assessment = question.assessment else { continue }
            func present(_ name: String) -> Bool { assessment.parts.contains { $0.name == name && $0.present } }
            let asked = Set(question.followups.compactMap(\.asked))
            if assessment.isGoal {
                if present("measurable") && present("time-bound") { praise("A goal with a milestone and a date", number) }
                if !present("specific") { missing[.goalSpecific, default: []].append(number) }
                if !present("measurable") { missing[.goalMeasurable, default: []].append(number) }
                if !present("time-bound") { missing[.goalTimed, default: []].append(number) }
            } else {
                let story = question.kind != .situational
                let pairs: [(Gap, String, String?)] = [
                    (.example, "a specific example", story ? "A real example without being asked" : nil),
                    (.action, "your own actions", "Your own part was clear"),
                    (.result, "result", "You said how it turned out"),
                    (.situation, "situation", nil),
                ]
                // What a red flag in the answer cost outweighs how well the story was told.
                if assessment.redFlag != nil { missing[.redFlag, default: []].append(number) }
                for (gap, name, strength) in pairs {
                    let wasAsked = asked.contains(Self.followup(for: gap))
                    if present(name) {
                        if wasAsked { prompted[gap, default: []].append(number) } else if let strength, assessment.redFlag == nil { praise(strength, number) }
                    } else if story && (gap == .example || present("a specific example")) {
                        missing[gap, default: []].append(number)
                    }
                }
                if assessment.gaveReasons && assessment.redFlag == nil { praise("You gave reasons for what you did", number) }
            }
            if assessment.delivery?.long == true { missing[.length, default: []].append(number) }
            if assessment.delivery?.fillers == true { missing[.fillers, default: []].append(number) }
            if question.overtime != nil { missing[.overtime, default: []].append(number) }
            if let lift = assessment.rating.lift { lifts.append((number, lift)) }
        }

        strengths = praised.prefix(Self.limit).map { "\($0.0) (\(Self.questions($0.1)))." }
        for gap in Gap.allCases {
            if let numbers = missing[gap] { gaps.append(Self.missingSentence(gap, numbers)) }
            if let numbers = prompted[gap] { gaps.append(Self.promptedSentence(gap, numbers)) }
        }
        // A part never given weighs twice one given after a prompt; ties go to the more important part.
        let ranked = Gap.allCases.map { ($0, 2 * (missing[$0]?.count ?? 0) + (prompted[$0]?.count ?? 0)) }
            .filter { $0.1 > 0 }
            .enumerated()
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .map(\.element.0)
        practice = ranked.prefix(Self.limit).map { gap in
            Self.advice(gap, Self.questions(((missing[gap] ?? []) + (prompted[gap] ?? [])).sorted()))
        }
        // Nothing missing: what lifts the answers a level is what to practise.
        for (number, lift) in lifts where practice.count < 2 {
            practice.append("Question \(number): " + lift.lowercasedFirst)
        }
    }

    private static func followup(for gap: Gap) -> String {
        switch gap {
        case .example: "example"
        case .action: "action"
        case .result: "result"
        case .situation: "situation"
        default: ""
        }
    }

    /// "question 2", "questions 1 and 3", "questions 1, 2 and 4".
    static func questions(_ numbers: [Int]) -> String {
        let unique = numbers.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }.map(String.init)
        guard unique.count > 1 else { return "question " + (unique.first ?? "") }
        return "questions " + unique.dropLast().joined(separator: ", ") + " and " + unique.last!
    }

    private static func missingSentence(_ gap: Gap, _ numbers: [Int]) -> String {
        let where_ = questions(numbers)
        switch gap {
        case .redFlag: return "Something said in the answer cost it the skill the question was about (\(where_)); each answer's feedback quotes it."
        case .example: return "No specific example by the end (\(where_))."
        case .action: return "Your own part stayed unclear (\(where_))."
        case .result: return "How it turned out was never said (\(where_))."
        case .situation: return "The background was missing (\(where_))."
        case .goalSpecific: return "The goal stayed broad (\(where_))."
        case .goalMeasurable: return "The goal had no milestone or number (\(where_))."
        case .goalTimed: return "The goal had no time frame (\(where_))."
        case .length: return "Answers that ran long (\(where_))."
        case .fillers: return "Fillers and hedges came often (\(where_))."
        case .overtime: return "Over the time limit (\(where_))."
        }
    }

    private static func promptedSentence(_ gap: Gap, _ numbers: [Int]) -> String {
        let where_ = questions(numbers)
        switch gap {
        case .example: return "The example came only after I asked for one (\(where_))."
        case .action: return "Your own part came only when I asked (\(where_))."
        case .result: return "The outcome came only when I asked (\(where_))."
        case .situation: return "The background came only when I asked (\(where_))."
        default: return missingSentence(gap, numbers)
        }
    }

    private static func advice(_ gap: Gap, _ where_: String) -> String {
        switch gap {
        case .redFlag:
            "Leave no doubt about what you would do (\(where_)): one unsafe or out-of-bounds step, or a delay where there should be none, outweighs the sound ones around it."
        case .example:
            "Start with one real time (\(where_)): “Last spring, a client who…”. A specific story answers the follow-up before it is asked."
        case .action:
            "Say what you yourself did, in the first person (\(where_)): “I called…”, “I asked…”. Two or three concrete steps are enough."
        case .result:
            "Finish each story with how it turned out (\(where_)), even when it was mixed: what changed for the person, and what you learned."
        case .situation:
            "Open with one sentence of context (\(where_)): who the person was, where you were working, and what was at stake."
        case .goalSpecific:
            "Name the goal concretely (\(where_)): a credential, a role, a population you want to work with."
        case .goalMeasurable:
            "Say how you'll know a goal is met (\(where_)): an exam passed, a certificate, a number."
        case .goalTimed:
            "Give goals a date (\(where_)): “by next June”, “within eighteen months”."
        case .length, .overtime:
            "Keep answers to one or two minutes (\(where_)): the background in a sentence or two, most of the time on what you did, then the result."
        case .fillers:
            "Pause instead of filling silence (\(where_)); without “um”, “you know” and “kind of” you sound more sure of what you did."
        }
    }
}
