#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGINT, SIGTERM and SIGHUP so the session can save and say goodbye instead of dying.
enum Interrupts {
    nonisolated(unsafe) private static var interrupts: Int32 = 0
    nonisolated(unsafe) private static var terminations: Int32 = 0

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            if signal == SIGINT { Interrupts.interrupts &+= 1 } else { Interrupts.terminations &+= 1 }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns, so the interrupt is seen at once
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
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
}
