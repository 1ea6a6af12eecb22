import Foundation

// libFuzzer target: the transcript reader, and replay paths over what it reads.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let result = try? TranscriptReader.read(bytes, path: "fuzz.jsonl") {
        _ = result.transcript.recordedPath
        _ = result.transcript.openPrompt
        _ = TranscriptRenderer.render(result.transcript, as: .html)
    }
    return 0
}
