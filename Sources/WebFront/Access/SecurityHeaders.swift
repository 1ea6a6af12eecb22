import HTTPTypes
import Hummingbird

/// The headers every response carries: only the page's own scripts and styles may run, nothing
/// is framed, nothing is cached, no address leaks in a referrer.
enum SecurityHeaders {
    /// Inline styles are allowed for the replay and progress pages (made by Rehearse, every text
    /// in them escaped); scripts only from this server.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func add(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
    }
}
