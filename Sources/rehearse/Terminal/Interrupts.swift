#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGINT, SIGTERM and SIGHUP so the session can save and say goodbye instead of dying.
///
/// The handler also writes a byte to a pipe, and every wait for input polls that pipe beside the
/// input (the self-pipe trick). Checking a flag and then calling read(2) leaves a gap: a Ctrl-C
/// that lands between the two would go unseen until the next keystroke.
enum Interrupts {
    nonisolated(unsafe) private static var interrupts: Int32 = 0
    nonisolated(unsafe) private static var terminations: Int32 = 0
    /// Read and write ends of the wake-up pipe; -1 until `install()`.
    nonisolated(unsafe) private static var wake: (read: Int32, write: Int32) = (-1, -1)

    static func install() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
            wake = (ends[0], ends[1])
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            let saved = errno
            if signal == SIGINT { Interrupts.interrupts &+= 1 } else { Interrupts.terminations &+= 1 }
            var byte: UInt8 = 1
            if Interrupts.wake.write >= 0 { _ = Glibc.write(Interrupts.wake.write, &byte, 1) }
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns, so the interrupt is seen at once
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
        // Past a file-size limit, a write should fail with EFBIG (reported, answer kept) rather than kill us.
        signal(SIGXFSZ, SIG_IGN)
        // A parent may have started us with these signals blocked (the mask is inherited); unblock them.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGHUP)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Whether Ctrl-C was pressed since the last call.
    static func take() -> Bool {
        guard interrupts > 0 else { return false }
        interrupts = 0
        return true
    }

    /// Whether the process was asked to end (SIGTERM, SIGHUP).
    static var terminating: Bool { terminations > 0 }

    /// Whether a signal is waiting to be looked at.
    static var pending: Bool { interrupts > 0 || terminations > 0 }

    /// Waits until `descriptor` has input (true) or a signal arrives (false).
    static func waitForInput(on descriptor: Int32) -> Bool {
        while true {
            if pending { return false }
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, wake.read >= 0 ? 2 : 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return true  // let the read itself report the problem
            }
            if fds.count > 1, fds[1].revents != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                while Glibc.read(wake.read, &drain, drain.count) > 0 {}
            }
            if pending { return false }
            // Ready, closed (POLLHUP) or in error: read(2) tells which.
            if fds[0].revents != 0 { return true }
        }
    }
}
