/// A fixed set of words, each with an id (the order it was added in), looked up from bytes
/// without building a String.
///
/// A `Dictionary<String, _>` lookup (a String made, then hashed with SipHash) cost about 1,100
/// instructions per word, the largest single cost of the analyzers. Here a word of up to eight
/// bytes (nearly every word of an answer) is packed into one integer, which is both what is
/// hashed and what is compared; longer words are hashed with FNV-1a and compared byte by byte.
package struct ByteTable: Sendable {
    private struct Slot {
        /// The packed word, `longWord` for a longer one, or 0 when the slot is empty (no word
        /// packs to 0: words have at least one byte, and no byte of a word is 0).
        var key: UInt64 = 0
        var id: Int32 = -1
    }

    /// Open addressing with linear probing, at most a quarter full.
    private let slots: [Slot]
    private let shift: UInt64
    /// The words' bytes back to back; word `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]

    /// No packed word is this: it would take eight 0xFF bytes, which UTF-8 never has.
    private static let longWord = UInt64.max

    package var count: Int { starts.count - 1 }

    /// Makes a table one word at a time, each new word getting the next id.
    package struct Builder {
        /// Short words by their packed bytes (hashing one integer, not an array), long ones by bytes.
        private var short: [UInt64: Int32] = [:]
        private var long: [[UInt8]: Int32] = [:]

        /// The finished table.
        package init() {}

        package var table: ByteTable { ByteTable(words) }

        /// The words added so far, by id.
        package private(set) var words: [[UInt8]] = []

        /// The id of `word`, added if it is new; -1 for an empty word.
        package mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
            guard !word.isEmpty, !word.contains(0) else { return -1 }
            let key = ByteTable.key(word)
            let bytes = Array(word)
            if let id = key == ByteTable.longWord ? long[bytes] : short[key] { return id }
            let id = Int32(words.count)
            words.append(bytes)
            if key == ByteTable.longWord { long[bytes] = id } else { short[key] = id }
            return id
        }
    }

    private init(_ words: [[UInt8]]) {
        var bits: UInt64 = 6
        while 1 << bits < words.count * 4 { bits += 1 }
        let shift = 64 - bits
        var slots = [Slot](repeating: Slot(), count: 1 << bits)
        var bytes: [UInt8] = []
        var starts = [0]
        for (id, word) in words.enumerated() {
            bytes += word
            starts.append(bytes.count)
            let key = word.withUnsafeBufferPointer { Self.key($0) }
            var slot = word.withUnsafeBufferPointer { Self.slot($0, key, shift) }
            while slots[slot].key != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Slot(key: key, id: Int32(id))
        }
        self.slots = slots
        self.shift = shift
        self.bytes = bytes
        self.starts = starts
    }

    /// The word's bytes packed into an integer, or `longWord` when it has more than eight.
    @inline(__always)
    private static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard word.count <= 8 else { return longWord }
        var key: UInt64 = 0
        var index = word.count
        while index > 0 {
            index &-= 1
            key = key &<< 8 | UInt64(word[index])
        }
        return key
    }

    @inline(__always)
    private static func slot(_ word: UnsafeBufferPointer<UInt8>, _ key: UInt64, _ shift: UInt64) -> Int {
        var mixed = key
        if key == longWord {
            mixed = 0xCBF2_9CE4_8422_2325
            for byte in word { mixed = (mixed ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// The id of `word`, or -1 when it is not in the table.
    package func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !word.isEmpty else { return -1 }
        let key = Self.key(word)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(word, key, shift)
            while true {
                let entry = slots[slot]
                if entry.key == key && (key != Self.longWord || isWord(Int(entry.id), word)) { return entry.id }
                if entry.key == 0 { return -1 }
                slot = (slot &+ 1) & (slots.count &- 1)
            }
        }
    }

    private func isWord(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == word.count else { return false }
        for offset in 0..<word.count where bytes[start + offset] != word[offset] { return false }
        return true
    }

    package func id(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { id($0) }
    }
}
