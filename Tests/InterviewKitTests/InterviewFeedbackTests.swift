import CLibXML2
import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

@Suite struct InterviewFeedbackTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)

    /// Runs a bundled scenario with real analyzers and returns its transcript and scenario.
    func interview(_ answers: [String], scenario name: String = "quick-start", seconds: Double = 30) throws -> (Transcript, Scenario) {
        let scenario = try #require(ScenarioLoader(analyzers: Self.analyzers).load(contentsOf: Self.root.appendingPathComponent("Scenarios/\(name).xml").path).scenario)
        let engine = Interviewer(scenario: scenario, analyzers: Self.analyzers)
        var recorder = TranscriptRecorder()
        var turn = engine.start(seed: 1)
        var events = recorder.started(turn, at: Date())
        for answer in answers where !turn.state.hasEnded {
            if answer == ":skip" {
                turn = engine.skip(turn.state)
                events += recorder.skipped(turn: turn, at: Date())
            } else {
                turn = engine.respond(to: answer, in: turn.state)
                events += recorder.answered(answer, seconds: seconds, turn: turn, at: Date())
            }
        }
        let header = TranscriptHeader(scenario: scenario, contentHash: "", path: "\(name).xml", analyzers: Self.analyzers, seed: 1, options: EngineOptions(), started: Date())
        return (Transcript(header: header, events: events), scenario)
    }

    func feedback(_ answers: [String], timeLimit: Double? = nil, seconds: Double = 30) throws -> InterviewFeedback {
        let (transcript, scenario) = try interview(answers, seconds: seconds)
        return InterviewFeedback(transcript: transcript, scenario: scenario, timeLimit: timeLimit)
    }

    /// One answer as the feedback reads it.
    func assess(_ answer: String, kind: QuestionKind = .behavioral) -> AnswerAssessment {
        let analysis = Self.analyzers.analyze(answer, context: AnalysisContext(kind: kind))
        return AnswerAssessment(features: analysis.features, evidence: analysis.evidence, answer: answer, kind: kind)
    }

    static let completeStory = "Last year I had a client who was court ordered and refused to talk. I used reflective listening and asked what she wanted. She finished the program in three months."

    @Test func partsQuotesRatingsAndCompetencies() throws {
        let result = try feedback([
            Self.completeStory,
            "We disagreed about meds once.",
            "We met and talked it through.",
            "I mostly listened.",
            "I want to get my LCSW license by next June.",
        ])
        #expect(result.questions.map(\.questionID) == ["reluctant-client", "team-disagreement", "practice-goal"])
        let first = try #require(result.questions[0].assessment)
        #expect(first.parts.first { $0.name == "result" }?.quote == "She finished the program in three months")
        // A complete story: the task is plain from it, the answer is at least solid and is praised.
        #expect(first.parts.first { $0.name == "task" }?.state == .implied)
        #expect(first.rating.level >= .solid)
        #expect(first.strength?.contains("She finished the program in three months") == true, "\(String(describing: first.strength))")
        #expect(result.questions[0].followups.isEmpty)
        let second = result.questions[1]
        #expect(!second.followups.isEmpty)
        #expect(second.followups.allSatisfy { $0.reason.hasPrefix("I ") && !$0.reason.contains("'") }, "\(second.followups.map(\.reason))")
        let goal = try #require(result.questions[2].assessment)
        #expect(goal.isGoal)
        #expect(goal.parts.map(\.name) == ["specific", "measurable", "time-bound"])
        #expect(goal.parts.map(\.present) == [true, true, true])
        #expect(result.competenciesShown == ["Engaging reluctant clients", "Professional growth"])
        #expect(result.competenciesNotShown == ["Working with the care team"])
        #expect((1...3).contains(result.practice.count))
        #expect(result.markdown.hasPrefix("# Feedback: Quick start\n"))
        #expect(result.text.contains("✓ result: “She finished the program in three months”"))
        #expect(!result.strengths.isEmpty)
    }

    /// Probe ids, conditions and feature names are for authors; a candidate reads sentences.
    @Test func reasonsArePraisedOnlyBesideASkillTheQuestionLooksFor() {
        let answer = "I'd avoid asking her about suicide directly, because asking can put the idea in her head, so I'd talk about school instead."
        var features = Self.analyzers.analyze(answer, context: AnalysisContext(kind: .situational)).features
        #expect(features[STARFeature.reasoning]?.boolValue == true)
        func assessed(shown: Double, missing: Double) -> AnswerAssessment {
            features[CompetencyFeature.shown] = .number(shown)
            features[CompetencyFeature.missing] = .number(missing)
            return AnswerAssessment(features: features, evidence: [], answer: answer, kind: .situational)
        }
        let noSkill = assessed(shown: 0, missing: 1)
        #expect(!noSkill.gaveReasons)
        #expect(noSkill.strength?.hasPrefix("You said why") != true)
        #expect(assessed(shown: 1, missing: 1).gaveReasons)
        // A question that looks for no skill: the reason stands on its own.
        #expect(assessed(shown: 0, missing: 0).gaveReasons)
    }

    @Test func aStoryThatShowsNoSkillTheQuestionLooksForIsBasic() {
        var features = Self.analyzers.analyze(Self.completeStory, context: AnalysisContext(kind: .behavioral)).features
        #expect(AnswerRating(story: features).level == .solid)
        features[CompetencyFeature.shown] = .number(0)
        features[CompetencyFeature.missing] = .number(1)
        let rating = AnswerRating(story: features)
        #expect(rating.level == .basic)
        #expect(rating.reason.contains("doesn't yet show the skill"))
        features[CompetencyFeature.shown] = .number(1)
        #expect(AnswerRating(story: features).level == .solid, "one skill shown of two is enough for the story to stand")
    }

    @Test func whatTheCandidateReadsHasNoAuthorJargon() throws {
        let result = try feedback(["I usually build rapport.", "We talked it over as a team.", "It went fine.", "We talk.", "We talk.", "I want to grow."])
        for text in [result.text, result.markdown] {
            for jargon in ["probe '", "`", "followup", "star.", "smart.", "holds", "competency.", "reluctant-"] {
                #expect(!text.contains(jargon), "\(jargon) in:\n\(text)")
            }
        }
        #expect(result.text(explain: true).contains("probe '"))
    }

    @Test func theMostFrequentGapComesFirstAndOvertimeIsNoted() throws {
        let result = try feedback(["I always listen.", "I always listen.", "I always listen.", "We talk.", "We talk.", "I want to grow."], timeLimit: 10, seconds: 40)
        // Three generic answers draw the simpler second try at the first question: four questions in all.
        #expect(result.questions.count == 4)
        #expect(result.practice.count == 3)
        #expect(result.practice[0].hasPrefix("Keep answers to one or two minutes (questions 1, 2, 3 and 4)"), "\(result.practice)")
        #expect(result.practice[1].hasPrefix("Start with one real time (questions 1, 2 and 3)"), "\(result.practice)")
        #expect(result.questions.allSatisfy { $0.overtime == 30 })
        #expect(result.gaps.contains("No specific example by the end (questions 1, 2 and 3)."), "\(result.gaps)")
    }

    @Test func aPartGivenOnlyAfterAFollowUpIsAGapNotAStrength() throws {
        let result = try feedback([
            "I always try to build rapport and meet clients where they are.",
            Self.completeStory,
        ])
        #expect(result.questions[0].followups.first?.asked == "example")
        #expect(result.gaps.contains("The example came only after I asked for one (question 1)."), "\(result.gaps)")
        #expect(!result.strengths.contains { $0.hasPrefix("A real example without being asked") })
    }

    // MARK: Ratings

    /// The three graded samples of `resistance-question.md` (each generic, written for the project).
    static let gradedSamples = [
        "I stay calm and listen to them. I explain why the plan matters and offer other options if they don't like it. Sometimes I bring in their family.",
        "I listen first and reflect back what I hear, because pushback usually hides a worry. Then I share what the evidence says about the plan, correct any myths, and we look together at options that fit their goals. I keep what they tell me confidential, and I adjust how I talk to each person's background.",
        "I treat resistance as information. I make room for the client to say what they object to without being judged, I remind them the decisions are theirs, and I lay out the plan's reasons, goals and risks plainly so they can weigh it. Then we shape the plan together, and I keep adapting as I learn what matters to them.",
    ]

    @Test func theGradedSamplesAreRatedAsTheGuideRatesThem() {
        let levels = Self.gradedSamples.map { assess($0).rating.level }
        #expect(levels[0] == .basic)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 <= $1 }, "\(levels)")
        #expect(!levels.contains(.exceptional), "none has a specific example: \(levels)")
        #expect(levels[1] == .solid)
        // What lifts each is said, and it is a real example.
        for sample in Self.gradedSamples.dropFirst() {
            #expect(assess(sample).rating.lift?.contains("specific past client") == true)
        }
    }

    @Test func aConsideredSpecificStoryIsExceptional() {
        let story = "Last spring I worked with a client who kept missing sessions. I moved our meetings to her lunch break because her job was at risk, and I let her set the pace of what we talked about. By June she had come to eight sessions in a row."
        let rating = assess(story).rating
        #expect(rating.level == .exceptional, "\(rating)")
        #expect(rating.lift == nil)
    }

    @Test func goalRatingsFollowSMART() {
        #expect(assess("I want to grow.", kind: .goals).rating.level == .basic)
        #expect(assess("I want to get my LCSW license by next June.", kind: .goals).rating.level >= .solid)
    }

    // MARK: Evidence

    @Test func quotesAreWholeClausesThatShowThePart() {
        #expect(FeedbackQuote.accept("so this was") == nil)
        #expect(FeedbackQuote.accept("then she asks how I got him back", ownAction: true) == nil)
        #expect(FeedbackQuote.accept("and then I called her mother that night", ownAction: true) == "I called her mother that night")
        #expect(FeedbackQuote.accept("the team agreed to wait", ownAction: true) == nil)
        let long = String(repeating: "word ", count: 60)
        let cut = FeedbackQuote.accept(long)
        #expect(cut?.hasSuffix("…") == true && (cut?.count ?? 0) <= FeedbackQuote.maximumCharacters)
        #expect(cut?.dropLast().hasSuffix("word") == true)
    }

    @Test func aGenericAnswerIsOneGapNotFour() {
        let parts = assess("I usually build rapport and validate feelings before I set any goals with a client.").parts
        #expect(parts.map(\.name) == ["a specific example"])
        #expect(parts.first?.state == .missing)
    }

    // MARK: Delivery

    @Test func aRamblingAnswerIsNamedWithItsFillersQuoted() throws {
        let tangent = Array(repeating: "So um, you know, I kind of think that, um, it depends, you know, on the client and stuff, and I kind of go with it.", count: 6).joined(separator: " ")
        let note = try #require(assess(tangent).delivery)
        #expect(note.fillers)
        #expect(note.text.contains("“um” ×"), "\(note.text)")
        #expect(note.text.contains("“you know” ×"), "\(note.text)")
        #expect(note.text.contains("“kind of” ×"), "\(note.text)")
        let long = try #require(assess(Array(repeating: Self.completeStory, count: 12).joined(separator: " ")).delivery)
        #expect(long.long && long.text.contains("words, where about 50–300 words suits this question"), "\(long.text)")
        #expect(assess(Self.completeStory).delivery == nil, "a short complete story needs no word on length")
    }

    /// Only the answer to the question itself can run long: replies to follow-ups add what was asked for.
    @Test func onlyTheAnswerBeforeTheFollowUpsCanRunLong() throws {
        // quick-start's first question: a general answer of about 90 words draws the example probe,
        // and the story told in reply takes the whole over 300 words.
        let general = Array(repeating: "I usually listen first and try to understand what the client wants from the work.", count: 6).joined(separator: " ")
        let story = Array(repeating: Self.completeStory, count: 6).joined(separator: " ")
        let shortFirst = try feedback([general, story, ":skip", ":skip"])
        let first = try #require(shortFirst.questions.first)
        #expect(first.followups.count == 1, "the general answer drew a follow-up")
        #expect(first.assessment?.delivery?.long != true, "\(String(describing: first.assessment?.delivery))")
        let longFirst = try feedback([Array(repeating: general, count: 4).joined(separator: " "), story, ":skip", ":skip"])
        #expect(longFirst.questions.first?.followups.count == 1)
        let note = try #require(longFirst.questions.first?.assessment?.delivery, "\(longFirst.questions)")
        #expect(note.long && note.text.hasPrefix("Your answer before my follow-ups ran long: "), "\(note.text)")
    }

    /// `:feedback` during the interview reads length the same way, and only when delivery is analysed.
    @Test func feedbackDuringTheInterviewJudgesLengthAsTheFinalFeedbackDoes() throws {
        let general = Array(repeating: "I usually listen first and try to understand what the client wants from the work.", count: 24).joined(separator: " ")
        let story = Array(repeating: Self.completeStory, count: 2).joined(separator: " ")
        func progress(_ parts: [String], analyzers: AnalyzerSet = Self.analyzers) -> AnswerProgress {
            AnswerProgress(analysis: analyzers.analyze(parts.joined(separator: "\n\n"), context: AnalysisContext(kind: .behavioral)), parts: parts, kind: .behavioral)
        }
        let long = try #require(progress([general, story]).assessment.delivery)
        #expect(long.long && long.text.hasPrefix("Your answer before my follow-ups ran long: "), "\(long.text)")
        #expect(progress(["I usually listen first.", Array(repeating: Self.completeStory, count: 8).joined(separator: " ")]).assessment.delivery?.long != true)
        let starOnly = try AnalyzerRegistry.builtIn.resolve(["star"])
        #expect(progress([general, story], analyzers: starOnly).assessment.delivery == nil, "no length is judged without the delivery analyzer")
    }

    // MARK: Follow-up reasons

    @Test func followUpReasonsAreSentences() {
        func reason(_ values: [String: FeatureValue], _ analysis: [String: FeatureValue] = [:]) -> String {
            FollowupReason.plain(values: values, analysis: analysis) { $0 == "integrated-care" ? "Integrated care" : nil }
        }
        #expect(reason(["followup": .text("example"), "probes": .number(0)]) == "I asked for one specific time because your answer described what you usually do.")
        #expect(reason(["followup": .text("action")], [STARFeature.weOnly: .bool(true)]).contains("“we”"))
        #expect(reason(["followup": .text("result")]).hasPrefix("I asked how it turned out"))
        #expect(reason([STARFeature.declined: .bool(true), "probes": .number(0)]).contains("hypothetical"))
        #expect(reason([STARFeature.specificExample: .bool(true), "competency.integrated-care": .bool(false)]) == "I wanted to hear more about integrated care in what you did.")
        #expect(reason(["smart.followup": .text("time_bound")]).contains("time frame"))
        // The probe's own condition says what it asked for; the analysis before it only refines the words.
        let goalAnalysis: [String: FeatureValue] = [STARFeature.followup: .text("example"), STARFeature.specificExample: .bool(false)]
        #expect(reason(["smart.followup": .text("time_bound")], goalAnalysis).contains("time frame"))
        let incomplete: [String: FeatureValue] = [STARFeature.followup: .text("result"), STARFeature.declined: .bool(true)]
        #expect(reason([STARFeature.specificExample: .bool(true), "competency.integrated-care": .bool(false)], incomplete) == "I wanted to hear more about integrated care in what you did.")
    }

    @Test func situationalAndGeneralAnswersAreNotAskedForAStory() {
        let plan = assess("I would sit with her and ask what she needs, and then call my supervisor.", kind: .situational)
        #expect(!(plan.nextTime ?? "").contains("tell what you did"), "\(String(describing: plan.nextTime))")
        #expect(plan.nextTime?.contains("why you'd take each step") == true, "\(String(describing: plan.nextTime))")
        #expect(!plan.parts.contains { $0.name == "a specific example" && !$0.present })
        let why = assess("I want this role because I have worked in peer support for six years and I know the clients here.", kind: .general)
        #expect(why.rating.level == .solid, "\(why.rating)")
        #expect(!why.parts.contains { !$0.present && $0.name != "your reasons" })
    }

    // MARK: Reports

    /// Parses `html` with libxml2's XML parser, the strictest at hand: an unclosed or misnested
    /// element is a fatal error. The report is written to be well-formed for it.
    func xmlErrors(_ html: String) -> [String] {
        var bytes = Array(html.utf8)
        guard let context = xmlNewParserCtxt() else { return ["no parser"] }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(buffer.count), "report.html", nil, options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if document == nil || context.pointee.wellFormed == 0 {
            let message = xmlCtxtGetLastError(context).map { String(cString: $0.pointee.message) } ?? "not well-formed"
            return [message]
        }
        return []
    }

    @Test func theReportsCarryTheFeedbackAndShowGoalsAsGoals() throws {
        let (transcript, scenario) = try interview([Self.completeStory, "We disagreed once.", "We talked.", "I listened.", "I want to get my LCSW license by next June."])
        let feedback = InterviewFeedback(transcript: transcript, scenario: scenario)
        let html = TranscriptRenderer.render(transcript, as: .html, feedback: feedback)
        #expect(xmlErrors(html).isEmpty, "\(xmlErrors(html))")
        #expect(html.components(separatedBy: "<section").count == html.components(separatedBy: "</section>").count)
        #expect(html.contains("class=\"feedback\""))
        #expect(html.contains("<h3>Practise next</h3>"), "\(html)")
        #expect(html.contains("<h3>Where the answers stand</h3>"))
        #expect(html.contains("aria-label=\"SMART parts\""))
        #expect(html.contains("@media print"))
        let markdown = TranscriptRenderer.render(transcript, as: .markdown, feedback: feedback)
        #expect(markdown.contains("SMART: ✓ specific · ✓ measurable · ✓ time-bound"), "\(markdown)")
        #expect(markdown.contains("## Feedback"))
        #expect(markdown.contains("### Delivery"))
        // A general answer is one gap, not four: its STAR line names only the specific example.
        #expect(markdown.contains("STAR: ✗ a specific example\n"), "\(markdown)")
        for jargon in ["probe '", "holds", "`"] { #expect(!markdown.contains(jargon), "\(jargon)") }
    }

    @Test func anAnswerThatBreaksTheMarkupIsEscaped() throws {
        let (transcript, scenario) = try interview(["</section><script>alert(1)</script> I always <b>listen</b>.", ":skip", ":skip"])
        let html = TranscriptRenderer.render(transcript, as: .html, feedback: InterviewFeedback(transcript: transcript, scenario: scenario))
        #expect(xmlErrors(html).isEmpty, "\(xmlErrors(html))")
        #expect(!html.contains("<script>"))
    }

    /// An answer cannot add a link, load an image or change the layout of the Markdown report.
    @Test func anAnswerCannotLinkOrLoadAnythingInMarkdown() throws {
        let answer = "Last year I had a client ![x](http://tracker.example/p.png) who [clicked](javascript:alert(1)) *everything*.\n# Not a heading\n1. not a list\n    - indented, not code\nsee https://x.example or www.y.example or me@z.example | a | b |"
        let (transcript, scenario) = try interview([answer, ":skip", ":skip"])
        let feedback = InterviewFeedback(transcript: transcript, scenario: scenario)
        for markdown in [TranscriptRenderer.render(transcript, as: .markdown, feedback: feedback), feedback.markdown] {
            // Every bracket escaped: no "](" is left once the escaped ones are taken out.
            #expect(!markdown.replacingOccurrences(of: "\\]", with: "").contains("]("), "\(markdown)")
            #expect(!markdown.contains(" *everything*"))
        }
        let replay = TranscriptRenderer.render(transcript, as: .markdown, feedback: feedback)
        #expect(replay.contains("> Last year I had a client !\\[x\\](http\\://tracker.example/p.png) who \\[clicked\\](javascript:alert(1)) \\*everything\\*."), "\(replay)")
        #expect(replay.contains("> \\# Not a heading\n> 1\\. not a list\n> &nbsp;&nbsp;&nbsp;&nbsp;\\- indented, not code\n"), "\(replay)")
        #expect(replay.contains("> see https\\://x.example or www\\.y.example or me\\@z.example \\| a \\| b \\|"), "\(replay)")
        #expect("3 probes".markdownLiteral == "3 probes")
        #expect("a_b".markdownLiteral == "a\\_b")
    }
}
