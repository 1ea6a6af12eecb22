import Testing
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML

/// `<topics>` (what an answer mentions, for branches, never graded) and `<ask hint="…">` (a
/// phrasing's own hint).
@Suite struct TopicAndPhrasingHintTests {
    static let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)

    /// A scenario's analysis of one answer to its first question, from a fresh interview.
    static func analyzing(_ scenario: Scenario) -> (String) -> Analysis? {
        let interviewer = Interviewer(scenario: scenario, analyzers: analyzers)
        let start = interviewer.start(seed: 1)
        return { interviewer.respond(to: $0, in: start.state).analysis }
    }

    static let topics = """

        <competencies><competency id="ethics" label="Ethics"><cue>consent</cue></competency></competencies>
        <topics><topic id="minor" label="a client under 18"><cue>teenager</cue><cue>her parents</cue></topic></topics>
        """

    static let consentQuestion = """
        <question id="consent" assesses="ethics">
          <ask>Tell me about a client whose family wanted to know what was said in sessions.</ask>
          <hint>Who asked, what you shared, and how.</hint>
          <probe id="minor-consent" when="mentions.minor and not competency.ethics"><ask>Who consented to her treatment?</ask></probe>
        </question>
        """

    @Test func aTopicIsReadByConditionsAndNeverAssessed() throws {
        let result = load(scenarioXML(Self.consentQuestion, competencies: Self.topics), analyzers: Self.analyzers)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.competencies.map(\.id) == ["ethics"])
        #expect(scenario.topics.map(\.id) == ["minor"] && scenario.topics[0].isTopic)
        #expect(scenario.cueSets.map(\.id) == ["ethics", "minor"])

        let interviewer = Interviewer(scenario: scenario, analyzers: Self.analyzers)
        let start = interviewer.start(seed: 1)
        let mentioned = interviewer.respond(to: "Last spring a teenager I saw was cutting, and her parents called me every week. I told them only what she agreed to. She stayed in treatment.", in: start.state)
        #expect(mentioned.analysis?[CompetencyFeature.mentions("minor")] == .bool(true))
        #expect(mentioned.analysis?["competency.minor"] == nil, "a topic is not a competency")
        #expect(mentioned.step.target == .probe(question: "consent", probe: "minor-consent"))
        let negated = interviewer.respond(to: "Last spring a man's wife called me every week. I told her only what he agreed to. He stayed in treatment. No teenager was involved.", in: start.state)
        #expect(negated.analysis?[CompetencyFeature.mentions("minor")] == .bool(false), "negated, as competency cues are")
        #expect(negated.step.target == .end)
    }

    /// `unless="…"`: a competency is not shown by an answer that also mentions one of the topics
    /// it names (a report made, and the secret promised), wherever in the answer.
    @Test func aTopicMentionedWithholdsTheCompetenciesThatNameIt() throws {
        let cueSets = """

            <competencies><competency id="reporting" label="Reporting" unless="secrecy delay"><cue>called CPS</cue></competency>
            <competency id="ethics" label="Ethics"><cue>consulted my supervisor</cue></competency></competencies>
            <topics><topic id="secrecy" label="a secret kept"><cue>keep it between us</cue></topic>
            <topic id="delay" label="a report put off"><cue>next week</cue></topic></topics>
            """
        let question = """
            <question id="abuse" assesses="reporting ethics">
              <ask>A child tells you she is hit at home. What do you do?</ask>
              <hint>What you do and when.</hint>
            </question>
            """
        let result = load(scenarioXML(question, competencies: cueSets), analyzers: Self.analyzers)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.competencies[0].withheldBy == [["secrecy"], ["delay"]])
        let analysis = Self.analyzing(scenario)
        func reporting(_ answer: String) -> FeatureValue? { analysis(answer)?["competency.reporting"] }
        #expect(reporting("I called CPS before she left and consulted my supervisor.") == .bool(true))
        #expect(reporting("I told her we'd keep it between us. Later that day I called CPS.") == .bool(false))
        #expect(reporting("I consulted my supervisor and called CPS next week.") == .bool(false))
        // Only the competency that names the topic loses its credit; a negated topic withholds nothing.
        let delayed = analysis("I consulted my supervisor and called CPS next week.")
        #expect(delayed?["competency.ethics"] == .bool(true))
        #expect(delayed?[CompetencyFeature.shown] == .number(1))
        #expect(reporting("I called CPS. I never promised to keep it between us.") == .bool(true))
        // Replies to follow-ups are part of the answer: a red flag in the first withholds the credit
        // a later reply's words would earn, and one in a reply withholds what the first earned.
        #expect(reporting("I told her we'd keep it between us.\n\nThen I called CPS before she left.") == .bool(false))
        #expect(reporting("I called CPS before she left.\n\nLater I told her we'd keep it between us.") == .bool(false))
    }

    /// Ids joined by "+" withhold the competency only when the answer mentions all of them: closing
    /// the file is a red flag beside talk of suicide, not by itself.
    @Test func topicsJoinedByPlusWithholdOnlyTogether() throws {
        let cueSets = """

            <competencies><competency id="autonomy" label="Autonomy" unless="coercion risk+closed"><cue>her decision</cue></competency></competencies>
            <topics><topic id="risk" label="talk of suicide"><cue>better off dead</cue></topic>
            <topic id="closed" label="closing the case"><cue>closed her file</cue></topic>
            <topic id="coercion" label="pressure"><cue>had no choice</cue></topic></topics>
            """
        let question = "<question id=\"choice\" assesses=\"autonomy\"><ask>A client wants to stop. What do you do?</ask><hint>h</hint></question>"
        let result = load(scenarioXML(question, competencies: cueSets), analyzers: Self.analyzers)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.competencies[0].withheldBy == [["coercion"], ["risk", "closed"]])
        #expect(ScenarioLinter(catalog: Self.analyzers.catalog).lint(scenario).filter { $0.code == "unused-topic" }.isEmpty, "topics named in unless are read")
        let analysis = Self.analyzing(scenario)
        #expect(analysis("She got a new job. It was her decision, so I closed her file and left the door open.")?["competency.autonomy"] == .bool(true))
        #expect(analysis("She said she'd be better off dead. It was her decision.")?["competency.autonomy"] == .bool(true))
        let both = analysis("She said she'd be better off dead. It was her decision, so I closed her file.")
        #expect(both?["competency.autonomy"] == .bool(false))
        #expect(both?.evidence.filter { $0.feature == CompetencyFeature.withheld("autonomy") }.map(\.text) == ["better off dead", "closed her file"])
        let plus = load(scenarioXML(question, competencies: cueSets.replacingOccurrences(of: "risk+closed", with: "risk+ +clsed")), analyzers: Self.analyzers)
        #expect(plus.diagnostics.filter { $0.code == "unknown-topic" }.map(\.message) == [
            "a '+' or '|' needs a topic id on each side: 'risk+closed-file', 'safety-step|safety-plan+follow-up'",
            "a '+' or '|' needs a topic id on each side: 'risk+closed-file', 'safety-step|safety-plan+follow-up'",
            "unknown topic id 'clsed' in unless; declare it in <topics>. Did you mean 'closed'?",
        ])
    }

    /// `!id` in an `unless` set: the topic withholds while the answer does not mention it, so that
    /// respecting a choice after suicide came up counts only when the risk was asked about.
    @Test func aTopicAfterABangWithholdsWhileItIsNotMentioned() throws {
        let cueSets = """

            <competencies><competency id="autonomy" label="Autonomy" unless="suicide-risk+!risk-asked"><cue>her decision</cue></competency></competencies>
            <topics><topic id="suicide-risk" label="talk of suicide"><cue>better off dead</cue></topic>
            <topic id="risk-asked" label="the risk asked about"><cue>asked her directly about suicide</cue></topic></topics>
            """
        let question = "<question id=\"choice\" assesses=\"autonomy\"><ask>A client wants to stop. What do you do?</ask><hint>h</hint></question>"
        let result = load(scenarioXML(question, competencies: cueSets), analyzers: Self.analyzers)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.competencies[0].withheldBy == [["suicide-risk", "!risk-asked"]])
        #expect(ScenarioLinter(catalog: Self.analyzers.catalog).lint(scenario).filter { $0.code == "unused-topic" }.isEmpty, "a topic named after '!' is read")
        let analysis = Self.analyzing(scenario)
        func autonomy(_ answer: String) -> FeatureValue? { analysis(answer)?["competency.autonomy"] }
        #expect(autonomy("She wanted to stop. It was her decision.") == .bool(true))
        #expect(autonomy("She said she'd be better off dead. It was her decision.") == .bool(false))
        #expect(autonomy("She said she'd be better off dead. I asked her directly about suicide; she had no plan. It was her decision.") == .bool(true))
        let withheld = analysis("She said she'd be better off dead. It was her decision.")
        #expect(withheld?.evidence.filter { $0.feature == CompetencyFeature.withheld("autonomy") }.map(\.text) == ["better off dead"])

        let bad = load(scenarioXML(question, competencies: cueSets.replacingOccurrences(of: "unless=\"suicide-risk+!risk-asked\"", with: "unless=\"!risk-asked\" needs=\"!suicide-risk\"")), analyzers: Self.analyzers)
        #expect(bad.diagnostics.map(\.message) == [
            "'!risk-asked' withholds the competency only by what the answer leaves out; join it with '+' to a topic the answer mentions ('suicide-risk+!risk-asked'), or say what the answer must mention with needs",
            "needs takes no '!': it names what the answer must mention; a topic whose absence withholds a competency goes in unless, beside one that is mentioned ('suicide-risk+!risk-asked')",
        ])
    }

    /// `needs="…"`: a competency is shown only by an answer that also mentions each topic named,
    /// so that asking about risk without acting on it, or acting without asking, shows neither.
    @Test func aCompetencyThatNeedsTopicsIsShownOnlyWithThem() throws {
        let cueSets = """

            <competencies><competency id="risk" label="Risk" needs="safety-step"><cue>asked about a plan</cue></competency></competencies>
            <topics><topic id="safety-step" label="what was put in place"><cue>called the on-call clinician</cue><cue>walked her to</cue></topic></topics>
            """
        let question = "<question id=\"risk\" assesses=\"risk\"><ask>A client says she wants to die. What do you do?</ask><hint>h</hint></question>"
        let result = load(scenarioXML(question, competencies: cueSets), analyzers: Self.analyzers)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.competencies[0].needs == [[["safety-step"]]])
        #expect(ScenarioLinter(catalog: Self.analyzers.catalog).lint(scenario).filter { $0.code == "unused-topic" }.isEmpty, "a topic named in needs is read")
        let analysis = Self.analyzing(scenario)
        func risk(_ answer: String) -> FeatureValue? { analysis(answer)?["competency.risk"] }
        #expect(risk("I asked about a plan, and then I called the on-call clinician.") == .bool(true))
        #expect(risk("I asked about a plan, and she said she'd be fine, so she went home.") == .bool(false))
        #expect(risk("I called the on-call clinician.") == .bool(false))
        #expect(risk("I asked about a plan. I didn't walk her to the crisis unit.") == .bool(false), "a negated step is no step")
        let typo = load(scenarioXML(question, competencies: cueSets.replacingOccurrences(of: "needs=\"safety-step\"", with: "needs=\"safety-stp risk\"")), analyzers: Self.analyzers)
        #expect(typo.diagnostics.filter { $0.code == "unknown-topic" }.map(\.message) == [
            "unknown topic id 'safety-stp' in needs; declare it in <topics>. Did you mean 'safety-step'?",
            "'risk' is a competency, not a topic: needs names topics; declare what the answer must also mention in <topics>",
        ])
    }

    /// A requirement of `needs` may be met in more than one way: a step taken now, or a safety plan
    /// together with closer follow-up, each said anywhere in the answer.
    @Test func aNeedMayHaveAlternatives() throws {
        let cueSets = """

            <competencies><competency id="risk" label="Risk" needs="safety-step|safety-plan+follow-up"><cue>asked about a plan</cue></competency></competencies>
            <topics><topic id="safety-step" label="what was put in place"><cue>called the on-call clinician</cue></topic>
            <topic id="safety-plan" label="a safety plan"><cue>wrote a safety plan</cue></topic>
            <topic id="follow-up" label="closer follow-up"><cue>moved our next session up</cue></topic></topics>
            """
        let question = "<question id=\"risk\" assesses=\"risk\"><ask>A client says she wants to die. What do you do?</ask><hint>h</hint></question>"
        let result = load(scenarioXML(question, competencies: cueSets), analyzers: Self.analyzers)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.competencies[0].needs == [[["safety-step"], ["safety-plan", "follow-up"]]])
        let analysis = Self.analyzing(scenario)
        func risk(_ answer: String) -> FeatureValue? { analysis(answer)?["competency.risk"] }
        #expect(risk("I asked about a plan and called the on-call clinician.") == .bool(true))
        #expect(risk("I asked about a plan. No intent, no means. We wrote a safety plan. I moved our next session up to Monday.") == .bool(true))
        #expect(risk("I asked about a plan. We wrote a safety plan and she went home.") == .bool(false), "a plan alone is half the second way")
        let spaced = load(scenarioXML(question, competencies: cueSets.replacingOccurrences(of: "safety-step|safety-plan", with: "safety-step | safety-plan")), analyzers: Self.analyzers)
        #expect(spaced.diagnostics.map(\.code) == ["unknown-topic"], "one report for a '|' standing alone: \(spaced.diagnostics)")
        let unless = load(scenarioXML(question, competencies: cueSets.replacingOccurrences(of: "needs=", with: "unless=")), analyzers: Self.analyzers)
        #expect(unless.diagnostics.map(\.message) == ["unless takes no '|': each topic named withholds by itself, so write the ids apart with spaces"], "\(unless.diagnostics)")
        let empty = load(scenarioXML(question, competencies: cueSets.replacingOccurrences(of: "safety-step|safety-plan", with: "safety-step||safety-plan")), analyzers: Self.analyzers)
        #expect(empty.diagnostics.map(\.message) == ["a '+' or '|' needs a topic id on each side: 'risk+closed-file', 'safety-step|safety-plan+follow-up'"], "\(empty.diagnostics)")
    }

    @Test func unlessNamesTopicsOnly() {
        let cueSets = """

            <competencies><competency id="reporting" label="Reporting" unless="secrcy ethics"><cue>called CPS</cue></competency>
            <competency id="ethics" label="Ethics"><cue>consent</cue></competency></competencies>
            <topics><topic id="secrecy" label="a secret kept" unless="ethics"><cue>keep it between us</cue></topic></topics>
            """
        let result = load(scenarioXML("<question id=\"a\"><ask>x</ask></question>", competencies: cueSets), analyzers: Self.analyzers)
        let unknown = result.diagnostics.filter { $0.code == "unknown-topic" }
        #expect(unknown.map(\.message) == [
            "unknown topic id 'secrcy' in unless; declare it in <topics>. Did you mean 'secrecy'?",
            "'ethics' is a competency, not a topic: only the mention of a topic can withhold a competency; declare what withholds it in <topics>",
        ])
        // Line 7 holds the first competency: each id at its own column.
        #expect(unknown.map { [$0.location.line, $0.location.column] } == [[7, 68], [7, 75]])
        #expect(result.diagnostics.contains { $0.code == "unknown-attribute" && $0.message.hasPrefix("unknown attribute 'unless'") }, "a topic withholds nothing")
    }

    @Test func aQuestionCannotAssessATopic() {
        let result = load(scenarioXML("<question id=\"a\" assesses=\"minor\"><ask>x</ask></question>", competencies: Self.topics), analyzers: Self.analyzers)
        let messages = result.diagnostics.filter { $0.code == "unknown-competency" }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("'minor' is a topic, not a competency") == true)
        #expect(messages.first?.contains("mentions.minor") == true)
    }

    @Test func topicAndCompetencyIdsAreOneNamespace() {
        let clash = Self.topics.replacingOccurrences(of: "topic id=\"minor\"", with: "topic id=\"ethics\"")
        let result = load(scenarioXML("<question id=\"a\"><ask>x</ask></question>", competencies: clash), analyzers: Self.analyzers)
        #expect(result.diagnostics.contains { $0.code == "duplicate-id" && $0.message.contains("'ethics'") }, "\(result.diagnostics)")
        let empty = load(scenarioXML("<question id=\"a\"><ask>x</ask></question>", competencies: "\n<topics><topic id=\"t\" label=\"T\"/></topics>"), analyzers: Self.analyzers)
        #expect(empty.diagnostics.contains { $0.code == "missing-element" && $0.message == "topic has no <cue>; add the words or phrases that mention it in an answer" })
    }

    /// A gap stands between words: one at a cue's end, or two in a row, is reported at the cue.
    @Test(arguments: [("… about a plan", "starts with a gap"), ("asked ...", "ends with a gap"), ("asked … … plan", "has two gaps in a row"), ("asked … , … plan", "has two gaps in a row")])
    func aMisplacedGapIsReportedAtItsCue(cue: String, problem: String) {
        let competencies = "\n<competencies>\n<competency id=\"risk\" label=\"Risk\"><cue>\(cue)</cue></competency>\n</competencies>"
        let result = load(scenarioXML("<question id=\"a\"><ask>x</ask></question>", competencies: competencies), analyzers: Self.analyzers)
        let gaps = result.diagnostics.filter { $0.code == "misplaced-gap" }
        #expect(result.diagnostics.count == 1 && gaps.count == 1, "\(result.diagnostics)")
        #expect(gaps.first?.message.hasPrefix("the cue '\(cue)' \(problem);") == true, "\(gaps)")
        #expect(gaps.first?.location.line == 8 && gaps.first?.location.column == 36, "\(gaps.map { ($0.location.line, $0.location.column) })")
    }

    @Test func aTopicNoConditionReadsIsLinted() throws {
        let unread = Self.consentQuestion.replacingOccurrences(of: "mentions.minor and ", with: "")
        let scenario = try #require(load(scenarioXML(unread, competencies: Self.topics), analyzers: Self.analyzers).scenario)
        let findings = ScenarioLinter(catalog: Self.analyzers.catalog).lint(scenario)
        #expect(findings.map(\.code).contains("unused-topic"), "\(findings)")
        let read = try #require(load(scenarioXML(Self.consentQuestion, competencies: Self.topics), analyzers: Self.analyzers).scenario)
        #expect(!ScenarioLinter(catalog: Self.analyzers.catalog).lint(read).map(\.code).contains("unused-topic"))
    }

    @Test func eachPhrasingMayHaveItsOwnHint() throws {
        let xml = scenarioXML(
            """
            <question id="crisis">
              <ask hint="  Breathing first,
                 then the call. ">Suppose the person is not responding.</ask>
              <ask>Suppose they say they have a plan.</ask>
              <hint>What you would say and who you would call.</hint>
            </question>
            """)
        let scenario = try #require(load(xml).scenario)
        let question = scenario.questions[0]
        #expect(question.phrasingHints == ["Breathing first, then the call.", nil])
        #expect(question.hint(forPhrasing: 0) == "Breathing first, then the call.")
        #expect(question.hint(forPhrasing: 1) == "What you would say and who you would call.")
        #expect(question.hint(for: "Suppose they say they have a plan.") == "What you would say and who you would call.")

        // The hint given is the asked phrasing's, whichever the seed picks.
        let interviewer = Interviewer(scenario: scenario, analyzers: .fake)
        var seen: Set<String> = []
        for seed in UInt64(1)...40 {
            let turn = interviewer.start(seed: seed)
            guard case .question(let prompt) = turn.step else { Issue.record("no question"); return }
            #expect(prompt.hint == question.hint(for: prompt.text), "seed \(seed)")
            #expect(interviewer.engine.hint(of: question, in: turn.state) == prompt.hint)
            seen.insert(prompt.text)
        }
        #expect(seen.count == 2, "both phrasings are asked across seeds")
    }

    @Test func anEmptyPhrasingHintIsAnError() {
        let result = load(scenarioXML("<question id=\"a\"><ask hint=\" \">x</ask></question>"))
        #expect(result.diagnostics.map(\.code) == ["empty-attribute"], "\(result.diagnostics)")
    }

    @Test func lintAsksForAHintOnEveryPhrasing() throws {
        let partly = try #require(load(scenarioXML("<question id=\"a\"><ask hint=\"One client.\">x</ask><ask>y</ask></question><question id=\"b\"><ask hint=\"h\">z</ask><end/></question>"), analyzers: Self.analyzers).scenario)
        let findings = ScenarioLinter(catalog: Self.analyzers.catalog).lint(partly).filter { $0.code == "missing-hint" }
        #expect(findings.map(\.message) == ["behavioral question 'a': <ask> 2 has no hint of its own and the question has no <hint>; add one"])
    }
}
