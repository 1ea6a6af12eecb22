import Glibc

extension ProcessSpawner {
    /// What a program run to completion wrote, and how it ended.
    package struct Finished: Sendable {
        package var exit: ChildExit
        /// Everything it wrote to standard output.
        package var output: [UInt8]
        /// Everything it wrote to standard error.
        package var errors: [UInt8]
    }

    /// Runs the program at `path` to completion with `input` on its standard input, collecting
    /// what it writes (Graphviz's dot). Output and errors are read as they come, while the input
    /// is written, so neither side can stall the other. Throws only when the program cannot be
    /// started; a program that stops reading early is given no more input and is waited for.
    ///
    /// SIGPIPE is ignored in Rehearse from then on, so that a write to a program that has gone
    /// fails instead of killing Rehearse.
    package static func run(_ path: String, _ arguments: [String], input: [UInt8]) throws(SpawnError) -> Finished {
        // Input, output and errors, each as (read, write); every end closed if it cannot start.
        var pipes: [(read: Int32, write: Int32)] = []
        let child: pid_t
        do throws(SpawnError) {
            for _ in 0..<3 { pipes.append(try makePipe(for: path)) }
            child = try spawn(
                path, arguments, standardInput: .descriptor(pipes[0].read), standardOutput: .descriptor(pipes[1].write),
                standardError: .descriptor(pipes[2].write))
        } catch {
            for ends in pipes { close(ends.read); close(ends.write) }
            throw error
        }
        let (toChild, fromChild, errorsFromChild) = (pipes[0], pipes[1], pipes[2])
        // The child has its copies; ours would keep its input open and our reads from ending.
        close(toChild.read)
        close(fromChild.write)
        close(errorsFromChild.write)
        // The child may die before reading everything; its message then says why, not a SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // Writes take what fits and return, so output is read while input is still going in.
        _ = fcntl(toChild.write, F_SETFL, fcntl(toChild.write, F_GETFL) | O_NONBLOCK)
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var written = 0
        var descriptors = [pollfd(fd: toChild.write, events: Int16(POLLOUT), revents: 0),
                           pollfd(fd: fromChild.read, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: errorsFromChild.read, events: Int16(POLLIN), revents: 0)]
        if input.isEmpty { close(toChild.write); descriptors[0].fd = -1 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while descriptors[1].fd >= 0 || descriptors[2].fd >= 0 {
            if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if descriptors[0].fd >= 0 && descriptors[0].revents != 0 {
                let count = input.withUnsafeBytes { write(toChild.write, $0.baseAddress! + written, input.count - written) }
                if count > 0 { written += count }
                if count < 0 && errno != EINTR && errno != EAGAIN || written == input.count {
                    close(toChild.write)
                    descriptors[0].fd = -1
                }
            }
            for (index, keep) in [(1, true), (2, false)] where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = read(descriptors[index].fd, &buffer, buffer.count)
                if count > 0 {
                    if keep { output += buffer[..<count] } else { errors += buffer[..<count] }
                } else if count == 0 || errno != EINTR {
                    close(descriptors[index].fd)
                    descriptors[index].fd = -1
                }
            }
        }
        if descriptors[0].fd >= 0 { close(toChild.write) }
        return Finished(exit: ChildExit(waitStatus: waitForExit(child)), output: output, errors: errors)
    }
}
