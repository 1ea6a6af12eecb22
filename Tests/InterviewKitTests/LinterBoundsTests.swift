import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

/// `lint` stays bounded on hostile shapes: no recursion whose depth follows the input, graph
/// searches that are linear, and a satisfiability check with a budget that says what it skipped.
@Suite struct LinterBoundsTests {
    static let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)

    func lint(_ xml: String) -> [Diagnostic] {
        let result = ScenarioLoader(analyzers: Self.analyzers).load(xml, file: "bounds.xml")
        guard let scenario = result.scenario else {
            Issue.record("did not load: \(result.diagnostics.prefix(3))")
            return []
        }
        return ScenarioLinter(catalog: Self.analyzers.catalog).lint(scenario)
    }

    static func questions(_ body: (Int) -> String, count: Int) -> String {
        scenarioXML((0..<count).map(body).joined(separator: "\n"))
    }

    /// A recursive cycle search overflowed the stack on a chain like this one (85,000 long then).
    @Test func aLongChainIsOneLoopWithItsMiddleLeftOut() {
        let count = 30_000
        let findings = lint(Self.questions({ "<question id=\"q\($0)\" kind=\"general\"><ask>Q?</ask><next goto=\"q\(($0 + 1) % count)\"/></question>" }, count: count))
        let loops = findings.filter { $0.code == "endless-loop" }
        #expect(loops.count == 1)
        #expect(loops.first?.message.contains("'q0' → 'q1' → 'q2' → 'q3' → 'q4' → … 29993 more … → 'q29998' → 'q29999' → 'q0'") == true,
                "\(loops.first?.message.prefix(300) ?? "")")
        #expect(loops.first?.location.line == 8)
    }

    /// Each set of questions that lead to each other is reported once, endless or not.
    @Test func loopsAreReportedOncePerSet() {
        let findings = lint(scenarioXML("""
            <question id="a" kind="general"><ask>A?</ask><next when="star.result" goto="c"/><next goto="b"/></question>
            <question id="b" kind="general"><ask>B?</ask><next goto="a"/></question>
            <question id="c" kind="general"><ask>C?</ask><next when="star.result" goto="a"/><end/></question>
            <question id="d" kind="general" branch-only="true"><ask>D?</ask><next when="star.result" goto="d"/><end/></question>
            """))
        let loops = findings.filter { $0.code == "endless-loop" || $0.code == "loop" }
        // a, b, c form one set, holding the endless a → b → a; d leads to itself, with a condition.
        #expect(loops.map(\.code) == ["endless-loop", "loop"], "\(loops)")
        #expect(loops.first?.message.contains("'a' → 'b' → 'a'") == true)
        #expect(loops.last?.message.contains("'d' → 'd'") == true)
    }

    /// Many branch-only questions in a row: each question's next in order is found in one pass.
    @Test func manyBranchOnlyQuestionsInARow() {
        let findings = lint(Self.questions({ "<question id=\"q\($0)\" kind=\"general\"\($0 == 0 ? "" : " branch-only=\"true\"")><ask>Q?</ask></question>" }, count: 20_000))
        #expect(findings.filter { $0.code == "unreachable-question" }.count == 19_999)
    }

    /// 13 distinct comparisons and a contradiction, 90 times over: a thousand tokens, unsatisfiable,
    /// and too costly to prove so within one condition's share of the budget.
    static let costlyCondition = (0..<90).map { "(star.score > \($0 % 13) and not star.result and star.result)" }.joined(separator: " or ")

    @Test func aConditionTooCostlyToCheckGetsANote() {
        let findings = lint(scenarioXML("""
            <question id="q" kind="general"><ask>Q?</ask><probe id="p" when="\(Self.costlyCondition.replacingAll(">", with: "&gt;"))"><ask>P?</ask></probe><end/></question>
            """))
        #expect(findings.map(\.code) == ["condition-not-checked"], "\(findings)")
        #expect(findings.first?.severity == .note)
        #expect(findings.first?.message.contains("probe 'p'") == true)
    }

    /// The same comparison written twice is one yes/no: this is found unsatisfiable, not skipped.
    @Test func aRepeatedComparisonCountsOnce() {
        let condition = (0..<40).map { _ in "(star.score > 2 and not star.result and star.result)" }.joined(separator: " or ")
        let findings = lint(scenarioXML("""
            <question id="q" kind="general"><ask>Q?</ask><probe id="p" when="\(condition.replacingAll(">", with: "&gt;"))"><ask>P?</ask></probe><end/></question>
            """))
        #expect(findings.map(\.code) == ["probe-never-asked"], "\(findings)")
    }

    /// Past the scenario's budget the remaining conditions are counted in one note.
    @Test func theScenarioBudgetRunsOutWithOneNote() {
        let costly = Self.costlyCondition.replacingAll(">", with: "&gt;")
        let spend = ConditionSolver.scenarioBudget / ConditionSolver.maximumSteps
        let findings = lint(Self.questions({ "<question id=\"q\($0)\" kind=\"general\"><ask>Q?</ask><probe id=\"p\($0)\" when=\"\(costly)\"><ask>P?</ask></probe></question>" }, count: spend + 3))
        let notes = findings.filter { $0.code == "condition-not-checked" }
        // Each costly condition gets its own note until the budget is spent; the rest share one.
        let own = notes.filter { $0.message.contains("probe 'p") }.count
        let summaries = notes.filter { $0.message.contains("conditions were not checked") }
        #expect(own >= spend - 2 && own < spend + 3, "\(own)")
        #expect(summaries.count == 1)
        #expect(summaries.first?.message.hasPrefix("\(spend + 3 - own) conditions were not checked") == true, "\(summaries)")
    }

    @Test func aConditionOfExactlyTheTokenLimitIsAccepted() throws {
        // "star.result" and "or" are a token each: 500 names and 499 "or"s are 999, "not" makes 1,000.
        let thousand = Array(repeating: "star.result", count: 499).joined(separator: " or ") + " or not star.result"
        #expect(thousand.split(separator: " ").count == 1_000)
        _ = try Condition.compile(thousand, catalog: Self.analyzers.catalog).get()
        let over = Array(repeating: "star.result", count: 501).joined(separator: " or ")
        #expect(over.split(separator: " ").count == 1_001)
        guard case .failure(let error) = Condition.compile(over, catalog: Self.analyzers.catalog) else {
            Issue.record("a condition of 1,001 tokens was accepted")
            return
        }
        #expect(error.message.contains("(1001 words and symbols; at most 1,000 are allowed)"), "\(error.message)")
    }
}
