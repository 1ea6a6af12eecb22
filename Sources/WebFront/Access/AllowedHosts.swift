import Synchronization

/// The `Host` values a request may carry: a loopback name, or the host given with `--host`, with
/// the port the server is bound to (known once it is listening). A page on another site that
/// points its own name at 127.0.0.1 (DNS rebinding) sends its own name, and is refused. Browsers
/// always send the port here, since it is never the default.
public final class AllowedHosts: Sendable {
    private let names: [String]
    /// Listening on every address (`0.0.0.0`, `::`): any address written as digits is allowed
    /// too (a rebinding page cannot send one: its Host is the name it made resolve here).
    private let anyAddress: Bool
    private let port = Mutex<Int?>(nil)

    public init(host: String, port: Int?) {
        var names = ["127.0.0.1", "localhost", "[::1]"]
        let bare = host.hasPrefix("[") ? host : (host.contains(":") ? "[\(host)]" : host)
        if !names.contains(bare.lowercased()) { names.append(bare.lowercased()) }
        self.names = names
        anyAddress = host == "0.0.0.0" || host == "::" || host == "[::]"
        self.port.withLock { $0 = port }
    }

    /// Called once the server listens, with the port it got.
    public func listening(on port: Int) {
        self.port.withLock { $0 = port }
    }

    public var boundPort: Int? { port.withLock { $0 } }

    /// Whether `host` (a `Host` header: a name or address, a colon and the port) is one this
    /// server answers to.
    public func allows(_ host: String?) -> Bool {
        guard let host, let port = boundPort, let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") else { return false }
        guard host[host.index(after: colon)...] == "\(port)" else { return false }
        let name = host[..<colon].lowercased()
        if names.contains(name) { return true }
        return anyAddress && Self.isAddressLiteral(name)
    }

    /// `192.168.1.20` or `[fe80::1]`: digits and dots, or hex digits and colons in brackets.
    static func isAddressLiteral(_ name: String) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") {
            let inside = name.dropFirst().dropLast()
            return !inside.isEmpty && inside.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part)! <= 255 }
    }
}
