import Glibc

/// Writes whole files with POSIX calls, so that a failure says why in the system's words
/// ("cannot write notes.md: Permission denied").
package enum FileWriting {
    package enum Mode {
        /// Create or truncate.
        case replace
        /// Write a temporary file beside it, then rename it over the old one: never half written.
        case atomic
        /// Refuse when the file exists.
        case newFile
    }

    /// Writes `bytes` to `path`. `.atomic` writes a temporary file beside it that is created
    /// exclusively, never through a symbolic link (a name that is taken gets the next number),
    /// and renames it over `path`, which replaces a link there rather than writing through it.
    /// `.replace` makes an existing regular file `permissions` too, since it may hold answers.
    package static func write(_ bytes: some Collection<UInt8>, to path: String, mode: Mode, permissions: mode_t = 0o644) throws(FileWriteError) {
        var target = path
        var descriptor: Int32
        switch mode {
        case .replace:
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
            var status = stat()
            if descriptor >= 0 && fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG { _ = fchmod(descriptor, permissions) }
        case .newFile:
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        case .atomic:
            var attempt = 0
            repeat {
                attempt += 1
                target = path + ".tmp-\(getpid())" + (attempt == 1 ? "" : "-\(attempt)")
                descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
            } while descriptor < 0 && errno == EEXIST && attempt < 100
        }
        guard descriptor >= 0 else { throw failure(path, errno) }
        let written = writeAll(Array(bytes), to: descriptor) ? 0 : errno
        let closed = close(descriptor) == 0 ? 0 : errno
        if written != 0 || closed != 0 {
            if mode == .atomic { unlink(target) }
            throw failure(path, written != 0 ? written : closed)
        }
        if mode == .atomic && rename(target, path) != 0 {
            let code = errno
            unlink(target)
            throw failure(path, code)
        }
    }

    /// Creates an empty owner-only file named `stem` + `suffix`, or `stem-2` + `suffix`, and so on
    /// when a name is taken (by a file, a folder or a link: nothing is replaced or followed), and
    /// returns its path.
    package static func claimNewFile(stem: String, suffix: String) throws(FileWriteError) -> String {
        for number in 1...1_000 {
            let path = stem + (number == 1 ? "" : "-\(number)") + suffix
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                close(descriptor)
                return path
            }
            if errno != EEXIST { throw failure(path, errno) }
        }
        throw FileWriteError(description: "cannot write \(stem)\(suffix): that name and the next thousand are all taken")
    }

    /// Creates a folder with exactly `permissions`, whatever the umask, and any missing above it
    /// as mkdir -p would (0777 less the umask); nil when done, else why not, in the system's words.
    package static func makeDirectories(_ path: String, permissions: mode_t) -> String? {
        makeDirectories(path, permissions: permissions, exactly: true)
    }

    /// `exactly`: set `permissions` whatever the umask (the folder asked for), or leave the umask
    /// its say (the folders above it, which are the user's).
    private static func makeDirectories(_ path: String, permissions: mode_t, exactly: Bool) -> String? {
        var existing = stat()
        if stat(path, &existing) == 0 {
            return existing.st_mode & S_IFMT == S_IFDIR ? nil : String(cString: strerror(ENOTDIR))
        }
        let parent = path.deletingLastPathComponent
        if !parent.isEmpty && parent != path, let problem = makeDirectories(parent, permissions: 0o777, exactly: false) { return problem }
        if mkdir(path, permissions) != 0 {
            return errno == EEXIST ? nil : String(cString: strerror(errno))
        }
        // The umask may have taken bits away, or (if unusual) left some: set exactly what was asked.
        if exactly && chmod(path, permissions) != 0 { return String(cString: strerror(errno)) }
        return nil
    }

    private static func failure(_ path: String, _ code: Int32) -> FileWriteError {
        FileWriteError(description: "cannot write \(path): \(String(cString: strerror(code)))")
    }
}

/// Why a file could not be written, in the system's words: "cannot write notes.md: Permission denied".
package struct FileWriteError: Error, Sendable, CustomStringConvertible {
    package var description: String

    package init(description: String) {
        self.description = description
    }
}

/// Writes all of `data` with write(2); returns false when the descriptor refuses (a full disk, a
/// closed pipe). Unlike `FileHandle.write`, a failure never traps: the caller decides what it means.
@discardableResult
package func writeAll(_ data: [UInt8], to descriptor: Int32) -> Bool {
    data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
