import SystemIO
import InterviewCore
import FoundationEssentials
import Glibc

/// Reads transcripts: the header first, then events; unknown fields and unknown event types are
/// ignored (they come from newer minor versions), an unknown major version is refused.
public enum TranscriptReader {
    public struct Result: Sendable {
        public var transcript: Transcript
        /// Problems that did not stop the reading, such as a last line cut off by a crash, and the
        /// damaged lines, which are in `damaged` as well.
        public var warnings: [Diagnostic]
        /// Lines that could not be read as events and were passed over (file:line, and why).
        /// Showing the rest is fine; resuming from or testing such a transcript is not.
        public var damaged: [Diagnostic] = []
    }

    /// With `analyses: false` the recorded analyses (the bulk of a transcript) are passed over
    /// unread, for re-analysis, which computes its own: lines written as `"type":"analysis"`.
    public static func read(contentsOf path: String, analyses: Bool = true) throws(TranscriptError) -> Result {
        switch FileBytes.contents(of: path, limit: InputLimits.transcriptBytes + 1) {
        case .success(let bytes):
            guard bytes.count <= InputLimits.transcriptBytes else {
                throw TranscriptError.invalid(
                    path, 1, "the file is over \(InputLimits.describe(InputLimits.transcriptBytes)), the limit for a transcript; it is not a transcript Rehearse wrote")
            }
            return try read(bytes: bytes, path: path, analyses: analyses)
        case .failure(.noSuchFile): throw TranscriptError.cannotRead(path, "no such file")
        case .failure(.isDirectory): throw TranscriptError.cannotRead(path, "it is a directory")
        case .failure(.unreadable(let reason)): throw TranscriptError.cannotRead(path, reason.lowercased())
        case .failure(.notRegularFile(let kind)): throw TranscriptError.notAFile(path, kind)
        }
    }

    /// How Rehearse writes an analysis line's end (keys sorted, so "type" comes last).
    private static let analysisEnding = Array(#""type":"analysis"}"#.utf8)

    public static func read(_ data: Data, path: String, analyses: Bool = true) throws(TranscriptError) -> Result {
        // Bytes in an array: splitting and slicing `Data` costs an access check per byte.
        try read(bytes: [UInt8](data), path: path, analyses: analyses)
    }

    /// The transcript in `bytes`, read from `path` (for messages).
    public static func read(bytes: [UInt8], path: String, analyses: Bool = true) throws(TranscriptError) -> Result {
        var lines = splitLines(bytes)
        let endsWithNewline = bytes.last == UInt8(ascii: "\n")
        if endsWithNewline { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else { throw TranscriptError.invalid(path, 1, "the transcript is empty; it should start with a header line") }

        let header = try decodeHeader(first, path: path)
        var events: [TranscriptEvent] = []
        var eventLines: [Int] = []
        var warnings: [Diagnostic] = []
        var damaged: [Diagnostic] = []
        func damage(_ number: Int, _ message: String) {
            damaged.append(.warning("damaged-line", "\(message); this line is passed over", at: SourceLocation(file: path, line: number, column: 1)))
        }
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            let isLast = offset == lines.count - 1
            if line.count > InputLimits.transcriptLineBytes {
                damage(number, "the line is over \(InputLimits.describe(InputLimits.transcriptLineBytes)), the limit for one line of a transcript")
                continue
            }
            if !analyses, line.count > analysisEnding.count, line.suffix(analysisEnding.count).elementsEqual(analysisEnding) { continue }
            // The usual case decodes once, by hand; JSONDecoder takes what that leaves, and only a
            // line that fails there too is looked at again to say why.
            if let event = TranscriptLineDecoder.decode(line) {
                events.append(event)
                eventLines.append(number)
                continue
            }
            let failure: Error
            do {
                events.append(try TranscriptCoding.decoder.decode(TranscriptEvent.self, from: Data(line)))
                eventLines.append(number)
                continue
            } catch {
                failure = error
            }
            if let problem = outOfRangeNumber(in: line) {
                damage(number, problem)
                continue
            }
            guard let object = JSONValue.parse(line)?.object else {
                if isLast && !endsWithNewline {
                    warnings.append(.warning("truncated", "the last line is cut off (the session was interrupted while writing it); it is ignored", at: SourceLocation(file: path, line: number, column: 1)))
                    continue
                }
                damage(number, "not a JSON object; the transcript is damaged here")
                continue
            }
            guard let type = object["type"]?.string else {
                damage(number, "the event has no \"type\"")
                continue
            }
            guard TranscriptEvent.Kind(rawValue: type) != nil else { continue }  // a newer kind of event
            damage(number, "a '\(type)' event with a missing or wrong field: \(describe(failure))")
        }
        warnings += damaged
        warnings += contradictions(events, lines: eventLines, path: path)
        return Result(transcript: Transcript(header: header, events: events), warnings: warnings.sortedByLocation(), damaged: damaged)
    }

    /// Events that one interview, written by one process, cannot hold: an answer or a skip with
    /// no prompt before it, anything after the interview's completed end. (A stop also writes an
    /// `end`, not completed, and `--resume` goes on after it.) Two processes writing one
    /// transcript at once leave such traces.
    static func contradictions(_ events: [TranscriptEvent], lines: [Int], path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var prompted = false
        var ended = false
        for (event, line) in zip(events, lines) {
            let location = SourceLocation(file: path, line: line, column: 1)
            if ended && event.type != .analysis {
                found.append(.warning("contradiction", "a '\(event.type.rawValue)' event after the interview's end; was this transcript written by two sessions at once?", at: location))
                continue
            }
            switch event.type {
            case .question, .probe:
                prompted = true
            case .answer, .skip, .again:
                if !prompted {
                    found.append(.warning("contradiction", "a second '\(event.type.rawValue)' to one question or follow-up; was this transcript written by two sessions at once?", at: location))
                }
                prompted = false
            case .end:
                ended = event.completed == true
            case .analysis, .branch:
                break
            }
        }
        return found
    }

    /// A field whose number cannot be held (`1e999`, or a negative, fractional or too large
    /// count), named, for a line that JSON decoding refused as a whole. Strings are skipped as JSON
    /// writes them (with `\"` inside), so text in an answer is never taken for a field.
    static func outOfRangeNumber(in line: some Collection<UInt8>) -> String? {
        let bytes = Array(line)
        let counts: Set<String> = ["seed", "number"]
        var index = 0
        var lastString: String?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                lastString = String(decoding: bytes[(index + 1)..<min(end, bytes.count)], as: UTF8.self)
                index = end + 1
                continue
            }
            if byte == UInt8(ascii: ":"), let name = lastString {
                var start = index + 1
                while start < bytes.count && bytes[start] == UInt8(ascii: " ") { start += 1 }
                var stop = start
                while stop < bytes.count && "0123456789+-.eE".utf8.contains(bytes[stop]) { stop += 1 }
                let literal = String(decoding: bytes[start..<stop], as: UTF8.self)
                if let value = Double(literal) {
                    if !value.isFinite { return "'\(name)' is out of range: \(literal) is too large a number" }
                    // Read as a whole number, not a Double: 2^64 - 1 and 2^64 are the same Double.
                    if counts.contains(name) && UInt64(literal) == nil {
                        return "'\(name)' is out of range: \(literal); it must be a whole number from 0 to \(UInt64.max)"
                    }
                }
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: ":") { lastString = nil }
            index += 1
        }
        return nil
    }

    /// The bytes between line feeds, as `split(separator:omittingEmptySubsequences: false)` gives
    /// them, found with memchr (splitting byte by byte was a quarter of reading a transcript).
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while let found = memchr(base + start, 0x0A, buffer.count - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lines.append(bytes[start..<end])
                start = end + 1
            }
            lines.append(bytes[start...])
        }
        return lines.isEmpty ? [bytes[...]] : lines
    }

    private static func decodeHeader(_ bytes: ArraySlice<UInt8>, path: String) throws(TranscriptError) -> TranscriptHeader {
        // The usual case decodes once, by hand (JSONDecoder cost as much as the rest of the
        // transcript); a header that fails, or is of another format or major version, is looked
        // at again below to say why.
        let line = Data(bytes)
        if let header = TranscriptLineDecoder.decodeHeader(bytes) ?? (try? TranscriptCoding.decoder.decode(TranscriptHeader.self, from: line)),
            header.format == TranscriptHeader.formatName,
            header.version.split(separator: ".").first == TranscriptHeader.currentVersion.split(separator: ".").first
        {
            return header
        }
        if let problem = outOfRangeNumber(in: bytes) { throw TranscriptError.invalid(path, 1, "the header's \(problem)") }
        guard let object = JSONValue.parse(line)?.object,
            object["format"]?.string == TranscriptHeader.formatName
        else {
            throw TranscriptError.invalid(path, 1, "not a Rehearse transcript: the first line should be a header with \"format\": \"\(TranscriptHeader.formatName)\"")
        }
        let version = object["version"]?.string ?? "?"
        let major = version.split(separator: ".").first.map(String.init)
        guard major == TranscriptHeader.currentVersion.split(separator: ".").first.map(String.init) else {
            throw TranscriptError.unsupportedVersion(path, version)
        }
        do {
            return try TranscriptCoding.decoder.decode(TranscriptHeader.self, from: line)
        } catch {
            throw TranscriptError.invalid(path, 1, "the header has a missing or wrong field: \(describe(error))")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
