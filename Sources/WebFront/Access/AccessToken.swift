/// The secret in the address `rehearse serve` prints: whoever has it may use this server, and
/// nobody else (other users of the machine, other sites in the browser).
public struct AccessToken: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// 32 random bytes, as 64 hex digits, from the system's cryptographically secure generator
    /// (the kernel's `getrandom` on Linux).
    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return AccessToken(value: bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
    }

    public init(value: String) {
        self.value = value
    }

    /// Whether `candidate` is this token, compared in time that does not depend on where they differ.
    public func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let expected = Array(value.utf8), given = Array(candidate.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    public var description: String { "AccessToken(…)" }
}
