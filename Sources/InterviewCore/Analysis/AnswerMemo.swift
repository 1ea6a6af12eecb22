import Synchronization

/// A value worked out from one answer, kept under its type and the answer it was made from, so
/// that the analyzers of one set reading the same answer work it out once. A value made from
/// another answer, or of another type, is never returned: the answer is compared (in constant
/// time when it is the same string, as it is within a set). One value at a time: the built-ins
/// share one (their segmentation), and a second kind replaces the first.
public final class AnswerMemo: Sendable {
    private let entry = Mutex<(type: ObjectIdentifier, answer: String, box: AnyObject & Sendable)?>(nil)

    public init() {}

    /// The `Value` made from `answer`, made by `make` on first use.
    public func value<Value: Sendable>(_ type: Value.Type = Value.self, for answer: String, make: () -> Value) -> Value {
        let key = ObjectIdentifier(type)
        let found = entry.withLock { entry in entry.flatMap { $0.type == key && $0.answer == answer ? $0.box : nil } }
        // An entry under `Value`'s identifier holds a `Box<Value>`: the line below is its only writer.
        if let found { return unsafeDowncast(found, to: Box<Value>.self).value }
        let value = make()
        entry.withLock { $0 = (key, answer, Box(value)) }
        return value
    }

    private final class Box<Value: Sendable>: Sendable {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
