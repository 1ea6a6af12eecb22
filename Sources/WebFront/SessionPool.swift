import NIOPosix

/// The threads where requests do their blocking work: an answer waits on the disk (the
/// transcript is synced before the next question) and maybe on a plugin; the history and replay
/// read files. None of it may hold up the event loops that serve every other request. The
/// threads stop when the server is let go.
final class SessionPool: Sendable {
    private let pool: NIOThreadPool

    /// More threads than cores, so that one waiting on the disk holds up no other.
    init(threads: Int = 8) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
