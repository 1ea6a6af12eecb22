package enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    package var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// The syntax tree of a condition. Ranges are Unicode-scalar offsets into the source.
package indirect enum ConditionExpression: Sendable, Hashable {
    case literal(FeatureValue, Range<Int>)
    case feature(String, Range<Int>)
    case not(ConditionExpression, Range<Int>)
    case and(ConditionExpression, ConditionExpression)
    case or(ConditionExpression, ConditionExpression)
    case compare(ConditionExpression, ComparisonOperator, ConditionExpression, operatorRange: Range<Int>)

    package var range: Range<Int> {
        switch self {
        case .literal(_, let range), .feature(_, let range), .not(_, let range): range
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(let lhs, _, let rhs, _):
            lhs.range.lowerBound..<rhs.range.upperBound
        }
    }

    package func collectFeatures(into names: inout [String]) {
        switch self {
        case .literal: break
        case .feature(let name, _): if !names.contains(name) { names.append(name) }
        case .not(let operand, _): operand.collectFeatures(into: &names)
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(let lhs, _, let rhs, _):
            lhs.collectFeatures(into: &names)
            rhs.collectFeatures(into: &names)
        }
    }

    package func requiredText(of feature: String) -> String? {
        switch self {
        case .and(let lhs, let rhs):
            return lhs.requiredText(of: feature) ?? rhs.requiredText(of: feature)
        case .compare(.feature(let name, _), .equal, .literal(.text(let text), _), _) where name == feature,
            .compare(.literal(.text(let text), _), .equal, .feature(let name, _), _) where name == feature:
            return text
        default:
            return nil
        }
    }

    // MARK: Type checking

    package func check(in catalog: FeatureCatalog) throws -> FeatureType {
        switch self {
        case .literal(let value, _):
            switch value {
            case .bool: return .bool
            case .number: return .number
            case .text(let text): return .choice([text])
            }
        case .feature(let name, let range):
            guard let entry = catalog[name] else {
                let providers = catalog.providers.filter { $0 != "engine" }
                let inUse = providers.isEmpty ? "no analyzers" : "analyzers in use: " + providers.joined(separator: ", ")
                // A built-in left out of --analyzer: say which one to add, rather than guess at a typo.
                let namespace = name.split(separator: ".").first.map(String.init) ?? ""
                let hint = catalog.available.contains(namespace) && !providers.contains(namespace)
                    ? " The \(namespace) analyzer provides it; add '\(namespace)' to --analyzer."
                    : didYouMean(name, catalog.names)
                throw ConditionError("no analyzer in use provides the feature '\(name)' (\(inUse)).\(hint)", at: range)
            }
            return entry.descriptor.type
        case .not(let operand, let range):
            try expectBool(operand, catalog, "'not'")
            _ = range
            return .bool
        case .and(let lhs, let rhs):
            try expectBool(lhs, catalog, "'and'")
            try expectBool(rhs, catalog, "'and'")
            return .bool
        case .or(let lhs, let rhs):
            try expectBool(lhs, catalog, "'or'")
            try expectBool(rhs, catalog, "'or'")
            return .bool
        case .compare(let lhs, let op, let rhs, let operatorRange):
            // `followup == example`: a value written without its quotes reads as a feature's name.
            for (side, other) in [(rhs, lhs), (lhs, rhs)] {
                guard case .feature(let name, let range) = side, catalog[name] == nil,
                    case .feature(let featureName, _) = other, case .choice(let values)? = catalog[featureName]?.descriptor.type, values.contains(name)
                else { continue }
                throw ConditionError("'\(name)' is one of the values of '\(featureName)', not a feature: write it in quotes, \(featureName) \(op.rawValue) '\(name)'", at: range)
            }
            let left = try lhs.check(in: catalog)
            let right = try rhs.check(in: catalog)
            switch (left, right) {
            case (.number, .number):
                return .bool
            case (.bool, .bool):
                if op.isOrdering {
                    throw ConditionError("'\(op.rawValue)' compares numbers; yes/no values take '==' or '!='", at: operatorRange)
                }
                return .bool
            case (.choice(let a), .choice(let b)):
                if op.isOrdering {
                    throw ConditionError("'\(op.rawValue)' compares numbers; words take '==' or '!='", at: operatorRange)
                }
                try checkChoice(lhs, a, against: rhs, b)
                return .bool
            default:
                throw ConditionError(
                    "cannot compare \(left.description) with \(right.description)", at: lhs.range.lowerBound..<rhs.range.upperBound)
            }
        }
    }

    private func expectBool(_ operand: ConditionExpression, _ catalog: FeatureCatalog, _ what: String) throws {
        let type = try operand.check(in: catalog)
        guard type == .bool else {
            throw ConditionError("\(what) needs a yes/no value, but this is \(type.description)", at: operand.range)
        }
    }

    /// A word compared with a feature must be one the feature can take: catches `followup == 'exmaple'`.
    private func checkChoice(_ lhs: ConditionExpression, _ a: [String], against rhs: ConditionExpression, _ b: [String]) throws {
        for (literal, allowed) in [(rhs, a), (lhs, b)] {
            guard case .literal(.text(let word), let range) = literal else { continue }
            let other = literal == rhs ? lhs : rhs
            guard case .feature(let name, _) = other, !allowed.contains(word) else { continue }
            throw ConditionError(
                "'\(word)' is not a value of \(name), which is \(FeatureType.choice(allowed).description).\(didYouMean(word, allowed))",
                at: range)
        }
    }

    // MARK: Evaluation

    package func evaluate(_ value: (String) -> FeatureValue?) -> FeatureValue {
        switch self {
        case .literal(let literal, _): return literal
        case .feature(let name, _): return value(name) ?? .bool(false)
        case .not(let operand, _): return .bool(!(operand.evaluate(value).boolValue ?? false))
        case .and(let lhs, let rhs):
            return .bool((lhs.evaluate(value).boolValue ?? false) && (rhs.evaluate(value).boolValue ?? false))
        case .or(let lhs, let rhs):
            return .bool((lhs.evaluate(value).boolValue ?? false) || (rhs.evaluate(value).boolValue ?? false))
        case .compare(let lhs, let op, let rhs, _):
            let left = lhs.evaluate(value)
            let right = rhs.evaluate(value)
            switch (left, right) {
            case (.number(let a), .number(let b)):
                switch op {
                case .equal: return .bool(a == b)
                case .notEqual: return .bool(a != b)
                case .less: return .bool(a < b)
                case .lessOrEqual: return .bool(a <= b)
                case .greater: return .bool(a > b)
                case .greaterOrEqual: return .bool(a >= b)
                }
            case (.bool(let a), .bool(let b)):
                return .bool(op == .equal ? a == b : op == .notEqual ? a != b : false)
            case (.text(let a), .text(let b)):
                return .bool(op == .equal ? a == b : op == .notEqual ? a != b : false)
            default:
                return .bool(false)
            }
        }
    }
}
