// libFuzzer target: the condition parser and type checker, and evaluation of what compiles.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConditionParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if case .success(let condition) = Condition.compile(text, catalog: FuzzSupport.analyzers.catalog) {
        _ = condition.evaluate { _ in .bool(true) }
        var budget = ConditionSolver.scenarioBudget
        _ = ConditionSolver(catalog: FuzzSupport.analyzers.catalog).check(condition.root, budget: &budget)
    }
    return 0
}
