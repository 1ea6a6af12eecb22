import BuiltInAnalyzers
import InterviewCore

/// One answer as the candidate's feedback reads it: the parts it has (each with a quote the
/// feedback can stand behind), its rating, one thing done well, one thing to do next time, and a
/// word on delivery when the answer rambled. In plain language: no feature names, no probe ids.
public struct AnswerAssessment: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public enum State: Sendable, Hashable {
            case present
            case missing
            /// Not said, and not needed: the story makes it plain (the task of a complete story).
            case implied
        }

        public var name: String
        public var state: State
        public var quote: String?
        public var present: Bool { state == .present }
    }

    /// STAR parts for a story question, SMART parts for a goal one.
    public var parts: [Part]
    public var rating: AnswerRating
    /// One thing done well, quoting the answer where it can.
    public var strength: String?
    /// The one thing to do differently next time, for this answer.
    public var nextTime: String?
    /// Said only when the answer rambled, was full of fillers, or was too short.
    public var delivery: DeliveryNote?
    public var isGoal: Bool
    /// Whether the answer says why the candidate acted as they did, and shows at least one skill
    /// the question looks for (or the question looks for none): the feedback cannot judge a
    /// reason, and reasons for an approach that shows none of the skills ("because asking can put
    /// the idea in her head") are no strength to praise.
    public var gaveReasons: Bool
    /// The words that cost the answer a skill its question looks for (a competency's `unless`):
    /// the story's parts are not praised beside them.
    public var redFlag: String?

    /// What stood out in how an answer was said, and the sentence that says it.
    public struct DeliveryNote: Sendable, Hashable {
        public var long: Bool
        public var fillers: Bool
        public var short: Bool
        public var text: String
    }

    /// Words that suit an answer to a question of `kind`, about one to two minutes spoken.
    public static func suitableWords(for kind: QuestionKind) -> ClosedRange<Int> {
        switch kind {
        case .behavioral: 50...300
        case .situational: 40...250
        case .goals: 25...180
        case .general: 40...220
        }
    }

    /// - Parameters:
    ///   - features, evidence: the analysis of everything answered to the question.
    ///   - answer: what was answered, as one text.
    ///   - firstAnswerWords: the words of the answer to the question itself, when replies to
    ///     follow-ups came after it: only that answer can run long (a reply adds what was asked for).
    public init(features: [String: FeatureValue], evidence: [Evidence], answer: String, kind: QuestionKind, firstAnswerWords: Int? = nil) {
        isGoal = kind == .goals
        let reasons = features[STARFeature.reasoning]?.boolValue == true && !AnswerRating.showsNoSkillAsked(features)
        gaveReasons = reasons
        func has(_ name: String) -> Bool { features[name]?.boolValue == true }
        func quote(_ feature: String) -> String? { FeedbackQuote.first(feature, in: evidence) }
        parts = Self.parts(features: features, evidence: evidence, kind: kind)
        rating = AnswerRating(features: features, kind: kind)
        if isGoal {
            strength = Self.goalStrength(has: has, quote: quote)
            nextTime = Self.goalNextTime(has: has) ?? rating.lift
        } else {
            strength = Self.storyStrength(has: { $0 == STARFeature.reasoning ? reasons : has($0) }, quote: quote)
            nextTime = kind == .behavioral
                ? Self.storyNextTime(has: has, evidence: evidence, answer: answer, rating: rating)
                : Self.planNextTime(has: has, kind: kind) ?? rating.lift
        }
        // A red flag took the credit for a skill the question looks for (`unless`): what the story
        // did well is no strength beside it, and the one thing to change is the flag.
        redFlag = isGoal ? nil : evidence.first { $0.feature.hasPrefix(CompetencyFeature.withheldPrefix) }?.text
        if let redFlag {
            strength = nil
            nextTime = "“\(redFlag)” cost this answer the credit for the skill it was about: a panel hears it beside everything else you said."
        }
        // "Too short" only where something is missing: a complete story in few words is a good one.
        delivery = Self.delivery(
            features: features, evidence: evidence, kind: kind, declined: has(STARFeature.declined), complete: rating.level != .basic,
            firstAnswerWords: firstAnswerWords)
        if nextTime == nil, let delivery { nextTime = delivery.text }
    }

    /// The parts of an answer to a question of `kind`, as the feedback lists them: for a story, the
    /// specific example (and, once there is one, situation, task, own actions and result); for a
    /// plan or a general question, the reasons; for a goal, SMART. Each quote given once.
    public static func parts(features: [String: FeatureValue], evidence: [Evidence], kind: QuestionKind) -> [Part] {
        func has(_ name: String) -> Bool { features[name]?.boolValue == true }
        func part(_ name: String, _ feature: String) -> Part {
            Part(name: name, state: has(feature) ? .present : .missing, quote: has(feature) ? FeedbackQuote.first(feature, in: evidence) : nil)
        }
        if kind == .goals {
            // The same clause often shows all three ("In three years I want to be a licensed…").
            return quotingOnce([part("specific", SMARTFeature.specific), part("measurable", SMARTFeature.measurable), part("time-bound", SMARTFeature.timeBound)])
        }
        var star = [part("a specific example", STARFeature.specificExample)]
        // Without a story the other parts cannot be there; listing each as missing says one thing four times.
        if has(STARFeature.specificExample) || kind != .behavioral {
            star += [part("situation", STARFeature.situation), part("task", STARFeature.task), part("your own actions", STARFeature.action), part("result", STARFeature.result)]
            if let task = star.firstIndex(where: { $0.name == "task" }), star[task].state == .missing, has(STARFeature.action), has(STARFeature.result) {
                star[task].state = .implied
            }
        }
        if kind == .situational {
            // "What would you do if…" asks for a reasoned plan; a past example is a bonus, not a gap.
            star = star.filter { $0.present }
            star += [part("why you'd do it", STARFeature.reasoning), part("fitted to the person", STARFeature.tailored)]
        } else if kind == .general {
            // "Why this role?" asks for reasons.
            star = star.filter { $0.present } + [part("your reasons", STARFeature.reasoning)]
        }
        return quotingOnce(star)
    }

    /// `parts` with each quote given once, at the first part it shows.
    private static func quotingOnce(_ parts: [Part]) -> [Part] {
        var parts = parts
        var quoted: Set<String> = []
        for index in parts.indices {
            guard let quote = parts[index].quote else { continue }
            if !quoted.insert(quote).inserted { parts[index].quote = nil }
        }
        return parts
    }

    // MARK: What was done well

    private static func storyStrength(has: (String) -> Bool, quote: (String) -> String?) -> String? {
        let candidates: [(Bool, String, String)] = [
            (has(STARFeature.specificExample) && has(STARFeature.result), STARFeature.result, "You said how it turned out"),
            (has(STARFeature.reasoning), STARFeature.reasoning, "You said why"),
            (has(STARFeature.action), STARFeature.action, "You named your own part"),
            (has(STARFeature.tailored), STARFeature.tailored, "You fitted it to the person"),
            (has(STARFeature.specificExample), STARFeature.situation, "You set the scene of one real time"),
        ]
        for (holds, feature, praise) in candidates where holds {
            if let text = quote(feature) { return "\(praise): “\(text)”." }
        }
        return candidates.first { $0.0 }.map { "\($0.2)." }
    }

    private static func goalStrength(has: (String) -> Bool, quote: (String) -> String?) -> String? {
        let candidates: [(String, String)] = [
            (SMARTFeature.timeBound, "You gave it a time frame"), (SMARTFeature.measurable, "You said how you'll know you've got there"),
            (SMARTFeature.specific, "You named the goal concretely"), (SMARTFeature.relevant, "You said why it matters to you"),
        ]
        for (feature, praise) in candidates where has(feature) {
            if let text = quote(feature) { return "\(praise): “\(text)”." }
        }
        return candidates.first { has($0.0) }.map { "\($0.1)." }
    }

    // MARK: What to do next time

    private static func storyNextTime(has: (String) -> Bool, evidence: [Evidence], answer: String, rating: AnswerRating) -> String? {
        if has(STARFeature.declined) && !has(STARFeature.specificExample) {
            return "Before the next interview, pick one client or shift you remember well for this topic; any job, placement or volunteering counts."
        }
        if !has(STARFeature.specificExample) {
            let opening = firstSentence(of: answer).map { " (“\($0)”)" } ?? ""
            if has(STARFeature.hypothetical) {
                return "You said what you would do\(opening); tell what you did, one time it happened: who it was, what you did, how it ended."
            }
            return "You described how you usually work\(opening); start instead with one real time: “Last spring, a client who…”."
        }
        if !has(STARFeature.action) {
            if has(STARFeature.groupAction), let we = evidence.first(where: { $0.feature == STARFeature.groupAction }).flatMap({ FeedbackQuote.accept($0.text) }) {
                return "The story says what “we” did (“\(we)”); say which part was yours: “I called…”, “I asked…”."
            }
            return "Say what you yourself did, in the first person: two or three concrete steps (“I called…”, “I asked…”)."
        }
        if !has(STARFeature.result) {
            let end = lastSentence(of: answer).map { " at “\($0)”" } ?? ""
            return "The story stops\(end); finish with how it turned out for the person, even if it was mixed, or what you learned."
        }
        if !has(STARFeature.situation) {
            return "Open with a sentence of background: who the person was, where you were working, and what was at stake."
        }
        if let lift = rating.lift { return lift }
        if !has(STARFeature.task) {
            return "Say in a sentence what you had to achieve before what you did (“my job was to keep her safe while…”)."
        }
        return nil
    }

    /// For a "what would you do" or a general question: the reasons, then the fit to the person.
    private static func planNextTime(has: (String) -> Bool, kind: QuestionKind) -> String? {
        if !has(STARFeature.reasoning) {
            return kind == .general
                ? "Give a reason or two (“because…”): what draws you to it, and what you bring."
                : "Say why you'd take each step (“because…”, “so that…”); the reasons show your judgement."
        }
        if kind == .situational && !has(STARFeature.tailored) {
            return "Say how you'd fit it to this person: their goals, their pace, what matters to them."
        }
        return nil
    }

    private static func goalNextTime(has: (String) -> Bool) -> String? {
        if !has(SMARTFeature.specific) { return "Name the goal concretely: a credential, a role, a population you want to work with." }
        if !has(SMARTFeature.measurable) { return "Say how you'll know you've got there: an exam passed, a credential, a number." }
        if !has(SMARTFeature.timeBound) { return "Give the goal a date: “by next June”, “within eighteen months”." }
        return nil
    }

    // MARK: Delivery

    /// A word on delivery when the answer ran long, was full of fillers, or was too short to hold an example.
    static func delivery(
        features: [String: FeatureValue], evidence: [Evidence], kind: QuestionKind, declined: Bool, complete: Bool, firstAnswerWords: Int? = nil
    ) -> DeliveryNote? {
        let words = Int(features[DeliveryFeature.words]?.numberValue ?? 0)
        let suitable = suitableWords(for: kind)
        let said = evidence.filter { $0.feature == DeliveryFeature.fillersPer100 || $0.feature == DeliveryFeature.hedgesPer100 }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for item in said {
            let word = item.text.lowercased()
            if counts[word] == nil { order.append(word) }
            counts[word, default: 0] += 1
        }
        let fillerRate = (features[DeliveryFeature.fillersPer100]?.numberValue ?? 0) + (features[DeliveryFeature.hedgesPer100]?.numberValue ?? 0)
        // The count from the rates: the evidence quotes at most a few dozen of a long answer's fillers.
        let fillerCount = Int((fillerRate * Double(words) / 100).rounded())
        let filled = fillerCount >= 4 && fillerRate >= 4
        let listed = order.sorted { counts[$0]! > counts[$1]! }.prefix(4).map { counts[$0]! > 1 ? "“\($0)” ×\(counts[$0]!)" : "“\($0)”" }.joined(separator: ", ")
        let range = "about \(suitable.lowerBound)–\(suitable.upperBound) words suits this question"
        if let first = firstAnswerWords ?? Optional(words), first > suitable.upperBound {
            let what = firstAnswerWords == nil ? "This answer" : "Your answer before my follow-ups"
            // The fillers are counted over everything said to the question, and say so.
            let fillers = firstAnswerWords == nil ? ", and it had fillers and hedges: \(listed)." : ". Fillers and hedges came often (\(fillerCount) in all \(words) words): \(listed)."
            let text = "\(what) ran long: \(first) words, where \(range)" + (filled ? fillers : ".")
                + " Keep the background to a sentence or two and spend the time on what you did."
            return DeliveryNote(long: true, fillers: filled, short: false, text: text)
        }
        if filled {
            let text = "Fillers and hedges came often (\(fillerCount) in \(words) words): \(listed). A short pause sounds more composed than “um”."
            return DeliveryNote(long: false, fillers: true, short: false, text: text)
        }
        if words > 0 && words < suitable.lowerBound && !declined && !complete && kind != .goals {
            let text = "This answer was \(words) words, where \(range); there was little room for what you did and how it ended."
            return DeliveryNote(long: false, fillers: false, short: true, text: text)
        }
        return nil
    }

    // MARK: Sentences of the answer

    static func firstSentence(of text: String) -> String? { sentences(text).first.flatMap { FeedbackQuote.accept($0) } }

    static func lastSentence(of text: String) -> String? { sentences(text).last.flatMap { FeedbackQuote.accept($0) } }

    private static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            if ".!?\n".contains(character) {
                if !current.trimmed.isEmpty { sentences.append(current.trimmed) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmed.isEmpty { sentences.append(current.trimmed) }
        return sentences
    }
}
