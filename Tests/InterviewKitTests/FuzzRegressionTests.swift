import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

/// Every input a fuzzer ever crashed on (Tests/Fixtures/fuzz/TARGET/) goes through its target again.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static func inputs(_ target: String) -> [String] {
        let directory = folder.appendingPathComponent(target).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { "\(directory)/\($0)" }
    }

    static let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs("condition-parser").isEmpty)
    }

    @Test(arguments: inputs("condition-parser"))
    func conditionParser(path: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        if case .success(let condition) = Condition.compile(text, catalog: Self.analyzers.catalog) {
            _ = condition.evaluate { _ in .bool(true) }
        }
    }

    @Test(arguments: inputs("scenario-loader"))
    func scenarioLoader(path: String) throws {
        _ = ScenarioLoader(analyzers: Self.analyzers).load(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: "fuzz.xml")
    }

    @Test(arguments: inputs("transcript-reader"))
    func transcriptReader(path: String) throws {
        _ = try? TranscriptReader.read(try Data(contentsOf: URL(fileURLWithPath: path)), path: "fuzz.jsonl")
    }

    /// Found by the transcript-reader fuzzer: "seconds": 0.00e2 is valid JSON that Foundation's
    /// parser refuses; the reader's own decoder reads it as 0, so the line is read, not damaged.
    @Test func aZeroWithFractionDigitsAndAnExponentIsRead() throws {
        let line = Array(#"{"question":"crisis","seconds":0.00e2,"text":"I always listen.","time":"2026-11-22T14:58:04.175Z","type":"answer"}"#.utf8)
        #expect(TranscriptLineDecoder.decode(line[...])?.seconds == 0)
    }

    @Test(arguments: inputs("analyzers"))
    func analyzersRead(path: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        _ = Self.analyzers.analyze(text, context: AnalysisContext())
    }
}
