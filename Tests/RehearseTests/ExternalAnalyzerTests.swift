import Foundation
import Testing

/// `--analyzer exec:…`: plugins in other processes, their features in conditions, and every way
/// one can fail without stopping the interview or losing an answer.
@Suite struct ExternalAnalyzerTests {
    static func plugin(_ name: String) -> String { "exec:" + Rehearse.fixture("plugins/\(name).sh") }

    /// A scratch folder used as XDG_STATE_HOME (plugin logs) and for transcripts.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A plugin may list every follow-up the answer calls for, most important first.
    @Test func aPluginCanRankItsFollowups() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Rehearse.run(
            ["analyze", "--json", "--analyzer", Self.plugin("ranked"), "--analyzer", "star"], input: "We did it!",
            environment: ["XDG_STATE_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["followup"] as? String == "slow_down")
        #expect(object["followups"] as? [String] == ["slow_down", "calm_down"])
        let text = try Rehearse.run(["analyze", "--analyzer", Self.plugin("ranked"), "--analyzer", "star"], input: "We did it!", environment: ["XDG_STATE_HOME": folder.path])
        #expect(text.stdout.contains("Follow-up: slow_down\nThen: calm_down\n"), "\(text.stdout)")
    }

    @Test func aPluginsFeaturesFollowupAndEvidenceJoinTheAnalysis() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Named first, the plugin's follow-up leads.
        let result = try Rehearse.run(
            ["analyze", "--json", "--analyzer", Self.plugin("well-behaved"), "--analyzer", "star,smart,delivery,competency"], input: "We did it!",
            environment: ["XDG_STATE_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [String: Any])
        #expect(features["shout.loud"] as? Bool == true)
        #expect(features["shout.marks"] as? Int == 1)
        #expect(features["star.specific_example"] != nil)
        #expect(object["followup"] as? String == "calm_down")
        // Named alone, it comes after the built-ins, whose follow-ups the scenarios are written for.
        let alone = try Rehearse.run(["analyze", "--json", "--analyzer", Self.plugin("well-behaved")], input: "I always listen!",
            environment: ["XDG_STATE_HOME": folder.path])
        let aloneObject = try #require(try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any])
        #expect(aloneObject["followup"] as? String == "example")
        #expect((aloneObject["features"] as? [String: Any])?["shout.loud"] as? Bool == true)
        #expect(object["reason"] as? String == "an exclamation mark")
        // The plugin's stderr goes to its log, never to the screen.
        #expect(!result.stderr.contains("request 1 received"))
        let log = try String(contentsOfFile: folder.appendingPathComponent("rehearse/analyzers/well-behaved.sh.log").path, encoding: .utf8)
        #expect(log.contains("request 1 received"))
    }

    @Test func scenarioConditionsUseAPluginsFeaturesWhenItIsNamed() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Rehearse.fixture("plugin-conditions.xml")
        let environment = ["XDG_STATE_HOME": folder.path]
        let without = try Rehearse.run(["lint", scenario], environment: environment)
        #expect(without.status == 65)
        #expect(without.stdout.contains("no analyzer in use provides the feature 'shout.marks'") || without.stdout.contains("'calm_down' is not a value of followup"))
        let with = try Rehearse.run(["lint", "--analyzer", Self.plugin("well-behaved"), scenario], environment: environment)
        #expect(with.status == 0, "\(with.stdout)")
        #expect(!with.stdout.contains("error:"))

        let transcript = folder.appendingPathComponent("t.jsonl").path
        let run = try Rehearse.run(
            ["run", "--seed", "1", "--transcript", transcript, "--analyzer", Self.plugin("well-behaved"), "--analyzer", "star,smart,delivery,competency", scenario],
            input: "It got so loud in there!\n\nSomeone shouted and I lowered my voice.\n\nNothing else.\n\n", environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Take a breath. What happened, calmly?"))
        let header = try #require(try String(contentsOfFile: transcript, encoding: .utf8).split(separator: "\n").first)
        #expect(header.contains("\"command\":\"exec:"))
        #expect(header.contains("\"id\":\"shout\""))

        // A transcript never starts a program: re-analysis asks for the plugin on the command line.
        let replay = try Rehearse.run(["replay", "--reanalyze", transcript], environment: environment)
        #expect(replay.status == 64)
        #expect(replay.stderr.contains("the transcript was recorded with the external analyzer 'shout'"))
        let named = try Rehearse.run(
            ["replay", "--reanalyze", "--analyzer", Self.plugin("well-behaved"), "--analyzer", "star,smart,delivery,competency", transcript],
            environment: environment)
        #expect(named.status == 0, "\(named.stdout)\(named.stderr)")
    }

    /// Each failure gives one warning line; the interview goes on with the built-ins and every answer is saved.
    @Test(arguments: [
        ("slow", "did not answer within 0.5 s"),
        ("crash", "stopped: it exited with status 3"),
        ("garbage", "answered with something that is not a JSON analysis"),
        ("undeclared", "sent the feature 'surprise', which its greeting did not declare"),
        ("undeclared-followup", "recommended 'shout_more', which its greeting did not declare"),
        ("future", "it speaks protocol version 99; this Rehearse speaks version 1"),
    ])
    func aFailingPluginNeverStopsTheInterview(name: String, warning: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.jsonl").path
        let answers = "I always listen.\n\nLast year a client of mine refused to talk. I asked about his music.\n\nHe came back every week.\n\n:quit\n"
        let result = try Rehearse.run(
            ["run", "--seed", "1", "--transcript", transcript, "--analyzer-timeout", "0.5", "--analyzer", Self.plugin(name)],
            input: answers, environment: ["XDG_STATE_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        #expect(warnings.count == 1, "\(result.stderr)")
        #expect(warnings.first?.contains(warning) == true, "\(result.stderr)")
        // The built-ins carried the interview: the general answer drew the example probe.
        #expect(result.stdout.contains("Could you give me one specific time?") || result.stdout.contains("walk me through one particular client"))
        let saved = try String(contentsOfFile: transcript, encoding: .utf8)
        for answer in ["I always listen.", "I asked about his music.", "He came back every week."] {
            #expect(saved.contains(answer))
        }
    }

    /// A plugin that stops reading cannot block a long answer, and one that never ends its line cannot fill memory.
    @Test(arguments: [("deaf", "did not answer within 0.5 s"), ("chatty", "sent a line longer than 4 MB")])
    func aPluginCannotBlockOrFloodRehearse(name: String, warning: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answer = "Last year I sat with a client who would not speak. " + String(repeating: "I kept listening to him. ", count: 8_000)
        let result = try Rehearse.run(
            ["analyze", "--json", "--analyzer-timeout", "0.5", "--analyzer", Self.plugin(name)], input: answer,
            environment: ["XDG_STATE_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(warning), "\(result.stderr)")
        #expect(result.stdout.contains("\"star.specific_example\" : true"))
    }

    @Test func aMissingProgramIsAnErrorBeforeAnythingStarts() throws {
        let result = try Rehearse.run(["run", "--analyzer", "exec:./no-such-plugin --flag"], input: "An answer.\n\n")
        #expect(result.status == 66)
        #expect(result.stderr == "rehearse: error: cannot find the analyzer program './no-such-plugin'; give its path, or put it on PATH\n")
        #expect(!result.stdout.contains("Interviewer:"))
        let notExecutable = try Rehearse.run(["analyze", "--analyzer", "exec:./Package.swift"], input: "An answer.")
        #expect(notExecutable.status == 66)
        #expect(notExecutable.stderr.contains("the analyzer program './Package.swift' is not executable"))
        let bare = try Rehearse.run(["analyze", "--analyzer", "exec:Package.swift"], input: "An answer.")
        #expect(bare.status == 66)
        #expect(bare.stderr.contains("there is no 'Package.swift' on PATH; for the file in this folder, write 'exec:./Package.swift'"))
    }

    /// Only the command line can start a program: a scenario has no element or attribute for it.
    @Test func aScenarioCannotNameAPlugin() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = folder.appendingPathComponent("ran").path
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <interview xmlns="urn:rehearse:scenario:1" id="x" version="1" analyzer="exec:/usr/bin/touch \(marker)">
            <title>T</title><role>R</role><opening>O</opening><closing>C</closing>
            <questions><question id="q"><ask>A?</ask><probe when="exec:/usr/bin/touch"><ask>B?</ask></probe></question></questions>
            </interview>
            """
        let file = folder.appendingPathComponent("x.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let result = try Rehearse.run(["run", file.path], input: "An answer.\n\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("unknown attribute 'analyzer'") || result.stderr.contains("'analyzer'"))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    static let hasPython = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

    @Test(.enabled(if: hasPython, "the example plugin needs python3 on PATH"))
    func thePythonExampleChecksCrisisAnswersForASafetyPlan() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = "exec:" + Rehearse.packageRoot.appendingPathComponent("Examples/analyzers/safety_plan.py").path
        let environment = ["XDG_STATE_HOME": folder.path]
        // Named first, so its `safety_plan` follow-up leads.
        let builtIns = ["--analyzer", "star,smart,delivery,competency"]
        let analysis = try Rehearse.run(
            ["analyze", "--json", "--analyzer", plugin] + builtIns + ["--question", "Tell me about a client at risk of suicide."],
            input: "Last year a client told me she was suicidal. I sat with her and we called the crisis line together.",
            environment: environment)
        #expect(analysis.status == 0, "\(analysis.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [String: Any])
        #expect(features["safety.steps"] as? Int == 1)
        #expect(features["safety.professionals"] as? Bool == true)
        #expect(features["safety.plan"] as? String == "partial")
        #expect(object["followup"] as? String == "safety_plan")
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(evidence.contains { $0["feature"] as? String == "safety.steps" && $0["text"] as? String == "crisis line" })

        let scenario = Rehearse.fixture("safety-conditions.xml")
        #expect(try Rehearse.run(["lint", "--analyzer", plugin] + builtIns + [scenario], environment: environment).status == 0)
        let thin = try Rehearse.run(
            ["run", "--seed", "1", "--transcript", folder.appendingPathComponent("thin.jsonl").path, "--analyzer", plugin] + builtIns + [scenario],
            input: "Last year a client told me she wanted to die. I listened to her for an hour.\n\nWe agreed she would call me.\n\nNo.\n\n",
            environment: environment)
        #expect(thin.status == 0, "\(thin.stderr)")
        #expect(thin.stdout.contains("What did the two of you put in place before they left?"))
        #expect(!thin.stdout.contains("And if they had refused to make a plan?"))
        let full = try Rehearse.run(
            ["run", "--seed", "1", "--transcript", folder.appendingPathComponent("full.jsonl").path, "--analyzer", plugin] + builtIns + [scenario],
            input: "Last year a client told me she wanted to die. We went through her warning signs and her coping skills, "
                + "she chose her sister as her contact, we saved the crisis line in her phone and her partner locked up the pills. "
                + "I called her the next day.\n\nI would keep her talking.\n\nNo.\n\n",
            environment: environment)
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stdout.contains("And if they had refused to make a plan?"))
        #expect(full.stderr.isEmpty, "\(full.stderr)")
    }
}
