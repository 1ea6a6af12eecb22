/// A compiled condition from a scenario's `when` attribute, such as
/// `followup == 'example' or (star.action and not star.result)`.
///
/// Grammar (lowest precedence first):
/// ```
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | compare
/// compare := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
/// primary := NUMBER | 'text' | "text" | true | false | NAME | "(" or ")"
/// ```
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    /// The condition as written.
    public let source: String
    package let root: ConditionExpression

    package init(source: String, root: ConditionExpression) {
        self.source = source
        self.root = root
    }

    /// Parses and type-checks `source` against the features in `catalog`.
    public static func compile(_ source: String, catalog: FeatureCatalog) -> Result<Condition, ConditionError> {
        do {
            var parser = ConditionParser(source)
            let root = try parser.parse()
            let type = try root.check(in: catalog)
            guard type == .bool else {
                return .failure(
                    ConditionError(
                        "a condition must be true or false, but this is \(type.description); compare it, e.g. `\(source.trimmed) > 0`",
                        at: root.range))
            }
            return .success(Condition(source: source, root: root))
        } catch let error as ConditionError {
            return .failure(error)
        } catch {
            return .failure(ConditionError("\(error)", at: 0..<0))
        }
    }

    public var description: String { source.foldingWhitespace }

    /// Feature names the condition reads, in order of first use.
    public var referencedFeatures: [String] {
        var names: [String] = []
        root.collectFeatures(into: &names)
        return names
    }

    /// The text `feature` must equal for the condition to hold, when the condition says so outright:
    /// `feature == 'x'`, alone or as one side of an `and`. Nil when it can hold with other values.
    public func requiredText(of feature: String) -> String? {
        root.requiredText(of: feature)
    }

    /// Whether the condition holds. A feature with no value makes a comparison false.
    public func evaluate(_ value: (String) -> FeatureValue?) -> Bool {
        root.evaluate(value).boolValue ?? false
    }
}

/// A problem in a condition, with the range of Unicode scalars it concerns.
public struct ConditionError: Error, Sendable, Hashable {
    public var message: String
    public var range: Range<Int>

    package init(_ message: String, at range: Range<Int>) {
        self.message = message
        self.range = range
    }
}
