#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// Appends transcript lines to a file, each one written whole and flushed to disk (fsync), so a
/// crash loses at most the line being written. Files are created readable by their owner only.
public final class TranscriptWriter {
    public let path: String
    private let descriptor: Int32
    private static let encoder = TranscriptCoding.makeEncoder(pretty: false)

    /// Creates a new transcript and writes its header. Fails if the file exists.
    public init(creating path: String, header: TranscriptHeader) throws(TranscriptError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw TranscriptError.cannotWrite(path, Self.errorText()) }
        try write(line: encode(header))
    }

    /// Opens an existing transcript to add to it. A last line cut off by a crash is removed first,
    /// so the new lines do not run into it.
    public init(appendingTo path: String) throws(TranscriptError) {
        self.path = path
        descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw TranscriptError.cannotWrite(path, Self.errorText()) }
        try dropPartialLastLine()
    }

    deinit {
        close(descriptor)
    }

    public func append(_ event: TranscriptEvent) throws(TranscriptError) {
        try write(line: encode(event))
    }

    private func encode<T: Encodable>(_ value: T) throws(TranscriptError) -> [UInt8] {
        do {
            return Array(try Self.encoder.encode(value)) + [UInt8(ascii: "\n")]
        } catch {
            throw TranscriptError.cannotWrite(path, "cannot encode: \(error)")
        }
    }

    private func write(line: [UInt8]) throws(TranscriptError) {
        let start = lseek(descriptor, 0, SEEK_END)
        var offset = 0
        while offset < line.count {
            let written = line[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let problem = Self.errorText()
                // A full disk or a size limit can stop a line halfway; take it back so the file stays whole.
                if start >= 0 { _ = ftruncate(descriptor, start) }
                throw TranscriptError.cannotWrite(path, problem)
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw TranscriptError.cannotWrite(path, Self.errorText()) }
    }

    private func dropPartialLastLine() throws(TranscriptError) {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return }
        var byte: UInt8 = 0
        guard pread(descriptor, &byte, 1, size - 1) == 1 else { throw TranscriptError.cannotWrite(path, Self.errorText()) }
        if byte == UInt8(ascii: "\n") { return }
        // Walk back to the previous newline; everything after it is the broken line.
        var end = size - 1
        while end > 0 {
            guard pread(descriptor, &byte, 1, end - 1) == 1 else { break }
            if byte == UInt8(ascii: "\n") { break }
            end -= 1
        }
        guard ftruncate(descriptor, end) == 0 else { throw TranscriptError.cannotWrite(path, Self.errorText()) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

public enum TranscriptError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(String, String)
    case cannotRead(String, String)
    /// A problem with one line: file, line number, what is wrong.
    case invalid(String, Int, String)
    case unsupportedVersion(String, String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write the transcript \(path): \(reason)"
        case .cannotRead(let path, let reason): "cannot read the transcript \(path): \(reason)"
        case .invalid(let path, let line, let message): "\(path):\(line):1: error: \(message)"
        case .unsupportedVersion(let path, let version):
            "\(path):1:1: error: transcript format \(version) is newer than this Rehearse reads (\(TranscriptHeader.currentVersion.prefix(1)).x); update Rehearse to read it"
        }
    }
}
