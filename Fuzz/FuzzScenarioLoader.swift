// libFuzzer target: the scenario loader (libxml2 parsing, source map, compiler, conditions).
// Built by scripts/fuzz.sh together with InterviewKit's sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = FuzzSupport.loader.load(bytes, file: "fuzz.xml")
    return 0
}
