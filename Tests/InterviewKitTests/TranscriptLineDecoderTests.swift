import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

/// The hand-written line decoder against `JSONDecoder`: whatever it decodes must be exactly what
/// `JSONDecoder` gives, and it must decode every line Rehearse writes (else it saves nothing).
@Suite struct TranscriptLineDecoderTests {
    static func viaJSONDecoder(_ line: [UInt8]) -> TranscriptEvent? {
        try? TranscriptCoding.decoder.decode(TranscriptEvent.self, from: Data(line))
    }

    /// Fails when the decoder gives something `JSONDecoder` does not.
    static func expectAgreement(_ line: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = TranscriptLineDecoder.decode(line[...]) else { return }
        #expect(fast == viaJSONDecoder(line), "\(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// Lines as `rehearse run` writes them: a whole interview of the clinician scenario with the
    /// built-in analyzers and corpus answers, probes, branches, a skip and an end.
    static func recordedLines() throws -> [[UInt8]] {
        let analyzers = try AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let path = ShippedScenarioTests.scenarios.appendingPathComponent("clinician-behavioral.xml").path
        let scenario = try #require(ScenarioLoader(analyzers: analyzers).load(contentsOf: path).scenario)
        let engine = Interviewer(scenario: scenario, analyzers: analyzers)
        let answers = try AnalyzerCorpusTests.items("dev.jsonl").map(\.answer)
        var events: [TranscriptEvent] = []
        var recorder = TranscriptRecorder()
        var clock = Date(timeIntervalSince1970: 1_800_000_000.125)
        for seed in 0..<4 as Range<UInt64> {
            var turn = engine.start(seed: seed)
            events += recorder.started(turn, at: clock)
            var index = Int(seed) * 17
            while !turn.state.hasEnded {
                clock += 12.5
                index += 1
                if index % 9 == 0 {
                    turn = engine.skip(turn.state)
                    events += recorder.skipped(turn: turn, at: clock)
                } else {
                    let answer = answers[index % answers.count] + (index % 5 == 0 ? " “quoted” — naïve \\ / \u{1F600}\ttab" : "")
                    turn = engine.respond(to: answer, in: turn.state)
                    events += recorder.answered(answer, seconds: Double(index) / 3, turn: turn, at: clock)
                }
            }
        }
        events.append(recorder.stopped("the candidate stopped", at: clock))
        return try events.map { Array(try TranscriptCoding.encoder.encode($0)) }
    }

    @Test func everyLineRehearseWritesDecodesAsJSONDecoderDecodesIt() throws {
        let lines = try Self.recordedLines()
        let kinds = Set(lines.compactMap { Self.viaJSONDecoder($0)?.type })
        #expect(kinds == [.question, .probe, .answer, .analysis, .branch, .skip, .end])
        #expect(lines.contains { String(decoding: $0, as: UTF8.self).contains(#""values":{"#) })
        for line in lines {
            let fast = TranscriptLineDecoder.decode(line[...])
            #expect(fast != nil, "\(String(decoding: line, as: UTF8.self))")
            #expect(fast == Self.viaJSONDecoder(line))
        }
    }

    @Test(arguments: [
        // Accepted, and must agree.
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","text":"a \"quote\", a \\ and \/ \b\f\n\r\t \u00e9 \uD83D\uDE00 \u0000"}"#,
        #"  { "time" : "2026-11-22T10:00:00Z" , "type" : "end" , "completed" : false }  "#,
        #"{"type":"question","time":"2026-11-22T10:00:00.5Z","number":-0,"question":null,"future":[1,{"a":[true,null,"x"]},-2.5e-3]}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","seconds":1e2}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","seconds":12345678901234567890123}"#,
        #"{"type":"branch","time":"2026-11-22T10:00:00.000Z","reason":{"rule":"branch","summary":"s","values":{"a":1,"b":true,"c":"x","d":2.5}}}"#,
        #"{"type":"analysis","time":"2026-11-22T10:00:00.000Z","features":{"x":0,"y":false},"evidence":[{"feature":"x","start":0,"end":3,"text":"abc","extra":{}}]}"#,
        #"{"t\u0079pe":"end","time":"2026-11-22T10:00:00.000Z"}"#,
        // Left to JSONDecoder (it may accept or refuse; the decoder must not disagree).
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","number":1.0}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","number":1e2}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","number":99999999999999999999}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","seconds":1e400}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","type":"end"}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","text":"lone \uD83D surrogate"}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","text":"raw"# + "\t" + #"tab"}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","text":"bad \x escape"}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","completed":1}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","features":{"a":null}}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","features":{"a":1},"evidence":[{"feature":"a","start":0.5,"end":1,"text":""}]}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z"} trailing"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z",}"#,
        #"{"type":"answer","time":"yesterday"}"#,
        #"{"type":"newer-kind","time":"2026-11-22T10:00:00.000Z"}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","number":01}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","seconds":-}"#,
        #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","reason":{"rule":"x"}}"#,
        #"[1,2]"#, "", "{", #"{"type":"answer""#,
    ])
    func handWrittenLines(line: String) {
        Self.expectAgreement(Array(line.utf8))
    }

    @Test func acceptedVariantsAreDecodedHere() {
        for line in [
            #"  { "time" : "2026-11-22T10:00:00Z" , "type" : "end" , "completed" : false }  "#,
            #"{"type":"answer","time":"2026-11-22T10:00:00.000Z","text":"\uD83D\uDE00","future":[1,{"a":null}]}"#,
        ] {
            #expect(TranscriptLineDecoder.decode(Array(line.utf8)[...]) != nil, "\(line)")
        }
        #expect(TranscriptLineDecoder.decode(Array(#"{"type":"answer","time":"2026-11-22T10:00:00.000Z","type":"end"}"#.utf8)[...]) == nil)
        #expect(TranscriptLineDecoder.decode([0xFF] + Array(#"{"type":"end","time":"2026-11-22T10:00:00.000Z"}"#.utf8)[...]) == nil)
    }

    @Test func linesAreSplitAsSplitSplitsThem() {
        var state: UInt64 = 7
        var inputs: [[UInt8]] = [[], [0x0A], [0x0A, 0x0A], Array("a".utf8), Array("a\n".utf8), Array("\n\na\nbc\n\n".utf8)]
        for _ in 0..<200 {
            let count = Int(SeededChoice.splitMix64(&state) % 40)
            inputs.append((0..<count).map { _ in SeededChoice.splitMix64(&state) % 3 == 0 ? 0x0A : 0x61 })
        }
        for input in inputs {
            #expect(TranscriptReader.splitLines(input) == input.split(separator: 0x0A, omittingEmptySubsequences: false), "\(input)")
        }
    }

    /// Seeded random damage to real lines: byte flips, cuts, insertions of JSON punctuation.
    @Test func damagedLinesNeverDisagree() throws {
        let lines = try Self.recordedLines().filter { $0.count < 4_000 }
        var state: UInt64 = 20_261_122
        func next() -> UInt64 { SeededChoice.splitMix64(&state) }
        let alphabet = Array(#"{}[]:,"\u0123456789.-+eEtrufalsn /"#.utf8) + [0x00, 0x09, 0x80, 0xC3, 0xFF]
        var decoded = 0
        for round in 0..<6_000 {
            var line = lines[round % lines.count]
            for _ in 0..<(1 + Int(next() % 3)) {
                let position = Int(next() % UInt64(line.count))
                switch next() % 3 {
                case 0: line[position] = alphabet[Int(next() % UInt64(alphabet.count))]
                case 1: line.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: position)
                default: line.remove(at: position)
                }
                if line.isEmpty { break }
            }
            if TranscriptLineDecoder.decode(line[...]) != nil { decoded += 1 }
            Self.expectAgreement(line)
        }
        #expect(decoded > 500)  // damage inside a text often leaves a valid line
    }

    // MARK: The header

    static func headerViaJSONDecoder(_ line: [UInt8]) -> TranscriptHeader? {
        try? TranscriptCoding.decoder.decode(TranscriptHeader.self, from: Data(line))
    }

    /// Headers as Rehearse writes them (with and without a probe limit and an external analyzer),
    /// and variants a reader must take: fields reordered, unknown ones, null for the optional.
    static func headerLines() throws -> [[UInt8]] {
        let analyzers = try AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let path = ShippedScenarioTests.scenarios.appendingPathComponent("clinician-behavioral.xml").path
        let scenario = try #require(ScenarioLoader(analyzers: analyzers).load(contentsOf: path).scenario)
        let started = Date(timeIntervalSince1970: 1_800_000_000.125)
        var headers = [
            TranscriptHeader(scenario: scenario, contentHash: "ab12", path: path, analyzers: analyzers, seed: 7, options: EngineOptions(), started: started),
            TranscriptHeader(scenario: scenario, contentHash: "", path: "naïve “quoted” \\ path.xml", analyzers: analyzers, seed: UInt64(Int.max), options: EngineOptions(maxProbes: 2, probesEnabled: false), started: started),
        ]
        headers[1].analyzers.append(TranscriptHeader.AnalyzerReference(id: "tone", version: "0.1", command: "exec:./tone --fast"))
        var lines = try headers.map { Array(try TranscriptCoding.encoder.encode($0)) }
        let written = String(decoding: lines[0], as: UTF8.self)
        let edits: [(String, String)] = [
            (#""seed":7"#, #""seed":7,"max_probes":null,"later":{"a":[1,true,null]}"#),
            (#""type":"header""#, #""type" : "header" "#),
            (#""seed":7"#, #""seed":-7"#),
            (#""seed":7"#, #""seed":7.5"#),
            (#""seed":7"#, #""seed":18446744073709551615"#),
            (#""probes":true"#, #""probes":null"#),
            (#""seed":7,"#, ""),
            (#""seed":7"#, #""seed":7,"seed":8"#),
            (#","sha256":"ab12""#, ""),
            (#""version":"1.0"}"#, #""version":"1.0","command":null}"#),
            (#""version":"1.0"}"#, #""version":1}"#),
        ]
        for (target, replacement) in edits {
            #expect(written.contains(target), "\(target)")
            lines.append(Array(written.replacingOccurrences(of: target, with: replacement).utf8))
        }
        return lines
    }

    @Test func headersDecodeAsJSONDecoderDecodesThem() throws {
        let lines = try Self.headerLines()
        #expect(TranscriptLineDecoder.decodeHeader(lines[0][...]) != nil && TranscriptLineDecoder.decodeHeader(lines[1][...]) != nil)
        #expect(TranscriptLineDecoder.decodeHeader(lines[2][...])?.maxProbes == nil && TranscriptLineDecoder.decodeHeader(lines[1][...])?.maxProbes == 2)
        var state: UInt64 = 20_261_123
        let alphabet = Array(#"{}[]:,"0-.nt "#.utf8)
        var damaged = lines
        for round in 0..<3_000 {
            var line = lines[round % lines.count]
            for _ in 0..<(1 + Int(SeededChoice.splitMix64(&state) % 3)) where !line.isEmpty {
                let position = Int(SeededChoice.splitMix64(&state) % UInt64(line.count))
                line[position] = alphabet[Int(SeededChoice.splitMix64(&state) % UInt64(alphabet.count))]
            }
            damaged.append(line)
        }
        var decoded = 0
        for line in damaged {
            guard let fast = TranscriptLineDecoder.decodeHeader(line[...]) else { continue }
            decoded += 1
            #expect(fast == Self.headerViaJSONDecoder(line), "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(decoded > 100)
    }
}
