import Foundation

// libFuzzer target: the transcript reader, and replay paths over what it reads; and the
// hand-written line and header decoders against JSONDecoder.

/// A number token (after `:`, `[` or `,`) that is zero with two or more fraction digits and an exponent.
let zeroWithExponent = try! NSRegularExpression(pattern: #"([:\[,]\s*-?0)\.0+[eE][+-]?[0-9]+"#)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    // The hand-written line decoder gives what JSONDecoder gives, or leaves the line to it.
    for line in [UInt8](bytes).split(separator: UInt8(ascii: "\n")) {
        if let header = TranscriptLineDecoder.decodeHeader(line), header != (try? TranscriptCoding.decoder.decode(TranscriptHeader.self, from: Data(line))) {
            fatalError("the header decoders disagree: \(String(decoding: line, as: UTF8.self))")
        }
        guard let fast = TranscriptLineDecoder.decode(line) else { continue }
        var slow = try? TranscriptCoding.decoder.decode(TranscriptEvent.self, from: Data(line))
        // Foundation's JSON parser refuses a zero written with two or more fraction digits and an
        // exponent ("0.00e2", valid JSON); the hand-written decoder reads it as 0, rightly. Compare
        // with such numbers written as 0.
        if slow == nil {
            let text = String(decoding: line, as: UTF8.self)
            let written = zeroWithExponent.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1")
            slow = try? TranscriptCoding.decoder.decode(TranscriptEvent.self, from: Data(written.utf8))
        }
        if fast != slow { fatalError("the line decoders disagree: \(String(decoding: line, as: UTF8.self))") }
    }
    if let result = try? TranscriptReader.read(bytes, path: "fuzz.jsonl") {
        _ = result.transcript.recordedPath
        _ = result.transcript.openPrompt
        _ = TranscriptRenderer.render(result.transcript, as: .html)
    }
    return 0
}
