import FoundationEssentials
import Hummingbird

/// Lets through only requests from the person who started the server, at an address it answers
/// to, from its own page:
/// - the token in the printed address (`/?token=…`) becomes an HttpOnly, SameSite=Strict cookie,
///   and every request must carry it (401 without, 403 with another);
/// - `Host` must be an address the server answers to (`AllowedHosts`), and `Origin`, when sent
///   (browsers send it with every POST), the same address;
/// - every response, refusals included, carries the security headers.
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    static var cookieName: String { "rehearse_key" }

    let token: AccessToken
    let hosts: AllowedHosts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await check(request, context: context, next: next)
        } catch let refusal as Refusal {
            response = refusal.response
        } catch let error as any HTTPResponseError {
            // The router's own (no such route, wrong method), in the API's words.
            response = Refusal.response(error.status, error.status == .notFound ? "There is nothing at this address." : error.status.reasonPhrase)
        }
        SecurityHeaders.add(to: &response.headers)
        return response
    }

    private func check(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority
        guard hosts.allows(host) else {
            return Refusal.response(.misdirectedRequest, "This server answers only at the address it printed.")
        }
        if let origin = request.headers[.origin], origin != "http://\(host ?? "")" {
            return Refusal.response(.forbidden, "Requests from other sites are refused.")
        }
        // The printed address: its token becomes the cookie, and the address bar loses it.
        if request.uri.path == "/", let given = request.uri.queryParameters["token"].map(String.init) {
            guard token.matches(given) else {
                return Refusal.response(.forbidden, "This key is not the one `rehearse serve` printed. Open the address it printed, or start it again.")
            }
            var headers = HTTPFields()
            headers[.location] = "/"
            headers[.setCookie] = "\(Self.cookieName)=\(token.value); Path=/; HttpOnly; SameSite=Strict"
            return Response(status: .seeOther, headers: headers)
        }
        guard let cookie = request.cookies[Self.cookieName]?.value else {
            return Refusal.response(.unauthorized, "Open the address `rehearse serve` printed: it holds the key to this server.")
        }
        guard token.matches(cookie) else {
            return Refusal.response(.forbidden, "This browser holds the key of another `rehearse serve`. Open the address this one printed.")
        }
        return try await next(request, context)
    }
}
