import Glibc

/// A regular file mapped read-only into memory, for large data read in place (model weights): the
/// pages come from the page cache as they are touched, and processes share them. Unmapped when the
/// last reference goes. A file truncated or rewritten in place while mapped can fault the process
/// (SIGBUS): install such files by writing a new one and renaming it over the old, as
/// scripts/bootstrap does.
///
/// `@unchecked Sendable`: the mapping is read-only and never changes once made, so the pointer may
/// be read from any thread.
package final class MappedFile: @unchecked Sendable {
    /// The file's bytes, valid while this object lives.
    package var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: UnsafeRawPointer(base), count: count) }

    private let base: UnsafeMutableRawPointer?
    private let count: Int

    /// Maps `path` when it is a regular file of at most `limit` bytes; the failure says why not.
    package static func map(_ path: String, limit: Int) -> Result<MappedFile, FileBytes.Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(FileBytes.failure(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(FileBytes.failure(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failure(status.st_mode & S_IFMT == S_IFDIR ? .isDirectory : .notRegularFile("not a regular file"))
        }
        let size = Int(status.st_size)
        guard size <= limit else { return .failure(.unreadable("larger than \(limit) bytes")) }
        guard size > 0 else { return .success(MappedFile(base: nil, count: 0)) }
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { return .failure(FileBytes.failure(errno)) }
        return .success(MappedFile(base: mapped, count: size))
    }

    private init(base: UnsafeMutableRawPointer?, count: Int) {
        self.base = base
        self.count = count
    }

    deinit {
        if let base { munmap(base, count) }
    }
}
