// libFuzzer target: every built-in analyzer on arbitrary text.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let analysis = FuzzSupport.analyzers.analyze(text, context: FuzzSupport.context)
    let scalars = text.unicodeScalars.count
    for item in analysis.evidence where item.start < 0 || item.end > scalars || item.start > item.end {
        fatalError("evidence \(item.feature) [\(item.start), \(item.end)) is outside the \(scalars)-scalar answer")
    }
    return 0
}
