import Foundation

/// Timing helpers: monotonic clock, medians and percentiles.
enum Measure {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Seconds taken by `body`, the median of `repeats` runs.
    static func median(_ repeats: Int, _ body: () -> Void) -> Double {
        var samples: [Double] = []
        for _ in 0..<repeats {
            let start = now()
            body()
            samples.append(Double(now() - start) / 1e9)
        }
        return percentile(samples, 0.5)
    }

    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func format(seconds: Double) -> String {
        if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}

/// A plain-text table, printed as the benchmark goes.
struct Table {
    let columns: [(String, Int)]

    func header() {
        print(columns.map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: " "))
        print(columns.map { String(repeating: "-", count: $0.1) }.joined(separator: " "))
    }

    func row(_ cells: String...) {
        print(zip(cells, columns).map { cell, column in cell.padding(toLength: column.1, withPad: " ", startingAt: 0) }.joined(separator: " "))
        fflush(nil)
    }
}
