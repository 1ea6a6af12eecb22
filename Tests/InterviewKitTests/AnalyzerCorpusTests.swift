import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

/// The analyzers against the labelled corpus in Tests/Fixtures/answers. The thresholds are the
/// targets the analyzers are held to; a change that drops below them fails here.
@Suite struct AnalyzerCorpusTests {
    static let answers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/answers")

    static func items(_ name: String) throws -> [LabelledAnswer] {
        let path = answers.appendingPathComponent(name).path
        return try LabelledAnswer.parseLines(String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    static let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)

    @Test func theCorpusIsLargeAndCoversEveryCategory() throws {
        let all = try Self.items("dev.jsonl") + Self.items("test.jsonl")
        #expect(all.count >= 250)
        #expect(try Self.items("holdout.jsonl").count >= 30)
    }

    /// The default analysis (the learned STAR model) on the project's own held-out answers, whose
    /// writer (w00) gave the model only dev.jsonl. The figures that count are leave-writers-out on
    /// the corpus of many writers (docs/analysis.md); this guards the answers the scenarios are
    /// written around.
    @Test(arguments: ["test.jsonl", "holdout.jsonl"])
    func heldOutAnswersMeetTheTargets(file: String) throws {
        let report = EvaluationReport.evaluate(try Self.items(file), with: Self.analyzers)
        #expect(report.followupAccuracy >= 0.90, "\(report.formatted())")
        #expect(report.labels["specific_example"]!.f1 >= 0.95)
        for label in ["situation", "task", "action", "result", "smart.specific", "smart.measurable", "smart.time_bound"] {
            #expect(report.labels[label]!.f1 >= 0.90, "\(label): \(report.labels[label]!.f1)")
        }
    }

    /// The STAR rules alone, which the model reads, on the answers they were written around.
    @Test(arguments: ["test.jsonl", "holdout.jsonl"])
    func theRulesMeetTheirTargetsOnTheProjectsAnswers(file: String) throws {
        let rules = Self.analyzers.replacing(STARAnalyzer(model: nil))
        let report = EvaluationReport.evaluate(try Self.items(file), with: rules)
        #expect(report.followupAccuracy >= 0.92, "\(report.formatted())")
        #expect(report.labels["specific_example"]!.f1 >= 0.95)
    }

    /// Per category, so a regression in one kind of answer cannot hide behind the others.
    @Test func everyCategoryStaysAccurate() throws {
        let all = try Self.items("dev.jsonl") + Self.items("test.jsonl")
        let lines = try String(contentsOfFile: Self.answers.appendingPathComponent("dev.jsonl").path, encoding: .utf8)
            + String(contentsOfFile: Self.answers.appendingPathComponent("test.jsonl").path, encoding: .utf8)
        var category: [String: String] = [:]
        for line in lines.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            category[object["id"] as! String] = object["category"] as? String
        }
        let byCategory = Dictionary(grouping: all) { category[$0.id] ?? "?" }
        for (name, items) in byCategory where name != "goals" {
            let report = EvaluationReport.evaluate(items, with: Self.analyzers)
            #expect(report.followupAccuracy >= 0.85, "\(name): \(report.followupAccuracy)")
        }
    }
}

@Suite struct STARAnalyzerTests {
    let star = STARAnalyzer()

    func analyze(_ answer: String, kind: QuestionKind? = nil) -> Analysis {
        star.analyze(answer, context: AnalysisContext(kind: kind))
    }

    func flag(_ analysis: Analysis, _ name: String) -> Bool? { analysis["star.\(name)"]?.boolValue }

    @Test func aCompleteStory() {
        let analysis = analyze("Last year I had a client who refused to take her medication. I needed to understand why. I asked her what worried her and I set up a call with her psychiatrist. She started taking it again and has been stable since.")
        #expect(analysis.followup == "none")
        #expect(flag(analysis, "situation") == true)
        #expect(flag(analysis, "task") == true)
        #expect(flag(analysis, "action") == true)
        #expect(flag(analysis, "result") == true)
        #expect(analysis["star.score"] == .number(4))
    }

    @Test func genericAndHypotheticalAnswersAskForAnExample() {
        let generic = analyze("I always listen first and I try to understand what the client needs.")
        #expect(generic.followup == "example")
        #expect(flag(generic, "generic") == true)
        #expect(flag(generic, "action") == false)
        let hypothetical = analyze("I would ask them what is going on, and then I'd call my supervisor.")
        #expect(hypothetical.followup == "example")
        #expect(flag(hypothetical, "hypothetical") == true)
    }

    @Test func weOnlyAsksForTheSpeakersPart() {
        let analysis = analyze("Last spring a resident at our house started using again. We met with him as a team and we found him a detox bed. He went the next day.")
        #expect(analysis.followup == "action")
        #expect(flag(analysis, "we_only") == true)
        #expect(analysis.reason.contains("'we'"))
    }

    @Test(arguments: [
        "Last month a client stopped coming. I called her twice and left a message. We never found out if it helped.",
        "Last month a client stopped coming. I called her twice and left a message. I'm not sure whether she got it.",
        "Last month a client stopped coming. I called her twice and left a message, but she moved away so I have no idea what happened.",
    ])
    func negatedOrUnknownOutcomesAreNoResult(answer: String) {
        let analysis = analyze(answer)
        #expect(flag(analysis, "result") == false)
        #expect(flag(analysis, "result_uncertain") == true)
        #expect(analysis.followup == "result")
    }

    @Test func aNegativeOutcomeIsStillAnOutcome() {
        let analysis = analyze("Last month a client stopped coming. I called her twice and left a message. In the end it didn't work and she dropped out.")
        #expect(flag(analysis, "result") == true)
    }

    @Test func hedgesDoNotHideActionsOrResults() {
        let analysis = analyze("Last year a man in our group was yelling. I guess I kind of walked over and maybe asked him to step outside. It sort of helped, he calmed down after a few minutes.")
        #expect(flag(analysis, "action") == true)
        #expect(flag(analysis, "result") == true)
    }

    @Test func aStoryWithoutContextAsksForTheSituation() {
        let analysis = analyze("I called her mom, I sat with her while she packed a bag, and I drove her to the hospital. She was admitted and is doing well now.")
        #expect(analysis.followup == "situation")
    }

    @Test func quantifiedResults() {
        let analysis = analyze("Last year a client was missing half his sessions. I moved his appointments to the evening. His attendance went from 50 percent to 90 percent.")
        #expect(flag(analysis, "result_quantified") == true)
    }

    @Test func unpunctuatedSpeechIsSplitIntoClauses() {
        let analysis = analyze("um so last year this client was like really angry and I just sat with him and I let him talk and uh he calmed down and he came back the next week")
        #expect(analysis.followup == "none")
        #expect(analysis.evidence.filter { $0.feature == "star.action" }.count >= 2)
    }

    @Test func goalQuestionsGetNoSTARFollowup() {
        let analysis = analyze("I want to get my license.", kind: .goals)
        #expect(analysis.followup == nil)
        #expect(analysis["star.followup"] == .text("example"))
    }

    @Test func evidenceOffsetsCountUnicodeScalars() {
        let answer = "At the Caf\u{e9} \u{1F600} last year I called her mother, and I sat with her until the crisis team came. She went home safe that night."
        let analysis = analyze(answer)
        let scalars = Array(answer.unicodeScalars)
        for item in analysis.evidence {
            #expect(String(String.UnicodeScalarView(scalars[item.start..<item.end])) == item.text)
        }
        #expect(!analysis.evidence.isEmpty)
    }

    @Test func emptyAndHugeAnswers() {
        let empty = analyze("")
        #expect(empty.followup == "example")
        #expect(empty.reason == "There is no answer yet.")
        #expect(analyze("   \n\n  ")["star.score"] == .number(0))
        let sentence = "Last year I had a client who was angry, so I sat with him and he calmed down. "
        let huge = String(repeating: sentence, count: 1_000_000 / sentence.utf8.count + 1)
        #expect(huge.utf8.count > 1_000_000)
        let analysis = analyze(huge)
        #expect(analysis.followup == "none")
        #expect(analysis.evidence.count <= 20)
    }

    @Test func invalidUTF8IsReplacedNotFatal() {
        let bytes: [UInt8] = Array("Last year I called her".utf8) + [0xFF, 0xFE, 0xC3] + Array(" and she came back.".utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\u{FFFD}"))
        #expect(analyze(text)["star.action"] == .bool(true))
    }

    @Test func deterministic() {
        let answer = "Last year I had a client who refused to talk. I sat with her. She opened up."
        #expect(analyze(answer) == analyze(answer))
    }
}

@Suite struct OtherAnalyzerTests {
    @Test func smartFindsEachCriterionWithEvidence() {
        let smart = SMARTAnalyzer()
        let full = smart.analyze("By next June I want to pass the LCSW exam. I've already booked a study course, so that I can supervise new staff.", context: AnalysisContext(kind: .goals))
        #expect(full.followup == "none")
        for name in ["specific", "measurable", "time_bound", "achievable", "relevant"] {
            #expect(full["smart.\(name)"] == .bool(true), "\(name)")
            #expect(full.evidence.contains { $0.feature == "smart.\(name)" })
        }
        let vague = smart.analyze("I just want to keep growing.", context: AnalysisContext(kind: .goals))
        #expect(vague.followup == "specific")
        let noDate = smart.analyze("I want to get my CADC credential.", context: AnalysisContext(kind: .goals))
        #expect(noDate.followup == "time_bound")
        #expect(smart.analyze("I want to get my license.", context: AnalysisContext(kind: .behavioral)).followup == nil)
    }

    /// Numbers that measure a goal, and numbers that only tell its time frame or the past.
    @Test(arguments: [
        ("I want to bring my no-show rate under 15 percent.", true),
        ("I'd like to have trained at least two clinicians to step into my role.", true),
        ("I want to have opened at least one new program.", true),
        ("I want to cut repeat hospitalizations by a quarter.", true),
        ("I want to get my CIT instructor cert.", true),
        ("I want to reach sixty patients on buprenorphine.", true),
        ("In the next year or two, I want to move into management.", false),
        ("In the next two or three years, I want to be working in the schools.", false),
        ("I want to be training the new peers by year two.", false),
        ("I want to keep growing by 2030 at least.", false),
        ("I want to carry my own caseload of adults in an outpatient program.", false),
    ])
    func smartMeasuresAreNumbersSetAsABar(answer: String, measurable: Bool) {
        let analysis = SMARTAnalyzer().analyze(answer, context: AnalysisContext(kind: .goals))
        #expect(analysis["smart.measurable"] == .bool(measurable), "«\(answer)»")
    }

    @Test func deliveryFigures() {
        let delivery = DeliveryAnalyzer()
        let analysis = delivery.analyze("Um, I guess we kind of called her. I called her mom too. Like, you know, it was fine.", context: AnalysisContext())
        #expect(analysis["delivery.words"] == .number(19))
        #expect(analysis["delivery.sentences"] == .number(3))
        #expect(analysis["delivery.i_count"] == .number(2))
        #expect(analysis["delivery.we_count"] == .number(1))
        #expect(analysis["delivery.fillers_per_100"]!.numberValue! > 10)
        #expect(analysis["delivery.hedges_per_100"]!.numberValue! > 10)
        #expect(analysis["delivery.longest_sentence"] == .number(8))
        #expect(analysis.followup == nil)
        // "ER" in capitals is the emergency room; "er" is a filler.
        #expect(delivery.analyze("I'd send her to the ER today and call her mother from the ER.", context: AnalysisContext())["delivery.fillers_per_100"] == .number(0))
        #expect(delivery.analyze("I, er, called her mother.", context: AnalysisContext())["delivery.fillers_per_100"]!.numberValue! > 0)
    }

    @Test func competencyCuesMatchWordFormsNotSubstrings() {
        let competency = CompetencyAnalyzer()
        let context = AnalysisContext(
            competencies: [
                Competency(id: "listening", label: "Listening", cues: ["reflective listening", "validate"], location: SourceLocation(file: "t", line: 1, column: 1)),
                Competency(id: "trust", label: "Trust", cues: ["trust"], location: SourceLocation(file: "t", line: 1, column: 1)),
            ],
            assessed: ["listening", "trust"])
        let analysis = competency.analyze("I used reflective listening and validated her fears; she was entrusted to my care.", context: context)
        #expect(analysis["competency.listening"] == .bool(true))
        #expect(analysis["competency.trust"] == .bool(false))
        #expect(analysis["competency.shown"] == .number(1))
        #expect(analysis["competency.coverage"] == .number(0.5))
        #expect(analysis.evidence.first?.text == "reflective listening")
    }

    @Test func aWordInAGrammaticalSenseIsNoCue() {
        let competency = CompetencyAnalyzer()
        let context = AnalysisContext(
            competencies: [Competency(id: "advocacy", label: "Advocacy", cues: ["rights", "right to refuse"], location: SourceLocation(file: "t", line: 1, column: 1))],
            assessed: ["advocacy"])
        #expect(competency.analyze("I can't think of one right now.", context: context)["competency.advocacy"] == .bool(false))
        #expect(competency.analyze("That's right, I called him right away.", context: context)["competency.advocacy"] == .bool(false))
        #expect(competency.analyze("I explained her rights as a tenant.", context: context)["competency.advocacy"] == .bool(true))
        #expect(competency.analyze("He has the right to refuse the medication.", context: context)["competency.advocacy"] == .bool(true))
    }

    /// The indexed cue lookup gives what the plain scan gives (the first cue, in the order written,
    /// that occurs, at its first place), on the corpus and on every shipped scenario's cues, also
    /// written in reverse order so that a later cue comes first in the text.
    @Test func competencyCueLookupAgreesWithAPlainScan() throws {
        let analyzers = try AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let scenarios = ShippedScenarioTests.shipped.compactMap { ScenarioLoader(analyzers: analyzers).load(contentsOf: $0).scenario }
        #expect(scenarios.count >= 2)
        let corpus = try AnalyzerCorpusTests.items("dev.jsonl").map(\.answer)
        var compared = 0
        var hits = 0
        for scenario in scenarios {
            let cues = scenario.competencies.flatMap(\.cues)
            let texts = corpus + [cues.joined(separator: ". "), cues.reversed().joined(separator: ", and then "), cues.shuffled().joined(separator: " ")]
            // Every form of an irregular verb a cue writes reads as the first of its forms a cue writes.
            let cueStems = Set(scenario.competencies.flatMap(CompetencyCueIndex.cueStems(of:)).joined())
            var standsFor: [String: String] = [:]
            // So does every negation of a verb, and each of he, she and they.
            for verb in CompetencyCueIndex.sharedFormClasses {
                let forms = verb.map(CompetencyAnalyzer.stem)
                guard let first = forms.first(where: cueStems.contains) else { continue }
                let written = standsFor[first] ?? first
                for form in forms where standsFor[form] == nil { standsFor[form] = written }
            }
            for text in texts {
                let stems = TextSegmenter(text, vocabulary: .builtIn).words.map(CompetencyAnalyzer.stem).map { standsFor[$0] ?? $0 }
                /// Where `cue` ends when it starts at `start`: a gap ("…") takes the fewest words
                /// (up to `Competency.maximumGap`) after which the rest matches.
                func end(of cue: ArraySlice<String>, at start: Int) -> Int? {
                    guard let first = cue.first else { return start }
                    if first == CompetencyCueIndex.gapWord {
                        return (0...Competency.maximumGap).lazy.compactMap { end(of: cue.dropFirst(), at: start + $0) }.first
                    }
                    return start < stems.count && stems[start] == first ? end(of: cue.dropFirst(), at: start + 1) : nil
                }
                let plain: [Range<Int>?] = scenario.competencies.map { competency in
                    for cue in CompetencyCueIndex.cueStems(of: competency).map({ $0.map { standsFor[$0] ?? $0 } }) where !cue.isEmpty {
                        for start in stems.indices {
                            if let end = end(of: cue[...], at: start) { return start..<end }
                        }
                    }
                    return nil
                }
                let index = CompetencyCueIndex(scenario.competencies)
                #expect(index.firstHits(in: TextSegmenter(text, vocabulary: .builtIn).words.map { index.stemID(of: $0) }) == plain, "\(scenario.id): \(text.prefix(80))")
                compared += 1
                hits += plain.compactMap { $0 }.count
            }
        }
        #expect(compared > 500 && hits > 100)
    }

    /// The stemmer's rules: common endings go, a doubled last consonant goes, short words stay.
    @Test func competencyStemmerRules() {
        let expected = [
            "validated": "valid", "validating": "valid", "validates": "valid", "validation": "valid", "frustrated": "frustr",
            "frustration": "frustr", "coordinated": "coordin", "treated": "treat", "combat": "combat", "carried": "carry", "studies": "study",
            "planned": "plan", "stopped": "stop", "fully": "ful", "skiing": "ski", "passed": "pass", "called": "call",
            "client's": "client", "ab": "ab", "a": "a", "café": "café", "naïvely": "naïve",
            "bias": "bias", "biases": "bias", "focus": "focus", "focused": "focus", "stress": "stress", "stresses": "stress",
            "crisis": "crisis", "ideas": "idea", "means": "mean", "phobias": "phobia", "repeated": "repeat", "defeated": "defeat",
        ]
        for (word, stem) in expected { #expect(CompetencyAnalyzer.stem(word) == stem, "\(word)") }
    }

    @Test func theFirstAnalyzerWithAFollowupLeads() {
        let set = AnalyzerSet([STARAnalyzer(), SMARTAnalyzer()])
        let behavioral = set.analyze("I always listen.", context: AnalysisContext(kind: .behavioral))
        #expect(behavioral.followup == "example")
        let goals = set.analyze("I want to grow.", context: AnalysisContext(kind: .goals))
        #expect(goals.followup == "specific")
        #expect(set.followupValues == ["example", "action", "result", "situation", "specific", "measurable", "time_bound", "none"])
    }

    @Test func everyAnalyzerProvidesEveryDeclaredFeature() {
        let context = AnalysisContext(competencies: [Competency(id: "c", label: "C", cues: ["x"], location: SourceLocation(file: "t", line: 1, column: 1))])
        for analyzer in AnalyzerRegistry.builtIn.available {
            let analysis = analyzer.analyze("Last year I helped a client and she got better.", context: context)
            for feature in analyzer.features {
                #expect(analysis[feature.name] != nil, "\(analyzer.identifier) misses \(feature.name)")
                #expect(feature.name.hasPrefix(analyzer.identifier + "."))
            }
        }
    }

    @Test func unknownAnalyzerNamesTheKnownOnes() throws {
        #expect(throws: UnknownAnalyzer.self) { try AnalyzerRegistry.builtIn.resolve(["star", "stra"]) }
        #expect(try AnalyzerRegistry.builtIn.resolve(["smart", "star", "smart"]).identifiers == ["smart", "star"])
    }
}

/// Each built-in gives exactly the features it declares, each of its declared type: the STAR
/// analyzer fills a prepared dictionary by position, which this keeps honest.
@Suite struct DeclaredFeatureTests {
    @Test func everyBuiltInGivesExactlyItsDeclaredFeatures() throws {
        let answers = try AnalyzerCorpusTests.items("dev.jsonl").prefix(40).map(\.answer) + ["", "I would listen."]
        for identifier in AnalyzerRegistry.defaultIdentifiers {
            let set = try AnalyzerRegistry.builtIn.resolve([identifier])
            let declared = Dictionary(uniqueKeysWithValues: set.analyzers[0].features.map { ($0.name, $0.type) })
            for answer in answers {
                let features = set.analyze(answer, context: AnalysisContext(kind: .behavioral)).features
                #expect(Set(features.keys) == Set(declared.keys), "\(identifier)")
                for (name, value) in features {
                    switch (value, declared[name]) {
                    case (.bool, .bool?), (.number, .number?): break
                    case (.text(let word), .choice(let words)?): #expect(words.contains(word), "\(name)")
                    default: Issue.record("\(name) = \(value) is not \(String(describing: declared[name]))")
                    }
                }
            }
        }
    }
}
