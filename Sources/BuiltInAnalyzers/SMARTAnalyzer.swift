import InterviewCore

/// Judges a career-goal answer against the SMART criteria: specific, measurable, time-bound, and
/// achievable and relevant where the text gives evidence for them.
public struct SMARTAnalyzer: Analyzer, SegmentedAnalyzer {
    public let identifier = "smart"
    /// Recorded in transcripts: "1.1+embeddings" when the MiniLM token embeddings' files are
    /// installed to help decide whether a goal is specific, "1.0" by the rules alone.
    public var version: String { embeddings?.installed == true ? "1.1+embeddings" : "1.0" }
    public let summary = "SMART goals: specific, measurable, achievable, relevant, time-bound"
    public let followups = ["specific", "measurable", "time_bound"]

    /// Helps decide whether a goal answer is specific, when given.
    package let embeddings: EmbeddingSignal?

    public init() { embeddings = nil }

    package init(embeddings: EmbeddingSignal?) { self.embeddings = embeddings }

    static let featureTemplate = FeatureTemplate(SMARTAnalyzer().features)

    public var features: [FeatureDescriptor] {
        [
            FeatureDescriptor(SMARTFeature.specific, .bool, "the goal names a concrete outcome (a credential, role, skill or service)"),
            FeatureDescriptor(SMARTFeature.measurable, .bool, "it is clear when the goal is met: a number, a count or a verifiable milestone"),
            FeatureDescriptor(SMARTFeature.achievable, .bool, "the answer names steps, resources or progress already made"),
            FeatureDescriptor(SMARTFeature.relevant, .bool, "the answer ties the goal to the work, the clients or the role"),
            FeatureDescriptor(SMARTFeature.timeBound, .bool, "the goal has a deadline or time frame"),
            FeatureDescriptor(SMARTFeature.score, .number, "how many of the five criteria are met (0 to 5)"),
            FeatureDescriptor(SMARTFeature.followup, .choice(followups + ["none"]), "the follow-up this analyzer recommends"),
        ]
    }

    func read(_ segmenter: TextSegmenter, context: AnalysisContext) -> SegmentedAnalysis {
        var found = [Int?](repeating: nil, count: Criterion.allCases.count)  // criterion → first clause showing it
        var aimSeen = false
        segmenter.tokens.withUnsafeBufferPointer { allTokens in
            // A goal is often one sentence cut into clauses by commas ("My goal, within two years, is
            // to sit for the LCSW"), so the aim is carried through the sentence.
            var sentence = -1
            var sentencePhrases: UInt32 = 0
            var sentenceFragment = false
            // "I've done twelve years of outpatient, maybe 3,000 clients": numbers in a sentence about
            // the past tell the speaker's experience, not how the goal will be measured.
            var sentencePast = false
            for (index, clause) in segmenter.clauses.enumerated() {
                let tokens = UnsafeBufferPointer(rebasing: allTokens[clause.range])
                func note(_ criterion: Criterion, _ holds: @autoclosure () -> Bool) {
                    if found[criterion.rawValue] == nil && holds() { found[criterion.rawValue] = index }
                }
                let phrases = Self.phrases.scan(tokens)
                if clause.sentence != sentence {
                    sentence = clause.sentence
                    sentencePhrases = 0
                    sentencePast = false
                    // "Running my own group practice by 2030.": a goal said without "I want to".
                    sentenceFragment = Self.isGoalFragment(tokens)
                }
                // "I'd like to have trained two clinicians" looks ahead: a participle after "to have" is no past.
                sentencePast = sentencePast || tokens.indices.contains { position in
                    tokens[position].info.contains(.past) && !tokens[position].info.contains(.modal)
                        && !(position >= 2 && tokens[position - 1].is(.have) && (tokens[position - 2].is(.to) || tokens[position - 2].info.contains(.modal)))
                }
                let count = tokens.indices.contains { position in
                    // "at least one new program" sets a bar; "one client" does not.
                    if tokens[position].is(.one) { return Self.isCompared(position, in: tokens) }
                    return tokens[position].info.contains(.quantity) && !Self.isTimeUnit(after: position, in: tokens)
                        && !tokens[position].is(.once) && !tokens[position].is(.first)
                        && (!sentencePast || Self.isCompared(position, in: tokens))
                }
                // The aim comes first and what is aimed at after it, in the same clause or a later one
                // of the sentence: not "I admire my supervisor, and I'd like to do what she does".
                sentencePhrases |= phrases & (Phrase.achieving.rawValue | Phrase.ownership.rawValue | Phrase.change.rawValue)
                func has(_ phrase: Phrase) -> Bool { (sentencePhrases | phrases) & phrase.rawValue != 0 }
                let aiming = has(.achieving) || has(.ownership) || sentenceFragment
                aimSeen = aimSeen || aiming
                // A concrete target, or a number to change something by ("bring my no-show rate under 15 percent").
                note(.specific, aiming && (phrases & Phrase.target.rawValue != 0 || (count && has(.change))))
                note(.measurable, count || phrases & Phrase.milestone.rawValue != 0)
                note(.timeBound, Self.isTimeBound(tokens, phrases: phrases))
                note(.achievable, phrases & Phrase.progress.rawValue != 0)
                note(.relevant, phrases & Phrase.relevance.rawValue != 0)
            }
        }
        // Whether a goal names what exactly is partly a question of meaning (a role, a setting, a
        // kind of work in words no list has): for goal answers, the token-embedding head adds the
        // goals it reads as specific to the ones the rules find. Where the rules read an aim and
        // found no target in it ("I'd like to do what she does"), their no is evidence too, and
        // the head must be sure (0.9) to overrule it: it sees the words ("supervisor"), not what
        // is aimed at. Read paragraph by paragraph: the answer so far after "What exactly?" is
        // two answers.
        var specific = found[Criterion.specific.rawValue] != nil
        if !specific, context.kind == .goals, let embeddings {
            let needed = aimSeen ? 0.9 : 0.5
            let paragraphs = segmenter.paragraphs
            specific = (paragraphs.isEmpty ? [segmenter.source] : paragraphs).contains { paragraph in
                (embeddings.probability(.smartSpecific, paragraph) ?? 0) >= needed
            }
        }
        // "Where do you see yourself in five years?": a goal given in answer is bound by the
        // question's time frame (the labelling guide's settled case).
        let framedByQuestion = found[Criterion.timeBound.rawValue] == nil && specific
            && context.questionText.map(Self.questionHasTimeFrame) == true
        // A vague aim is made specific before it is measured or dated.
        var followups: [String] = []
        if !specific {
            followups = ["specific"]
        } else {
            if found[Criterion.measurable.rawValue] == nil { followups.append("measurable") }
            if found[Criterion.timeBound.rawValue] == nil && !framedByQuestion { followups.append("time_bound") }
        }
        if followups.isEmpty { followups = ["none"] }
        let followup = followups[0]
        // In the order of `features`: the criteria, then the score and the follow-up.
        let met = Criterion.allCases.map { criterion in
            criterion == .specific ? specific : found[criterion.rawValue] != nil || (criterion == .timeBound && framedByQuestion)
        }
        var values = met.map(FeatureValue.bool)
        values.append(.number(Double(met.filter { $0 }.count)))
        values.append(.text(followup))
        var analysis = SegmentedAnalysis(values: values)
        for criterion in Criterion.allCases {
            if let index = found[criterion.rawValue] {
                let clause = segmenter.clauses[index]
                analysis.evidence.append(Evidence(feature: criterion.feature, start: clause.start, end: clause.end, text: segmenter.text(clause.start, clause.end)))
            }
        }
        // Only goal questions (or no question at all) get SMART follow-ups.
        if context.kind == nil || context.kind == .goals {
            analysis.followups = followups
            analysis.reason = Self.reason(followup)
        }
        return analysis
    }

    /// The criteria with features of their own, in the order their evidence is listed.
    enum Criterion: Int, CaseIterable {
        case specific, measurable, achievable, relevant, timeBound

        var feature: String {
            switch self {
            case .specific: SMARTFeature.specific
            case .measurable: SMARTFeature.measurable
            case .achievable: SMARTFeature.achievable
            case .relevant: SMARTFeature.relevant
            case .timeBound: SMARTFeature.timeBound
            }
        }
    }

    private static func reason(_ followup: String) -> String {
        switch followup {
        case "specific": "The goal is vague; name what exactly you want to achieve."
        case "measurable": "The goal has no way to tell when it is met; give a number or a milestone."
        case "time_bound": "The goal has no time frame; say by when."
        default: "The goal is specific, measurable and has a time frame."
        }
    }

    /// Whether the question sets a time frame of its own ("in five years", "by the end of your
    /// first year").
    static func questionHasTimeFrame(_ question: String) -> Bool {
        let text = TextSegmenter(question, vocabulary: .builtIn)
        return text.tokens.withUnsafeBufferPointer { isTimeBound($0, phrases: phrases.scan($0)) }
    }

    /// A listed deadline among `phrases` (the phrase bits of `tokens`), or a time frame.
    static func isTimeBound(_ tokens: UnsafeBufferPointer<Token>, phrases: UInt32) -> Bool {
        phrases & Phrase.deadline.rawValue != 0 || hasTimeFrame(tokens)
    }

    /// A sentence that names a goal without a subject, judged on its first clause: one that opens
    /// with an "-ing" form ("Running my own practice…", "Teaching, I hope"), or a phrase of two
    /// words or more with no subject, modal or past verb ("Charge nurse on nights by next summer.").
    static func isGoalFragment(_ tokens: UnsafeBufferPointer<Token>) -> Bool {
        guard let first = tokens.first(where: { !$0.info.contains(.filler) && !$0.info.contains(.hedge) && !$0.info.contains(.connective) }) else { return false }
        if first.info.contains(.endsIng) { return true }
        let subjects: WordInfo = [.ownSubject, .groupSubject, .thirdPerson, .modal, .past]
        return !tokens.contains { !$0.info.isDisjoint(with: subjects) } && tokens.count >= 2
    }

    static let timeUnits: Set<String> = ["year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "quarters", "semester", "semesters"]

    /// "six months", "two years", "by 2027", "when I'm forty": the number is a time or an age, not the measure.
    /// "at least two", "more than sixty", "under 15 percent": a number set as a bar is a measure,
    /// whatever else the sentence tells of the past.
    private static func isCompared(_ position: Int, in tokens: UnsafeBufferPointer<Token>) -> Bool {
        guard position > 0 else { return false }
        let before = tokens[position - 1]
        return before.is(.than) || before.is(.under) || (before.is(.least) && position > 1 && tokens[position - 2].is(.at))
    }

    private static func isTimeUnit(after position: Int, in tokens: UnsafeBufferPointer<Token>) -> Bool {
        if tokens[position].info.contains(.year) { return true }
        if position > 0 {
            switch tokens[position - 1].keyword {
            case .by?, .iM?, .am?, .age?, .aged?, .turn?: return true
            default: break
            }
            // "by year two", "in a year or two", "a year to eighteen months": a span, not a measure.
            if tokens[position - 1].info.contains(.timeUnit) { return true }
            if position > 1, tokens[position - 1].is(.or) || tokens[position - 1].is(.to), tokens[position - 2].info.contains(.timeUnit) { return true }
        }
        if position + 1 < tokens.count && tokens[position + 1].info.contains(.timeUnit) { return true }
        // "two or three years", "two to three years".
        return position + 3 < tokens.count && (tokens[position + 1].is(.or) || tokens[position + 1].is(.to))
            && tokens[position + 2].info.contains(.quantity) && tokens[position + 3].info.contains(.timeUnit)
    }

    /// A deadline or a time frame: a listed phrase, a year, a month after "by", "in", "for" or "next", or a
    /// number of time units after "in", "within", "over" or "next" ("in about five years").
    /// Reads the tokens' flags, so that most words cost no lookup.
    static func hasTimeFrame(_ tokens: UnsafeBufferPointer<Token>) -> Bool {
        if tokens.contains(where: { $0.info.contains(.year) }) { return true }
        for position in tokens.indices.dropFirst() where !tokens[position].info.isDisjoint(with: [.month, .timeUnit]) {
            if tokens[position].info.contains(.month) {
                // "by June", "booked for the spring", "before the fall".
                var lead = position - 1
                if lead > 0 && tokens[lead].is(.the) { lead -= 1 }
                switch tokens[lead].keyword {
                case .by?, .in?, .this?, .next?, .until?, .before?, .for?: return true
                default: break
                }
            }
            guard tokens[position].info.contains(.timeUnit) else { continue }
            let amount = tokens[position - 1]
            switch amount.keyword {
            case .a?, .one?, .few?, .couple?: break
            default: guard !amount.info.isDisjoint(with: [.numeral, .numberWord]) else { continue }
            }
            let lead = tokens[max(0, position - 5)..<(position - 1)]
            if lead.contains(where: { [.in, .within, .over, .next, .for, .after].contains($0.keyword) }) { return true }
        }
        return false
    }

    enum Phrase: UInt32 {
        case achieving = 1, ownership = 2, target = 4, change = 8, milestone = 16, deadline = 32, progress = 64, relevance = 128
    }

    /// All the lists below, in the order of `Phrase`'s bits, matched in one pass per clause.
    static let phraseLists = [achievingVerbs, ownershipPhrases, specificTargets, changeVerbs, milestones, deadlines, progress, relevance]
    static let phrases = PhraseIndex(phraseLists, vocabulary: .builtIn)

    static let achievingVerbs: [String] = [
        "become", "get", "earn", "complete", "finish", "obtain", "pass", "lead", "start", "open", "learn", "train", "take",
        "apply", "move into", "step into", "run", "launch", "publish", "present", "supervise", "build", "create", "develop",
        "specialize", "specialise", "attend", "enroll", "enrol", "join", "achieve", "reach", "master", "certify", "sit for",
        "go back", "return to", "be a", "be the", "be licensed", "be certified", "facilitate", "mentor", "transition",
    ]
    static let changeVerbs: [String] = ["reduce", "increase", "bring", "cut", "lower", "raise", "improve", "grow", "double", "stop", "take", "read", "attend", "see", "run", "lead", "complete", "finish", "get"]
    static let ownershipPhrases: [String] = ["my goal is", "my goal", "i want to", "i plan to", "i'd like to", "i would like to", "i hope to", "i aim to", "i intend to", "i'm working toward", "i am working toward", "i'm working towards",
        // Development already under way: "I'm taking a DBT course", "I'm learning EMDR".
        "i'm taking", "i am taking", "i'm learning", "i am learning", "i'm studying", "i am studying", "i'm training",
        "i'm enrolled", "i am enrolled", "i'm working on", "i am working on", "i'm doing", "i am doing",
        // How people say where they want to be: "I see myself…", "my dream job is…", "I want my CADC".
        "i see myself", "i picture myself", "i'm picturing", "i am picturing", "i'd like", "i would like", "i'd love to",
        "i would love to", "i'm aiming", "i am aiming", "my dream", "i want my", "i'm applying", "i am applying",
        "i'm hoping to", "i am hoping to", "the plan is", "the long-term plan",
    ]
    static let specificTargets: [String] = [
        "license", "licensed", "licensure", "lcsw", "lpc", "lmft", "lmhc", "lcpc", "lcdc", "cadc", "certification", "certified",
        "certificate", "credential", "supervisor", "supervision", "degree", "master's", "masters", "doctorate", "phd", "psyd",
        "msw", "dbt", "cbt", "emdr", "act", "mi", "motivational interviewing", "trauma-focused", "tf-cbt", "play therapy",
        "group", "groups", "private practice", "practice", "program", "clinic", "caseload", "specialist", "specialize",
        "specialise", "specialty", "lead", "leadership", "manager", "director", "coordinator", "trainer", "training", "course",
        "exam", "conference", "workshop", "research", "paper", "peer support", "certified peer", "cps", "crps", "mentor",
        "supervising", "clinical supervisor", "team lead", "role", "position", "adolescents", "children", "older adults",
        "veterans", "addiction", "substance use", "eating disorders", "couples", "family therapy", "psychodynamic",
        "no-show", "lunch break", "rate", "conferences", "book", "books", "email",
        // Personal goals that keep a clinician well: concrete practices, not "take care of myself".
        "my own therapy", "therapist", "yoga", "meditation", "meditate", "mindfulness", "gym", "running club", "class",
        "classes", "consultation group", "peer supervision", "vacation", "time off", "days off",
        // Roles, settings, populations and kinds of work a goal can name.
        "teach", "university", "college", "cpr", "first aid", "educator", "nurse educator", "clinical educator", "practitioner", "nurse practitioner", "counselor", "counsellor",
        "social worker", "case manager", "case management", "preceptor", "precepting", "teaching", "faculty", "adjunct",
        "dnp", "psychiatry", "forensic", "policy", "fundraising", "grant writing", "grants", "sober living", "recovery house",
        "crisis team", "mobile crisis", "inpatient", "outpatient", "emergency department", "hospital", "school-based",
        "peer work", "family work", "crisis work", "text line", "988", "teenagers", "young adults", "adolescent",
        "first responders", "reentry", "jail", "housing", "homeless", "unit", "department", "center", "agency",
    ]
    static let milestones: [String] = [
        "trained in", "get trained", "certified in",
        "credential", "cadc", "lcsw", "lpc", "lmft", "lmhc", "lcpc", "phd", "psyd", "master's", "masters", "pass", "passed", "passing", "exam", "license", "licensed", "licensure", "certification", "certified", "certificate",
        "degree", "graduate", "complete", "completing", "finish", "hours", "credits", "ceus", "ceu", "cert", "certs",
        "by a quarter", "by a third", "by half", "in half",
        "every week", "each week", "every month", "each month", "per week", "per month", "a week", "a month", "percent",
        "%", "fidelity", "sign-off", "signed off", "promoted", "promotion", "hired",
        "publish", "published", "present at", "presented",
    ]
    static let deadlines: [String] = [
        "by the end of", "by end of", "within", "in the next", "over the next", "next year", "next month", "next spring",
        "next summer", "next fall", "next winter", "this year", "this spring", "this summer", "this fall", "this winter",
        "by next", "in one year", "in a year", "in two years", "in three years", "in five years", "in six months",
        "in three months", "in 12 months", "in 18 months", "in 6 months", "in 3 months", "in 2 years", "in 5 years",
        "in 3 years", "in 1 year", "before the end", "by december", "by june", "by the time", "deadline", "months from now",
        "years from now", "year from now", "by spring", "by summer", "by fall", "by winter", "first year", "first six months",
        "first 90 days", "90 days", "30 days", "60 days", "first 30", "first 60", "first month", "by the fall", "by the spring",
        "by the summer", "by the winter", "end of the year", "end of next year", "this time next year", "per quarter",
        "each quarter", "every quarter", "in the coming year", "over the coming", "the next year", "next few months",
        "the next couple of years", "by the time i'm", "by the time i am", "this quarter", "this month", "this week",
    ]
    static let progress: [String] = [
        "already", "enrolled", "signed up", "registered", "applied", "i've started", "i have started", "i started", "i've begun",
        "i've completed", "i have completed", "i've finished", "halfway", "on track", "my supervisor", "my employer",
        "tuition", "budget", "saving", "scheduled", "booked", "study group", "studying", "steps", "the first step", "plan is",
        "my plan", "by taking", "by attending", "by completing", "by getting", "mentor", "mentorship", "support from",
        "agreed to", "paid for", "reimburse", "reimbursement", "i have", "i've got", "i've logged", "logged",
    ]
    static let relevance: [String] = [
        "so that", "so i can", "which will", "which would", "because", "for my clients", "for clients", "our clients",
        "the clients", "my clients", "this role", "this position", "this team", "this agency", "this program", "the people",
        "the community", "population", "the team", "help me", "help clients", "to serve", "to support", "better serve",
        "better support", "the work", "in this work", "meaningful", "matters to me", "important to me", "fits", "aligns",
    ]
}
