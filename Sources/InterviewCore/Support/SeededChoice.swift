/// Reproducible choices from a seed: the same seed, key and round always pick the same item,
/// on every machine and every run (Swift's own `Hasher` is randomised per process, so it is not used).
package enum SeededChoice {
    package static func pick<T>(_ items: [T], seed: UInt64, key: String, round: Int) -> T {
        precondition(!items.isEmpty, "nothing to choose from")
        var state = seed ^ fnv1a(key) &+ UInt64(truncatingIfNeeded: round) &* 0x9E37_79B9_7F4A_7C15
        return items[Int(splitMix64(&state) % UInt64(items.count))]
    }

    package static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    package static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
