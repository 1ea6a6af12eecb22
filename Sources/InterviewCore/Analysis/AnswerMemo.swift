import Synchronization

/// Values worked out from one answer, each kept under its type and the answer it was made from,
/// so that analyzers of one set reading the same answer work it out once. A value made from
/// another answer is never returned: the answer is compared (in constant time when it is the same
/// string, as it is within a set).
public final class AnswerMemo: Sendable {
    private let values = Mutex<[ObjectIdentifier: (answer: String, value: any Sendable)]>([:])

    public init() {}

    /// The `Value` made from `answer`, made by `make` on first use.
    public func value<Value: Sendable>(_ type: Value.Type = Value.self, for answer: String, make: () -> Value) -> Value {
        let key = ObjectIdentifier(type)
        if let found = values.withLock({ $0[key] }), found.answer == answer, let value = found.value as? Value {
            return value
        }
        let value = make()
        values.withLock { $0[key] = (answer, value) }
        return value
    }
}
