import InterviewCore
import FoundationEssentials

/// A JSON value of any shape, for files whose fields are checked one at a time, each with a message
/// of its own (scenario tests, labelled answers, a damaged transcript line).
package enum JSONValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    /// Whole numbers that fit, kept exact (seeds are 64-bit).
    case unsigned(UInt64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .unsigned(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value a JSON text holds, or nil when it is not JSON.
    package static func parse(_ bytes: some Sequence<UInt8>) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    package subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { fields[key] } else { nil }
    }

    package var object: [String: JSONValue]? {
        if case .object(let fields) = self { fields } else { nil }
    }

    package var array: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    package var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    package var bool: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    package var unsigned: UInt64? {
        if case .unsigned(let number) = self { number } else { nil }
    }
}
