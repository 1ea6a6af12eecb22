/// Several phrase lists matched in one pass: each phrase carries the bit of the list it came from,
/// and a scan reports the union of the bits of every phrase found.
///
/// One-word phrases are a bit mask per word; longer ones are found by their first two words in a
/// small hash table, so a common first word ("i", "the", "was") costs one probe rather than a
/// comparison with each of the dozens of phrases that start with it.
package struct PhraseIndex: Sendable {
    /// Bits of the one-word phrases, by word id.
    private let single: [UInt32]
    /// Whether a phrase of two or more words starts with the word, by word id.
    private let startsLonger: [Bool]
    /// Open addressing on `first * vocabularySize + second`: the key, or -1, and where the phrases
    /// with those first two words are in `entries`.
    private let pairKeys: [Int]
    private let pairEntries: [Range<Int>]
    /// Each longer phrase: its words after the first two (a range of `rest`), and its bit.
    private let entries: [(rest: Range<Int>, bits: UInt32)]
    private let rest: [Int32]
    private let vocabularySize: Int

    /// `lists[i]` gets bit `1 << i`.
    package init(_ lists: [[String]], vocabulary: Vocabulary) {
        vocabularySize = vocabulary.count
        var single = [UInt32](repeating: 0, count: vocabularySize)
        var startsLonger = [Bool](repeating: false, count: vocabularySize)
        var byPair: [Int: [(rest: [Int32], bits: UInt32)]] = [:]
        var pairOrder: [Int] = []
        for (position, phrases) in lists.enumerated() {
            let bits: UInt32 = 1 << UInt32(position)
            for phrase in phrases {
                let ids = phraseIDs(phrase, in: vocabulary)
                guard let first = ids.first, first >= 0 else { continue }
                if ids.count == 1 {
                    single[Int(first)] |= bits
                    continue
                }
                startsLonger[Int(first)] = true
                let key = Int(first) * vocabularySize + Int(ids[1])
                if byPair[key] == nil { pairOrder.append(key) }
                byPair[key, default: []].append((Array(ids.dropFirst(2)), bits))
            }
        }
        var capacity = 16
        while capacity < pairOrder.count * 4 { capacity *= 2 }
        var pairKeys = [Int](repeating: -1, count: capacity)
        var pairEntries = [Range<Int>](repeating: 0..<0, count: capacity)
        var entries: [(rest: Range<Int>, bits: UInt32)] = []
        var rest: [Int32] = []
        for key in pairOrder {
            let first = entries.count
            for phrase in byPair[key] ?? [] {
                entries.append((rest.count..<rest.count + phrase.rest.count, phrase.bits))
                rest += phrase.rest
            }
            var slot = Self.slot(key, capacity)
            while pairKeys[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            pairKeys[slot] = key
            pairEntries[slot] = first..<entries.count
        }
        self.single = single
        self.startsLonger = startsLonger
        self.pairKeys = pairKeys
        self.pairEntries = pairEntries
        self.entries = entries
        self.rest = rest
    }

    private static func slot(_ key: Int, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & (capacity - 1)
    }

    /// The bits of every phrase that occurs in `tokens`; `startingBits` only for phrases at `starts`.
    /// With `marked`, only tokens marked with it are looked up (a flag on the lists' first words).
    package func scan(_ tokens: UnsafeBufferPointer<Token>, marked: WordInfo = [], onlyAtStart startingBits: UInt32 = 0, starts: Int = 3) -> UInt32 {
        var found: UInt32 = 0
        for index in tokens.indices where tokens[index].id >= 0 && tokens[index].info.isSuperset(of: marked) {
            let first = Int(tokens[index].id)
            let allowed = index >= starts ? ~startingBits : ~0
            found |= single[first] & allowed
            guard startsLonger[first], index + 1 < tokens.count, tokens[index + 1].id >= 0 else { continue }
            let key = first * vocabularySize + Int(tokens[index + 1].id)
            var slot = Self.slot(key, pairKeys.count)
            while pairKeys[slot] >= 0 && pairKeys[slot] != key { slot = (slot + 1) & (pairKeys.count - 1) }
            guard pairKeys[slot] == key else { continue }
            for entry in pairEntries[slot] {
                let (words, bits) = entries[entry]
                guard bits & allowed != 0, index + 2 + words.count <= tokens.count else { continue }
                var offset = 0
                while offset < words.count, tokens[index + 2 + offset].id == rest[words.lowerBound + offset] { offset += 1 }
                if offset == words.count { found |= bits }
            }
        }
        return found
    }
}
