/// Where a JSON text first breaks the grammar, and how, so that a hand-written file (a scenario
/// test, a labelled answer) is reported at its line and column instead of as "not JSON".
package enum JSONSyntax {
    package struct Problem: Sendable, Equatable {
        /// 1-based, in lines of the text.
        package var line: Int
        /// 1-based, in Unicode scalars of the line.
        package var column: Int
        package var message: String
    }

    /// Nesting deeper than this is reported rather than followed.
    static let maximumDepth = 512

    /// The first problem in `bytes`, or nil when they are one JSON value (with blanks around it).
    package static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var checker = Checker(bytes: bytes)
        guard let (offset, message) = checker.check() else { return nil }
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Problem(line: line, column: column, message: message)
    }

    private struct Checker {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // A byte order mark, as some editors write, is not part of the text.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        typealias Failure = (offset: Int, message: String)

        mutating func check() -> Failure? {
            skipBlanks()
            if let failure = value(depth: 0) { return failure }
            skipBlanks()
            return index < bytes.count ? (index, "unexpected \(describe(index)) after the end of the JSON value") : nil
        }

        private func describe(_ at: Int) -> String {
            guard at < bytes.count else { return "end of file" }
            let byte = bytes[at]
            return byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        }

        private mutating func skipBlanks() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        private mutating func value(depth: Int) -> Failure? {
            guard depth < JSONSyntax.maximumDepth else { return (index, "nested more than \(JSONSyntax.maximumDepth) deep") }
            guard index < bytes.count else { return (index, "a value is missing at the end of the file") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return (index, "expected a value (a string, number, object, list, true, false or null), found \(describe(index))")
            }
        }

        private mutating func container(close: UInt8, depth: Int, keyed: Bool) -> Failure? {
            index += 1
            skipBlanks()
            if index < bytes.count && bytes[index] == close {
                index += 1
                return nil
            }
            while true {
                skipBlanks()
                if keyed {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                        return (index, "expected a key in double quotes, found \(describe(index))")
                    }
                    if let failure = string() { return failure }
                    skipBlanks()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        return (index, "expected ':' after the key, found \(describe(index))")
                    }
                    index += 1
                    skipBlanks()
                }
                if let failure = value(depth: depth + 1) { return failure }
                let end = index
                skipBlanks()
                guard index < bytes.count else { return (index, "the file ends before the closing '\(Character(Unicode.Scalar(close)))'") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipBlanks()
                    if index < bytes.count && bytes[index] == close { return (index, "a comma before '\(Character(Unicode.Scalar(close)))' (JSON allows no trailing comma)") }
                    continue
                }
                if bytes[index] == close {
                    index += 1
                    return nil
                }
                // The usual slip: a comma left out at the end of the line before.
                return (end, "expected ',' or '\(Character(Unicode.Scalar(close)))' here, found \(describe(index)); is a comma missing?")
            }
        }

        private mutating func string() -> Failure? {
            let start = index
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return nil
                case UInt8(ascii: "\\"):
                    index += 2
                case 0x00..<0x20:
                    return (index, bytes[index] == 0x0A ? "a line break inside a string (write \\n, or close the string)" : "a control character inside a string")
                default:
                    index += 1
                }
            }
            return (start, "this string is not closed")
        }

        private mutating func literal(_ word: String) -> Failure? {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                return (index, "expected a value, found \(describe(index)) (strings go in double quotes)")
            }
            index += expected.count
            return nil
        }

        private mutating func number() -> Failure? {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            var digits = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[index]) {
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { digits += 1 }
                index += 1
            }
            return digits == 0 ? (start, "a number has no digits") : nil
        }
    }
}
