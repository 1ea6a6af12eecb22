/// The value of one analysis feature: a yes/no finding, a number, or one of a set of words.
public enum FeatureValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case text(String)

    public var description: String {
        switch self {
        case .bool(let value): String(value)
        case .number(let value):
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .text(let value): value
        }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}

extension FeatureValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value && abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .text(let value): try container.encode(value)
        }
    }
}

/// The type of a feature, as declared by the analyzer that provides it.
public enum FeatureType: Sendable, Hashable, CustomStringConvertible {
    case bool
    case number
    /// A word from a fixed set, such as a recommended follow-up.
    case choice([String])

    public var description: String {
        switch self {
        case .bool: "a yes/no value"
        case .number: "a number"
        case .choice(let values): "one of " + values.map { "'\($0)'" }.joined(separator: ", ")
        }
    }
}

/// A feature an analyzer promises to provide for every answer.
public struct FeatureDescriptor: Sendable, Hashable {
    /// Namespaced name, e.g. `star.result`.
    public var name: String
    public var type: FeatureType
    /// One line for authors: what the feature means.
    public var summary: String

    public init(_ name: String, _ type: FeatureType, _ summary: String) {
        self.name = name
        self.type = type
        self.summary = summary
    }
}
