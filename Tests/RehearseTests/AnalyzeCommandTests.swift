import Foundation
import Testing

@Suite struct AnalyzeCommandTests {
    @Test func theJSONContract() throws {
        let answer = "Last year a client of mine stopped coming. We called her and I drove to her house. She came back the next week."
        let result = try Rehearse.run(["analyze", "--json", "--question", "Tell me about a time…"], input: answer)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["followup", "reason", "features", "evidence"]))
        #expect(object["followup"] as? String == "none")
        let features = try #require(object["features"] as? [String: Any])
        for key in ["star.situation", "star.task", "star.action", "star.result", "star.specific_example", "star.hypothetical",
                    "smart.specific", "smart.measurable", "smart.time_bound", "delivery.words"] {
            #expect(features[key] != nil, "missing \(key)")
        }
        #expect(features["star.action"] as? Bool == true)
        #expect(features["delivery.words"] as? Int == 23)
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        let scalars = Array(answer.unicodeScalars)
        for item in evidence {
            let start = try #require(item["start"] as? Int)
            let end = try #require(item["end"] as? Int)
            #expect(item["feature"] is String)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == item["text"] as? String)
        }
        #expect(evidence.contains { $0["feature"] as? String == "star.action" && $0["text"] as? String == "and I drove to her house" })
    }

    @Test func readableExplanation() throws {
        let result = try Rehearse.run(["analyze", "--analyzer", "star"], input: "I would listen and then call my supervisor.")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Follow-up: example\nWhy: The answer says what you would do, not what you did"))
        #expect(result.stdout.contains("star.hypothetical = true"))
    }

    @Test func goalsUseTheSMARTFollowup() throws {
        let result = try Rehearse.run(["analyze", "--kind", "goals", "--json"], input: "I want to get my LCSW license.")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["followup"] as? String == "time_bound")
    }

    @Test func invalidUTF8FromAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-invalid-\(UUID().uuidString).txt")
        try Data([0x49, 0x20, 0xFF, 0xFE, 0x20, 0x63, 0x61, 0x6C, 0x6C, 0x65, 0x64]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Rehearse.run(["analyze", "--json", "--file", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"followup\""))
    }

    /// An author checking what an answer earns on one question of a scenario.
    @Test func whatAnAnswerEarnsOnAScenariosQuestion() throws {
        let filler = try Rehearse.run(
            ["analyze", "--scenario", "clinician-behavioral", "--question", "risk-assessment"],
            input: "I mean, last spring a client told me she wanted to die, and I stayed with her until her sister came. She went to the hospital that night.")
        #expect(filler.status == 0, "\(filler.stderr)")
        #expect(filler.stdout.contains("not shown: risk (Suicide and self-harm risk assessment)"))
        #expect(filler.stdout.contains("Next: probe risk-assessment/risk-tools"))
        let shown = try Rehearse.run(
            ["analyze", "--scenario", "clinician-behavioral", "--question", "risk-assessment", "--json"],
            input: "Last spring a client told me she wanted to die. I needed to know how close she was to acting on it. I asked her directly about a plan and the means, we wrote a safety plan, and I called her sister with her so she wasn't alone that night. She called me the next morning and came to her next session.")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let competencies = try #require(object["competencies"] as? [[String: Any]])
        #expect(competencies.count == 9, "every competency of the scenario")
        #expect(competencies.first?["id"] as? String == "risk" && competencies.first?["shown"] as? Bool == true)
        #expect(competencies.first?["assessed"] as? Bool == true)
        #expect(competencies.first?["evidence"] as? String == "asked her directly about a plan", "the cue names what the candidate did")
        #expect(competencies.dropFirst().allSatisfy { $0["assessed"] as? Bool == false })
        let next = try #require(object["next"] as? [String: Any])
        #expect(next["target"] as? String == "question risk-harder")
        let typo = try Rehearse.run(["analyze", "--scenario", "clinician-behavioral", "--question", "risk-asessment"], input: "x")
        #expect(typo.status == 64)
        #expect(typo.stderr.hasSuffix("has no question 'risk-asessment'; did you mean 'risk-assessment'?\n"))
        let none = try Rehearse.run(["analyze", "--scenario", "clinician-behavioral"], input: "x")
        #expect(none.status == 64 && none.stderr.contains("--scenario needs --question"))
    }


    /// A competency whose `unless` topic the answer mentions is not shown, and `analyze` says
    /// which topic withheld it and by which words.
    @Test func aWithheldCompetencyIsNamedWithItsTopic() throws {
        let scenario = Rehearse.fixture("withheld.xml")
        let text = try Rehearse.run(["analyze", "--scenario", scenario, "--question", "abuse"], input: "I told her we'd keep it between us, and I called CPS.")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("not shown: reporting (Reporting abuse promptly), withheld: the answer mentions secrecy «keep it between us»"), "\(text.stdout)")
        #expect(text.stdout.contains("Next: probe abuse/secret"))
        let json = try Rehearse.run(["analyze", "--scenario", scenario, "--question", "abuse", "--json"], input: "I called CPS next week.")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let reporting = try #require((object["competencies"] as? [[String: Any]])?.first)
        #expect(reporting["shown"] as? Bool == false)
        #expect(reporting["withheld_by"] as? String == "delay" && reporting["withheld_evidence"] as? String == "next week")
        let shown = try Rehearse.run(["analyze", "--scenario", scenario, "--question", "abuse"], input: "I called CPS before she left.")
        #expect(shown.stdout.contains("shown: reporting (Reporting abuse promptly), by «called CPS»") && !shown.stdout.contains("withheld"))
        // `needs`: the safety step must be there beside the assessment.
        let alone = try Rehearse.run(["analyze", "--scenario", scenario, "--question", "abuse"], input: "I asked her whether she felt safe going home.")
        #expect(alone.stdout.contains("not shown: safety (Keeping her safe today), «felt safe going home» needs a mention of safe-place too"), "\(alone.stdout)")
        // Only where its own cues matched: an answer with neither half lacks more than the topic.
        let neither = try Rehearse.run(["analyze", "--scenario", scenario, "--question", "abuse", "--json"], input: "I listened to her.")
        let none = try #require(((try JSONSerialization.jsonObject(with: Data(neither.stdout.utf8)) as? [String: Any])?["competencies"] as? [[String: Any]])?.first { $0["id"] as? String == "safety" })
        #expect(none["shown"] as? Bool == false && none["missing_needs"] == nil && none["evidence"] == nil)
        let both = try Rehearse.run(["analyze", "--scenario", scenario, "--question", "abuse", "--json"], input: "I asked her whether she felt safe going home, and she stayed with her aunt that night.")
        let safety = try #require(((try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [String: Any])?["competencies"] as? [[String: Any]])?.first { $0["id"] as? String == "safety" })
        #expect(safety["shown"] as? Bool == true && safety["missing_needs"] == nil)
    }
    @Test func missingFileAndUnknownAnalyzer() throws {
        let missing = try Rehearse.run(["analyze", "--file", "/no/such/answer.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "rehearse: error: no such file /no/such/answer.txt\n")
        let unknown = try Rehearse.run(["analyze", "--analyzer", "stars"], input: "x")
        #expect(unknown.status == 64)
    }
}

@Suite struct EvalCommandTests {
    @Test func scoresTheCorpus() throws {
        let result = try Rehearse.run(["eval", "Tests/Fixtures/answers/test.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("label               precision  recall     f1  accuracy  support"))
        #expect(result.stdout.contains("followup accuracy:"))
        #expect(result.stdout.contains("confusion (rows expected, columns predicted):"))
    }

    @Test func jsonReport() throws {
        let result = try Rehearse.run(["eval", "--json", "Tests/Fixtures/answers/holdout.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["items"] as? Int == 38)
        let labels = try #require(object["labels"] as? [String: [String: Any]])
        #expect(labels["result"]?["f1"] is Double)
        let followup = try #require(object["followup"] as? [String: Any])
        #expect(followup["total"] as? Int == 30)
        #expect(followup["confusion"] is [String: Any])
    }

    @Test func aBadLineIsNamed() throws {
        let path = Rehearse.fixture("bad.jsonl")
        let result = try Rehearse.run(["eval", path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(path):2:1: error: not a JSON object; each line holds one {\"id\": …, \"answer\": …} object\n")
    }
}
