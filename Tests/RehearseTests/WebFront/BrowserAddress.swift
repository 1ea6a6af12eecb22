import HTTPTypes
import Hummingbird
import WebFront

/// Gives each request the `Host` a browser sends to the server on port 8080 (HummingbirdTesting
/// sends "localhost" with no port); a test that wants another sends `X-Test-Host`.
struct BrowserAddress<Context: RequestContext>: RouterMiddleware {
    static var testHost: HTTPField.Name { HTTPField.Name("X-Test-Host")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var head = request.head
        head.authority = request.headers[Self.testHost] ?? "localhost:8080"
        return try await next(Request(head: head, body: request.body), context)
    }
}

extension WebServer {
    /// The server's routes as a browser on port 8080 reaches them.
    var testRouter: Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: BrowserAddress())
        addRoutes(to: router)
        return router
    }

    /// The cookie the first visit sets.
    var testCookie: String { "rehearse_key_8080=\(token.value)" }
}
