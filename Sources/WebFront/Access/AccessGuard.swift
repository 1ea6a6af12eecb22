import FoundationEssentials
import Hummingbird

/// Lets through only requests from the person who started the server, at an address it answers
/// to, from its own page:
/// - the token in the printed address (`/?token=…`) becomes an HttpOnly, SameSite=Strict cookie
///   named for the port (two servers side by side keep their own), and every request must carry
///   it (401 without, 403 with another);
/// - `Host` must be an address the server answers to (`AllowedHosts`), and `Origin`, when sent
///   (browsers send it with every POST), the same address;
/// - every response, refusals and failures included, carries the security headers.
///
/// Browsers send a cookie for 127.0.0.1 to every port of it, so another program listening on
/// this machine's loopback that the browser is sent to could read the key; docs/web.md says so.
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    static func cookieName(port: Int?) -> String { "rehearse_key_\(port ?? 0)" }

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
        } catch is CancellationError {
            response = Refusal.response(.serviceUnavailable, "The server is stopping; every answer is saved. Start `rehearse serve` again to go on.")
        } catch {
            response = Refusal.response(.internalServerError, "Something went wrong on the server (\(error)); every answer given is saved. Reload the page to go on.")
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
            headers[.setCookie] = "\(Self.cookieName(port: hosts.boundPort))=\(token.value); Path=/; HttpOnly; SameSite=Strict"
            return Response(status: .seeOther, headers: headers)
        }
        guard let cookie = request.cookies[Self.cookieName(port: hosts.boundPort)]?.value else {
            return Refusal.response(.unauthorized, "Open the address `rehearse serve` printed: it holds the key to this server.")
        }
        guard token.matches(cookie) else {
            return Refusal.response(.forbidden, "This browser holds the key of another `rehearse serve`. Open the address this one printed.")
        }
        return try await next(request, context)
    }
}
