import FoundationEssentials
import HTTPTypes
import Hummingbird
import InterviewKit

/// The headers every response carries: only the page's own scripts and styles may run, nothing
/// is framed, nothing is cached, no address leaks in a referrer.
public enum SecurityHeaders {
    /// Scripts and styles only from this server.
    static let contentSecurityPolicy = policy(styles: "'self'")

    /// For a document Rehearse writes whole (replay, progress): its own `<style>` blocks, named by
    /// their hashes, and nothing else; every text in it is escaped.
    public static func policy(forDocument html: String) -> String {
        policy(styles: styleBlocks(in: html).map { "'sha256-\(Data(SHA256.digest(Array($0.utf8))).base64EncodedString())'" }.joined(separator: " "))
    }

    private static func policy(styles: String) -> String {
        "default-src 'none'; script-src 'self'; style-src \(styles.isEmpty ? "'none'" : styles); img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// The text of each `<style>` element, as the browser hashes it.
    static func styleBlocks(in html: String) -> [Substring] {
        var blocks: [Substring] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>"), let close = rest[open.upperBound...].range(of: "</style>") {
            blocks.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return blocks
    }

    /// Adds the headers; a policy the route set for its document stays.
    static func add(to headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = contentSecurityPolicy }
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
    }
}
