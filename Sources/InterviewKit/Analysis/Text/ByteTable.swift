/// A fixed set of words, each with an id (its place in the list it was made from), looked up from
/// bytes without building a String: FNV-1a into an open-addressing table, compared in place.
///
/// A `Dictionary<String, _>` lookup (a String made, then hashed with SipHash) cost about 1,100
/// instructions per word, the largest single cost of the analyzers; this costs a few dozen.
struct ByteTable: Sendable {
    /// Id of the word in each slot, or -1; linear probing.
    private let slots: [Int32]
    private let mask: Int
    /// The words' bytes back to back; word `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]

    /// `words` without repeats; word `i` gets id `i`.
    init(_ words: [[UInt8]]) {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        for word in words {
            bytes += word
            starts.append(bytes.count)
        }
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (id, word) in words.enumerated() {
            var slot = word.withUnsafeBufferPointer { Self.hash($0) } & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(id)
        }
        self.slots = slots
        mask = capacity - 1
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash ^ (hash >> 15))
    }

    /// The id of `word`, or -1 when it is not in the table.
    func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let wordStart = word.baseAddress, !word.isEmpty else { return -1 }
        var slot = Self.hash(word) & mask
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
