import FoundationEssentials
import Dispatch
import Glibc
import InterviewKit
import SystemIO

extension Array where Element: Sendable {
    /// `transform` applied to every element on up to `jobs` threads, the results in the elements'
    /// order. For independent work such as re-analysing many transcripts; `jobs: 1` runs in order
    /// on the calling thread.
    func parallelMap<Result: Sendable>(jobs: Int, _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        guard jobs > 1, count > 1 else { return map(transform) }
        let work = ParallelWork(self, transform)
        DispatchQueue.concurrentPerform(iterations: Swift.min(jobs, count)) { _ in work.drain() }
        return work.results()
    }
}

/// Hands out indices one at a time (so a slow item does not hold up a fixed share) and keeps the
/// results by index.
private final class ParallelWork<Element: Sendable, Result: Sendable>: @unchecked Sendable {
    private let items: [Element]
    private let transform: @Sendable (Element) -> Result
    private let lock = Lock()
    private var next = 0
    private var slots: [Result?]

    init(_ items: [Element], _ transform: @escaping @Sendable (Element) -> Result) {
        self.items = items
        self.transform = transform
        slots = Array(repeating: nil, count: items.count)
    }

    func drain() {
        while true {
            let index: Int = lock.withLock {
                defer { next += 1 }
                return next
            }
            guard index < items.count else { return }
            let result = transform(items[index])
            lock.withLock { slots[index] = result }
        }
    }

    /// Every result, once `drain` has returned on every thread.
    func results() -> [Result] {
        let results = lock.withLock { slots.compactMap { $0 } }
        precondition(results.count == items.count, "parallelMap: an item was not processed")
        return results
    }
}
