import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

@Suite struct TranscriptTests {
    static let scenario = load(InterviewEngineTests.xml).scenario!
    let engine = Interviewer(scenario: TranscriptTests.scenario, analyzers: .fake)

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-transcript-\(UUID().uuidString).jsonl").path
    }

    func header(seed: UInt64 = 1) -> TranscriptHeader {
        TranscriptHeader(scenario: Self.scenario, contentHash: SHA256.hex(Array("scenario".utf8)), path: "test.xml", analyzers: .fake, seed: seed, options: EngineOptions(), started: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// Records an interview driven by `answers` (":skip" skips), as `rehearse run` does.
    func record(_ answers: [String], to path: String, stopping: Bool = false) throws {
        let writer = try TranscriptWriter(creating: path, header: header())
        var recorder = TranscriptRecorder()
        var clock = Date(timeIntervalSince1970: 1_800_000_000)
        var turn = engine.start(seed: 1)
        for event in recorder.started(turn, at: clock) { try writer.append(event) }
        for answer in answers where !turn.state.hasEnded {
            clock += 30
            if answer == ":skip" {
                turn = engine.skip(turn.state)
                for event in recorder.skipped(turn: turn, at: clock) { try writer.append(event) }
            } else {
                turn = engine.respond(to: answer, in: turn.state)
                for event in recorder.answered(answer, seconds: 30, turn: turn, at: clock) { try writer.append(event) }
            }
        }
        if stopping { try writer.append(recorder.stopped("the candidate stopped", at: clock + 1)) }
    }

    static let fullRun = [TranscriptTests.completeAnswer, "specifically the outcome was cold", "anything", ":skip"]
    static let completeAnswer = "specifically a warm outcome here"

    @Test func sha256KnownValues() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // The loader hashes the very bytes it read; a file with errors has no hash to record.
        #expect(load(InterviewEngineTests.xml).contentHash == SHA256.hex(Array(InterviewEngineTests.xml.utf8)))
        #expect(load("<interview/>").contentHash == nil)
    }

    @Test func timestamps() {
        let date = Date(timeIntervalSince1970: 1_795_359_199.25)
        #expect(Timestamp.format(date) == "2026-11-22T14:53:19.250Z")
        #expect(Timestamp.parse("2026-11-22T14:53:19.250Z") == date)
        #expect(Timestamp.parse("2026-11-22T14:53:19Z") == Date(timeIntervalSince1970: 1_795_359_199))
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(Timestamp.parse("2000-02-29T00:00:00.000Z") == Date(timeIntervalSince1970: 951_782_400))
        for bad in ["2026-13-01T00:00:00Z", "2026-11-22T25:00:00Z", "2026-11-22 14:53:19Z", "2026-11-22T14:53:19.6666666666666666666666666666666666139Z", "x", ""] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func everyEventKindRoundTrips() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record(Self.fullRun, to: path)
        let read = try TranscriptReader.read(contentsOf: path)
        #expect(read.warnings.isEmpty)
        let kinds = Set(read.transcript.events.map(\.type))
        #expect(kinds == [.question, .answer, .analysis, .branch, .skip, .end])
        // Writing what was read gives back the same bytes.
        let copy = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let writer = try TranscriptWriter(creating: copy, header: read.transcript.header)
        for event in read.transcript.events { try writer.append(event) }
        #expect(FileManager.default.contents(atPath: copy) == FileManager.default.contents(atPath: path))
        #expect(read.transcript.header == header())
        #expect(read.transcript.isComplete)
        let branch = try #require(read.transcript.events.first { $0.type == .branch })
        #expect(branch.target == "scaffold")
        #expect(branch.reason?.condition == "fake.tone == 'cold'")
        #expect(branch.reason?.values == ["fake.tone": .text("cold")])
    }

    /// Re-analysis reads without the recorded analyses; everything else, and the path, is the same.
    @Test func readingWithoutAnalysesKeepsThePath() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record(Self.fullRun, to: path)
        let full = try TranscriptReader.read(contentsOf: path).transcript
        let lean = try TranscriptReader.read(contentsOf: path, analyses: false).transcript
        #expect(lean.events.map(\.type) == full.events.filter { $0.type != .analysis }.map(\.type))
        #expect(full.events.contains { $0.type == .analysis })
        #expect(lean.path.exchanges.map(\.next) == full.path.exchanges.map(\.next))
        #expect(lean.path.exchanges.map(\.answer) == full.path.exchanges.map(\.answer))
    }

    @Test func probeEventsRoundTripToo() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record(["generic"], to: path)
        let events = try TranscriptReader.read(contentsOf: path).transcript.events
        let probe = try #require(events.first { $0.type == .probe })
        #expect(probe.probe == "warmup-example")
        #expect(probe.reason?.rule == "probe")
    }

    @Test func filesAreOwnerOnly() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record([], to: path)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(throws: TranscriptError.self) { try TranscriptWriter(creating: path, header: header()) }
    }

    @Test func aTruncatedLastLineIsAWarningAndResumingDropsIt() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record([Self.completeAnswer], to: path)
        let whole = try #require(FileManager.default.contents(atPath: path))
        let lineCount = whole.split(separator: UInt8(ascii: "\n")).count
        try (whole + Data("{\"type\":\"answer\",\"text\":\"half an ans".utf8)).write(to: URL(fileURLWithPath: path))
        let read = try TranscriptReader.read(contentsOf: path)
        #expect(read.warnings.map(\.location.line) == [lineCount + 1])
        #expect(read.warnings.first?.message.contains("cut off") == true)
        let writer = try TranscriptWriter(appendingTo: path)
        _ = writer
        #expect(FileManager.default.contents(atPath: path) == whole)
    }

    /// The damaged line is passed over with its place and why; the rest is read.
    @Test func aDamagedLineInTheMiddleIsReportedWithItsLine() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record([Self.completeAnswer], to: path)
        var lines = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self).split(separator: "\n").map(String.init)
        lines[1] = "garbage"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try TranscriptReader.read(contentsOf: path)
        #expect(result.damaged.map(\.description) == ["\(path):2:1: warning: not a JSON object; the transcript is damaged here; this line is passed over"])
        #expect(result.transcript.events.count == lines.count - 2)
        #expect(result.warnings.contains { $0.code == "damaged-line" })
    }

    @Test func aFutureMajorVersionIsRefusedAndUnknownFieldsAreIgnored() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record([Self.completeAnswer], to: path)
        let text = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
        let future = text.replacingOccurrences(of: "\"type\":\"header\",\"version\":\"\(TranscriptHeader.currentVersion)\"", with: "\"type\":\"header\",\"version\":\"2.0\"")
        #expect(future != text)
        do {
            _ = try TranscriptReader.read(Data(future.utf8), path: path)
            Issue.record("a 2.0 transcript was read")
        } catch {
            #expect("\(error)".contains("transcript format 2.0 is newer than this Rehearse reads (1.x)"))
        }
        // A newer minor version with extra fields and a new kind of event still reads.
        let newer = text.replacingOccurrences(of: "\"type\":\"header\",\"version\":\"1.0\"", with: "\"type\":\"header\",\"version\":\"1.3\",\"mood\":\"calm\"")
            + "{\"type\":\"bookmark\",\"time\":\"2027-01-01T00:00:00Z\"}\n"
        let read = try TranscriptReader.read(Data(newer.utf8), path: path)
        #expect(read.transcript.events.count == text.split(separator: "\n").count - 1)
    }

    @Test func reanalysisFindsAChangedBranch() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record(Self.fullRun, to: path)
        let transcript = try TranscriptReader.read(contentsOf: path).transcript
        #expect(Reanalysis.run(transcript, interviewer: engine).differences.isEmpty)

        // The same scenario, with the cold branch now going to 'harder'.
        let edited = InterviewEngineTests.xml.replacingOccurrences(of: "<next when=\"fake.tone == 'cold'\" goto=\"scaffold\"/>", with: "<next when=\"fake.tone == 'cold'\" goto=\"harder\"/>")
        let changed = Interviewer(scenario: try #require(load(edited).scenario), analyzers: .fake)
        let result = Reanalysis.run(transcript, interviewer: changed)
        #expect(result.differences.count == 1)
        let difference = try #require(result.differences.first)
        #expect(difference.exchange == 2)
        #expect(difference.recorded == .question("scaffold"))
        #expect(difference.now == .question("harder"))
        #expect(difference.nowReason.contains("branch to 'harder'"))
        #expect(result.stoppedEarly == nil)
    }

    @Test func reanalysisStopsWhenARecordedQuestionIsGone() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record(Self.fullRun, to: path)
        let transcript = try TranscriptReader.read(contentsOf: path).transcript
        let edited = InterviewEngineTests.xml
            .replacingOccurrences(of: "<question id=\"scaffold\" branch-only=\"true\"><ask>Scaffold?</ask></question>", with: "")
            .replacingOccurrences(of: " goto=\"scaffold\"", with: " goto=\"harder\"")
        let changed = Interviewer(scenario: try #require(load(edited).scenario), analyzers: .fake)
        let result = Reanalysis.run(transcript, interviewer: changed)
        #expect(result.stoppedEarly?.contains("question 'scaffold' is not in the scenario") == true)
    }

    @Test func resumeContinuesWhereTheRecordingStopped() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Warm-up answered completely, then a generic crisis answer drew a probe, then the process died.
        try record([Self.completeAnswer, "no"], to: path)
        let transcript = try TranscriptReader.read(contentsOf: path).transcript
        #expect(!transcript.isComplete)
        let resumed = try engine.resume(transcript).turn
        guard case .probe(let prompt) = resumed.step else {
            Issue.record("expected the open probe, got \(resumed.step)")
            return
        }
        #expect(prompt.probeID == "crisis-example")
        #expect(resumed.state.answerParts == ["no"])
        #expect(resumed.state.probesAsked == ["crisis-example"])
        // Going on from the resumed state behaves exactly as an uninterrupted interview.
        var straight = engine.start(seed: 1)
        for answer in [Self.completeAnswer, "no"] { straight = engine.respond(to: answer, in: straight.state) }
        #expect(straight.state == resumed.state)
    }

    @Test func anAnswerWrittenJustBeforeACrashIsKept() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record([Self.completeAnswer, "no"], to: path)
        // Cut the file after the second answer line: its analysis and probe were never written.
        let lines = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self).split(separator: "\n")
        let lastAnswer = try #require(lines.lastIndex { $0.contains("\"type\":\"answer\"") })
        try (lines[...lastAnswer].joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let resumption = try engine.resume(TranscriptReader.read(contentsOf: path).transcript)
        #expect(resumption.decidedNow)
        #expect(resumption.turn.step.target == .probe(question: "crisis", probe: "crisis-example"))
        #expect(resumption.turn.analysis != nil)
        #expect(resumption.question == "crisis")
    }

    @Test func aStoppedInterviewResumesAndAFinishedOneDoesNot() throws {
        let stopped = temporaryPath()
        let finished = temporaryPath()
        defer {
            try? FileManager.default.removeItem(atPath: stopped)
            try? FileManager.default.removeItem(atPath: finished)
        }
        try record([Self.completeAnswer], to: stopped, stopping: true)
        #expect(try engine.resume(TranscriptReader.read(contentsOf: stopped).transcript).turn.step.target == .question("crisis"))
        try record(Self.fullRun, to: finished)
        #expect(throws: ResumeError.self) { try engine.resume(TranscriptReader.read(contentsOf: finished).transcript) }
    }

    @Test func renderings() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try record(Self.fullRun, to: path)
        let transcript = try TranscriptReader.read(contentsOf: path).transcript
        let text = TranscriptRenderer.render(transcript, as: .text)
        #expect(text.contains("You: specifically a warm outcome here"))
        #expect(text.contains("(skipped)"))
        let markdown = TranscriptRenderer.render(transcript, as: .markdown)
        #expect(markdown.hasPrefix("# Test\n"))
        #expect(markdown.contains("> specifically the outcome was cold"))
        let html = TranscriptRenderer.render(transcript, as: .html)
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        let json = TranscriptRenderer.render(transcript, as: .json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["events"] as? [Any])?.count == transcript.events.count)
    }

    @Test func htmlEscapesWhatTheCandidateTyped() {
        #expect(TranscriptRenderer.escape("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }

    /// Out-of-range numbers are named by their field; text inside a string is never taken for one.
    @Test func anOutOfRangeNumberNamesItsField() {
        let line = Array(#"{"text":"I said "seed": 1e999 to him","seconds":1e999,"type":"answer"}"#.utf8)
        #expect(TranscriptReader.outOfRangeNumber(in: line) == "'seconds' is out of range: 1e999 is too large a number")
        #expect(TranscriptReader.outOfRangeNumber(in: Array(#"{"seed":18446744073709551616}"#.utf8))?.hasPrefix("'seed' is out of range") == true)
        #expect(TranscriptReader.outOfRangeNumber(in: Array(#"{"seed":18446744073709551615,"text":"a: 1e999"}"#.utf8)) == nil)
    }
}
