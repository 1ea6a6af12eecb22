import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

/// The small pieces that stand in for Foundation's: JSON of any shape, text replacing and trimming,
/// and the cue index built on first use.
@Suite struct SupportTests {
    @Test func jsonValuesOfEveryShape() throws {
        let value = try #require(JSONValue.parse(Array(#"{"a": [1, 2.5, -3, true, null, "x"], "seed": 18446744073709551615, "o": {}}"#.utf8)))
        #expect(value["a"]?.array == [.unsigned(1), .number(2.5), .number(-3), .bool(true), .null, .string("x")])
        // Seeds are 64-bit; a Double would round this one.
        #expect(value["seed"]?.unsigned == UInt64.max)
        #expect(value["o"]?.object?.isEmpty == true)
        #expect(value["missing"] == nil)
        // A number is not a flag, nor a flag a number.
        #expect(JSONValue.parse(Array("1".utf8))?.bool == nil)
        #expect(JSONValue.parse(Array("true".utf8))?.unsigned == nil)
        #expect(JSONValue.parse(Array("{\"a\" 1}".utf8)) == nil)
        #expect(JSONValue.parse(Array("".utf8)) == nil)
    }

    @Test func scenarioTestSeedsAndShapes() throws {
        let data = Data(#"{"scenario": "s.xml", "cases": [{"seed": 18446744073709551615, "steps": [{"expect": "end"}]}]}"#.utf8)
        let suite = try ScenarioTestSuite.parse(data, path: "/tmp/x.test.json")
        #expect(suite.cases.first?.seed == UInt64.max)
        #expect(suite.scenarioPath == "/tmp/s.xml")
        #expect(throws: ScenarioTestError.self) {
            try ScenarioTestSuite.parse(Data(#"{"scenario": "s.xml", "cases": [{"steps": []}, 3]}"#.utf8), path: "x.test.json")
        }
    }

    @Test func shellWords() {
        #expect("plain/path-1.jsonl".shellWord == "plain/path-1.jsonl")
        #expect("a b".shellWord == "'a b'")
        #expect("Sam's".shellWord == "'Sam'\\''s'")
        #expect("".shellWord == "''")
        #expect("$(rm)".shellWord == "'$(rm)'")
        #expect("café".shellWord == "'café'")
    }

    @Test func replacingMatchesBytes() {
        #expect("a\r\nb\nc".replacingAll("\n", with: "<br>") == "a\r<br>b<br>c")
        #expect("x&y&&".replacingAll("&", with: "&amp;") == "x&amp;y&amp;&amp;")
        #expect("café".replacingAll("é", with: "e") == "cafe")
        #expect("abc".replacingAll("", with: "-") == "abc")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
    }

    @Test func trimmingBlanksKeepsLineBreaks() {
        #expect(" \t a b \u{00A0}".trimmingBlanks == "a b")
        #expect("\n a \n".trimmingBlanks == "\n a \n")
        #expect(" \t ".trimmingBlanks == "")
        #expect("\n a \n".trimmed == "a")
    }

    @Test func theCueIndexIsBuiltOnceOnFirstUse() async throws {
        let competency = Competency(id: "listening", label: "Listening", cues: ["reflective listening", "listened"], location: SourceLocation(file: "t", line: 1, column: 1))
        let lazy = LazyCueIndex([competency])
        let indexes = await withTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<8 { group.addTask { ObjectIdentifier(lazy.index) } }
            return await group.reduce(into: Set<ObjectIdentifier>()) { $0.insert($1) }
        }
        #expect(indexes.count == 1)
        #expect(lazy.index.stemID(of: "listening") >= 0)
        #expect(lazy.index.stemID(of: "ignored") == -1)
    }
}
