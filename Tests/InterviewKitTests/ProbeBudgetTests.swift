import Testing
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML

/// How the probe limit is spent: on the most important part still missing, never on a part a probe
/// has already asked for (unless the author asks again on purpose by counting probes).
@Suite struct ProbeBudgetTests {
    /// Recommends what the answer so far names after "lacks", most important first: "lacks action
    /// result" → `["action", "result"]`; an answer that names nothing lacks nothing. The last
    /// answer's list wins, as it does for an analyzer reading the whole answer so far.
    struct ListedNeeds: Analyzer {
        let identifier = "needs"
        let version = "test"
        let summary = "test double"
        let followups = ["example", "action", "result", "situation"]
        var features: [FeatureDescriptor] { [FeatureDescriptor("needs.story", .bool, "not asked for an example")] }

        func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
            let last = answer.components(separatedBy: "\n\n").last ?? answer
            let words = last.split(separator: " ").map(String.init)
            let listed = words.firstIndex(of: "lacks").map { Array(words[($0 + 1)...]) } ?? []
            return Analysis(features: ["needs.story": .bool(!listed.contains("example"))], followups: listed.isEmpty ? ["none"] : listed, reason: "test")
        }
    }

    static let xml = scenarioXML(
        """
        <question id="story" max-probes="2">
          <ask>Tell me about a time.</ask>
          <probe id="example" when="followup == 'example' and probes == 0"><ask>One time?</ask></probe>
          <probe id="smaller" when="followup == 'example' and probes == 1"><ask>It can be small. One time?</ask></probe>
          <probe id="own-part" when="followup == 'action'"><ask>What did you do?</ask></probe>
          <probe id="outcome" when="followup == 'result'"><ask>How did it end?</ask></probe>
          <probe id="scene" when="followup == 'situation'"><ask>Where were you?</ask></probe>
          <probe id="stretch" when="followup == 'none' and probes &lt; 3"><ask>What would you do differently?</ask></probe>
          <next when="followup == 'action'" goto="smaller-story"/>
        </question>
        <question id="smaller-story" branch-only="true"><ask>A smaller time?</ask><end/></question>
        <question id="goal" kind="goals"><ask>Goals?</ask><end/></question>
        """)

    func walk(_ answers: [String]) throws -> [String] {
        let loaded = load(Self.xml, analyzers: AnalyzerSet([ListedNeeds()]))
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let interviewer = Interviewer(scenario: scenario, analyzers: AnalyzerSet([ListedNeeds()]))
        var turn = interviewer.start(seed: 1)
        var steps: [String] = []
        for answer in answers {
            turn = interviewer.respond(to: answer, in: turn.state)
            switch turn.step {
            case .question(let prompt): steps.append("q:\(prompt.questionID)")
            case .probe(let prompt): steps.append("p:\(prompt.probeID) (\(prompt.reason.summary))")
            case .end: steps.append("end")
            }
        }
        return steps
    }

    @Test func aPartAskedForAndStillMissingGivesWayToTheNextPart() throws {
        let steps = try walk(["lacks action result", "lacks action result"])
        #expect(steps.count == 2)
        #expect(steps[0].hasPrefix("p:own-part"))
        #expect(steps[1].hasPrefix("p:outcome"), "\(steps)")
        #expect(steps[1].contains("(followup = result); 'action' was asked for already"), "\(steps)")
    }

    @Test func aReplyThatGivesThePartMovesOnAsBefore() throws {
        let steps = try walk(["lacks action result", "lacks result"])
        #expect(steps[1].hasPrefix("p:outcome"), "\(steps)")
        #expect(!steps[1].contains("asked for already"))
    }

    @Test func aProbeThatCountsProbesAsksAgainOnPurpose() throws {
        let steps = try walk(["lacks example", "lacks example", "lacks example"])
        #expect(steps[0].hasPrefix("p:example"))
        #expect(steps[1].hasPrefix("p:smaller"), "\(steps)")
        // The limit of two is spent; the branch reads what the answer still needs.
        #expect(steps[2] == "q:goal", "\(steps)")
    }

    @Test func branchesReadWhatTheAnswerStillNeedsAskedForOrNot() throws {
        // Own part asked for, then the outcome; the own part still missing takes the branch.
        let steps = try walk(["lacks action result", "lacks action result", "lacks action"])
        #expect(steps.map { $0.prefix(while: { $0 != " " }) } == ["p:own-part", "p:outcome", "q:smaller-story"], "\(steps)")
    }

    @Test func everyPartAskedForLeavesNothingToAskFor() throws {
        // With a limit of three the third probe has nothing new to ask for: the scene was not
        // missing, and the own part and the outcome were asked for already. The answer still
        // lacks both, so `followup` is not 'none' and the stretch question is not asked.
        let xml = Self.xml.replacingOccurrences(of: "<question id=\"story\" max-probes=\"2\">", with: "<question id=\"story\" max-probes=\"3\">")
        let loaded = load(xml, analyzers: AnalyzerSet([ListedNeeds()]))
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let interviewer = Interviewer(scenario: scenario, analyzers: AnalyzerSet([ListedNeeds()]))
        var turn = interviewer.start(seed: 1)
        for answer in ["lacks action result", "lacks action result"] { turn = interviewer.respond(to: answer, in: turn.state) }
        turn = interviewer.respond(to: "lacks action result", in: turn.state)
        #expect(turn.step.target == .question("smaller-story"), "\(turn.step)")
    }

    /// A probe that counts probes but asks for a part not yet asked for reads the part not asked for yet.
    @Test func countingProbesDoesNotHideTheNextPart() throws {
        let xml = scenarioXML(
            """
            <question id="story" max-probes="3">
              <ask>Tell me about a time.</ask>
              <probe id="own-part" when="followup == 'action'"><ask>What did you do?</ask></probe>
              <probe id="outcome-second" when="followup == 'result' and probes == 1"><ask>How did it end?</ask></probe>
              <end/>
            </question>
            """)
        let loaded = load(xml, analyzers: AnalyzerSet([ListedNeeds()]))
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let interviewer = Interviewer(scenario: scenario, analyzers: AnalyzerSet([ListedNeeds()]))
        var turn = interviewer.start(seed: 1)
        turn = interviewer.respond(to: "lacks action result", in: turn.state)
        #expect(turn.step.target == .probe(question: "story", probe: "own-part"))
        turn = interviewer.respond(to: "lacks action result", in: turn.state)
        #expect(turn.step.target == .probe(question: "story", probe: "outcome-second"), "\(turn.step)")
    }

    @Test func theProbeTellsWhichFollowUpItAsksFor() throws {
        let catalog = AnalyzerSet([ListedNeeds()]).catalog
        func asks(_ source: String) throws -> String? { try Condition.compile(source, catalog: catalog).get().requiredText(of: EngineFeature.followup) }
        #expect(try asks("followup == 'action'") == "action")
        #expect(try asks("'result' == followup") == "result")
        #expect(try asks("needs.story and followup == 'action' and probes < 2") == "action")
        #expect(try asks("followup == 'action' or followup == 'result'") == nil)
        #expect(try asks("not (followup == 'action')") == nil)
        #expect(try asks("followup != 'none'") == nil)
        #expect(try asks("needs.story") == nil)
    }

    /// The built-in STAR analyzer lists every missing part of a story, and only an example for a
    /// generic answer.
    @Test func starListsTheMissingPartsInOrder() throws {
        #expect(STARAnalyzer.followups(specific: false, action: false, result: false, situation: false) == ["example"])
        #expect(STARAnalyzer.followups(specific: true, action: false, result: false, situation: true) == ["action", "result"])
        #expect(STARAnalyzer.followups(specific: true, action: true, result: false, situation: false) == ["result", "situation"])
        #expect(STARAnalyzer.followups(specific: true, action: true, result: true, situation: true) == ["none"])
        let star = STARAnalyzer()
        let analysis = star.analyze("I always listen first and try to understand.", context: AnalysisContext(kind: .behavioral))
        #expect(analysis.followups == ["example"])
    }
}
