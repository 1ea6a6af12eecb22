import InterviewCore

/// What one clause says, by the STAR rules: who acts, in which tense and mood, and which STAR part it shows.
struct ClauseFacts {
    var ownAction = false
    var groupAction = false
    var thirdPersonEvent = false
    /// Someone else speaking ("she said yes"): part of the story, not its outcome.
    var thirdPersonSpeech = false
    var past = false
    var hypothetical = false
    var habitual = false
    var task = false
    var sceneSetter = false
    var anchor = false
    var strongResult = false
    var weakResult = false
    var uncertain = false
    /// The candidate says they cannot think of an example ("nothing comes to mind").
    var declines = false
    var quantity = false
    /// A clause that gives a time or a reason ("before he left", "because she moved") rather than an outcome.
    var subordinate = false
    /// Whether "I" or "we" is a subject somewhere in the clause.
    var hasOwnOrGroupSubject = false
    var hasSubject = false
    /// A clause that starts with a past verb and names no subject continues the previous one: "…, dropped my shifts".
    var continuesPrevious = false
    /// Present-tense verbs, which tell a habit or, in a story anchored in the past, the story itself
    /// ("So I'm sitting with her last week and she tells me…").
    var presentOwn = false
    var presentGroup = false
    var presentOther = false
    var habitWords = false
    /// A reason or backstory ("because she had missed…"), as opposed to what happened meanwhile.
    var givesBackground = false
    /// The speaker got something done ("I finished the program", "I graduated"): an action that
    /// may be the outcome.
    var ownCompletion = false
    /// "I never learned whether…", "I don't know if…", "I was never told", "I don't have an ending
    /// yet": a negation, then within three words a verb or noun of knowing: an outcome the speaker
    /// does not know.
    var unknownOutcome = false

    /// Reads one clause's tokens. Words are compared by vocabulary id and flags, never as Strings:
    /// this runs for every clause of every answer.
    init(_ tokens: UnsafeBufferPointer<Token>) {
        guard let firstToken = tokens.first, let lastToken = tokens.last else { return }
        // Every flag of the clause's words after the first, and whether "had" is one, in one pass.
        var later: WordInfo = []
        var hasHad = firstToken.is(.had)
        for token in tokens.dropFirst() {
            later.formUnion(token.info)
            hasHad = hasHad || token.is(.had)
        }
        let all = later.union(firstToken.info)
        var lastNegation = Int.min / 2
        var negatedKnowing = false
        for (offset, token) in tokens.enumerated() {
            if token.info.contains(.negationWord) { lastNegation = offset }
            if token.info.contains(.knowingWord) && offset - lastNegation <= 3 { negatedKnowing = true }
        }
        subordinate = firstToken.info.contains(.subordinator)
        givesBackground = firstToken.is(.because) || firstToken.is(.since) || firstToken.is(.as) || hasHad
        // "once" anchors a story when it stands alone or ends the clause ("I had a client once"), not in "once he calmed down".
        let phrases = Self.phrases.scan(tokens, marked: .phraseStart, onlyAtStart: Self.Phrase.conditionalOpener.rawValue)
        func has(_ phrase: Phrase) -> Bool { phrases & phrase.rawValue != 0 }
        anchor = has(.anchor) || all.contains(.year)
            || (lastToken.is(.once) && (tokens.count == 1 || !firstToken.is(.once)))
        sceneSetter = has(.sceneSetter)
        task = has(.task) || Self.obligation(in: tokens)
        strongResult = has(.strongResult)
        weakResult = has(.weakResult)
        uncertain = has(.uncertainty)
        declines = has(.declining) || Self.declinesByFrame(tokens)
        quantity = all.contains(.quantity)
        if firstToken.is(.if) || has(.conditionalOpener) { hypothetical = true }
        habitWords = all.contains(.habitual)
        readSubjects(tokens)
        // It is the speaker who does not know ("I never found out", "nobody told me"), not someone
        // in the story ("the ex never found her").
        unknownOutcome = negatedKnowing && (hasOwnOrGroupSubject || all.contains(.speakerObject))
        // "I asked her at the next session" dates the speaker's own action; "the next session she came early" is an outcome.
        if has(.later) && !ownAction { strongResult = true }
        // "She always came late" is someone else's habit, part of a story; "I always listen" is the speaker's.
        if (habitWords && (hasOwnOrGroupSubject || !hasSubject)) || has(.generic) { habitual = true }
        // The speaker's action in other words: the passive ("the family was contacted by me"), or
        // a noun ("my referral of her to…", "my first step was a call"). Still theirs.
        if !hypothetical && !habitual && all.contains(.past) && !all.contains(.modal) && (has(.ownStep) || Self.actsInOtherWords(tokens)) {
            ownAction = true
            past = true
        }
        if let first = tokens.first(where: { !$0.info.contains(.connective) && !$0.info.contains(.adverb) })?.info {
            if first.contains(.actionPast) && !first.contains(.thirdPerson) {
                // "…, found out he had been in hospital": the verb comes first, so its subject is the previous clause's.
                continuesPrevious = true
                past = true
            } else if !hasSubject, later.contains(.past) {
                // Someone the word lists do not know: "a client's employer called".
                past = true
                thirdPersonEvent = true
            }
        }
    }

    // MARK: Subjects and verbs

    private enum Subject { case own, group, other }

    private mutating func readSubjects(_ tokens: UnsafeBufferPointer<Token>) {
        var i = 0
        while i < tokens.count {
            let info = tokens[i].info
            let before: WordInfo = i > 0 ? tokens[i - 1].info : []
            var subject: Subject?
            var next = i + 1
            if info.contains(.ownSubject) {
                subject = .own
            } else if info.contains(.groupSubject) || (info.contains(.groupNoun) && before.contains(.groupDeterminer) && !(i >= 2 && tokens[i - 2].info.contains(.preposition))) {
                // "the team decided", but not "a psychiatrist on my team wanted…".
                subject = .group
            } else if info.contains(.thirdPerson) && !before.contains(.preposition) {
                subject = .other
            }
            guard let subject else {
                i += 1
                continue
            }
            hasSubject = true
            if subject != .other { hasOwnOrGroupSubject = true }
            // "who" clauses after a noun describe the scene: "a client who had stopped…"
            if subject == .other, next < tokens.count, tokens[next].is(.who) { next += 1 }
            // "a client I worked with": the speaker inside a description of someone else.
            if subject != .other, before.contains(.thirdPerson) || before.contains(.sceneNoun) {
                // "what I had seen" is neither an action nor a scene; "the clinic where I worked" is a scene.
                sceneSetter = sceneSetter || !tokens[i - 1].is(.what)
                i += 1
                continue
            }
            readVerb(after: info, subject: subject, tokens, from: next)
            i += 1
        }
    }

    private mutating func readVerb(after subjectWord: WordInfo, subject: Subject, _ tokens: UnsafeBufferPointer<Token>, from start: Int) {
        var i = start
        while i < tokens.count, tokens[i].info.contains(.adverb) || tokens[i].info.contains(.hedge) { i += 1 }
        guard i < tokens.count else { return }
        let verb = tokens[i].keyword
        let verbInfo = tokens[i].info
        // "I guess I walked": the next subject starts its own reading.
        if verbInfo.contains(.ownSubject) || verbInfo.contains(.groupSubject) { return }
        let hasFollowing = i + 1 < tokens.count
        let following = hasFollowing ? tokens[i + 1].keyword : nil
        let followingInfo: WordInfo = hasFollowing ? tokens[i + 1].info : []
        let afterFollowing = i + 2 < tokens.count ? tokens[i + 2].keyword : nil

        // Contractions carry the auxiliary: I'd called (had) vs I'd call (would); I'll call (will).
        if subjectWord.contains(.endsApostropheD) {
            // "I'd called" is a past perfect; "I'd let them talk" is a would, since "let" is also a base form.
            if verbInfo.isSuperset(of: [.endsEd, .past]) || verbInfo.contains(.participle) { return event(subject, action: true) }
            hypothetical = true
            return
        }
        if subjectWord.contains(.endsApostropheLL) {
            hypothetical = true
            return
        }
        if subjectWord.contains(.endsApostropheMOrRe) || verb == .am {
            // "I'm calling the supervisor" is happening now, or in a story told in the present; "I'm
            // patient with them", "I'm a listener" say what the speaker is like.
            let progressive = subjectWord.contains(.endsApostropheMOrRe) ? verbInfo.contains(.endsIng) : followingInfo.contains(.endsIng)
            if !progressive { habitualIfOwn(subject) }
            present(subject)
            return
        }
        if verbInfo.contains(.modal) {
            // "nobody would talk": someone else's habit in the past is part of the scene.
            if subject == .other && verb == .would {
                past = true
                thirdPersonEvent = true
                return
            }
            if verb == .could || verb == .can {
                if verb == .can { habitualIfOwn(subject) }
                // "could" reports a past ability as often as a hypothetical; let the rest decide.
                return
            }
            hypothetical = true
            return
        }
        switch verb {
        case .did? where following == .not, .didnt?, .never?, .couldnt?, .wasnt?, .werent?, .hadnt?:
            past = true
            if subject == .other { event(subject, action: false) }
            return
        case .wont?:
            hypothetical = true
            return
        case .dont?, .doesnt?, .cant?, .isnt?, .arent?:
            habitualIfOwn(subject)
            return
        case .did? where hasFollowing && !followingInfo.contains(.past):
            return event(subject, action: true)  // emphatic "I did call"
        case .had? where following == .to:
            past = true
            task = task || subject != .other
            return
        case .had? where followingInfo.contains(.actionPast) && following != .had:
            return event(subject, action: true)  // past perfect: "I had called"
        case .had? where [.him, .her, .them, .everyone, .everybody, .each].contains(following):
            return event(subject, action: true)  // "I had him shadow me"
        case .was?, .were?:
            past = true
            if following == .able && afterFollowing == .to {
                return event(subject, action: true)
            }
            if [.asked, .assigned, .responsible, .tasked, .supposed, .expected, .hired, .brought, .charged, .in].contains(following) && subject != .other {
                task = true
                return
            }
            if subject == .other {
                thirdPersonEvent = true
            } else if followingInfo.contains(.endsIng) && !followingInfo.contains(.sceneProgressive) {
                // The past progressive tells actions too: "I was calling the landlord, I was asking…".
                return event(subject, action: true)
            } else {
                sceneSetter = sceneSetter || followingInfo.contains(.endsIng) || [.new, .the, .a, .on].contains(following)
            }
            return
        case .used? where following == .to:
            if subject != .other { habitual = true } else { past = true; thirdPersonEvent = true }
            return
        case .worked? where [.at, .in, .as, .for, .a].contains(following):
            past = true
            if subject != .other { sceneSetter = true }
            return
        case .needed? where following == .to, .wanted? where following == .to, .hoped? where following == .to,
            .aimed? where following == .to, .planned? where following == .to, .intended? where following == .to:
            past = true
            if subject != .other { task = true }
            return
        case .decided?, .tried?, .managed?, .chose?, .started?, .began?, .continued?, .kept?, .made?, .got?, .went?, .offered?, .helped?, .asked?:
            // "decided to call", "made sure", "got her connected": these lead to doing something.
            return event(subject, action: true)
        default:
            break
        }
        if verbInfo.contains(.actionPast) {
            if subject == .other && verbInfo.contains(.speech) { thirdPersonSpeech = true }
            if subject == .own && verbInfo.contains(.completionVerb) { ownCompletion = true }
            return event(subject, action: true)
        }
        // "she has been sober", "he has stayed": the present perfect reports where things stand.
        if subject == .other, verb == .has || verb == .have, followingInfo.contains(.past) {
            weakResult = true
            return event(subject, action: false)
        }
        if verbInfo.contains(.past) {
            past = true
            if subject == .other {
                thirdPersonEvent = true
            } else {
                sceneSetter = sceneSetter || [.had, .felt, .was, .noticed, .realized, .realised, .saw, .heard].contains(verb)
            }
            return
        }
        // A present-tense verb after I or we: a habit or a belief ("I try", "we use").
        if subject != .other, !verbInfo.contains(.endsIng) {
            habitual = true
            present(subject)
        } else if subject == .other, verbInfo.contains(.endsS), ![.is, .has, .does, .was, .this, .always, .as].contains(verb), !verbInfo.contains(.modal) {
            present(subject)
        }
    }

    private mutating func present(_ subject: Subject) {
        switch subject {
        case .own: presentOwn = true
        case .group: presentGroup = true
        case .other: presentOther = true
        }
    }

    /// Reads a present-tense clause as part of a story told in the historical present.
    mutating func readAsPastNarrative() {
        guard presentOwn || presentGroup || presentOther, !habitWords else { return }
        habitual = false
        past = true
        ownAction = ownAction || presentOwn
        groupAction = groupAction || presentGroup
        thirdPersonEvent = thirdPersonEvent || presentOther
    }

    private mutating func habitualIfOwn(_ subject: Subject) {
        if subject != .other { habitual = true }
    }

    private mutating func event(_ subject: Subject, action: Bool) {
        past = true
        switch subject {
        case .own: ownAction = ownAction || action
        case .group: groupAction = groupAction || action
        case .other: thirdPersonEvent = true
        }
    }

    // MARK: Phrases

    /// Nouns after which "I" starts a description, not an action: "the group I ran", "a clinic where I worked".
    static let sceneNouns: Set<String> = [
        "one", "where", "what", "group", "clinic", "program", "agency", "shelter", "unit", "job", "center", "centre",
        "house", "hospital", "school", "practice", "team", "role", "position", "organization", "office", "session", "meeting",
        "class", "internship", "placement", "practicum", "event", "client", "patient", "caseload", "site", "ward", "floor",
    ]

    /// Past participles that are not also base forms, for telling "I'd done" (had) from "I'd do" (would).
    static let participles: Set<String> = ["been", "done", "gone", "seen", "taken", "given", "spoken", "written", "told", "made", "found", "brought", "thought", "kept", "left", "met", "sent", "spent", "taught", "felt", "heard", "known", "shown", "begun", "driven", "chosen", "held", "built", "paid", "stood", "sat", "led"]

    static let sceneProgressives: Set<String> = [
        "working", "living", "feeling", "thinking", "hoping", "wondering", "starting", "finishing", "covering", "being",
        "interning", "volunteering", "studying", "training", "waiting", "going", "getting", "running", "staying", "doing",
    ]

    static let speechVerbs: Set<String> = ["said", "told", "asked", "answered", "replied", "explained", "admitted", "mentioned", "shared", "insisted", "yelled", "shouted", "screamed", "whispered", "texted", "called"]

    static let subordinators: Set<String> = ["before", "while", "because", "when", "whenever", "if", "unless", "since", "although", "though", "as", "once"]

    enum Phrase: UInt32 {
        case anchor = 1, sceneSetter = 2, task = 4, strongResult = 8, weakResult = 16, uncertainty = 32, conditionalOpener = 64, generic = 128
        case later = 256, declining = 512, ownStep = 1024
    }

    /// All the lists below, in the order of `Phrase`'s bits.
    static let phraseLists = [
        anchors, sceneSetters, taskPhrases, strongResults, weakResults, uncertainty, conditionalOpeners, genericPhrases, laterPhrases,
        declining, ownSteps,
    ]

    /// The speaker's steps named as such: "my first step was a call to the daughter".
    static let ownSteps: [String] = [
        "my first step", "my next step", "my second step", "my last step", "my final step", "my first move", "my next move",
        "my first action", "my next action", "my contribution", "my last contribution", "my first contribution",
        "my response was", "my first response",
    ]

    static let negationWords: Set<String> = [
        "not", "never", "don't", "didn't", "dont", "didnt", "can't", "cant", "cannot", "couldn't", "no", "nobody", "haven't", "hasn't",
        "wasn't", "weren't", "won't", "doesn't",
    ]
    /// Verbs and nouns of knowing and finding out.
    static let knowingWords: Set<String> = [
        "know", "knew", "learned", "learnt", "find", "found", "heard", "hear", "sure", "idea", "tell", "told", "say", "clue", "update",
        "follow", "followed", "see", "saw", "ending", "outcome",
    ]

    /// Not "passed" or "reached", which pass things on and reach out as often as they succeed.
    static let completionVerbs: Set<String> = ["finished", "completed", "graduated", "earned", "achieved", "accomplished"]

    /// Nouns of doing that do not end in "-tion", "-sion" or "-ment".
    static let deverbalNouns: Set<String> = [
        "referral", "proposal", "approval", "removal", "arrival", "renewal", "withdrawal", "call", "visit", "review",
        "request", "offer", "response", "reply", "check", "check-in", "outreach", "handling", "follow-up", "repair",
        "apology", "delivery", "analysis", "choice", "advocacy", "rewrite", "redesign", "audit", "training",
    ]

    /// A passive with the speaker as its agent ("was contacted by me", "got sent by me"), or "my"
    /// and a noun of doing before a preposition ("my arrangement of a meeting", "my call to the
    /// daughter"), in a clause that tells the past (the caller checks). Not "he walked right by me",
    /// nor a scene noun ("my placement at the clinic", "my session with her").
    static func actsInOtherWords(_ tokens: UnsafeBufferPointer<Token>) -> Bool {
        for i in tokens.indices {
            let info = tokens[i].info
            if tokens[i].is(.by), i >= 2, i + 1 < tokens.count, tokens[i + 1].info.contains(.speakerObject) || tokens[i + 1].info.contains(.ownSubject),
                tokens[i - 1].info.contains(.past) || tokens[i - 1].info.contains(.participle),
                tokens[i - 2].is(.was) || tokens[i - 2].is(.were) || tokens[i - 2].is(.got) || tokens[i - 2].info.contains(.participle)
            {
                return true
            }
            if info.contains(.ownPossessive) {
                // One word between may describe it: "my first call to", "my formal request for".
                for noun in (i + 1)..<min(i + 3, tokens.count) where noun + 1 < tokens.count {
                    let nounInfo = tokens[noun].info
                    guard !nounInfo.contains(.sceneNoun) else { break }
                    if (nounInfo.contains(.nominalSuffix) || nounInfo.contains(.deverbal)) && tokens[noun + 1].info.contains(.preposition) { return true }
                }
            }
        }
        return false
    }
    static let phrases = PhraseIndex(phraseLists, vocabulary: .builtIn)

    static let anchors: [String] = [
        "one time", "there was a time", "a time when", "i remember", "last year", "last month", "last week", "last spring",
        "last summer", "last fall", "last winter", "years ago", "months ago", "weeks ago", "year ago", "month ago", "days ago",
        "a while ago", "a while back", "for example", "for instance", "i had a client", "i had a patient",
        "i had this client", "one of my clients", "one of my patients", "a client i", "one client", "one patient",
        "recently", "at my last", "at my previous", "in my last", "in my previous", "during my", "one day", "one night",
        "one evening", "one morning", "one afternoon", "this one client", "there was this", "there was a client",
        "there was a patient", "earlier this year", "at the time", "the other day", "a few weeks", "a few months",
        "a couple of months", "a couple of weeks", "a couple of years", "yesterday", "on one occasion", "in my first",
        "when i was working", "when i worked", "my first week", "my first month", "my first year",
    ]

    static let sceneSetters: [String] = [
        "there was", "there were", "i had a client", "i had a patient", "a client who", "a patient who", "a client with",
        "one of my clients", "one of my patients", "was referred", "were referred", "came in", "came to", "was admitted",
        "was diagnosed", "had been", "was struggling", "who had", "who was", "who kept", "who wasn't", "who didn't",
        "court-ordered", "court ordered", "was mandated", "the situation", "the problem was", "the issue was", "at the time",
        "i was working", "i worked at", "i worked as", "i worked in", "i was new", "i was on", "i was the", "i was a",
        "at my last", "at my previous", "during my", "on the unit", "in the clinic", "at the clinic", "at the agency",
        "at the shelter", "in group", "was refusing", "kept missing", "had missed", "had relapsed", "was angry", "was upset",
        "was in crisis", "a young", "a woman", "a man", "a teenager", "a mother", "a father", "a veteran", "a family",
        "an older", "a new client", "a new peer", "a participant", "a member",
    ]

    static let taskPhrases: [String] = [
        "my role", "my job was", "my job is", "my task", "my responsibility", "responsible for", "i was asked", "i was assigned",
        "i was tasked", "my goal", "the goal", "the aim", "my aim", "my priority", "the priority", "our job", "our goal",
        "our task", "our priority", "our role", "our aim", "i wanted her", "i wanted him", "i wanted them",
        "i wanted to make sure", "i wanted to", "it was my job", "it was up to me", "it fell to me", "i was in charge",
        "my part was", "i was supposed to", "the task", "the challenge was", "the plan was", "my focus", "i had to figure out",
        "i knew i had to", "i knew i needed", "my first priority", "my main concern", "my concern was", "my objective",
        "i needed", "we needed", "we had to", "i was expected", "the job was", "it was on me",
    ]

    /// "had to" and "needed to" state a task unless someone else is the one who had to.
    static func obligation(in tokens: UnsafeBufferPointer<Token>) -> Bool {
        for i in tokens.indices.dropFirst() where i + 1 < tokens.count && tokens[i + 1].is(.to) {
            guard tokens[i].is(.had) || tokens[i].is(.needed) else { continue }
            let before = tokens[i - 1]
            if !before.info.contains(.thirdPerson) && !before.is(.who) { return true }
        }
        return false
    }

    static let strongResults: [String] = [
        "as a result", "in the end", "end result", "ended up", "turned out", "by the end", "the outcome", "the result was",
        "the result is", "since then", "to this day", "resulted in", "led to", "it worked", "that worked", "it helped",
        "that helped", "this helped", "worked out", "paid off", "made a difference", "was successful", "were successful",
        "no longer", "thanked me", "stopped using", "is now", "was now",
        "are now", "she's now", "he's now", "they're now", "now she", "now he", "now they", "eventually", "ultimately",
        "by the time", "went from", "was discharged", "got discharged",
        "was stabilized", "graduated", "completed the", "completed her", "completed his", "completed their", "didn't work",
        "didn't help", "did not work", "did not help", "dropped out", "wasn't enough", "it failed", "over the next",
        "within a", "within two", "within three", "from then on", "from that point",
        "still in touch", "still comes", "still attends", "is still", "are still", "she still", "he still", "they still",
        "i got feedback", "my supervisor said", "the family said", "she told me later", "he told me later", "later told me",
        "told me later", "later she", "later he", "later they", "i'm now", "i am now", "we're now", "we are now",
        "i now", "we now", "by the second", "by the third", "by the fourth",
        "by the fifth", "by the sixth", "by the last", "by week", "by session", "by month", "by the following",
    ]

    /// Time words that mark an outcome when someone else acts, but only date the action when the speaker does.
    static let laterPhrases: [String] = [
        "afterwards", "afterward", "a week later", "a month later", "weeks later", "months later", "days later",
        "the next week", "the next day", "the next session", "by the next",
    ]

    static let weakResults: [String] = [
        "improved", "reduced", "increased", "decreased", "dropped", "went down", "went up", "fewer", "less", "more engaged",
        "better", "calmer", "calmed down", "agreed", "opened up", "started", "stopped", "returned", "completed", "finished",
        "attended", "showed up", "came", "relapsed", "stayed", "stable", "safe", "sober", "relieved", "grateful", "thanked",
        "appreciated", "was able to", "were able to", "could", "accepted", "signed", "followed through", "engaged",
        "felt heard", "felt safer", "felt better", "felt more", "made progress", "progress", "succeeded", "resolved",
        "de-escalated", "settled", "rebuilt", "repaired", "trusted", "trust", "connected", "enrolled", "moved into",
        "got housing", "got a job", "found a job", "kept her", "kept his", "kept their", 
        "learned", "realized", "smiled", "laughed", "hugged", "reached out", "was approved", "was accepted",
        "was granted", "was reversed", "was withdrawn", "was dropped", "was dismissed", "were dropped", "was resolved",
        "got approved", "has been", "have been", "she's been", "he's been", "they've been", "continued", "went well",
        "went smoothly", "understood", "doing well", "doing better", "doing good", "doing great", "doing really",
        "now", "anymore", "came back", "kept coming", "started coming", "first time", "on the same page", "felt like",
    ]

    static let uncertainty: [String] = [
        "never found out", "never heard", "never knew", "don't know if", "don't know whether", "don't know what",
        "didn't know if", "didn't know whether", "didn't find out", "not sure if", "not sure whether", "not sure what",
        "no idea", "can't say", "couldn't tell", "unclear", "lost touch", "lost contact", "never saw", "i hope",
        "hopefully", "no way to know", "didn't get to see", "didn't get to find", "don't really know", "never got to",
        "not sure how", "don't know how", "i wonder", "who knows", "can't really say", "hard to say", "never followed up",
        "wasn't able to follow", "didn't follow up", "before i could", "before we could", "i left before",
        "transferred before", "moved away before", "got transferred", "i'm not sure",
    ]

    /// A candidate who cannot think of an example: an interviewer then offers a hypothetical or
    /// moves on instead of asking for an example again.
    static let declining: [String] = [
        "can't think of", "cannot think of", "couldn't think of", "can not think of", "can't come up with",
        "can't remember a", "can't recall a", "don't remember a", "don't recall a", "don't have an example",
        "don't have a specific", "don't have one", "haven't had that", "haven't had a situation", "haven't been in that",
        "nothing comes to mind", "nothing's coming to mind", "nothing is coming to mind", "drawing a blank", "i'm blanking",
        "i am blanking", "my mind is blank", "my mind went blank", "mind's gone blank", "not coming to me",
        "can't pull up", "can't pin down",
    ]

    /// Whether the clause says, in any words, that no example comes: the speaker's negation (after
    /// "I", or "nothing" and "no" themselves), then a verb of recalling or "have", then what is
    /// recalled, in that order and in one clause ("I'm not finding a real example", "I can't
    /// really pull one up", "nothing specific comes to mind", "I do not have a story like that").
    /// The phrase list above cannot know every way of saying it. Not "we didn't have any
    /// experience" (someone else's lack), nor "I can't tell you how many times" (a boast).
    static func declinesByFrame(_ tokens: UnsafeBufferPointer<Token>) -> Bool {
        var speaker = false
        var negated = false
        var recalled = false
        var possessed = false
        for token in tokens {
            let info = token.info
            if info.contains(.ownSubject) { speaker = true }
            if info.contains(.declineNegation) && (speaker || info.contains(.nothing)) {
                negated = true
            } else if negated {
                if info.contains(.recallVerb) {
                    recalled = true
                } else if info.contains(.possessionVerb) {
                    possessed = true
                } else if info.contains(.exampleNoun) && (recalled || possessed) || info.contains(.memoryNoun) && recalled {
                    return true
                }
            }
        }
        return false
    }

    static let declineNegations: Set<String> = [
        "not", "never", "no", "nothing", "nothing's", "can't", "cannot", "couldn't", "don't", "didn't", "doesn't",
        "haven't", "hasn't", "hadn't", "wasn't", "isn't", "unable", "struggling", "cant", "dont", "didnt", "couldnt", "havent",
    ]
    static let recallVerbs: Set<String> = [
        "think", "thinking", "remember", "remembering", "recall", "recalling", "come", "comes", "coming", "pull", "pulling",
        "find", "finding", "reconstruct", "pin", "pinpoint", "name", "picture", "place", "give", "share",
    ]
    static let possessionVerbs: Set<String> = ["have", "has", "had", "having", "got"]
    static let exampleNouns: Set<String> = [
        "one", "example", "examples", "story", "stories", "moment", "instance", "situation", "incident", "specific",
        "particular", "anything",
    ]
    static let memoryNouns: Set<String> = ["time", "mind"]
    /// Negations that need no subject: "nothing comes to mind", "no example comes to mind".
    static let nothingWords: Set<String> = ["nothing", "nothing's", "no"]

    static let conditionalOpeners: [String] = ["if a", "if the", "if someone", "if i", "if they", "if she", "if he", "in that situation", "in a situation", "in that case", "what i would", "i would", "i'd probably"]

    static let genericPhrases: [String] = [
        "my approach is", "my approach would", "i believe", "i think it's important", "it's important to", "it is important",
        "i make sure", "i try to", "i like to", "in general", "every time", "each time", "as a rule", "in my experience",
        "i find that", "i feel like", "i'm someone who", "i am someone who", "i'm the kind", "i am the kind", "i'm a",
        "i am a", "i have always", "i've always", "i tend", "my philosophy", "i value", "i see myself", "i really believe",
        "the key is", "what works is", "what i do is", "the best way", "you have to", "you need to", "you want to", "you just",
    ]
}
