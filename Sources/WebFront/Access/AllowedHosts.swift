import Synchronization

/// The `Host` values a request may carry: the loopback names with the port the server is bound
/// to (known once it is listening), and the host given with `--host`. A page on another site
/// that points its own name at 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
public final class AllowedHosts: Sendable {
    private let names: [String]
    private let anyName: Bool
    private let port = Mutex<Int?>(nil)

    /// - Parameter host: the address the server listens on; the wildcard addresses accept any
    ///   name (the token still guards every request).
    public init(host: String, port: Int?) {
        var names = ["127.0.0.1", "localhost", "[::1]"]
        let bare = host.hasPrefix("[") ? host : (host.contains(":") ? "[\(host)]" : host)
        if !names.contains(bare) { names.append(bare) }
        self.names = names
        anyName = host == "0.0.0.0" || host == "::" || host == "[::]"
        self.port.withLock { $0 = port }
    }

    /// Called once the server listens, with the port it got.
    public func listening(on port: Int) {
        self.port.withLock { $0 = port }
    }

    public var boundPort: Int? { port.withLock { $0 } }

    /// Whether `host` (a `Host` header: a name, and the port unless it is the default) is one this
    /// server answers to. The name is what matters against rebinding: the attacker's page sends
    /// the attacker's name.
    public func allows(_ host: String?) -> Bool {
        guard let host, !host.isEmpty, let port = boundPort else { return false }
        var name = Substring(host)
        // "[::1]:8080", "localhost:8080", "localhost".
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") {
            guard host[host.index(after: colon)...] == "\(port)" else { return false }
            name = host[..<colon]
        }
        let lowered = name.lowercased()
        if anyName { return !lowered.contains("/") && !lowered.contains("@") }
        return names.contains(lowered)
    }
}
