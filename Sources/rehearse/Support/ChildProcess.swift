import Glibc

/// Runs a program to completion with some input, collecting what it writes (Graphviz's dot).
/// Output and error are read as they come, while the input is written, so neither side can stall.
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: [UInt8]
        var errors: [UInt8]
    }

    static func run(_ path: String, _ arguments: [String], input: [UInt8]) throws(CommandFailure) -> Result {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0], errorsFromChild: [Int32] = [0, 0]
        guard makePipe(&toChild) else { throw failure(path) }
        guard makePipe(&fromChild) else { close(toChild[0]); close(toChild[1]); throw failure(path) }
        guard makePipe(&errorsFromChild) else {
            for descriptor in toChild + fromChild { close(descriptor) }
            throw failure(path)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorsFromChild[1], 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, path, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        close(errorsFromChild[1])
        guard spawned == 0 else {
            close(toChild[1]); close(fromChild[0]); close(errorsFromChild[0])
            throw CommandFailure.io("cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        // The child may die before reading everything; its message then says why, not a SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // Writes take what fits and return, so output is read while input is still going in.
        _ = fcntl(toChild[1], F_SETFL, fcntl(toChild[1], F_GETFL) | O_NONBLOCK)
        var result = Result(status: 0, output: [], errors: [])
        var written = 0
        var descriptors = [pollfd(fd: toChild[1], events: Int16(POLLOUT), revents: 0),
                           pollfd(fd: fromChild[0], events: Int16(POLLIN), revents: 0),
                           pollfd(fd: errorsFromChild[0], events: Int16(POLLIN), revents: 0)]
        if input.isEmpty { close(toChild[1]); descriptors[0].fd = -1 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while descriptors[1].fd >= 0 || descriptors[2].fd >= 0 {
            if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if descriptors[0].fd >= 0 && descriptors[0].revents != 0 {
                let count = input.withUnsafeBytes { write(toChild[1], $0.baseAddress! + written, input.count - written) }
                if count > 0 { written += count }
                if count < 0 && errno != EINTR && errno != EAGAIN || written == input.count {
                    close(toChild[1])
                    descriptors[0].fd = -1
                }
            }
            for (index, keep) in [(1, true), (2, false)] where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = read(descriptors[index].fd, &buffer, buffer.count)
                if count > 0 {
                    if keep { result.output += buffer[..<count] } else { result.errors += buffer[..<count] }
                } else if count == 0 || errno != EINTR {
                    close(descriptors[index].fd)
                    descriptors[index].fd = -1
                }
            }
        }
        if descriptors[0].fd >= 0 { close(toChild[1]) }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // Exited normally: the exit code; killed: 128 + the signal, as shells say it.
        result.status = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return result
    }

    /// A pipe whose ends are closed in the child once it has its own copies (close-on-exec).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func failure(_ path: String) -> CommandFailure {
        .io("cannot start \(path): \(String(cString: strerror(errno)))")
    }
}
