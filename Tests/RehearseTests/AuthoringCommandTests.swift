import Foundation
import Testing

@Suite struct AuthoringCommandTests {
    /// A new folder for one test (the caller removes it), with the branching fixture copied in when
    /// `withScenario`; the second value is that copy's path.
    static func testFolder(withScenario: Bool) throws -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = folder.appendingPathComponent("branching.xml").path
        if withScenario { try FileManager.default.copyItem(atPath: Rehearse.fixture("branching.xml"), toPath: scenario) }
        return (folder, scenario)
    }

    /// Answers to a whole interview of the branching fixture.
    static let sessionAnswers = "I always listen.\n\nLast week I sat with a man who was crying. He calmed down.\n\nI share a little.\n\nNo more.\n\n"

    /// Each lint finding has a fixture named after its code, and is reported at the expected line.
    @Test(arguments: [
        ("unreachable-question", 9, "warning"), ("implicit-end", 8, "warning"), ("missing-hint", 8, "warning"),
        ("probe-never-asked", 10, "warning"), ("duplicate-probe", 11, "warning"), ("unreachable-branch", 11, "warning"),
        ("loop", 8, "warning"), ("endless-loop", 8, "error"), ("unused-competency", 8, "warning"), ("probe-order", 12, "warning"),
    ])
    func lintFindings(code: String, line: Int, severity: String) throws {
        let path = Rehearse.fixture("lint/\(code).xml")
        let result = try Rehearse.run(["lint", "--format", "json", path])
        #expect(result.status == (severity == "error" ? 65 : 0))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require((object["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == [code], "\(diagnostics)")
        #expect((diagnostics.first?["location"] as? [String: Any])?["line"] as? Int == line)
        #expect(diagnostics.first?["severity"] as? String == severity)
        // --werror turns every warning into a failure.
        #expect(try Rehearse.run(["lint", "--werror", path]).status == 65)
    }

    @Test func shippedScenariosLintClean() throws {
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: Rehearse.packageRoot.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".xml") }.map { "Scenarios/\($0)" }
        #expect(!scenarios.isEmpty)
        let result = try Rehearse.run(["lint", "--werror"] + scenarios)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(": ok") })
    }

    @Test func lintAlsoReportsWhatValidateFinds() throws {
        let result = try Rehearse.run(["lint", Rehearse.fixture("broken.xml")])
        #expect(result.status == 65)
        #expect(result.stdout.contains(":11:19: error: unknown question id 'crisis'"))
    }

    @Test func graphFormats() throws {
        let dot = try Rehearse.run(["graph", "Scenarios/quick-start.xml"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph \"quick-start\" {"))
        #expect(dot.stdout.contains("\"q:reluctant-client\" -> \"q:reluctant-scaffold\" [label=\"star.score <= 1 and probes >= 1\"];"))
        #expect(dot.stdout.contains("\\n\\nprobe reluctant-hypothetical when star.declined and probes == 0\\lprobe reluctant-pressure when mentions.coercion and probes < 2\\lprobe reluctant-example when followup == 'example' and probes == 0\\lprobe reluctant-own-part when followup == 'action'\\l"))
        #expect(dot.stdout.contains("\"q:practice-goal\" -> end;"))
        let mermaid = try Rehearse.run(["graph", "--format", "mermaid", "Scenarios/quick-start.xml"])
        #expect(mermaid.stdout.hasPrefix("flowchart TD\n"))
        #expect(mermaid.stdout.contains("|\"star.score #lt;= 1 and probes #gt;= 1\"|"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")))
    func graphAsSVG() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("q.svg").path
        let result = try Rehearse.run(["graph", "Scenarios/quick-start.xml", "--output", svg])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
    }

    @Test func graphWithoutGraphvizSaysWhatToDo() throws {
        let result = try Rehearse.run(["graph", "--format", "svg", "Scenarios/quick-start.xml"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("apt-get install graphviz"))
    }

    /// A stand-in for Graphviz's dot, to see what `graph` does with what dot writes and how it ends.
    func fakeDot(_ script: String) throws -> (folder: URL, environment: [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-dot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let dot = folder.appendingPathComponent("dot")
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: dot)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dot.path)
        return (folder, ["PATH": "\(folder.path):/usr/bin:/bin"])
    }

    @Test func dotsMessageIsPassedOnWhenItFails() throws {
        let (folder, environment) = try fakeDot("cat > /dev/null; echo 'syntax error in line 3' >&2; exit 3")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Rehearse.run(["graph", "--format", "svg", "Scenarios/quick-start.xml"], environment: environment)
        #expect(result.status == 74)
        #expect(result.stderr.contains("dot failed: syntax error in line 3"))
    }

    /// dot's output and messages are read while the graph is still being written to it: a dot that
    /// echoes a large graph back, talking on standard error as it goes, must not stall the two.
    @Test func aLargeGraphPassesThroughDotWithoutStalling() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var questions = ""
        for index in 0..<2_000 {
            questions += "<question id=\"q\(index)\"><ask>Tell me about time number \(index).</ask>"
                + "<probe when=\"not star.result\"><ask>Can you say more about time \(index)?</ask></probe></question>\n"
        }
        let scenario = folder.appendingPathComponent("big.xml").path
        let xml = """
            <interview xmlns="urn:rehearse:scenario:1" id="big" version="1">
            <title>Big</title><role>Tester</role><opening>Hello.</opening><closing>Bye.</closing>
            <questions>
            \(questions)</questions>
            </interview>
            """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: scenario))
        let (dotFolder, environment) = try fakeDot("while IFS= read -r line; do printf '%s\\n' \"$line\"; printf '%s\\n' \"$line\" >&2; done")
        defer { try? FileManager.default.removeItem(at: dotFolder) }
        let dot = try Rehearse.run(["graph", "--format", "dot", scenario])
        let svg = try Rehearse.run(["graph", "--format", "svg", scenario], environment: environment)
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(dot.stdout.utf8.count > 200_000)
        #expect(svg.stdout == dot.stdout)
    }

    @Test func aFileThatCannotBeWrittenSaysWhy() throws {
        let result = try Rehearse.run(["new", "--role", "Peer support specialist", "--output", "/proc/no-such-folder/peer.xml"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write /proc/no-such-folder/peer.xml: No such file or directory"))
        let graph = try Rehearse.run(["graph", "--output", "/proc/no-such-folder/g.dot", "Scenarios/quick-start.xml"])
        #expect(graph.status == 74)
        #expect(graph.stderr.contains("cannot write /proc/no-such-folder/g.dot: No such file or directory"))
    }

    @Test func newWritesAScenarioThatLintsClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("peer.xml").path
        let made = try Rehearse.run(["new", "--role", "Peer support specialist & mentor", "--output", path])
        #expect(made.status == 0)
        let lint = try Rehearse.run(["lint", "--werror", path])
        #expect(lint.status == 0, "\(lint.stdout)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("id=\"peer-support-specialist-mentor\""))
        #expect(text.contains("<role>Peer support specialist &amp; mentor</role>"))
        let again = try Rehearse.run(["new", "--role", "x", "--output", path])
        #expect(again.status == 73)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        let run = try Rehearse.run(["run", "--seed", "1", "--no-probes", path], input: "An answer.\n\nAnother.\n\nA third.\n\n")
        #expect(run.status == 0)
    }

    @Test func scenarioTestsPassFailAndCoverage() throws {
        // Every shipped scenario test (about two thousand interviews) through the debug build
        // takes minutes on a loaded two-core machine; the limit only stops a hang.
        let shipped = try Rehearse.run(["test", "Scenarios"], timeout: 900)
        #expect(shipped.status == 0, "\(shipped.stdout)")
        let scenarioCount = try FileManager.default.contentsOfDirectory(atPath: Rehearse.packageRoot.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".xml") }.count
        #expect(shipped.stdout.components(separatedBy: "tests reach every question, probe and branch").count - 1 == scenarioCount)
        let bothWays = shipped.stdout.split(separator: "\n").filter { $0.hasSuffix("tests check every competency both ways") || $0.hasSuffix("tests check every competency and topic both ways") }
        #expect(bothWays.count == scenarioCount)
        #expect(!shipped.stdout.contains("not reached"))
        #expect(shipped.stdout.hasSuffix(" passed, 0 failed\n"))

        let (folder, _) = try Self.testFolder(withScenario: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = """
            {"scenario": "branching.xml", "cases": [
              {"name": "right", "steps": [{"expect": "question crisis"}, {"answer": "I always listen.", "expect": "probe crisis/crisis-example"}]},
              {"name": "wrong", "steps": [{"expect": "question crisis"}, {"answer": "I always listen.", "expect": "question boundaries"}]}
            ]}
            """
        try suite.write(to: folder.appendingPathComponent("branching.test.json"), atomically: true, encoding: .utf8)
        let result = try Rehearse.run(["test", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("pass \(folder.path)/branching.test.json: right"))
        #expect(result.stdout.contains("FAIL \(folder.path)/branching.test.json: wrong\n     step 2: expected question 'boundaries', got probe 'crisis-example'"))
        #expect(result.stdout.contains("not reached by any test: probe 'crisis-own', probe 'crisis-result', branch 1 of 'crisis' (to 'crisis-scaffold'), question 'crisis-scaffold', question 'boundaries', probe 'boundaries-example'"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    /// A step may say which competencies its answer must show and must not; coverage says which
    /// competencies no test checks both ways; a misspelled id is an error at its step.
    @Test func scenarioTestsCheckCompetencies() throws {
        let (folder, _) = try Self.testFolder(withScenario: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Rehearse.packageRoot.appendingPathComponent("Scenarios/quick-start.xml").path
        let file = folder.appendingPathComponent("competencies.test.json")
        func write(_ steps: String) throws {
            try #"{"scenario": "\#(scenario)", "cases": [{"name": "rapport", "steps": [{"expect": "question reluctant-client"}, \#(steps)]}]}"#
                .write(to: file, atomically: true, encoding: .utf8)
        }
        try write(#"{"answer": "I built rapport with him slowly.", "shows": ["engagement"], "does-not-show": ["collaboration"], "expect": "probe reluctant-client/reluctant-example"}"#)
        let passing = try Rehearse.run(["test", file.path])
        #expect(passing.status == 0, "\(passing.stdout)")
        #expect(passing.stdout.contains("competencies and topics no test checks both ways (\"shows\" and \"does-not-show\"): 'engagement' (no answer that must not show it), 'collaboration' (no answer that must show it), 'growth', 'scope'"))

        try write(#"{"answer": "I read him the rules and left.", "shows": ["engagement"], "expect": "probe reluctant-client/reluctant-outcome"}"#)
        let failing = try Rehearse.run(["test", file.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("FAIL \(file.path): rapport\n     step 2: expected the answer to show 'engagement' (Engaging reluctant clients); it does not"))

        try write(#"{"answer": "I consulted the team.", "does-not-show": ["colaboration"], "expect": "probe reluctant-client/reluctant-example"}"#)
        let misspelled = try Rehearse.run(["test", file.path])
        #expect(misspelled.status == 65)
        #expect(misspelled.stderr.contains("competencies.test.json:1:"))
        #expect(misspelled.stderr.contains("case 'rapport', step 2: \"does-not-show\" names 'colaboration', which the scenario declares as neither a competency nor a topic; did you mean 'collaboration'?"))

        try write(#"{"skip": true, "shows": ["engagement"], "expect": "question team-disagreement"}"#)
        let noAnswer = try Rehearse.run(["test", file.path])
        #expect(noAnswer.status == 65)
        #expect(noAnswer.stderr.contains("step 2: \"shows\" needs an \"answer\" to read"))
    }

    @Test func aRecordedTranscriptIsATest() throws {
        let (folder, scenario) = try Self.testFolder(withScenario: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("session.jsonl").path
        _ = try Rehearse.run(["run", "--seed", "1", "--transcript", transcript, scenario], input: Self.sessionAnswers)
        #expect(try Rehearse.run(["test", folder.path]).stdout.contains("pass \(transcript)"))
        let edited = try String(contentsOfFile: scenario, encoding: .utf8).replacingOccurrences(of: "max-probes=\"2\"", with: "max-probes=\"0\"")
        try edited.write(toFile: scenario, atomically: true, encoding: .utf8)
        let result = try Rehearse.run(["test", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(transcript)"))
    }

    /// Transcripts are re-analysed in parallel but reported in file order, exactly as one at a time,
    /// up to a damaged one, which stops the run with its error.
    @Test func transcriptsInParallelReportAsInOrder() throws {
        let (folder, scenario) = try Self.testFolder(withScenario: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = [Self.sessionAnswers, "Last week I sat with a man who was crying. I listened. He calmed down.\n\nI share a little.\n\nNo more.\n\n"]
        for index in 0..<6 {
            let transcript = folder.appendingPathComponent("s\(index).jsonl").path
            _ = try Rehearse.run(["run", "--seed", "\(index)", "--transcript", transcript, scenario], input: answers[index % 2])
        }
        let one = try Rehearse.run(["test", "--jobs", "1", folder.path])
        let many = try Rehearse.run(["test", "--jobs", "4", folder.path])
        #expect(one.status == 0 && one.stdout.contains("6 passed, 0 failed"))
        #expect(many.stdout == one.stdout && many.status == one.status)
        // A damaged transcript in the middle: the ones before it are reported, then its error.
        try "{\"format\": \"rehearse-transcript\"".write(toFile: folder.appendingPathComponent("s2b.jsonl").path, atomically: true, encoding: .utf8)
        let damagedOne = try Rehearse.run(["test", "--jobs", "1", folder.path])
        let damagedMany = try Rehearse.run(["test", "--jobs", "4", folder.path])
        #expect(damagedOne.status == 65)
        #expect(damagedOne.stdout.contains("s2.jsonl") && !damagedOne.stdout.contains("s3.jsonl"))
        #expect(damagedMany.stdout == damagedOne.stdout && damagedMany.stderr == damagedOne.stderr && damagedMany.status == 65)
    }

    @Test func badTestFiles() throws {
        #expect(try Rehearse.run(["test", "/no/such/folder"]).status == 66)
        let notATest = try Rehearse.run(["test", "Scenarios/quick-start.xml"])
        #expect(notATest.status == 64)
        #expect(notATest.stderr.contains("is neither a scenario test (NAME.test.json) nor a transcript (.jsonl)"))
        let (folder, _) = try Self.testFolder(withScenario: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Rehearse.run(["test", folder.path]).status == 66)
        try "{\"scenario\": \"x.xml\", \"cases\": [{\"steps\": [{\"expect\": \"questionnaire\"}]}]}".write(to: folder.appendingPathComponent("a.test.json"), atomically: true, encoding: .utf8)
        let result = try Rehearse.run(["test", folder.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\"expect\" must be \"question ID\", \"probe QUESTION/PROBE\" or \"end\""))
    }

    /// A missing comma is reported once, at its line and column, not as "not a JSON object".
    @Test func aTestFileThatIsNotJSONSaysWhere() throws {
        let (folder, _) = try Self.testFolder(withScenario: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\"scenario\": \"branching.xml\",\n \"cases\": [{\"name\": \"a\"\n   \"steps\": []}]}\n".write(to: folder.appendingPathComponent("a.test.json"), atomically: true, encoding: .utf8)
        let result = try Rehearse.run(["test", folder.path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(folder.path)/a.test.json:2:24: error: not valid JSON: expected ',' or '}' here, found '\"'; is a comma missing?\n", "\(result.stderr)")
    }

    /// A misspelled id in "expect" is a mistake in the test, named with the id meant.
    @Test func anUnknownIdInExpectIsAnError() throws {
        let (folder, _) = try Self.testFolder(withScenario: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            {"scenario": "branching.xml", "cases": [
              {"name": "typo", "steps": [{"expect": "question crisis"}, {"answer": "I always listen.", "expect": "probe crisis/crisis-exmple"}]}
            ]}
            """.write(to: folder.appendingPathComponent("a.test.json"), atomically: true, encoding: .utf8)
        let result = try Rehearse.run(["test", folder.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("a.test.json:2:102: error: case 'typo' expects probe 'crisis-exmple', which question 'crisis' does not have; did you mean 'crisis-example'?"), "\(result.stderr)")
        #expect(!result.stdout.contains("FAIL"))
    }

    /// A recorded interview that still runs the same way counts towards coverage.
    @Test func transcriptsCountTowardsCoverage() throws {
        let (folder, scenario) = try Self.testFolder(withScenario: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = """
            {"scenario": "branching.xml", "cases": [
              {"name": "right", "steps": [{"expect": "question crisis"}, {"answer": "I always listen.", "expect": "probe crisis/crisis-example"}]}
            ]}
            """
        try suite.write(to: folder.appendingPathComponent("branching.test.json"), atomically: true, encoding: .utf8)
        let before = try Rehearse.run(["test", folder.path])
        #expect(before.stdout.contains("question 'boundaries'"), "\(before.stdout)")
        _ = try Rehearse.run(["run", "--seed", "1", "--transcript", folder.appendingPathComponent("session.jsonl").path, scenario], input: Self.sessionAnswers)
        let after = try Rehearse.run(["test", folder.path])
        #expect(after.status == 0, "\(after.stdout)")
        #expect(!after.stdout.contains("question 'boundaries'"), "the transcript reached it: \(after.stdout)")
    }
}
