/// Recursive-descent parser for conditions; see `Condition` for the grammar.
package struct ConditionParser {
    package enum Token: Equatable {
        case name(String)
        case number(Double)
        case text(String)
        case op(String)
        case open, close
        case end
    }

    private var tokens: [(token: Token, range: Range<Int>)] = []
    private var position = 0
    /// Parentheses and `not`s open at the moment; bounded so a hostile file cannot exhaust the stack.
    private var depth = 0
    package static let maximumDepth = 64
    /// Words, values and operators in one condition; far beyond any real condition, and it bounds the
    /// recursion of checking and evaluating the tree.
    package static let maximumTokens = 1_000
    private let source: [Unicode.Scalar]

    package init(_ text: String) {
        source = Array(text.unicodeScalars)
    }

    package mutating func parse() throws -> ConditionExpression {
        tokens = try tokenize()
        // The last token marks the end; it is not one of the condition's own.
        if tokens.count - 1 > Self.maximumTokens {
            throw ConditionError(
                "the condition is too long (\(tokens.count - 1) words and symbols; at most \(Self.maximumTokens / 1_000),\(String(Self.maximumTokens % 1_000 + 1_000).dropFirst()) are allowed); split it into simpler probes or branches",
                at: 0..<source.count)
        }
        if tokens.count == 1 {
            throw ConditionError("the condition is empty; write one such as `not star.result`", at: 0..<source.count)
        }
        let expression = try parseOr()
        guard case .end = current.token else {
            throw ConditionError("unexpected \(describe(current.token)); expected 'and', 'or' or the end of the condition", at: current.range)
        }
        return expression
    }

    // MARK: Grammar

    private var current: (token: Token, range: Range<Int>) { tokens[position] }

    private mutating func take() -> (token: Token, range: Range<Int>) {
        defer { position = min(position + 1, tokens.count - 1) }
        return tokens[position]
    }

    private mutating func parseOr() throws -> ConditionExpression {
        var lhs = try parseAnd()
        while current.token == .name("or") {
            _ = take()
            lhs = .or(lhs, try parseAnd())
        }
        return lhs
    }

    private mutating func parseAnd() throws -> ConditionExpression {
        var lhs = try parseNot()
        while current.token == .name("and") {
            _ = take()
            lhs = .and(lhs, try parseNot())
        }
        return lhs
    }

    private mutating func enter(_ range: Range<Int>) throws {
        depth += 1
        if depth > Self.maximumDepth {
            throw ConditionError("the condition nests more than \(Self.maximumDepth) levels deep; simplify it", at: range)
        }
    }

    private mutating func parseNot() throws -> ConditionExpression {
        if current.token == .name("not") {
            let start = take().range.lowerBound
            try enter(start..<start + 3)
            defer { depth -= 1 }
            let operand = try parseNot()
            return .not(operand, start..<operand.range.upperBound)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> ConditionExpression {
        let lhs = try parsePrimary()
        if case .op(let symbol) = current.token, let op = ComparisonOperator(rawValue: symbol) {
            let operatorRange = take().range
            let rhs = try parsePrimary()
            if case .op(let next) = current.token, ComparisonOperator(rawValue: next) != nil {
                throw ConditionError("comparisons cannot be chained; join them with 'and'", at: current.range)
            }
            return .compare(lhs, op, rhs, operatorRange: operatorRange)
        }
        return lhs
    }

    private mutating func parsePrimary() throws -> ConditionExpression {
        let (token, range) = take()
        switch token {
        case .number(let value): return .literal(.number(value), range)
        case .text(let value): return .literal(.text(value), range)
        case .name("true"): return .literal(.bool(true), range)
        case .name("false"): return .literal(.bool(false), range)
        case .name(let keyword) where ["and", "or", "not"].contains(keyword):
            throw ConditionError("expected a feature or value before '\(keyword)'", at: range)
        case .name(let name): return .feature(name, range)
        case .open:
            try enter(range)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard current.token == .close else {
                throw ConditionError("missing ')' to close the '(' at column \(range.lowerBound + 1) of the condition", at: current.range)
            }
            _ = take()
            return inner
        case .close: throw ConditionError("unexpected ')'", at: range)
        case .op(let symbol): throw ConditionError("expected a feature or value before '\(symbol)'", at: range)
        case .end: throw ConditionError("the condition ends too early; expected a feature or value", at: range)
        }
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .name(let name): "'\(name)'"
        case .number(let value): "number \(FeatureValue.number(value))"
        case .text(let text): "'\(text)'"
        case .op(let symbol): "'\(symbol)'"
        case .open: "'('"
        case .close: "')'"
        case .end: "end of condition"
        }
    }

    // MARK: Tokens

    private func tokenize() throws -> [(token: Token, range: Range<Int>)] {
        var result: [(token: Token, range: Range<Int>)] = []
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c.isLetter || c == "_" }
        func isNamePart(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) || c == "." }
        while i < source.count {
            let c = source[i]
            let start = i
            if c.isSpace {
                i += 1
            } else if isNameStart(c) {
                // Ids may contain '-' (`competency.integrated-care`, `mentions.deferred-911`): the
                // grammar has no subtraction, so a '-' between a name and a letter or digit joins them.
                while i < source.count,
                    isNamePart(source[i]) || (source[i] == "-" && i + 1 < source.count && isNamePart(source[i + 1]) && source[i + 1] != ".")
                { i += 1 }
                var name = String(String.UnicodeScalarView(source[start..<i]))
                if name.hasSuffix(".") {
                    throw ConditionError("a feature name cannot end with '.'", at: start..<i)
                }
                if ["AND", "OR", "NOT", "And", "Or", "Not", "TRUE", "FALSE", "True", "False"].contains(name) {
                    name = name.lowercased()
                }
                result.append((.name(name), start..<i))
            } else if ("0"..."9").contains(c) || (c == "-" && i + 1 < source.count && ("0"..."9").contains(source[i + 1])) {
                i += 1
                while i < source.count, ("0"..."9").contains(source[i]) || source[i] == "." { i += 1 }
                let text = String(String.UnicodeScalarView(source[start..<i]))
                guard let value = Double(text) else { throw ConditionError("'\(text)' is not a number", at: start..<i) }
                result.append((.number(value), start..<i))
            } else if c == "'" || c == "\"" {
                i += 1
                while i < source.count, source[i] != c { i += 1 }
                guard i < source.count else {
                    throw ConditionError("text starting here has no closing \(c)", at: start..<start + 1)
                }
                result.append((.text(String(String.UnicodeScalarView(source[start + 1..<i]))), start..<i + 1))
                i += 1
            } else if c == "(" {
                result.append((.open, start..<i + 1))
                i += 1
            } else if c == ")" {
                result.append((.close, start..<i + 1))
                i += 1
            } else {
                let two = i + 1 < source.count ? String(String.UnicodeScalarView([c, source[i + 1]])) : ""
                switch two {
                case "==", "!=", "<=", ">=":
                    result.append((.op(two), start..<i + 2))
                    i += 2
                    continue
                case "&&": throw ConditionError("write 'and' instead of '&&'", at: start..<i + 2)
                case "||": throw ConditionError("write 'or' instead of '||'", at: start..<i + 2)
                default: break
                }
                switch c {
                case "<", ">":
                    result.append((.op(String(c)), start..<i + 1))
                    i += 1
                case "=": throw ConditionError("write '==' to compare", at: start..<i + 1)
                case "!": throw ConditionError("write 'not' instead of '!'", at: start..<i + 1)
                default: throw ConditionError("unexpected character '\(c)'", at: start..<i + 1)
                }
            }
        }
        result.append((.end, source.count..<source.count))
        return result
    }
}
