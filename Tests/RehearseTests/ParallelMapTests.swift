import Foundation
import Testing
@testable import rehearse

@Suite struct ParallelMapTests {
    /// Items that take different times finish out of order on several threads; the results still
    /// come back in the items' order, each once.
    @Test func resultsComeBackInTheItemsOrder() {
        let items = Array(0..<200)
        let results = items.parallelMap(jobs: 4) { item -> String in
            if item % 7 == 0 { usleep(2_000) }
            return "item \(item)"
        }
        #expect(results == items.map { "item \($0)" })
    }

    @Test func oneJobRunsInOrderOnTheCallingThread() {
        #expect([3, 1, 2].parallelMap(jobs: 1) { $0 * 10 } == [30, 10, 20])
        #expect([Int]().parallelMap(jobs: 8) { $0 } == [])
    }
}
