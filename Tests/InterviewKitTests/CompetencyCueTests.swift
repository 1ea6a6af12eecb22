import Testing
@testable import InterviewCore
@testable import BuiltInAnalyzers

/// A cue shows its competency only where the answer really says it: not negated by the speaker,
/// not inside a set expression that means something else, in any common form of its words.
/// Each case names a cue, an answer that must show it and one that must not.
@Suite struct CompetencyCueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let cue: String
        let shows: String
        let doesNotShow: String
        var testDescription: String { "'\(cue)'" }
    }

    static let cases: [Case] = [
        // A filler, not the means of suicide.
        Case(cue: "means", shows: "I asked what means she had at home.", doesNotShow: "I mean, I just talked to her."),
        Case(cue: "rights", shows: "I went over his rights with him.", doesNotShow: "I called the landlord right away."),
        Case(cue: "WRAP", shows: "We wrote her WRAP together.", doesNotShow: "Before we could wrap up, she left."),
        Case(cue: "space", shows: "I stepped back and gave him space.", doesNotShow: "I wanted the group to be a safe space."),
        Case(cue: "hope", shows: "My story gave him some hope.", doesNotShow: "I hope that answers your question."),
        Case(cue: "course", shows: "I signed up for a course on trauma.", doesNotShow: "Of course I told my supervisor."),
        Case(cue: "release", shows: "She signed a release so I could call her mother.", doesNotShow: "He was released from jail on Friday."),
        Case(cue: "bias", shows: "I named my biases in supervision.", doesNotShow: "I didn't look at my own biases then."),
        Case(cue: "focus", shows: "I focused on what she wanted.", doesNotShow: "I never focused on what she wanted."),
        // What the speaker says they did not do.
        Case(cue: "safety plan", shows: "We wrote a safety plan that night.", doesNotShow: "I didn't do a safety plan."),
        Case(cue: "consulted", shows: "I consulted my supervisor the same day.", doesNotShow: "I never consulted anyone."),
        Case(cue: "documented", shows: "I documented the call.", doesNotShow: "I forgot to document it until Monday, and nobody documented the call."),
        Case(cue: "grounding", shows: "I taught her a grounding exercise.", doesNotShow: "I went ahead without any grounding."),
        Case(cue: "document", shows: "I would document the call before my shift ended.", doesNotShow: "I'd probably forget to document the times."),
        // A negation after what it denies.
        Case(cue: "safety plan", shows: "The safety plan we wrote was never used.", doesNotShow: "A safety plan was never written."),
        Case(cue: "release of information", shows: "She signed a release of information, but the school never called.", doesNotShow: "The release of information wasn't signed."),
        Case(cue: "consent", shows: "Her consent was given in writing and nobody objected.", doesNotShow: "Consent was not given, and I went ahead."),
        Case(cue: "consulted", shows: "My supervisor was consulted and she didn't object.", doesNotShow: "My supervisor was never consulted."),
        Case(cue: "in our state", shows: "Since in our state she couldn't consent alone, her father signed.", doesNotShow: "The law in our state was never explained to me."),
        // The negation ends with its clause, also one a joining word or a new subject begins.
        Case(cue: "911", shows: "I didn't wait; I called 911.", doesNotShow: "There was no reason to call 911."),
        Case(cue: "988", shows: "When she didn't answer I called 988.", doesNotShow: "I never called 988."),
        Case(cue: "988", shows: "I didn't panic and immediately called 988.", doesNotShow: "I didn't call 988."),
        Case(cue: "Narcan", shows: "Because he wasn't breathing I gave him Narcan.", doesNotShow: "I had no Narcan with me."),
        // Negations that say yes.
        Case(cue: "safety plan", shows: "I never leave a session without a safety plan.", doesNotShow: "I left without a safety plan."),
        Case(cue: "Narcan", shows: "I didn't hesitate to give him Narcan.", doesNotShow: "I didn't give him Narcan."),
        Case(cue: "safety plan", shows: "Her last plan failed and together we wrote a new safety plan.", doesNotShow: "I failed to write a safety plan."),
        // Words in other senses that stay cues.
        Case(cue: "trust", shows: "He slowly began to trust me.", doesNotShow: "I didn't earn his trust."),
        Case(cue: "WRAP", shows: "I introduced him to WRAP.", doesNotShow: "Time to wrap it up."),
        Case(cue: "mother", shows: "I called her mother that evening.", doesNotShow: "Her mother tongue was Spanish."),
        Case(cue: "phobia", shows: "We talked about her phobias.", doesNotShow: "We talked about her photos."),
        Case(cue: "repeat", shows: "I repeated back what he said.", doesNotShow: "I reported what he said."),
        Case(cue: "professional interpreter", shows: "Rather than have her translate, I'd book a professional interpreter.", doesNotShow: "She came without a professional interpreter."),
        Case(cue: "her translate", shows: "I let her translate for her mother.", doesNotShow: "Rather than having her translate, I'd book a phone line."),
        Case(cue: "Linh translate", shows: "I let Linh translate.", doesNotShow: "Instead of letting Linh translate, I'd ask her mother what she prefers."),
        Case(cue: "licensing board", shows: "I'd go to the licensing board.", doesNotShow: "I don't think I'd go to the licensing board over a first slip."),
        Case(cue: "called 988", shows: "I didn't think twice, I called 988.", doesNotShow: "I don't believe she called 988."),
        Case(cue: "consulted", shows: "I consulted my supervisor that day.", doesNotShow: "I consulted no one."),
        Case(cue: "told her supervisor", shows: "She told her supervisor, and nobody was surprised.", doesNotShow: "She told her supervisor nothing."),
        Case(cue: "until morning", shows: "I told her to wait until morning.", doesNotShow: "I wouldn't wait until morning."),
        Case(cue: "called 911", shows: "I didn't wait for the team; I called 911 myself.", doesNotShow: "I didn't call 911 myself."),
        Case(cue: "asking about suicide", shows: "I started by asking about suicide directly.", doesNotShow: "I'd avoid asking about suicide directly."),
        Case(cue: "tell them everything", shows: "I told them everything I knew.", doesNotShow: "I tell them very little."),
        Case(cue: "if she had a plan", shows: "I asked if she has a plan.", doesNotShow: "I asked if she heard a plan."),
        Case(cue: "was thinking about suicide", shows: "I asked whether she is thinking about suicide.", doesNotShow: "I asked whether she kept thinking about suicide."),
        Case(cue: "made a report", shows: "I'll make a report today.", doesNotShow: "I made a plan."),
        Case(cue: "wrote a safety plan", shows: "We've written a safety plan together.", doesNotShow: "We wrote a letter."),
        Case(cue: "the cops", shows: "Someone called the cops on him.", doesNotShow: "We went over the coping strategies that help."),
        Case(cue: "coping skills", shows: "We practised her coping skills and she coped better.", doesNotShow: "The cops skilled at nothing."),
        Case(cue: "caring", shows: "She felt cared for.", doesNotShow: "I drove her in my car."),
        Case(cue: "use a professional interpreter", shows: "I used a professional interpreter.", doesNotShow: "I never use a professional interpreter."),
        Case(cue: "stop", shows: "I stopped the session.", doesNotShow: "I stepped out."),
        Case(cue: "hope", shows: "She was hoping to go home.", doesNotShow: "She was hopping mad."),
        // A cue that writes the expression or the negation itself still matches it.
        Case(cue: "no judgment", shows: "I listened with no judgment.", doesNotShow: "There was judgment in my voice."),
        Case(cue: "of course correction", shows: "It took a kind of course correction.", doesNotShow: "Of course I called."),
        // The cue's own negation is its own: one before it denies the cue ("never" a "no-harm" contract).
        Case(cue: "no-suicide contract", shows: "I had her sign a no-suicide contract.", doesNotShow: "I'd never use a no-suicide contract."),
        Case(cue: "without his permission", shows: "I called his mother without his permission.", doesNotShow: "I never call family without his permission."),
        // A cue's negation matches any negation of a verb.
        Case(cue: "can't confirm or deny", shows: "I told her I couldn't confirm or deny he was a client.", doesNotShow: "I'd confirm or deny it once he signed."),
        Case(cue: "won't keep secrets", shows: "I wouldn't keep secrets about safety.", doesNotShow: "I keep secrets when he asks."),
        Case(cue: "never said anything", shows: "I never said anything to anyone.", doesNotShow: "I didn't say anything in front of the clients."),
        // A gap stands for a few words of the same sentence.
        Case(cue: "can't keep … between us", shows: "I told him I can't keep this just between us.", doesNotShow: "I told him I'd keep it between us."),
        Case(cue: "asked … whether … suicide", shows: "I asked her directly whether she'd had any thoughts of suicide.", doesNotShow: "I asked her. Whether it was about suicide, I never found out."),
        Case(cue: "call 911 ... address", shows: "I had my coworker call 911 to her address.", doesNotShow: "I had my coworker call 911, and then we looked for her sister, who knew the address."),
        Case(cue: "won't let her mom know … safety", shows: "I won't let her mom know anything about safety.", doesNotShow: "I won't let her mom know about the girlfriend, but the safety part I'd tell her together."),
        Case(cue: "walked her to … and stayed", shows: "I walked her to the crisis clinic and stayed with her.", doesNotShow: "I walked her to the crisis clinic, then she left, and I stayed at my desk."),
        Case(cue: "asked … about suicide", shows: "I asked her directly about suicide.", doesNotShow: "I asked her, but not about suicide."),
        Case(cue: "asked … about … plan", shows: "I asked about a plan.", doesNotShow: "I asked whether she had talked to anyone about a plan."),
        // A regret or a might-have-been says it was not done.
        Case(cue: "called 911", shows: "I could have waited, but I called 911.", doesNotShow: "Looking back, I should have called 911."),
        Case(cue: "asked about a plan", shows: "I asked about a plan right away.", doesNotShow: "I could've asked about a plan."),
        Case(cue: "safety plan", shows: "Every client should have a safety plan, so we wrote one.", doesNotShow: "We should have written a safety plan."),
        Case(cue: "safety plan", shows: "I put a safety plan in place.", doesNotShow: "I should have put a safety plan in place."),
        Case(cue: "called 911", shows: "I just called 911.", doesNotShow: "I should have just called 911."),
        Case(cue: "informed consent", shows: "Every client should have informed consent before anything is shared.", doesNotShow: "She had no informed consent on file."),
        Case(cue: "access to a gun", shows: "I asked whether he could have had access to a gun.", doesNotShow: "I could have asked about access to a gun."),
        // He, she and they, in each of their forms, match each other; "I", "we" and "my" do not.
        Case(cue: "asked her if … plan", shows: "I asked him if he had a plan.", doesNotShow: "I asked myself if there was a plan."),
        Case(cue: "didn't let him leave alone", shows: "We didn't let them leave alone.", doesNotShow: "They didn't let me leave alone."),
        Case(cue: "she had a plan", shows: "He had a plan for Saturday.", doesNotShow: "I had a plan for Saturday."),
        Case(cue: "called his mother", shows: "I called their mother.", doesNotShow: "I called my mother."),
        Case(cue: "kept herself safe", shows: "He's kept himself safe for years.", doesNotShow: "I've kept myself safe for years."),
        // A subject with its auxiliary is the subject: a plan said as done, and done as a plan.
        Case(cue: "I'd call 911", shows: "I called 911 right away.", doesNotShow: "She called 911 right away."),
        Case(cue: "we kept it between us", shows: "We'd keep it between us.", doesNotShow: "They'd keep it between us."),
        // A cue that writes the regret matches it.
        Case(cue: "I should have", shows: "Looking back, I should have asked about her history first.", doesNotShow: "She should have asked about her history."),
        Case(cue: "keep it between us", shows: "I said I'd keep it between us.", doesNotShow: "I wont keep it between us."),
    ]

    @Test(arguments: cases)
    func aCueShowsWhatItSaysAndNothingElse(_ example: Case) {
        let competency = Competency(id: "c", label: "C", cues: [example.cue], location: SourceLocation(file: "t", line: 1, column: 1))
        let context = AnalysisContext(competencies: [competency], assessed: ["c"])
        let analyzer = CompetencyAnalyzer()
        #expect(analyzer.analyze(example.shows, context: context)["competency.c"] == .bool(true), "«\(example.shows)»")
        #expect(analyzer.analyze(example.doesNotShow, context: context)["competency.c"] == .bool(false), "«\(example.doesNotShow)»")
        // Prepared for the scenario (the engine's path), the same.
        let prepared = analyzer.prepared(for: [competency])
        #expect(prepared.analyze(example.doesNotShow, context: context)["competency.c"] == .bool(false))
    }

    /// An irregular verb's forms match each other also where the scenario's cues write more than
    /// one of them: "wrote it up" still matches "I'd write it up" beside a cue "write a note".
    @Test func irregularFormsMatchEachOtherWhenCuesWriteSeveral() {
        let documentation = Competency(id: "doc", label: "Doc", cues: ["wrote it up"], location: SourceLocation(file: "t", line: 1, column: 1))
        let notes = Competency(id: "notes", label: "Notes", cues: ["write a note"], location: SourceLocation(file: "t", line: 2, column: 1))
        let context = AnalysisContext(competencies: [documentation, notes], assessed: ["doc", "notes"])
        let analyzer = CompetencyAnalyzer().prepared(for: [documentation, notes])
        let write = analyzer.analyze("I'd write it up before I left.", context: context)
        #expect(write["competency.doc"] == .bool(true))
        #expect(write["competency.notes"] == .bool(false))
        let wrote = analyzer.analyze("I wrote a note the same day.", context: context)
        #expect(wrote["competency.notes"] == .bool(true))
        #expect(wrote["competency.doc"] == .bool(false))
    }

    /// A gap's words are quoted with the cue's; a gap takes the fewest words that let the cue match.
    @Test func aGapIsQuotedWithTheWordsAroundIt() {
        let competency = Competency(id: "ask", label: "Ask", cues: ["asked … about suicide"], location: SourceLocation(file: "t", line: 1, column: 1))
        let analysis = CompetencyAnalyzer().analyze(
            "I asked her directly about suicide and about her plans.", context: AnalysisContext(competencies: [competency], assessed: ["ask"]))
        #expect(analysis.evidence.first { $0.feature == "competency.ask" }?.text == "asked her directly about suicide")
    }

    /// The evidence quotes the cue where it does count, not an earlier negated one.
    @Test func evidenceIsTheFirstPlaceTheCueCounts() {
        let competency = Competency(id: "risk", label: "Risk", cues: ["safety plan"], location: SourceLocation(file: "t", line: 1, column: 1))
        let analysis = CompetencyAnalyzer().analyze(
            "At first I didn't do a safety plan. The next morning we wrote a safety plan together.",
            context: AnalysisContext(competencies: [competency], assessed: ["risk"]))
        let evidence = analysis.evidence.first { $0.feature == "competency.risk" }
        #expect(evidence?.start == 64)
    }
}
