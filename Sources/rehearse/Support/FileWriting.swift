import Glibc

/// Writes whole files with POSIX calls, so that a failure says why in the system's words
/// ("cannot write notes.md: Permission denied").
enum FileWriting {
    enum Mode {
        /// Create or truncate.
        case replace
        /// Write a temporary file beside it, then rename it over the old one: never half written.
        case atomic
        /// Refuse when the file exists.
        case newFile
    }

    static func write(_ bytes: some Collection<UInt8>, to path: String, mode: Mode, permissions: mode_t = 0o644) throws(CommandFailure) {
        let target = mode == .atomic ? path + ".tmp-\(getpid())" : path
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (mode == .newFile ? O_EXCL : O_TRUNC)
        let descriptor = open(target, flags, permissions)
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

    /// Creates a folder with `permissions`, and any missing above it as mkdir -p would (0777 less
    /// the umask); nil when done, else why not, in the system's words.
    static func makeDirectories(_ path: String, permissions: mode_t) -> String? {
        var existing = stat()
        if stat(path, &existing) == 0 {
            return existing.st_mode & S_IFMT == S_IFDIR ? nil : String(cString: strerror(ENOTDIR))
        }
        let parent = path.deletingLastPathComponent
        if !parent.isEmpty && parent != path, let problem = makeDirectories(parent, permissions: 0o777) { return problem }
        if mkdir(path, permissions) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
        return nil
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandFailure {
        .io("cannot write \(path): \(String(cString: strerror(code)))")
    }
}
