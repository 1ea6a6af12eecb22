/// A fixed set of words, each with an id (the order it was added in), looked up from
/// bytes without building a String: FNV-1a into an open-addressing table, compared in place.
///
/// A `Dictionary<String, _>` lookup (a String made, then hashed with SipHash) cost about 1,100
/// instructions per word, the largest single cost of the analyzers; this costs a few dozen.
struct ByteTable: Sendable {
    /// Id of the word in each slot, or -1; linear probing.
    private let slots: [Int32]
    /// The words' bytes back to back; word `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]

    private init(slots: [Int32], bytes: [UInt8], starts: [Int]) {
        self.slots = slots
        self.bytes = bytes
        self.starts = starts
    }

    /// Makes a table one word at a time, each new word getting the next id.
    struct Builder {
        private var slots = [Int32](repeating: -1, count: 64)
        private var bytes: [UInt8] = []
        private var starts: [Int] = [0]

        /// The finished table, at most a quarter full (short probes).
        var table: ByteTable {
            var table = ByteTable(slots: slots, bytes: bytes, starts: starts)
            if (starts.count - 1) * 4 > slots.count {
                var capacity = slots.count
                while capacity < (starts.count - 1) * 4 { capacity *= 2 }
                table = ByteTable(slots: Self.rehash(count: starts.count - 1, into: capacity, bytes: bytes, starts: starts), bytes: bytes, starts: starts)
            }
            return table
        }

        /// The id of `word`, added if it is new.
        mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
            let found = ByteTable.find(word, slots: slots, bytes: bytes, starts: starts)
            if found >= 0 || word.isEmpty { return found }
            let id = Int32(starts.count - 1)
            bytes.append(contentsOf: word)
            starts.append(bytes.count)
            if (starts.count - 1) * 2 > slots.count {
                slots = Self.rehash(count: starts.count - 1, into: slots.count * 2, bytes: bytes, starts: starts)
            } else {
                var slot = ByteTable.hash(word) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = id
            }
            return id
        }

        private static func rehash(count: Int, into capacity: Int, bytes: [UInt8], starts: [Int]) -> [Int32] {
            var slots = [Int32](repeating: -1, count: capacity)
            bytes.withUnsafeBufferPointer { stored in
                for id in 0..<count {
                    var slot = ByteTable.hash(UnsafeBufferPointer(rebasing: stored[starts[id]..<starts[id + 1]])) & (capacity - 1)
                    while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
                    slots[slot] = Int32(id)
                }
            }
            return slots
        }
    }

    var count: Int { starts.count - 1 }

    fileprivate static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash ^ (hash >> 15))
    }

    /// The id of `word`, or -1 when it is not in the table.
    func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        Self.find(word, slots: slots, bytes: bytes, starts: starts)
    }

    private static func find(_ word: UnsafeBufferPointer<UInt8>, slots: [Int32], bytes: [UInt8], starts: [Int]) -> Int32 {
        guard let wordStart = word.baseAddress, !word.isEmpty else { return -1 }
        let mask = slots.count - 1
        var slot = hash(word) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                let start = starts[Int(id)]
                if starts[Int(id) + 1] - start == word.count {
                    var offset = 0
                    while offset < word.count, stored[start + offset] == wordStart[offset] { offset += 1 }
                    if offset == word.count { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func id(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { id($0) }
    }
}
