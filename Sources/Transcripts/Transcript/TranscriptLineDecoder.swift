import InterviewCore
import FoundationEssentials

/// Decodes the usual transcript event lines straight from their bytes, about ten times cheaper
/// than `JSONDecoder`, whose generic Codable machinery was most of the time of reading a
/// transcript for re-analysis.
///
/// It handles every event Rehearse writes, and says nil to anything else: an unknown event type,
/// a repeated key, a field of the wrong type or null where a value is needed, a number that is
/// not a plain integer where one is expected, invalid JSON or UTF-8. The caller then decodes the line with `JSONDecoder`,
/// which also says what is wrong; so a line either decodes here to exactly what `JSONDecoder`
/// gives, or is left to it (checked against it by a unit test and by the fuzzer).
///
/// A second copy of the `Codable` schema, kept because it buys a target: replaying 1,000
/// transcripts with re-analysis at 5,000 a second (docs/performance.md). With `JSONDecoder` alone,
/// side by side on 2026-12-02, `rehearse test` on both cores did 0.60×–0.76× as many.
enum TranscriptLineDecoder {
    static func decode(_ line: ArraySlice<UInt8>) -> TranscriptEvent? {
        line.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            guard let event = scanner.event() else { return nil }
            scanner.skipSpace()
            return scanner.index == buffer.count ? event : nil
        }
    }

    /// The header line, on the same terms: what `JSONDecoder` gives, or nil for it to decide.
    static func decodeHeader(_ line: ArraySlice<UInt8>) -> TranscriptHeader? {
        line.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            guard let header = scanner.header() else { return nil }
            scanner.skipSpace()
            return scanner.index == buffer.count ? header : nil
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// Consumes `byte` (after any space) if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            index += count
            return true
        }

        mutating func null() -> Bool {
            skipSpace()
            return literal("null")
        }

        /// The members of an object, each handed to `member` with the scanner before its value;
        /// false for a repeated key, a malformed object, or when `member` says false.
        mutating func object(_ member: (inout Scanner, String) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            if take(UInt8(ascii: "}")) { return true }
            var seen: [String] = []
            repeat {
                skipSpace()
                guard let key = string(), !seen.contains(key), take(UInt8(ascii: ":")) else { return false }
                seen.append(key)
                guard member(&self, key) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        mutating func event() -> TranscriptEvent? {
            var type: TranscriptEvent.Kind?
            var time: Date?
            var fields = TranscriptEvent(.end, at: Date(timeIntervalSince1970: 0))
            let ok = object { scanner, key in
                switch key {
                case "type":
                    guard let text = scanner.nextString(), let kind = TranscriptEvent.Kind(rawValue: text) else { return false }
                    type = kind
                case "time":
                    guard let text = scanner.nextString(), let date = TranscriptCoding.parse(text) else { return false }
                    time = date
                case "question": return scanner.optional(&fields.question) { $0.nextString() }
                case "probe": return scanner.optional(&fields.probe) { $0.nextString() }
                case "text": return scanner.optional(&fields.text) { $0.nextString() }
                case "followup": return scanner.optional(&fields.followup) { $0.nextString() }
                case "explanation": return scanner.optional(&fields.explanation) { $0.nextString() }
                case "target": return scanner.optional(&fields.target) { $0.nextString() }
                case "number": return scanner.optional(&fields.number) { $0.integer() }
                case "kind": return scanner.optional(&fields.kind) { $0.nextString() }
                case "seconds": return scanner.optional(&fields.seconds) { $0.double() }
                case "completed": return scanner.optional(&fields.completed) { $0.bool() }
                case "reason": return scanner.optional(&fields.reason) { $0.reason() }
                case "features": return scanner.optional(&fields.features) { $0.featureValues() }
                case "evidence": return scanner.optional(&fields.evidence) { $0.evidence() }
                default:
                    return scanner.skipValue(depth: 0)
                }
                return true
            }
            guard ok, let type, let time else { return nil }
            fields.type = type
            fields.time = time
            return fields
        }

        /// Every field `TranscriptHeader` decodes is required except `max_probes` (and an
        /// analyzer's `command`); other keys are passed over, as `JSONDecoder` does.
        mutating func header() -> TranscriptHeader? {
            var type: String?
            var format: String?
            var version: String?
            var scenario: TranscriptHeader.ScenarioReference?
            var analyzers: [TranscriptHeader.AnalyzerReference]?
            var seed: UInt64?
            var maxProbes: Int?
            var question: String?
            var explain: Bool?
            var timeLimit: Double?
            var probes: Bool?
            var started: Date?
            let ok = object { scanner, key in
                switch key {
                case "type": type = scanner.nextString()
                case "format": format = scanner.nextString()
                case "version": version = scanner.nextString()
                case "scenario": scenario = scanner.scenarioReference()
                case "analyzers": analyzers = scanner.analyzerReferences()
                case "seed": seed = scanner.integer().flatMap { $0 >= 0 ? UInt64($0) : nil }
                case "max_probes": return scanner.optional(&maxProbes) { $0.integer() }
                case "question": return scanner.optional(&question) { $0.nextString() }
                case "explain": return scanner.optional(&explain) { $0.bool() }
                case "time_limit": return scanner.optional(&timeLimit) { $0.double() }
                case "probes": probes = scanner.bool()
                case "started": started = scanner.nextString().flatMap(TranscriptCoding.parse)
                default: return scanner.skipValue(depth: 0)
                }
                return true
            }
            guard ok, let type, let format, let version, let scenario, let analyzers, let seed, let probes, let started else { return nil }
            return TranscriptHeader(
                type: type, format: format, version: version, scenario: scenario, analyzers: analyzers, seed: seed, maxProbes: maxProbes,
                probes: probes, started: started, question: question, explain: explain, timeLimit: timeLimit)
        }

        mutating func scenarioReference() -> TranscriptHeader.ScenarioReference? {
            var id: String?
            var title: String?
            var version: String?
            var path: String?
            var sha256: String?
            let ok = object { scanner, key in
                switch key {
                case "id": id = scanner.nextString()
                case "title": title = scanner.nextString()
                case "version": version = scanner.nextString()
                case "path": path = scanner.nextString()
                case "sha256": sha256 = scanner.nextString()
                default: return scanner.skipValue(depth: 0)
                }
                return true
            }
            guard ok, let id, let title, let version, let path, let sha256 else { return nil }
            return TranscriptHeader.ScenarioReference(id: id, title: title, version: version, path: path, sha256: sha256)
        }

        mutating func analyzerReferences() -> [TranscriptHeader.AnalyzerReference]? {
            array { scanner in
                var id: String?
                var version: String?
                var command: String?
                let ok = scanner.object { scanner, key in
                    switch key {
                    case "id": id = scanner.nextString()
                    case "version": version = scanner.nextString()
                    case "command": return scanner.optional(&command) { $0.nextString() }
                    default: return scanner.skipValue(depth: 0)
                    }
                    return true
                }
                guard ok, let id, let version else { return nil }
                return TranscriptHeader.AnalyzerReference(id: id, version: version, command: command)
            }
        }

        mutating func reason() -> ReasonRecord? {
            var rule: String?
            var summary: String?
            var condition: String?
            var values: [String: FeatureValue]?
            let ok = object { scanner, key in
                switch key {
                case "rule":
                    rule = scanner.nextString()
                    return rule != nil
                case "summary":
                    summary = scanner.nextString()
                    return summary != nil
                case "condition": return scanner.optional(&condition) { $0.nextString() }
                case "values": return scanner.optional(&values) { $0.featureValues() }
                default: return scanner.skipValue(depth: 0)
                }
            }
            guard ok, let rule, let summary else { return nil }
            return ReasonRecord(rule: rule, summary: summary, condition: condition, values: values)
        }

        /// An object of feature values, as `FeatureValue` decodes them: a boolean, a number or a
        /// string (null is an error there, so nil here).
        mutating func featureValues() -> [String: FeatureValue]? {
            var values: [String: FeatureValue] = [:]
            let ok = object { scanner, key in
                scanner.skipSpace()
                guard scanner.index < scanner.bytes.count else { return false }
                switch scanner.bytes[scanner.index] {
                case UInt8(ascii: "\""):
                    guard let text = scanner.string() else { return false }
                    values[key] = .text(text)
                case UInt8(ascii: "t"), UInt8(ascii: "f"):
                    guard let value = scanner.bool() else { return false }
                    values[key] = .bool(value)
                default:
                    guard let value = scanner.double() else { return false }
                    values[key] = .number(value)
                }
                return true
            }
            return ok ? values : nil
        }

        mutating func evidence() -> [Evidence]? {
            array { scanner in
                var feature: String?
                var start: Int?
                var end: Int?
                var text: String?
                let ok = scanner.object { scanner, key in
                    switch key {
                    case "feature": feature = scanner.nextString()
                    case "text": text = scanner.nextString()
                    case "start": start = scanner.integer()
                    case "end": end = scanner.integer()
                    default: return scanner.skipValue(depth: 0)
                    }
                    return true
                }
                guard ok, let feature, let start, let end, let text else { return nil }
                return Evidence(feature: feature, start: start, end: end, text: text)
            }
        }

        /// A JSON array whose every element `element` reads; nil when one does not.
        mutating func array<Element>(_ element: (inout Scanner) -> Element?) -> [Element]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var list: [Element] = []
            if take(UInt8(ascii: "]")) { return list }
            repeat {
                guard let item = element(&self) else { return nil }
                list.append(item)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? list : nil
        }

        /// An optional field: null leaves it nil (as `decodeIfPresent` does); anything else must
        /// be what `read` reads.
        mutating func optional<Value>(_ field: inout Value?, _ read: (inout Scanner) -> Value?) -> Bool {
            if null() { return true }
            guard let value = read(&self) else { return false }
            field = value
            return true
        }

        mutating func nextString() -> String? {
            skipSpace()
            return string()
        }

        /// A JSON string at `index`; nil for a control character, a bad escape, a lone surrogate
        /// or invalid UTF-8.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            var bits: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    // ASCII needs no validating (the generic validating initializer goes byte by byte).
                    return bits < 0x80 ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
                }
                bits |= byte
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { return nil }
                index += 1
            }
            // With escapes: unescape into a buffer, then validate the whole.
            var buffer = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var value = hex4() else { return nil }
                        if (0xD800...0xDBFF).contains(value) {
                            guard literal("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(value) else { return nil }
                        buffer.append(contentsOf: String(Character(scalar)).utf8)
                    default:
                        return nil
                    }
                default:
                    guard byte >= 0x20 else { return nil }
                    buffer.append(byte)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// The text of a JSON number at `index` (the grammar checked), and whether it is an integer.
        mutating func number() -> (text: Substring, isInteger: Bool)? {
            skipSpace()
            let start = index
            func digits(_ scanner: inout Scanner) -> Int {
                let first = scanner.index
                while scanner.index < scanner.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(scanner.bytes[scanner.index]) {
                    scanner.index += 1
                }
                return scanner.index - first
            }
            _ = take(UInt8(ascii: "-"))
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if digits(&self) == 0 {
                return nil
            }
            var isInteger = true
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits(&self) > 0 else { return nil }
                isInteger = false
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits(&self) > 0 else { return nil }
                isInteger = false
            }
            return (Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), isInteger)
        }

        mutating func integer() -> Int? {
            guard let (text, isInteger) = number(), isInteger else { return nil }
            return Int(text)
        }

        mutating func double() -> Double? {
            guard let (text, _) = number(), text.count <= 40, let value = Double(text), value.isFinite else { return nil }
            return value
        }

        mutating func bool() -> Bool? {
            skipSpace()
            if literal("true") { return true }
            if literal("false") { return false }
            return nil
        }

        /// Passes over any JSON value (a field from a newer minor version).
        mutating func skipValue(depth: Int) -> Bool {
            guard depth < 32 else { return false }
            skipSpace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "{"):
                return object { scanner, _ in scanner.skipValue(depth: depth + 1) }
            case UInt8(ascii: "["):
                index += 1
                if take(UInt8(ascii: "]")) { return true }
                repeat {
                    guard skipValue(depth: depth + 1) else { return false }
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            case UInt8(ascii: "t"), UInt8(ascii: "f"): return bool() != nil
            case UInt8(ascii: "n"): return null()
            default: return number() != nil
            }
        }
    }
}
