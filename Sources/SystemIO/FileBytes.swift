import Glibc

/// Reads a whole file with open(2) and read(2) into one byte array: no `Data` to copy out of, and
/// no second buffer's worth of fresh pages for a large file.
package enum FileBytes {
    package enum Failure: Error, Equatable {
        case noSuchFile
        case isDirectory
        /// Permission denied or an I/O error; the text is the system's (strerror).
        case unreadable(String)
        /// Not a regular file: what it is instead ("a FIFO (named pipe)", "a character device"…).
        case notRegularFile(String)
    }

    /// The file's bytes, at most `limit` of them (ask for one more than a maximum to notice a file over it).
    ///
    /// Only a regular file is read. It is opened without blocking, so that a FIFO (which would
    /// wait for a writer) or a device is refused at once, naming what it is, before anything is read.
    package static func contents(of path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(failure(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(failure(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.isDirectory)
        case S_IFIFO: return .failure(.notRegularFile("a FIFO (named pipe)"))
        case S_IFCHR: return .failure(.notRegularFile("a character device"))
        case S_IFBLK: return .failure(.notRegularFile("a block device"))
        case S_IFSOCK: return .failure(.notRegularFile("a socket"))
        default: return .failure(.notRegularFile("not a regular file"))
        }
        // A regular file never blocks; reads go on as usual.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return contents(ofDescriptor: descriptor, limit: limit)
    }

    /// Whether something (a file, a folder, a link, even a broken one) has this name.
    package static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// The first `limit` bytes or fewer of `path` when it is a regular file itself (not a link to
    /// one); nil otherwise, or when it cannot be read.
    package static func existingRegularFile(_ path: String, limit: Int) -> [UInt8]? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, case .success(let bytes) = contents(of: path, limit: limit) else {
            return nil
        }
        return bytes
    }

    /// What is left to read from an open descriptor (standard input, say), at most `limit` bytes.
    package static func contents(ofDescriptor descriptor: Int32, limit: Int) -> Result<[UInt8], Failure> {
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

    /// How a failure reads after a file's name: "is a FIFO (named pipe)", "is a directory".
    package static func describe(_ failure: Failure) -> String {
        switch failure {
        case .noSuchFile: "does not exist"
        case .isDirectory: "is a directory"
        case .unreadable(let reason): "cannot be read: \(reason.lowercased())"
        case .notRegularFile(let kind): kind == "not a regular file" ? "is not a regular file" : "is \(kind), not a regular file"
        }
    }

    static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .noSuchFile
        case EISDIR: .isDirectory
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}
