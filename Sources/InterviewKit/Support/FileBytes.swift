#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// Reads a whole file with open(2) and read(2) into one byte array: no `Data` to copy out of, and
/// no second buffer's worth of fresh pages for a large file.
package enum FileBytes {
    package enum Failure: Error, Equatable {
        case noSuchFile
        case isDirectory
        /// Permission denied or an I/O error; the text is the system's (strerror).
        case unreadable(String)
    }

    /// The file's bytes, at most `limit` of them (ask for one more than a maximum to notice a file over it).
    package static func contents(of path: String, limit: Int = Int.max) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(failure(errno)) }
        defer { close(descriptor) }
        return contents(ofDescriptor: descriptor, limit: limit)
    }

    /// What is left to read from an open descriptor (standard input, say), at most `limit` bytes.
    package static func contents(ofDescriptor descriptor: Int32, limit: Int = Int.max) -> Result<[UInt8], Failure> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(failure(errno)) }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(.isDirectory) }

        // A regular file's size is known; pipes and devices say 0 and are read in chunks.
        var bytes: [UInt8] = []
        var capacity = min(limit, status.st_size > 0 ? Int(status.st_size) + 1 : 65_536)
        while bytes.count < limit {
            if bytes.count == capacity { capacity = min(limit, capacity * 2) }
            let start = bytes.count
            var readError: Int32 = 0
            bytes.reserveCapacity(capacity)
            bytes.append(contentsOf: repeatElement(0, count: capacity - start))
            let count = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                while true {
                    let result = read(descriptor, buffer.baseAddress! + start, capacity - start)
                    if result < 0 && errno == EINTR { continue }
                    if result < 0 { readError = errno }
                    return max(result, 0)
                }
            }
            bytes.removeLast(capacity - start - count)
            if readError != 0 { return .failure(failure(readError)) }
            if count == 0 { break }
        }
        return .success(bytes)
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .noSuchFile
        case EISDIR: .isDirectory
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}
