import Foundation

// libFuzzer target: the transcript reader, and replay paths over what it reads; and the
// hand-written line and header decoders against JSONDecoder.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    // The hand-written line decoder gives what JSONDecoder gives, or leaves the line to it.
    for line in [UInt8](bytes).split(separator: UInt8(ascii: "\n")) {
        if let header = TranscriptLineDecoder.decodeHeader(line), header != (try? TranscriptCoding.decoder.decode(TranscriptHeader.self, from: Data(line))) {
            fatalError("the header decoders disagree: \(String(decoding: line, as: UTF8.self))")
        }
        guard let fast = TranscriptLineDecoder.decode(line) else { continue }
        let slow = try? TranscriptCoding.decoder.decode(TranscriptEvent.self, from: Data(line))
        if fast != slow { fatalError("the line decoders disagree: \(String(decoding: line, as: UTF8.self))") }
    }
    if let result = try? TranscriptReader.read(bytes, path: "fuzz.jsonl") {
        _ = result.transcript.recordedPath
        _ = result.transcript.openPrompt
        _ = TranscriptRenderer.render(result.transcript, as: .html)
    }
    return 0
}
