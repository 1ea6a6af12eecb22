import Foundation
import Testing
@testable import SystemIO

/// The one process spawner: what the child is given, how it ends, and why it did not start.
@Suite struct ProcessSpawnerTests {
    /// Runs `script` under /bin/sh with the spawner's other settings, and returns what it printed.
    private func shellOutput(_ script: String, ownProcessGroup: Bool = false, defaultSignals: [Int32] = [], emptySignalMask: Bool = false) throws -> String {
        let pipe = try ProcessSpawner.makePipe(for: "/bin/sh")
        defer { close(pipe.read) }
        let pid: pid_t
        do {
            pid = try ProcessSpawner.spawn(
                "/bin/sh", ["-c", script], standardInput: .file("/dev/null", flags: O_RDONLY), standardOutput: .descriptor(pipe.write),
                ownProcessGroup: ownProcessGroup, defaultSignals: defaultSignals, emptySignalMask: emptySignalMask)
        } catch {
            close(pipe.write)
            throw error
        }
        close(pipe.write)
        let output = FileHandle(fileDescriptor: pipe.read, closeOnDealloc: false).readDataToEndOfFile()
        #expect(ChildExit(waitStatus: ProcessSpawner.waitForExit(pid)) == .exited(0))
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aRunGetsItsInputAndGivesBackOutputErrorsAndExit() throws {
        let input = Array(String(repeating: "a line of input\n", count: 20_000).utf8)
        let run = try ProcessSpawner.run("/bin/sh", ["-c", "cat; echo 'went wrong' >&2; exit 3"], input: input)
        #expect(run.output == input)
        #expect(run.errors == Array("went wrong\n".utf8))
        #expect(run.exit == .exited(3))
        #expect(run.exit.shellStatus == 3)
    }

    @Test func aProgramKilledBySignalSaysWhich() throws {
        // SIGKILL: a worker thread's signal mask, which the child inherits, may block SIGTERM.
        let run = try ProcessSpawner.run("/bin/sh", ["-c", "kill -KILL $$"], input: [])
        #expect(run.exit == .killed(signal: SIGKILL))
        #expect(run.exit.shellStatus == 137)
    }

    @Test func aProgramThatCannotStartIsNamedWithTheSystemsReason() {
        #expect(throws: SpawnError(path: "/nonexistent/dot", code: ENOENT)) {
            try ProcessSpawner.run("/nonexistent/dot", ["-Tsvg"], input: Array("digraph {}".utf8))
        }
        #expect(SpawnError(path: "/nonexistent/dot", code: ENOENT).description == "cannot start /nonexistent/dot: No such file or directory")
        #expect(SpawnError(path: "/x", code: EACCES).reason == "Permission denied")
    }

    @Test func aFileThatCannotBeOpenedForTheChildStopsTheStart() {
        #expect(throws: SpawnError(path: "/bin/true", code: ENOENT)) {
            try ProcessSpawner.spawn("/bin/true", [], standardInput: .file("/nonexistent/input", flags: O_RDONLY))
        }
    }

    /// /proc/PID/stat's first and fifth fields are the process id and its group's.
    @Test func aChildLeadsItsOwnProcessGroupOnlyWhenAsked() throws {
        let own = try shellOutput("exec cut -d ' ' -f 1,5 /proc/self/stat", ownProcessGroup: true).split(separator: " ")
        #expect(own.count == 2 && own[0] == own[1])
        let shared = try shellOutput("exec cut -d ' ' -f 5 /proc/self/stat")
        #expect(shared == "\(getpgrp())")
    }

    /// SIGPIPE (signal 13, bit 12 of /proc's SigIgn mask) stays ignored in the child unless reset.
    /// The masks are read by sed itself, which inherits them through exec: a shell blocks every
    /// signal while it waits for a command, so its own would mislead.
    @Test func ignoredSignalsAreResetWhenAsked() throws {
        signal(SIGPIPE, SIG_IGN)  // as every caller that talks to a child through pipes does
        func ignoresSIGPIPE(_ mask: String) -> Bool { (UInt64(mask, radix: 16) ?? 0) & (1 << (UInt64(SIGPIPE) - 1)) != 0 }
        let inherited = try shellOutput("exec sed -n 's/^SigIgn:\\t//p' /proc/self/status")
        #expect(ignoresSIGPIPE(inherited))
        let reset = try shellOutput("exec sed -n 's/^SigIgn:\\t//p' /proc/self/status", defaultSignals: [SIGPIPE])
        #expect(!ignoresSIGPIPE(reset))
    }

    /// The mask is the spawning thread's; this test blocks SIGUSR1 on its own thread, then puts it back.
    /// (A worker thread may block more, which the child inherits too.)
    @Test func theSignalMaskIsEmptiedWhenAsked() throws {
        var block = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGUSR1)
        var saved = sigset_t()
        pthread_sigmask(SIG_BLOCK, &block, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        let script = "exec sed -n 's/^SigBlk:\\t//p' /proc/self/status"
        func blocksSIGUSR1(_ mask: String) -> Bool { (UInt64(mask, radix: 16) ?? 0) & (1 << (UInt64(SIGUSR1) - 1)) != 0 }
        #expect(blocksSIGUSR1(try shellOutput(script)))
        #expect(try shellOutput(script, emptySignalMask: true) == "0000000000000000")
    }
}
