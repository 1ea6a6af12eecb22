import Glibc

/// Starts programs with posix_spawn(3): the one place Rehearse creates a process, whether it runs
/// Graphviz's dot to completion, keeps an analyzer plugin running, or times a benchmark's child.
package enum ProcessSpawner {
    /// What one of the child's standard descriptors (0, 1 or 2) is made of.
    package enum Stream: Sendable, Equatable {
        /// Ours, as it is: nothing is done to it.
        case inherited
        /// A copy of this descriptor of ours (dup2 in the child), such as a pipe's end. The copy is
        /// open in the program even when the original is close-on-exec.
        case descriptor(Int32)
        /// This file, opened in the child with these open(2) flags; when it cannot be opened, the
        /// program is not started and `spawn` says why.
        case file(String, flags: Int32)
    }

    /// Starts the program at `path` (used as it is, not looked up on PATH) with `arguments` after
    /// its name, in Rehearse's environment, and returns its process id; the caller reaps it.
    ///
    /// The standard descriptors are set up in the order 0, 1, 2; every other descriptor that is
    /// not close-on-exec is inherited. With `ownProcessGroup` the child leads a new process group
    /// (a Ctrl-C at the terminal does not reach it, and it can be killed with everything it
    /// starts). `defaultSignals` are reset to their default action in the child, whatever
    /// Rehearse ignores or catches, and `emptySignalMask` unblocks every signal; otherwise the
    /// child inherits ignored signals and the signal mask, as after fork and exec.
    package static func spawn(
        _ path: String, _ arguments: [String],
        standardInput: Stream = .inherited, standardOutput: Stream = .inherited, standardError: Stream = .inherited,
        ownProcessGroup: Bool = false, defaultSignals: [Int32] = [], emptySignalMask: Bool = false
    ) throws(SpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, stream) in [(Int32(0), standardInput), (1, standardOutput), (2, standardError)] {
            switch stream {
            case .inherited: break
            case .descriptor(let source): posix_spawn_file_actions_adddup2(&actions, source, target)
            // glibc copies the path, so the temporary C string need not outlive this call.
            case .file(let file, let flags): posix_spawn_file_actions_addopen(&actions, target, file, flags, 0)
            }
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status: Int32
        if ownProcessGroup || !defaultSignals.isEmpty || emptySignalMask {
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var flags: Int32 = 0
            if !defaultSignals.isEmpty {
                var defaults = sigset_t()
                sigemptyset(&defaults)
                for signal in defaultSignals { sigaddset(&defaults, signal) }
                posix_spawnattr_setsigdefault(&attributes, &defaults)
                flags |= POSIX_SPAWN_SETSIGDEF
            }
            if emptySignalMask {
                var empty = sigset_t()
                sigemptyset(&empty)
                posix_spawnattr_setsigmask(&attributes, &empty)
                flags |= POSIX_SPAWN_SETSIGMASK
            }
            if ownProcessGroup {
                // Group 0: a new group whose id is the child's.
                posix_spawnattr_setpgroup(&attributes, 0)
                flags |= POSIX_SPAWN_SETPGROUP
            }
            posix_spawnattr_setflags(&attributes, Int16(flags))
            status = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        } else {
            status = posix_spawn(&child, path, &actions, nil, argv, environ)
        }
        guard status == 0 else { throw SpawnError(path: path, code: status) }
        return child
    }

    /// A pipe for talking to the program at `path`: both ends close-on-exec, so that no child,
    /// this one or one started later, inherits them except as the descriptor it is given.
    /// A failure is reported as the program not starting.
    package static func makePipe(for path: String) throws(SpawnError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SpawnError(path: path, code: errno) }
        // pipe2(O_CLOEXEC) would do it at once, but Swift's Glibc module leaves it out; a program
        // started by another thread in between could still inherit these ends.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Waits for the child `pid` to end and reaps it, through interruptions by signals; returns
    /// its wait status (0 when there is no such child to wait for).
    package static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }
}

/// How a child ended, read from its wait status.
package enum ChildExit: Sendable, Equatable {
    /// It exited with this code (0–255).
    case exited(Int32)
    /// A signal ended it.
    case killed(signal: Int32)

    package init(waitStatus status: Int32) {
        let signal = status & 0x7F
        self = signal == 0 ? .exited((status >> 8) & 0xFF) : .killed(signal: signal)
    }

    /// As a shell reports it: the exit code, or 128 + the signal.
    package var shellStatus: Int32 {
        switch self {
        case .exited(let code): code
        case .killed(let signal): 128 + signal
        }
    }
}

/// Why a program could not be started, in the system's words: "cannot start /usr/bin/dot:
/// Permission denied".
package struct SpawnError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The program's path, as given.
    package var path: String
    /// The errno value posix_spawn(3), pipe(2) or an open in the child reported.
    package var code: Int32

    package init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    /// The system's words alone: "No such file or directory".
    package var reason: String { String(cString: strerror(code)) }

    package var description: String { "cannot start \(path): \(reason)" }
}
