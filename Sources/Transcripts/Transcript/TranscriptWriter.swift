import SystemIO
import InterviewCore
#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// Appends transcript lines to a file, each one written whole and flushed to disk (fsync), so a
/// crash loses at most the line being written. Files are created readable by their owner only,
/// never through a symbolic link.
///
/// One interview, one writer: the writer holds an exclusive advisory lock (`flock`) on the file
/// for as long as it lives, and a second writer is refused with the process that holds it.
public final class TranscriptWriter {
    public let path: String
    /// -1 once closed.
    private var descriptor: Int32
    private static let encoder = TranscriptCoding.makeEncoder(pretty: false)

    /// Creates a new transcript and writes its header. Fails if the file exists.
    public init(creating path: String, header: TranscriptHeader) throws(TranscriptError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw TranscriptError.cannotWrite(path, Self.errorText()) }
        try lock()
        try write(line: encode(header))
    }

    /// Opens an existing transcript to add to it, taking its lock. A last line cut off by a crash
    /// is removed first, so the new lines do not run into it; a caller that reads the file before
    /// trusting it passes `droppingPartialLastLine: false` and calls `dropPartialLastLine()` then.
    public init(appendingTo path: String, droppingPartialLastLine: Bool = true) throws(TranscriptError) {
        self.path = path
        // Without blocking, so that a FIFO is refused rather than waited on.
        // The path is the user's own choice, so a link is followed, as `replay` follows it.
        descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: throw TranscriptError.cannotRead(path, "no such file")
            case EISDIR: throw TranscriptError.cannotRead(path, "it is a directory")
            default: throw TranscriptError.cannotWrite(path, Self.errorText())
            }
        }
        var status = stat()
        if fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
            Glibc.close(descriptor)
            throw TranscriptError.notAFile(path, status.st_mode & S_IFMT == S_IFIFO ? "a FIFO (named pipe)" : "not a regular file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        do {
            try lock()
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        if droppingPartialLastLine { try dropPartialLastLine() }
    }

    deinit {
        close()
    }

    /// Lets go of the file and its lock; later appends fail. An interview that is over calls it, so
    /// that the transcript can be resumed at once, by this process or another.
    public func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
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
        guard descriptor >= 0 else { throw TranscriptError.cannotWrite(path, "the transcript is closed: the interview is over") }
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

    /// Takes the file's lock, or says who holds it.
    private func lock() throws(TranscriptError) {
        guard flock(descriptor, LOCK_EX | LOCK_NB) != 0 else { return }
        let held = errno == EWOULDBLOCK
        let problem = Self.errorText()
        guard held else { throw TranscriptError.cannotWrite(path, "cannot lock it: \(problem)") }
        throw TranscriptError.inUse(path, Self.holderName(of: descriptor))
    }

    /// Who is writing the transcript at `path` ("process 1234"), or nil when no interview holds its
    /// lock. Asks without taking the lock for longer than the question.
    public static func writer(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) != 0 else {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return holderName(of: descriptor)
    }

    private static func holderName(of descriptor: Int32) -> String {
        lockHolder(of: descriptor).map { "process \($0)" } ?? "another process"
    }

    /// The process holding a `flock` on the file, from /proc/locks (Linux), if it can be found.
    /// Matched by inode only: it names the holder in a message, nothing depends on it.
    private static func lockHolder(of descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, case .success(let bytes) = FileBytes.contents(of: "/proc/locks", limit: 1 << 20) else { return nil }
        // "1: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF": the pid, then major:minor:inode.
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int(fields[4]), pid != getpid(),
                fields[5].split(separator: ":").last.flatMap({ UInt64($0) }) == UInt64(status.st_ino)
            else { continue }
            return pid
        }
        return nil
    }

    /// Removes a last line cut off by a crash (one that does not end with a line feed).
    public func dropPartialLastLine() throws(TranscriptError) {
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
    /// Not a regular file: a FIFO, a device, a socket.
    case notAFile(String, String)
    /// Another process is writing the transcript: the path, and who ("process 4242").
    case inUse(String, String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write the transcript \(path): \(reason)"
        case .cannotRead(let path, let reason): "cannot read the transcript \(path): \(reason)"
        case .invalid(let path, let line, let message): "\(path):\(line):1: error: \(message)"
        case .inUse(let path, let holder):
            "\(path) is open in another interview (\(holder) is writing it); finish or stop that one first, since two sessions writing one transcript would mix their answers"
        case .notAFile(let path, let kind):
            "cannot read the transcript \(path): it is \(kind == "not a regular file" ? "" : kind + ", ")not a regular file; name a .jsonl transcript"
        case .unsupportedVersion(let path, let version):
            "\(path):1:1: error: transcript format \(version) is newer than this Rehearse reads (\(TranscriptHeader.currentVersion.prefix(1)).x); update Rehearse to read it"
        }
    }
}
