import Testing
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit

/// `lint`'s `repeated-cue`: a cue that matches only what an earlier cue of the same competency or
/// topic matches is reported where it is written, so a scenario keeps one spelling of each.
@Suite struct RepeatedCueTests {
    static let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)

    /// Pairs of cues the matcher reads as one: another tense or ending, another negation of the
    /// verb, another of he, she and they, other punctuation.
    static let triggering: [(String, String)] = [
        ("let her leave", "let him leave"),
        ("didn't let her leave alone", "didn't let them leave alone"),
        ("asked if he has a plan", "ask if she had a plan"),
        ("won't tell anyone", "wouldn't tell anyone"),
        ("called 911", "call 911"),
        ("I'd call 911", "I called 911"),
        ("we'll keep it between us", "we kept it between us"),
        ("until he calmed down and then I", "until she calmed down, and then I"),
        ("asked … whether … killing himself", "asked … whether … killing herself"),
        ("safety plan", "safety plans"),
    ]

    /// Pairs that match different answers: another person who is not the third ("I", "we", "my"),
    /// "never" against "didn't", a filler spelled otherwise, a gap against none, other words.
    static let nonTriggering: [(String, String)] = [
        ("let her leave", "let me leave"),
        ("I called 911", "we called 911"),
        ("her plan", "my plan"),
        ("didn't tell anyone", "never told anyone"),
        ("right away", "rights away"),
        ("asked … about suicide", "asked about suicide"),
        ("called 911", "called 988"),
    ]

    @Test(arguments: triggering.indices)
    func aCueReadAsAnEarlierOneIsReported(_ index: Int) {
        let (first, second) = Self.triggering[index]
        let found = RepeatedCues.find(in: [first, second])
        #expect(found.map(\.cue) == [1] && found.map(\.earlier) == [0], "'\(second)' repeats '\(first)'")
    }

    @Test(arguments: nonTriggering.indices)
    func aCueThatMatchesOtherAnswersIsNot(_ index: Int) {
        let (first, second) = Self.nonTriggering[index]
        #expect(RepeatedCues.find(in: [first, second]).isEmpty, "'\(second)' is not '\(first)'")
    }

    /// What the linter calls a repeat the matcher reads as one: a cue matches the text of each cue
    /// reported as repeating it, so removing the repeat loses nothing.
    @Test(arguments: triggering.indices)
    func aRepeatIsMatchedByTheCueItRepeats(_ index: Int) {
        let (first, second) = Self.triggering[index]
        guard !second.contains("…") else { return }
        #expect(Self.shows(cue: first, second), "'\(first)' matches «\(second)»")
    }

    /// Every pronoun of a set matches every other, and a cue written with each is reported as a
    /// repeat of the first: the linter and the matcher read the sets alike.
    @Test(arguments: CueReading.pronounClasses)
    func everyPronounOfASetMatchesTheOthers(_ forms: [String]) {
        for first in forms {
            for second in forms where second != first {
                let earlier = "said \(first) was fine", later = "said \(second) was fine"
                #expect(RepeatedCues.find(in: [earlier, later]).map(\.cue) == [1], "'\(later)' repeats '\(earlier)'")
                #expect(Self.shows(cue: earlier, "I \(later)."), "'\(earlier)' matches «I \(later).»")
            }
        }
    }

    static func shows(cue: String, _ answer: String) -> Bool {
        let competency = Competency(id: "c", label: "C", cues: [cue], location: SourceLocation(file: "t", line: 1, column: 1))
        return CompetencyAnalyzer().analyze(answer, context: AnalysisContext(competencies: [competency], assessed: ["c"]))["competency.c"] == .bool(true)
    }

    /// A repeat names the cue it repeats and where it is written, in a competency or a topic; cues
    /// of different sets may say the same.
    @Test func lintReportsTheRepeatAtItsCue() throws {
        let cueSets = """

            <competencies><competency id="safety" label="Safety">
            <cue>let her leave</cue>
            <cue>let him leave</cue>
            </competency></competencies>
            <topics><topic id="delay" label="a delay"><cue>waited until morning</cue><cue>wait until morning</cue><cue>let her leave</cue></topic></topics>
            """
        let question = "<question id=\"q\" assesses=\"safety\" kind=\"situational\"><ask>What do you do?</ask><probe id=\"p\" when=\"mentions.delay\"><ask>Why wait?</ask></probe><end/></question>"
        let result = load(scenarioXML(question, competencies: cueSets), analyzers: Self.analyzers)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        let repeats = ScenarioLinter(catalog: Self.analyzers.catalog).lint(scenario).filter { $0.code == "repeated-cue" }
        #expect(repeats.map(\.description) == [
            "test.xml:9:1: warning: the cue 'let him leave' of competency 'safety' matches only what its cue 'let her leave' already matches (word endings, a verb's forms and its negations, he, she and they, and \"I\" and \"I'd\" match each other); remove it",
            "test.xml:11:74: warning: the cue 'wait until morning' of topic 'delay' matches only what its cue 'waited until morning' already matches (word endings, a verb's forms and its negations, he, she and they, and \"I\" and \"I'd\" match each other); remove it",
        ])
    }
}
