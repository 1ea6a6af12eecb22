import FoundationEssentials
import Hummingbird
import InterviewKit
import Logging
import NIOCore

/// The browser front's server: the page and its JSON API, behind the access guard, on one
/// address. `rehearse serve` runs it; tests drive `application()` through HummingbirdTesting.
public struct WebServer: Sendable {
    public let host: String
    public let port: Int
    public let token: AccessToken
    public let hosts: AllowedHosts
    let library: any InterviewLibrary
    let interviews: OpenInterviews
    let pool: SessionPool

    /// - Parameter port: 0 for any free port (the address printed says which).
    public init(library: any InterviewLibrary, host: String = "127.0.0.1", port: Int = 0, token: AccessToken = .random(), interviewLimit: Int = 1_000) {
        self.library = library
        self.host = host
        self.port = port
        self.token = token
        hosts = AllowedHosts(host: host, port: port == 0 ? nil : port)
        interviews = OpenInterviews(limit: interviewLimit)
        pool = SessionPool()
    }

    public var router: Router<BasicRequestContext> {
        let router = Router()
        addRoutes(to: router)
        return router
    }

    /// The guard and every route, after what `router` has already (tests put a middleware first
    /// that gives requests the address a browser would).
    public func addRoutes(to router: Router<BasicRequestContext>) {
        router.add(middleware: AccessGuard(token: token, hosts: hosts))
        APIRoutes(library: library, interviews: interviews, pool: pool).add(to: router)
        PageRoutes(library: library, pool: pool).add(to: router)
    }

    /// The application, listening once run; `onListening` gets the address to open (token included).
    public func application(onListening: @escaping @Sendable (String) async -> Void = { _ in }) -> some ApplicationProtocol {
        let hosts = self.hosts, token = self.token, host = self.host
        var logger = Logger(label: "rehearse-serve")
        logger.logLevel = .error
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                hosts.listening(on: bound)
                let shown = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? "127.0.0.1" : host)
                await onListening("http://\(shown):\(bound)/?token=\(token.value)")
            },
            logger: logger)
    }

    /// Every interview still going is stopped (its answers are already saved), so that it can be
    /// continued later from its transcript.
    public func stopInterviews(because reason: String) {
        interviews.stopAll(because: reason)
    }
}
