import Dispatch
import Synchronization

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
private final class ParallelWork<Element: Sendable, Result: Sendable>: Sendable {
    private let items: [Element]
    private let transform: @Sendable (Element) -> Result
    /// The next index to hand out and the results so far, only ever touched under the mutex.
    private let state: Mutex<(next: Int, slots: [Result?])>

    init(_ items: [Element], _ transform: @escaping @Sendable (Element) -> Result) {
        self.items = items
        self.transform = transform
        state = Mutex((next: 0, slots: Array(repeating: nil, count: items.count)))
    }

    /// Takes indices and stores their results until every index has been handed out.
    func drain() {
        while true {
            let index = state.withLock { state in
                defer { state.next += 1 }
                return state.next
            }
            guard index < items.count else { return }
            // Outside the lock: the transforms run side by side.
            let result = transform(items[index])
            state.withLock { $0.slots[index] = result }
        }
    }

    /// Every result, once `drain` has returned on every thread.
    func results() -> [Result] {
        let results = state.withLock { $0.slots.compactMap { $0 } }
        precondition(results.count == items.count, "parallelMap: an item was not processed")
        return results
    }
}
