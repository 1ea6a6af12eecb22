import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

@Suite struct ConditionTests {
    let catalog = AnalyzerSet.fake.catalog

    func compile(_ source: String) throws -> Condition {
        try Condition.compile(source, catalog: catalog).get()
    }

    func error(_ source: String) -> ConditionError? {
        if case .failure(let error) = Condition.compile(source, catalog: catalog) { return error }
        return nil
    }

    func values(_ pairs: [String: FeatureValue]) -> (String) -> FeatureValue? { { pairs[$0] } }

    @Test func precedenceIsNotThenAndThenOr() throws {
        let condition = try compile("not fake.specific or fake.result and fake.words > 3")
        // (not specific) or (result and words > 3)
        #expect(condition.evaluate(values(["fake.specific": .bool(false), "fake.result": .bool(false), "fake.words": .number(1)])))
        #expect(!condition.evaluate(values(["fake.specific": .bool(true), "fake.result": .bool(true), "fake.words": .number(3)])))
        #expect(condition.evaluate(values(["fake.specific": .bool(true), "fake.result": .bool(true), "fake.words": .number(4)])))
    }

    @Test func parenthesesGroup() throws {
        let condition = try compile("not (fake.specific or fake.result)")
        #expect(condition.evaluate(values(["fake.specific": .bool(false), "fake.result": .bool(false)])))
        #expect(!condition.evaluate(values(["fake.specific": .bool(false), "fake.result": .bool(true)])))
    }

    @Test(arguments: [
        ("fake.words < 10", 9.0, true), ("fake.words < 10", 10.0, false), ("fake.words <= 10", 10.0, true),
        ("fake.words > 10", 10.0, false), ("fake.words >= 10", 10.0, true), ("fake.words == 2.5", 2.5, true),
        ("fake.words != 3", 3.0, false), ("fake.words > -1", 0.0, true),
    ])
    func numericComparisons(source: String, words: Double, expected: Bool) throws {
        #expect(try compile(source).evaluate(values(["fake.words": .number(words)])) == expected)
    }

    /// An id may join a number with '-' (`mentions.deferred-911`): the name goes on, as the
    /// grammar has no subtraction; a '-' after a space still starts a negative number.
    @Test func aHyphenBeforeADigitContinuesAName() {
        let joined = error("fake.words-911 > 0")
        #expect(joined?.message.contains("'fake.words-911'") == true, "\(String(describing: joined))")
        #expect(error("fake.words > -911") == nil)
    }

    @Test func wordsAndTheRecommendedFollowup() throws {
        let condition = try compile("followup == 'example' and fake.tone != \"warm\"")
        #expect(condition.evaluate(values(["followup": .text("example"), "fake.tone": .text("cold")])))
        #expect(!condition.evaluate(values(["followup": .text("result"), "fake.tone": .text("cold")])))
        #expect(condition.referencedFeatures == ["followup", "fake.tone"])
    }

    @Test func booleanLiteralsAndEquality() throws {
        #expect(try compile("fake.result == false").evaluate(values(["fake.result": .bool(false)])))
        #expect(try compile("true").evaluate(values([:])))
        #expect(try compile("probes < 1").evaluate(values(["probes": .number(0)])))
    }

    @Test func missingValuesMakeComparisonsFalse() throws {
        #expect(!(try compile("fake.words > 1").evaluate(values([:]))))
        #expect(!(try compile("fake.result").evaluate(values([:]))))
    }

    @Test func keywordsAreCaseInsensitive() throws {
        #expect(try compile("NOT fake.result AND True").evaluate(values(["fake.result": .bool(false)])))
    }

    @Test(arguments: [
        ("fake.result and", 15, "ends too early"),
        ("fake.result && fake.specific", 12, "'and' instead of '&&'"),
        ("fake.words = 3", 11, "'==' to compare"),
        ("!fake.result", 0, "'not' instead of '!'"),
        ("(fake.result", 12, "missing ')'"),
        ("fake.result)", 11, "unexpected ')'"),
        ("followup == 'example", 12, "no closing '"),
        ("fake.words < 1 < 2", 15, "cannot be chained"),
        ("fake.result fake.specific", 12, "expected 'and', 'or'"),
        ("", 0, "empty"),
        ("fake.result # note", 12, "unexpected character '#'"),
    ])
    func syntaxErrorsPointInsideTheCondition(source: String, offset: Int, message: String) {
        let problem = error(source)
        #expect(problem?.range.lowerBound == offset)
        #expect(problem?.message.contains(message) == true, "\(problem?.message ?? "no error")")
    }

    @Test func nestingAndLengthAreBounded() {
        #expect(error(String(repeating: "(", count: 100))?.message.contains("nests more than 64 levels") == true)
        #expect(error(String(repeating: "not ", count: 100) + "fake.result")?.message.contains("nests more than 64 levels") == true)
        #expect(error(String(repeating: "(", count: 100_000))?.message.contains("too long") == true)
        #expect(error(Array(repeating: "fake.result", count: 2_000).joined(separator: " and "))?.message.contains("too long") == true)
        let deep = String(repeating: "(", count: 64) + "fake.result" + String(repeating: ")", count: 64)
        #expect(error(deep) == nil)
    }

    @Test func unknownFeatureNamesTheAnalyzersAndSuggests() {
        let problem = error("fake.specifc and fake.result")
        #expect(problem?.range == 0..<12)
        #expect(problem?.message.contains("no analyzer in use provides the feature 'fake.specifc'") == true)
        #expect(problem?.message.contains("analyzers in use: fake") == true)
        #expect(problem?.message.contains("Did you mean 'fake.specific'?") == true)
    }

    @Test func typeErrors() {
        #expect(error("fake.words")?.message.contains("must be true or false") == true)
        #expect(error("fake.words and fake.result")?.message.contains("'and' needs a yes/no value") == true)
        #expect(error("fake.result > 1")?.message.contains("cannot compare") == true)
        #expect(error("fake.result < true")?.message.contains("compares numbers") == true)
        #expect(error("not fake.words")?.range == 4..<14)
    }

    @Test func wordsMustBeValuesTheFeatureCanTake() {
        let problem = error("followup == 'exmaple'")
        #expect(problem?.range == 12..<21)
        #expect(problem?.message.contains("Did you mean 'example'?") == true)
        #expect(error("'warm' == fake.tone") == nil)
    }
}
