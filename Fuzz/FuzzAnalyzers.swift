// libFuzzer target: every built-in analyzer on arbitrary text.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let analysis = FuzzSupport.analyzers.analyze(text, context: FuzzSupport.context)
    let scalars = Array(text.unicodeScalars)
    for item in analysis.evidence {
        guard item.start >= 0, item.end <= scalars.count, item.start <= item.end else {
            fatalError("evidence \(item.feature) [\(item.start), \(item.end)) is outside the \(scalars.count)-scalar answer")
        }
        // The quote is the answer's own text at those offsets.
        guard item.text == String(String.UnicodeScalarView(scalars[item.start..<item.end])) else {
            fatalError("evidence \(item.feature) [\(item.start), \(item.end)) quotes '\(item.text)'")
        }
    }
    return 0
}
