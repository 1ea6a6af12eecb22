import ArgumentParser
import FoundationEssentials
import Glibc
import Hummingbird
import InterviewKit
import WebFront

extension Rehearse {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Practise in the browser: the same interviews, on a server on this machine.",
            discussion: """
                Prints an address to open in your browser; it holds a key, and only a browser that \
                opened it can use the server. The interviews, transcripts and history are those of \
                `rehearse run`. Ctrl-C stops the server; every answer given is already saved, and an \
                interview stopped this way is offered again the next time.
                """)

        @Option(help: ArgumentHelp("The port to listen on (default: any free one).", valueName: "n"))
        var port: Int = 0

        @Option(help: ArgumentHelp("The address to listen on. Anything but 127.0.0.1 lets other machines reach the server (the key still guards it).", valueName: "address"))
        var host: String = "127.0.0.1"

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535 (or 0 for any free port)") }
            guard !host.isEmpty else { throw ValidationError("--host needs an address, e.g. --host 127.0.0.1") }
        }

        /// Interviews that may be going at once: each holds its transcript open, and connections need
        /// descriptors too, so the limit follows the open-file limit (raised to its most first).
        static func interviewLimit() -> Int {
            var limits = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return 100 }
            if limits.rlim_cur < limits.rlim_max {
                var raised = limits
                raised.rlim_cur = limits.rlim_max
                if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limits = raised }
            }
            let descriptors = Int(clamping: min(limits.rlim_cur, 1 << 20))
            return max(10, min(1_000, (descriptors - 256) / 3))
        }

        func run() async throws {
            try await reportingFailures {
                if !["127.0.0.1", "localhost", "::1"].contains(host) {
                    printError("warning: listening on \(host): other machines that can reach it may try the server; only a browser with the printed address (its key) gets in, and traffic is not encrypted")
                }
                let analyzers = try analyzerOptions.resolve()
                let server = WebServer(
                    library: LocalInterviewLibrary(analyzerOptions: analyzerOptions, analyzers: analyzers), host: host, port: port,
                    interviewLimit: Self.interviewLimit())
                let app = server.application { address in
                    print("Rehearse is ready. Open this address in your browser (it holds the key to this server):")
                    print("  \(address)")
                    print("Press Ctrl-C to stop; every answer is saved as it is given.")
                    // A script or a test waiting for the address reads it now, not when a buffer fills.
                    fflush(nil)
                }
                do {
                    // A closed terminal (SIGHUP) stops it as Ctrl-C does: every open interview is stopped and saved.
                    try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint, .sighup])
                } catch {
                    throw CommandFailure.io("cannot serve on \(host):\(port): \(error); choose another --port, or leave it out for any free one")
                }
                server.stopInterviews(because: "the server was stopped")
                print("Stopped. Unfinished interviews can be continued from the start page, or with `rehearse run --resume`.")
            }
        }
    }
}
