import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func aValidScenarioIsOK() throws {
        let result = try Rehearse.run(["validate", "Scenarios/quick-start.xml"])
        #expect(result.status == 0)
        #expect(result.stdout == "Scenarios/quick-start.xml: ok\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func problemsAreListedCompilerStyle() throws {
        let path = Rehearse.fixture("broken.xml")
        let result = try Rehearse.run(["validate", path])
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("\(path):10:20: error: no analyzer in use provides the feature 'star.reslt'"))
        #expect(lines[0].contains("Did you mean 'star.result'?"))
        #expect(lines[1] == "\(path):11:19: error: unknown question id 'crisis'.")
    }

    /// A raw "<" in a condition is one error that says how to write it, not libxml2's cascade;
    /// a choice written without its quotes says to quote it.
    @Test func commonSlipsInConditionsSayWhatToWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-slips-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOfFile: Rehearse.packageRoot.appendingPathComponent("Scenarios/quick-start.xml").path, encoding: .utf8)
        let raw = folder.appendingPathComponent("raw.xml").path
        try original.replacingOccurrences(of: "when=\"star.score &lt;= 1 and probes &gt;= 1\"", with: "when=\"star.score < 2 and probes >= 1\"")
            .write(toFile: raw, atomically: true, encoding: .utf8)
        let lt = try Rehearse.run(["validate", raw])
        #expect(lt.status == 65)
        let lines = lt.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(lt.stdout)")
        #expect(lines.first?.contains(": error: a raw '<' in an attribute: write it as '&lt;'") == true, "\(lt.stdout)")
        let unquoted = folder.appendingPathComponent("unquoted.xml").path
        try original.replacingOccurrences(of: "when=\"followup == 'example' and probes == 0\"", with: "when=\"followup == example and probes == 0\"")
            .write(toFile: unquoted, atomically: true, encoding: .utf8)
        let value = try Rehearse.run(["validate", unquoted])
        #expect(value.status == 65)
        #expect(value.stdout.contains("error: 'example' is one of the values of 'followup', not a feature: write it in quotes, followup == 'example'"), "\(value.stdout)")
    }

    @Test func libxml2sOwnOutputNeverReachesTheTerminal() throws {
        let path = Rehearse.fixture("malformed.xml")
        let result = try Rehearse.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("\(path):4:"))
        #expect(result.stdout.contains("error: malformed XML:"))
    }

    @Test func jsonForTools() throws {
        let valid = "Scenarios/quick-start.xml"
        let broken = Rehearse.fixture("broken.xml")
        let result = try Rehearse.run(["validate", "--format", "json", valid, broken])
        #expect(result.status == 65)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["ok"] as? Bool } == [true, false])
        let diagnostics = try #require(files[1]["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["unknown-feature", "unknown-question"])
        let location = try #require(diagnostics[1]["location"] as? [String: Any])
        #expect(location["line"] as? Int == 11)
        #expect(location["column"] as? Int == 19)
        #expect(diagnostics[1]["severity"] as? String == "error")
    }

    @Test func aMissingFileExits66() throws {
        let result = try Rehearse.run(["validate", "no/such/file.xml"])
        #expect(result.status == 66)
        #expect(result.stdout == "no/such/file.xml:1:1: error: no such file; check the path\n")
    }

    @Test func theAnalyzersInUseDecideWhichFeaturesExist() throws {
        let result = try Rehearse.run(["validate", "--analyzer", "star", "Scenarios/quick-start.xml"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("no analyzer in use provides the feature 'smart.specific' (analyzers in use: star). The smart analyzer provides it; add 'smart' to --analyzer."))
    }

    @Test func anUnknownAnalyzerIsAUsageError() throws {
        let result = try Rehearse.run(["validate", "--analyzer", "strar", "Scenarios/quick-start.xml"])
        #expect(result.status == 64)
        #expect(result.stderr == "rehearse: error: unknown analyzer 'strar'; available: star, smart, delivery, competency. Did you mean 'star'?\n")
    }
}
