import Glibc

/// What tells whether a transcript file has changed since it was indexed, without reading it.
public struct FileIdentity: Sendable, Hashable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64

    /// The identity of the regular file at `path` (a symbolic link is not followed); nil when there
    /// is none.
    public static func of(_ path: String) -> FileIdentity? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileIdentity(size: Int64(status.st_size), modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }
}
