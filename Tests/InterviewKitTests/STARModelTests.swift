import Testing
@testable import InterviewCore
@testable import BuiltInAnalyzers
@testable import InterviewKit

/// The learned STAR model's parts: its weights file, its trainer, clause labels read back onto
/// today's clauses, and the decline cue.
@Suite struct STARModelTests {
    @Test func theBuiltInWeightsReadAndDecide() throws {
        let model = try #require(STARModel.builtIn, "STARModelWeights.swift must parse")
        #expect(model.clauseRoles != nil)
        let story = "Last spring a client I worked with was about to lose her housing. I called her landlord and set up a payment plan with him. She kept the apartment and paid it off by June."
        let analysis = STARAnalyzer(model: model).analyze(story, context: AnalysisContext(kind: .behavioral))
        #expect(analysis[STARFeature.specificExample]?.boolValue == true)
        #expect(analysis[STARFeature.action]?.boolValue == true)
        let habit = "I always listen first and I try to validate what the client feels before I suggest anything."
        #expect(STARAnalyzer(model: model).analyze(habit, context: AnalysisContext(kind: .behavioral)).followup == "example")
        // Evidence comes from the clauses the model credits.
        #expect(analysis.evidence.contains { $0.feature == STARFeature.action && $0.text.contains("I called her landlord") })
    }

    /// A reply to a follow-up, joined to the answer as a paragraph, does not take back the story
    /// or an outcome already told: "what would you do differently" is answered in "I would…".
    @Test func whatTheSpeakerDidNotDoIsNotQuotedAsTheirAction() throws {
        let model = try #require(STARModel.builtIn)
        let story = "Last month a client told me she was having suicidal thoughts. My job was to keep the session on track, so I didn't ask about a plan and I didn't do a safety plan. I told her to go to the emergency room if it got worse. She came back the next week."
        let analysis = STARAnalyzer(model: model).analyze(story, context: AnalysisContext(kind: .behavioral))
        let quoted = analysis.evidence.filter { $0.feature == STARFeature.action || $0.feature == STARFeature.task }.map(\.text)
        #expect(quoted.contains { $0.contains("I told her to go") })
        #expect(!quoted.contains { $0.contains("didn't") })
        let segmenter = TextSegmenter("I didn't ask about a plan. I never called. I did not wait. She didn't come, so I called her.", vocabulary: .builtIn)
        #expect(segmenter.clauses.map { segmenter.negatesOwnVerb(in: $0) } == [true, true, true, false, false])
    }

    @Test func aReplyKeepsWhatTheStoryAlreadyTold() throws {
        let model = try #require(STARModel.builtIn)
        let story = "Two years ago a client asked to follow me on social media. I wanted to say no without shaming her. I made a joke of it instead of explaining the boundary. She asked again twice and seemed hurt when I finally said no."
        let context = AnalysisContext(kind: .behavioral)
        let alone = STARAnalyzer(model: model).analyze(story, context: context)
        #expect(alone[STARFeature.result]?.boolValue == true && alone.followup == "none")
        let replied = STARAnalyzer(model: model).analyze(story + "\n\nI would say it plainly the first time, kindly, and explain that it protects our work together.", context: context)
        #expect(replied[STARFeature.specificExample]?.boolValue == true)
        #expect(replied[STARFeature.result]?.boolValue == true, "the outcome told before the reply stands")
        #expect(replied.followup == "none")
        let verdicts = model.explain(story + "\n\nI would say it plainly the first time.", kind: .behavioral).verdicts
        #expect(verdicts.contains { $0.head == .result && $0.yes })
        // An outcome read before any action of the speaker's is not kept: the whole decides.
        let noAction = "Last year a new peer on our team was struggling with her notes and her groups. Her caseload was heavy and she talked about quitting.\n\nIt was hard to watch."
        #expect(STARAnalyzer(model: model).analyze(noAction, context: context).followups.contains("result"))
    }

    /// The explanation's verdicts are the analysis's own decisions, and say why wherever a check
    /// over the heads overruled one.
    @Test(arguments: [
        "Last year I called her mother. She came to the next session.",
        "I always listen first and try to validate what the client feels.",
        "I can't think of one right now, sorry.",
        "A client was doing really well. I met with him and planned his step down.",
        "We met with the family twice.\n\nLast March a father got loud at intake. I sat with him and he calmed down.",
    ])
    func theExplanationSaysWhatTheChecksDecided(answer: String) throws {
        let model = try #require(STARModel.builtIn)
        let reading = model.explain(answer, kind: .behavioral)
        let analysis = STARAnalyzer(model: model).analyze(answer, context: AnalysisContext(kind: .behavioral))
        let features: [STARModel.Head: String] = [
            .specificExample: STARFeature.specificExample, .situation: STARFeature.situation, .task: STARFeature.task,
            .action: STARFeature.action, .result: STARFeature.result, .declined: STARFeature.declined,
        ]
        for (verdict, decision) in zip(reading.verdicts, reading.decisions) {
            #expect(analysis[features[verdict.head]!]?.boolValue == verdict.yes, "\(verdict.head)")
            if verdict.yes != (decision.probability >= 0.5) { #expect(verdict.why != nil, "\(verdict.head) was overruled without a reason") }
        }
        #expect(reading.followup == analysis.followup)
    }

    @Test func theWeightsFileRoundTrips() throws {
        let model = STARModel(
            clauseRoles: LinearModel(
                name: STARModelFile.clauseSection, classes: ClauseRole.allCases.map(\.rawValue), featureNames: ["word:called"],
                weights: (0..<9).map { Double($0) / 4 - 1 }, bias: Array(repeating: 0.5, count: 9)),
            heads: STARModel.Head.allCases.map { LinearModel(name: $0.rawValue, classes: ["yes"], featureNames: ["rule:specific", "fact:past"], weights: [1.25, -0.000004], bias: [-2]) })
        let text = STARModelFile.text(of: model, header: ["a test"])
        let again = try STARModelFile.parse(text)
        #expect(STARModelFile.text(of: again, header: ["a test"]) == text)
        #expect(again.head(.result).weights == [1.25, 0])
    }

    @Test(arguments: [
        ("model\tspecific_example\tyes\nfact:past\t1\n", 2, "the bias comes first"),
        ("model\tspecific_example\tyes\nbias\tx\n", 2, "'x' is not a number"),
        ("model\tspecific_example\tyes\nbias\t1\t2\n", 2, "expected a name and 1 weights"),
        ("bias\t1\n", 1, "expected 'model"),
        ("model\tspecific_example\tyes\nbias\t1\n", 1, "one section per decision"),
    ])
    func aDamagedWeightsFileSaysWhere(text: String, line: Int, message: String) {
        #expect(throws: STARModelFile.FormatError.self) { try STARModelFile.parse(text) }
        do {
            _ = try STARModelFile.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func trainingIsDeterministicAndLearns() {
        func example(_ words: [String], _ label: Int) -> LogisticTrainer.Example {
            var features = FeatureVector(naming: true)
            for word in words { features.add(NamedFeature("word:" + word)) }
            return LogisticTrainer.Example(features, label: label)
        }
        let data = (0..<40).map { index in index % 2 == 0 ? example(["called", "she", "x\(index % 3)"], 1) : example(["always", "she", "x\(index % 3)"], 0) }
        let first = LogisticTrainer().train("t", classes: ["yes"], data)
        let second = LogisticTrainer().train("t", classes: ["yes"], data)
        #expect(first.weights == second.weights && first.bias == second.bias)
        #expect(first.probabilities(data[0].features)[0] > 0.9)
        #expect(first.probabilities(data[1].features)[0] < 0.1)
    }

    @Test func expIsExactEnoughForProbabilities() {
        for (x, expected) in [(0.0, 1.0), (1.0, 2.718281828459045), (-3.5, 0.0301973834223185), (10.0, 22026.465794806718)] {
            #expect(abs(LinearModel.exp(x) - expected) <= expected * 1e-12)
        }
    }

    @Test func clauseLabelsFollowTheTextWhenTheCutsChange() throws {
        let labels = try ClauseLabels.parse(
            #"{"id": "a", "clauses": [{"start": 0, "end": 20, "role": "situation"}, {"start": 21, "end": 40, "role": "own_action"}]}"#, file: "t")
        let clauses = [ClauseSplit(start: 0, end: 12, text: ""), ClauseSplit(start: 13, end: 38, text: ""), ClauseSplit(start: 50, end: 60, text: "")]
        #expect(labels.roles(of: "a", clauses: clauses) == [.situation, .ownAction, nil])
        #expect(labels.roles(of: "b", clauses: clauses) == nil)
        #expect(throws: EvaluationFileError.self) { try ClauseLabels.parse(#"{"id": "a", "clauses": [{"start": 0, "end": 2, "role": "vibe"}]}"#, file: "t") }
    }

    static let declining = [
        "Honestly I can't think of one right now.", "Hmm, nothing comes to mind, sorry.", "I'm drawing a blank on a specific time.",
        "I don't have an example of that yet; I would probably ask my supervisor.",
        // Said in words no phrase list has: a negation, a verb of recalling or "have", what is recalled.
        "I was thinking about this one, but I was not finding a real example, sorry.", "Um, I can't really pull one up right now.",
        "I do not have a story like that to tell you. I have supervised peers who do.", "Honestly, nothing specific comes to mind.",
    ]
    static let notDeclining = [
        "I always think of the client first.", "I can think of many times, and I usually start by listening.",
        "Last week a client couldn't think of a reason to stay, so I asked what had kept him going. He stayed.",
        // "time" after "have" is no example: "I didn't have time" declines nothing; nor does a
        // boast, or someone else's lack.
        "When I don't have time for my notes, I write them first thing the next morning.",
        "Honestly, I can't tell you how many times I've calmed an angry client by sitting down first.",
        "We didn't have any experience with dialysis on that unit, so I usually call the renal nurse.",
    ]

    @Test(arguments: declining) func aCandidateWhoCannotThinkOfAnExampleIsHeard(answer: String) {
        #expect(STARAnalyzer().analyze(answer, context: AnalysisContext(kind: .behavioral))[STARFeature.declined]?.boolValue == true)
    }

    @Test(arguments: notDeclining) func otherAnswersAreNotReadAsDeclining(answer: String) {
        #expect(STARAnalyzer().analyze(answer, context: AnalysisContext(kind: .behavioral))[STARFeature.declined]?.boolValue == false)
    }
}
