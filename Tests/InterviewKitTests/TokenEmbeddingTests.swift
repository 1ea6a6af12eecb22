import Foundation
import Testing
@testable import InterviewKit
import InterviewCore
import BuiltInAnalyzers
import Synchronization

/// The MiniLM token embeddings: the tokenizer against the reference implementation, the
/// safetensors reader on good and bad files, the heads' file, and the signal in the analyzers.
@Suite struct TokenEmbeddingTests {
    static let installed = EmbeddingFiles.installedDirectory
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/embeddings/wordpiece-reference.jsonl")

    static func embeddings() throws -> TokenEmbeddings {
        let directory = try #require(installed, "scripts/bootstrap installs the model files")
        return try EmbeddingFiles.load(directory).get()
    }

    /// Ids made by the tokenizers library from the model's tokenizer.json, for 150 corpus answers
    /// and strings with accents, CJK, emoji, control characters and a 120-letter word.
    @Test(.enabled(if: installed != nil, "needs the model files (scripts/bootstrap)"))
    func theTokenizerGivesTheReferenceIds() throws {
        let tokenizer = try Self.embeddings().tokenizer
        let lines = try String(contentsOf: Self.reference, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 150)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let ids = try #require(object["ids"] as? [Int]).map(Int32.init)
            #expect(tokenizer.encode(text) == ids, "\(text.prefix(60))")
        }
    }

    @Test(.enabled(if: installed != nil, "needs the model files (scripts/bootstrap)"))
    func pooledEmbeddingsAreTheMeanThenTheMaximum() throws {
        let embeddings = try Self.embeddings()
        let one = embeddings.pooled("calm")
        #expect(one.count == 768)
        // One token: its mean and its maximum are its vector.
        #expect(Array(one[0..<384]) == Array(one[384...]))
        let two = embeddings.pooled("calm calm")
        #expect(two == one)
        #expect(embeddings.pooled("") == embeddings.pooled("\u{7}"))
    }

    /// A safetensors file made here: header length, JSON header, then the floats.
    static func safetensors(header: String, floats: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        let json = Array(header.utf8)
        var length = UInt64(json.count)
        for _ in 0..<8 {
            bytes.append(UInt8(length & 0xff))
            length >>= 8
        }
        return bytes + json + [UInt8](repeating: 0, count: floats * 4)
    }

    @Test func theSafetensorsReaderFindsTheTableAndRefusesWhatIsNotIt() {
        let rows = 3
        let size = rows * 384 * 4
        let good = Self.safetensors(
            header: #"{"__metadata__":{"format":"pt"},"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[3,384],"data_offsets":[0,\#(size)]}}"#,
            floats: rows * 384)
        func read(_ bytes: [UInt8], rows: Int = 3) -> Result<Range<Int>, EmbeddingFiles.Failure> {
            bytes.withUnsafeBytes { EmbeddingFiles.table(in: $0, rows: rows) }
        }
        let headerLength = good.count - size - 8
        #expect((try? read(good).get()) == (8 + headerLength)..<(8 + headerLength + size))
        func problem(_ result: Result<Range<Int>, EmbeddingFiles.Failure>) -> String {
            if case .failure(let failure) = result { return failure.description }
            return "read"
        }
        #expect(problem(read([1, 2, 3])) == "too short to be a safetensors file")
        #expect(problem(read([255, 255, 255, 255, 0, 0, 0, 0, 1])) == "its header length does not fit the file")
        #expect(problem(read(good, rows: 4)).contains("is not float32 [4, 384]"))
        let other = Self.safetensors(header: #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, floats: 1)
        #expect(problem(read(other)).contains("no tensor"))
        let outside = Self.safetensors(
            header: #"{"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[3,384],"data_offsets":[0,\#(size)]}}"#, floats: 10)
        #expect(problem(read(outside)).contains("lies outside the file"))
        let huge = Self.safetensors(
            header: #"{"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[3,384],"data_offsets":[9223372036854775800,9223372036854775807]}}"#,
            floats: 10)
        #expect(problem(read(huge)).contains("lies outside the file"))
        let backwards = Self.safetensors(
            header: #"{"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[3,384],"data_offsets":[\#(size),0]}}"#, floats: rows * 384)
        #expect(problem(read(backwards)).contains("lies outside the file"))
        let notJSON = Self.safetensors(header: "{not json", floats: 0)
        #expect(problem(read(notJSON)).contains("no tensor"))
    }

    @Test func theBuiltInHeadsReadAndSurviveTheirOwnFormat() throws {
        let heads = try #require(EmbeddingHeads.builtIn, "EmbeddingHeadsWeights.swift does not read")
        for head in EmbeddingHeads.Head.allCases { #expect(heads.weights[head]?.count == 768) }
        let again = try #require(EmbeddingHeads(serialized: heads.serialized(header: "# again")))
        #expect(again.weights == heads.weights && again.bias == heads.bias && again.center == heads.center)
        #expect(EmbeddingHeads(serialized: "center\t1\nscale\t1\nhead\tunknown\t0\t1\n") == nil)
        // A vocabulary saved with CRLF line ends reads the same.
        let lf = try #require(WordPieceTokenizer(vocabulary: "[PAD]\n[UNK]\ncalm\n"))
        let crlf = try #require(WordPieceTokenizer(vocabulary: "[PAD]\r\n[UNK]\r\ncalm\r\n"))
        #expect(lf.count == 3 && crlf.count == 3 && crlf.encode("Calm, calm") == lf.encode("Calm, calm"))
    }

    @Test(.enabled(if: installed != nil, "needs the model files (scripts/bootstrap)"))
    func theSignalJoinsTheSTARAndSMARTDecisions() throws {
        let signal = EmbeddingSignal(heads: try #require(EmbeddingHeads.builtIn), embeddings: try Self.embeddings())
        let star = STARAnalyzer(model: STARModel.builtIn, embeddings: signal)
        #expect(star.version == "2.1-model+embeddings")
        #expect(STARAnalyzer(model: STARModel.builtIn).version == "2.0-model")
        let behavioral = AnalysisContext(kind: .behavioral)
        let story = "Last spring a father shouted at me in the lobby because his son's intake was cancelled twice. "
            + "I sat with him, called the scheduler, and his son was seen that Thursday."
        #expect(star.analyze(story, context: behavioral)[STARFeature.specificExample] == .bool(true))
        #expect(star.analyze("I usually stay calm and listen when clients get angry.", context: behavioral).followup == "example")
        #expect(star.analyze("I'm sorry, I can't really pull one up right now.", context: behavioral)[STARFeature.declined] == .bool(true))

        let smart = SMARTAnalyzer(embeddings: signal)
        #expect(smart.version == "1.1+embeddings")
        let goals = AnalysisContext(questionText: "Where do you see yourself in two years?", kind: .goals)
        let vague = smart.analyze("I just want to keep growing and be a better version of myself.", context: goals)
        #expect(vague[SMARTFeature.specific] == .bool(false))
        #expect(vague.followup == "specific")
    }

    @Test func withoutTheTableTheAnalyzersDecideAsBeforeAndSaySoOnce() throws {
        let notes = Mutex<[String]>([])
        let absent = EmbeddingSignal(installed: false, heads: { EmbeddingHeads.builtIn }) {
            notes.withLock { $0.append("not installed") }
            return nil
        }
        let with = STARAnalyzer(model: STARModel.builtIn, embeddings: absent)
        let without = STARAnalyzer(model: STARModel.builtIn)
        #expect(with.version == "2.0-model")
        for answer in ["I usually stay calm.", "Last week a client yelled; I listened and he calmed down.", "I can't think of one."] {
            #expect(with.analyze(answer, context: AnalysisContext(kind: .behavioral)) == without.analyze(answer, context: AnalysisContext(kind: .behavioral)))
        }
        #expect(notes.withLock { $0 } == ["not installed"])
    }
}
