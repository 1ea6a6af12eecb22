import InterviewCore
import FoundationEssentials
import Synchronization
import SystemIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A child process spoken to in lines over its stdin and stdout, with every wait bounded by a deadline.
/// Its stderr goes to a log file. Owned: `stop()` (or deinit) closes its input, then kills and reaps it.
final class PluginProcess {
    enum Failure: Error, Equatable {
        case timedOut
        /// The plugin closed its output, usually because it exited or crashed.
        case closed(String)
        case tooLong
        case io(String)
    }

    /// Longest line accepted from a plugin: evidence for a 1 MB answer fits; a runaway plugin does not fill memory.
    static let maximumLine = 4 << 20

    let pid: pid_t
    private var input: Int32
    private var output: Int32
    private var pending: [UInt8] = []
    private var running = true

    /// Starts `arguments[0]` (a path) with the rest as its arguments.
    init(arguments: [String], stderrTo log: Int32) throws(Failure) {
        // A plugin that dies while we write to it must not take Rehearse down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // To the plugin and from it, each as (read, write); close-on-exec, so that a plugin started
        // later does not inherit this one's pipes. Every end is closed if it cannot start.
        var pipes: [(read: Int32, write: Int32)] = []
        let child: pid_t
        do throws(SpawnError) {
            for _ in 0..<2 { pipes.append(try ProcessSpawner.makePipe(for: arguments[0])) }
            child = try ProcessSpawner.spawn(
                arguments[0], Array(arguments.dropFirst()),
                standardInput: .descriptor(pipes[0].read), standardOutput: .descriptor(pipes[1].write), standardError: .descriptor(log),
                // Its own process group: a Ctrl-C meant for the interview does not reach the plugin.
                ownProcessGroup: true,
                // Default signal handling in the child, whatever Rehearse ignores or catches.
                defaultSignals: [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGXFSZ], emptySignalMask: true)
        } catch {
            for ends in pipes { close(ends.read); close(ends.write) }
            throw .io(error.reason)
        }
        let (toChild, fromChild) = (pipes[0], pipes[1])
        close(toChild.read)
        close(fromChild.write)
        pid = child
        input = toChild.write
        output = fromChild.read
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
        Self.track(child)
    }

    deinit { stop() }

    /// Writes one line (a newline is added), waiting at most until `deadline` for the plugin to take it.
    func send(_ line: [UInt8], deadline: Deadline) throws(Failure) {
        let bytes = line + [UInt8(ascii: "\n")]
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written >= 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN: try wait(for: input, events: Int16(POLLOUT), until: deadline)
            case EPIPE: throw .closed("it stopped reading its input")
            default: throw .io(Self.errorText())
            }
        }
    }

    /// Reads one line (without its newline), waiting at most until `deadline`.
    func receive(deadline: Deadline) throws(Failure) -> [UInt8] {
        var searched = 0
        while true {
            if let newline = pending[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            searched = pending.count
            guard pending.count <= Self.maximumLine else { throw .tooLong }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count > 0 {
                pending += buffer[..<count]
            } else if count == 0 {
                throw .closed(exitDescription())
            } else if errno == EAGAIN {
                try wait(for: output, events: Int16(POLLIN), until: deadline)
            } else if errno != EINTR {
                throw .io(Self.errorText())
            }
        }
    }

    /// Closes the plugin's input (a well-behaved plugin exits on end of input), then kills its
    /// whole process group (children it started, and the plugin too if it is still running) and
    /// reaps it.
    func stop() {
        guard running else { return }
        running = false
        close(input)
        close(output)
        // A short grace period for a clean exit; then no more waiting.
        for _ in 0..<20 {
            if hasExited() { break }
            usleep(5_000)
        }
        killGroupAndReap()
    }

    /// Whether the plugin has exited, without reaping it: while it is unreaped its process id,
    /// which is also its group's, cannot be reused, so killing the group is safe.
    private func hasExited() -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// Kills the plugin's process group, then reaps the plugin; returns how it ended.
    @discardableResult
    private func killGroupAndReap() -> ChildExit {
        // The whole group: a wrapper's `sleep 333 &`, or a child the plugin forked, go too.
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        let status = ProcessSpawner.waitForExit(pid)
        Self.untrack(pid)
        return ChildExit(waitStatus: status)
    }

    /// Why the output closed: the exit status if the plugin has already exited (its group is
    /// killed then, as at `stop()`).
    private func exitDescription() -> String {
        var exited = false
        for _ in 0..<20 {
            exited = hasExited()
            if exited { break }
            usleep(5_000)
        }
        guard exited else { return "it closed its output" }
        running = false
        close(input)
        close(output)
        switch killGroupAndReap() {
        case .killed(let signal): return "it was killed by signal \(signal)"
        case .exited(let code): return "it exited with status \(code)"
        }
    }

    private func wait(for descriptor: Int32, events: Int16, until deadline: Deadline) throws(Failure) {
        while true {
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0 else { throw .timedOut }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min(remaining, Int(Int32.max))))
            if ready > 0 { return }
            if ready == 0 { throw .timedOut }
            if errno != EINTR { throw .io(Self.errorText()) }
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    // MARK: Plugins left at exit

    /// Plugins still running, killed (with their process groups) when Rehearse exits normally,
    /// and whether the exit hook that does so is installed.
    private static let live = Mutex<(pids: Set<pid_t>, hooked: Bool)>(([], false))

    private static func track(_ pid: pid_t) {
        let install = live.withLock { state -> Bool in
            state.pids.insert(pid)
            defer { state.hooked = true }
            return !state.hooked
        }
        if install { atexit { PluginProcess.killLive() } }
    }

    private static func untrack(_ pid: pid_t) {
        _ = live.withLock { $0.pids.remove(pid) }
    }

    private static func killLive() {
        for pid in live.withLock({ $0.pids }) {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
    }
}

/// A point in time to wait until, on the monotonic clock.
struct Deadline {
    let nanoseconds: UInt64

    init(secondsFromNow seconds: Double) {
        nanoseconds = Self.now() + UInt64(max(0, seconds) * 1e9)
    }

    var remainingMilliseconds: Int {
        let now = Self.now()
        return now >= nanoseconds ? 0 : Int((nanoseconds - now + 999_999) / 1_000_000)
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
