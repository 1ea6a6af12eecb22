import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

@Suite struct InterviewEngineTests {
    /// A branching scenario exercising every kind of transition.
    static let xml = scenarioXML(
        """
        <question id="warmup" kind="general" max-probes="1">
          <ask>Warm-up A?</ask>
          <ask>Warm-up B?</ask>
          <ask>Warm-up C?</ask>
          <probe id="warmup-example" when="followup == 'example'"><ask>Which one?</ask></probe>
        </question>
        <question id="crisis">
          <ask>Crisis?</ask>
          <probe id="crisis-example" when="not fake.specific"><ask>One specific time?</ask><ask>A particular client?</ask></probe>
          <probe id="crisis-result" when="fake.specific and not fake.result"><ask>How did it end?</ask></probe>
          <probe id="crisis-more" when="fake.words &lt; 3"><ask>Say more?</ask></probe>
          <next when="fake.tone == 'cold'" goto="scaffold"/>
          <next when="fake.words &gt; 20" goto="harder"/>
        </question>
        <question id="scaffold" branch-only="true"><ask>Scaffold?</ask></question>
        <question id="harder" branch-only="true"><ask>Harder?</ask><end when="fake.result"/></question>
        <question id="closing" kind="goals" max-probes="3">
          <ask>Goals?</ask>
          <probe id="closing-first" when="probes == 0"><ask>Probe one?</ask></probe>
          <probe id="closing-second" when="probes == 1"><ask>Probe two?</ask></probe>
          <next when="fake.tone == 'warm'" goto="warmup"/>
        </question>
        """)

    let scenario: Scenario

    init() throws {
        let result = load(Self.xml)
        scenario = try #require(result.scenario, "\(result.diagnostics)")
    }

    func engine(_ options: EngineOptions = EngineOptions()) -> Interviewer {
        Interviewer(scenario: scenario, analyzers: .fake, options: options)
    }

    /// Drives the engine through answers and returns the steps, as `q:id`, `p:id` or `end`.
    func walk(_ answers: [String], options: EngineOptions = EngineOptions(), seed: UInt64 = 1) -> [String] {
        let engine = engine(options)
        var turn = engine.start(seed: seed)
        var steps = [label(turn.step)]
        for answer in answers {
            guard !turn.state.hasEnded else { break }
            turn = answer == ":skip" ? engine.skip(turn.state) : engine.respond(to: answer, in: turn.state)
            steps.append(label(turn.step))
        }
        return steps
    }

    func label(_ step: Step) -> String {
        switch step {
        case .question(let prompt): "q:\(prompt.questionID)"
        case .probe(let prompt): "p:\(prompt.probeID)"
        case .end: "end"
        }
    }

    static let complete = "specifically a warm outcome here"

    @Test func startsWithTheFirstQuestionInOrder() {
        let turn = engine().start(seed: 7)
        guard case .question(let prompt) = turn.step else {
            Issue.record("expected a question, got \(turn.step)")
            return
        }
        #expect(prompt.questionID == "warmup")
        #expect(prompt.number == 1)
        #expect(prompt.reason.rule == .start)
        #expect(turn.analysis == nil)
        #expect(turn.state.visits == ["warmup": 1])
    }

    @Test func probeWhenItsConditionHoldsWithTheReason() {
        let engine = engine()
        let start = engine.start(seed: 1)
        let turn = engine.respond(to: "I usually listen", in: start.state)
        guard case .probe(let prompt) = turn.step else {
            Issue.record("expected a probe, got \(turn.step)")
            return
        }
        #expect(prompt.probeID == "warmup-example")
        #expect(prompt.text == "Which one?")
        #expect(prompt.reason.rule == .probe(id: "warmup-example"))
        #expect(prompt.reason.condition == "followup == 'example'")
        #expect(prompt.reason.values == ["followup": .text("example")])
        #expect(prompt.reason.summary == "probe 'warmup-example': `followup == 'example'` holds (followup = example)")
        #expect(turn.analysis?.followup == "example")
    }

    @Test func probeLimitMovesOnAndSaysSo() {
        let engine = engine()
        var turn = engine.start(seed: 1)
        turn = engine.respond(to: "generic", in: turn.state)
        turn = engine.respond(to: "still generic", in: turn.state)
        #expect(label(turn.step) == "q:crisis")
        #expect(turn.step.reason.rule == .documentOrder)
        #expect(turn.step.reason.summary == "probe limit of 1 reached; next in order")
    }

    @Test func aProbeAnswerExtendsTheQuestionsAnswer() {
        // "specifically" in the first part and "outcome" in the second: only together are they complete.
        let steps = walk([Self.complete, "specifically in one case", "the outcome was good and warm", Self.complete])
        #expect(steps == ["q:warmup", "q:crisis", "p:crisis-result", "q:closing", "p:closing-first"])
    }

    @Test func eachProbeIsAskedOnlyOnce() {
        // Every answer stays generic, so crisis-example holds each time, and the limit would allow a
        // third probe; it is still asked once, and the question moves on.
        let steps = walk([Self.complete, "no", "no", "warm words but not the marker word at all here"], options: EngineOptions(maxProbes: 3))
        #expect(steps == ["q:warmup", "q:crisis", "p:crisis-example", "p:crisis-more", "q:closing"])
    }

    @Test func noProbesMode() {
        let steps = walk(["generic", "generic"], options: EngineOptions(probesEnabled: false))
        #expect(steps == ["q:warmup", "q:crisis", "q:scaffold"])
    }

    @Test func maxProbesOverridesTheScenario() {
        let steps = walk([Self.complete, "no", "no", "no"], options: EngineOptions(maxProbes: 3))
        #expect(steps == ["q:warmup", "q:crisis", "p:crisis-example", "p:crisis-more", "q:scaffold"])
        #expect(walk([Self.complete, "no"], options: EngineOptions(maxProbes: 0)) == ["q:warmup", "q:crisis", "q:scaffold"])
    }

    @Test func branchWithAConditionGoesToABranchOnlyQuestion() {
        let engine = engine()
        var turn = engine.start(seed: 1)
        turn = engine.respond(to: Self.complete, in: turn.state)
        turn = engine.respond(to: "specifically the outcome was cold", in: turn.state)
        #expect(label(turn.step) == "q:scaffold")
        #expect(turn.step.reason.rule == .branch(index: 0))
        #expect(turn.step.reason.summary == "no probe condition held; branch to 'scaffold': `fake.tone == 'cold'` holds (fake.tone = cold)")
    }

    @Test func afterABranchOnlyQuestionDocumentOrderContinuesFromIt() {
        // scaffold is followed in the document by harder (branch-only, skipped) and then closing.
        let steps = walk([Self.complete, "specifically the outcome was cold", "anything"])
        #expect(steps == ["q:warmup", "q:crisis", "q:scaffold", "q:closing"])
    }

    @Test func branchToTheEnd() {
        let long = "specifically the outcome was warm " + String(repeating: "word ", count: 20)
        let engine = engine()
        var turn = engine.start(seed: 1)
        turn = engine.respond(to: Self.complete, in: turn.state)
        turn = engine.respond(to: long, in: turn.state)
        #expect(label(turn.step) == "q:harder")
        turn = engine.respond(to: "the outcome", in: turn.state)
        guard case .end(let closing, let reason) = turn.step else {
            Issue.record("expected the end, got \(turn.step)")
            return
        }
        #expect(closing == "Goodbye.")
        #expect(reason.rule == .branch(index: 0))
        #expect(turn.state.hasEnded)
    }

    @Test func theLastQuestionEndsTheInterview() {
        let steps = walk([Self.complete, ":skip", "cold answer", "cold again", "cold once more"])
        #expect(steps == ["q:warmup", "q:crisis", "q:closing", "p:closing-first", "p:closing-second", "end"])
        let engine = engine()
        var turn = engine.start(seed: 1)
        for answer in [Self.complete] { turn = engine.respond(to: answer, in: turn.state) }
        turn = engine.skip(turn.state)
        turn = engine.respond(to: "cold", in: turn.state)
        turn = engine.respond(to: "cold", in: turn.state)
        turn = engine.respond(to: "cold", in: turn.state)
        #expect(turn.step.reason.summary == "no probe condition held; no branch condition held; that was the last question")
    }

    @Test func skipIgnoresBranchesAndProbes() {
        let engine = engine()
        var turn = engine.start(seed: 1)
        turn = engine.respond(to: Self.complete, in: turn.state)
        turn = engine.skip(turn.state)
        #expect(label(turn.step) == "q:closing")
        #expect(turn.step.reason.rule == .skipped)
        #expect(turn.analysis == nil)
    }

    @Test func theProbesCounterIsAFeature() {
        let steps = walk([Self.complete, ":skip", "warm", "warm", "warm"])
        #expect(steps == ["q:warmup", "q:crisis", "q:closing", "p:closing-first", "p:closing-second", "q:warmup"])
    }

    @Test func loopGuardStopsEndlessBranches() {
        // closing branches back to warmup while answers are warm; the second return is refused.
        var answers: [String] = []
        for _ in 0..<2 { answers += [Self.complete, ":skip", "warm", "warm", "warm"] }
        let engine = engine(EngineOptions(maximumVisits: 2))
        var turn = engine.start(seed: 1)
        for answer in answers {
            turn = answer == ":skip" ? engine.skip(turn.state) : engine.respond(to: answer, in: turn.state)
        }
        guard case .end(_, let reason) = turn.step else {
            Issue.record("expected the end, got \(turn.step)")
            return
        }
        #expect(reason.rule == .loopGuard)
        #expect(reason.summary.contains("branch to 'warmup' ignored: it was already asked 2 times"))
        #expect(turn.state.visits["warmup"] == 2)
    }

    @Test func phrasingIsReproducibleFromTheSeed() {
        func firstText(_ seed: UInt64) -> String { engine().start(seed: seed).step.text }
        #expect(firstText(42) == firstText(42))
        let chosen = Set((0..<30).map { firstText(UInt64($0)) })
        #expect(chosen == ["Warm-up A?", "Warm-up B?", "Warm-up C?"])
    }

    @Test func theSameInputsGiveTheSameTurns() {
        let answers = [Self.complete, "no", "specifically", "the outcome, cold"]
        #expect(walk(answers, seed: 9) == walk(answers, seed: 9))
    }

    @Test func answeringAfterTheEndStaysEnded() {
        let engine = engine()
        var turn = engine.start(seed: 1)
        turn = engine.skip(turn.state)
        turn = engine.skip(turn.state)
        turn = engine.skip(turn.state)
        #expect(turn.state.hasEnded)
        let again = engine.respond(to: "more", in: turn.state)
        #expect(label(again.step) == "end")
        #expect(again.state == turn.state)
    }

    @Test func theAnalysisSeesTheQuestionsContext() {
        let engine = engine()
        let turn = engine.start(seed: 1)
        let context = engine.engine.context(for: turn.state)
        #expect(context.questionID == "warmup")
        #expect(context.kind == .general)
        #expect(context.questionText == turn.step.text)
    }
}
