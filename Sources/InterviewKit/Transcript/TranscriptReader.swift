import FoundationEssentials
import Glibc

/// Reads transcripts: the header first, then events; unknown fields and unknown event types are
/// ignored (they come from newer minor versions), an unknown major version is refused.
public enum TranscriptReader {
    public struct Result: Sendable {
        public var transcript: Transcript
        /// Problems that did not stop the reading, such as a last line cut off by a crash.
        public var warnings: [Diagnostic]
    }

    /// With `analyses: false` the recorded analyses (the bulk of a transcript) are passed over
    /// unread, for re-analysis, which computes its own: lines written as `"type":"analysis"`.
    public static func read(contentsOf path: String, analyses: Bool = true) throws(TranscriptError) -> Result {
        switch FileBytes.contents(of: path) {
        case .success(let bytes): return try read(bytes: bytes, path: path, analyses: analyses)
        case .failure(.noSuchFile): throw TranscriptError.cannotRead(path, "no such file")
        case .failure(.isDirectory): throw TranscriptError.cannotRead(path, "it is a directory")
        case .failure(.unreadable(let reason)): throw TranscriptError.cannotRead(path, reason.lowercased())
        }
    }

    /// How Rehearse writes an analysis line's end (keys sorted, so "type" comes last).
    private static let analysisEnding = Array(#""type":"analysis"}"#.utf8)

    public static func read(_ data: Data, path: String, analyses: Bool = true) throws(TranscriptError) -> Result {
        // Bytes in an array: splitting and slicing `Data` costs an access check per byte.
        try read(bytes: [UInt8](data), path: path, analyses: analyses)
    }

    static func read(bytes: [UInt8], path: String, analyses: Bool) throws(TranscriptError) -> Result {
        var lines = splitLines(bytes)
        let endsWithNewline = bytes.last == UInt8(ascii: "\n")
        if endsWithNewline { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else { throw TranscriptError.invalid(path, 1, "the transcript is empty; it should start with a header line") }

        let header = try decodeHeader(first, path: path)
        var events: [TranscriptEvent] = []
        var warnings: [Diagnostic] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            let isLast = offset == lines.count - 1
            if !analyses, line.count > analysisEnding.count, line.suffix(analysisEnding.count).elementsEqual(analysisEnding) { continue }
            // The usual case decodes once, by hand; JSONDecoder takes what that leaves, and only a
            // line that fails there too is looked at again to say why.
            if let event = TranscriptLineDecoder.decode(line) {
                events.append(event)
                continue
            }
            let failure: Error
            do {
                events.append(try TranscriptCoding.decoder.decode(TranscriptEvent.self, from: Data(line)))
                continue
            } catch {
                failure = error
            }
            guard let object = JSONValue.parse(line)?.object else {
                if isLast && !endsWithNewline {
                    warnings.append(.warning("truncated", "the last line is cut off (the session was interrupted while writing it); it is ignored", at: SourceLocation(file: path, line: number, column: 1)))
                    continue
                }
                throw TranscriptError.invalid(path, number, "not a JSON object; the transcript is damaged here")
            }
            guard let type = object["type"]?.string else { throw TranscriptError.invalid(path, number, "the event has no \"type\"") }
            guard TranscriptEvent.Kind(rawValue: type) != nil else { continue }  // a newer kind of event
            throw TranscriptError.invalid(path, number, "a '\(type)' event with a missing or wrong field: \(describe(failure))")
        }
        return Result(transcript: Transcript(header: header, events: events), warnings: warnings)
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
