/// Every word the analyzers' lists know, each with a small integer id and what the lists say
/// about it, looked up straight from a token's bytes.
///
/// The tokenizer asks once per token; after that, phrase matching compares ids instead of
/// strings. A `Dictionary<String, WordInfo>` lookup (a String built, then hashed with SipHash)
/// cost about 1,100 instructions per token, the largest single cost of the analyzers; this table
/// hashes the bytes with FNV-1a and compares them in place.
final class Vocabulary: Sendable {
    static let shared = Vocabulary(Lexicon.table, phrases: ClauseFacts.phraseLists + SMARTAnalyzer.phraseLists + [DeliveryAnalyzer.phraseList])

    /// Id of the word in each slot, or -1; open addressing with linear probing.
    private let slots: [Int32]
    private let mask: Int
    /// The words' bytes back to back; word `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// What the word lists say about each word, by id.
    let info: [WordInfo]
    /// Words ending in "-ed" that are not past tenses ("need", "hundred"), by id.
    let notPast: [Bool]

    var count: Int { info.count }

    init(_ table: [String: WordInfo], phrases: [[String]]) {
        // Plain loops over bytes: this runs once per process, before the first answer is read.
        var words: [[UInt8]] = []
        var known = Set<[UInt8]>()
        func add(_ word: [UInt8]) {
            if !word.isEmpty, known.insert(word).inserted { words.append(word) }
        }
        for word in table.keys { add(Array(word.utf8)) }
        for word in Lexicon.notPast { add(Array(word.utf8)) }
        for list in phrases {
            for phrase in list {
                for word in Array(phrase.utf8).split(separator: UInt8(ascii: " ")) { add(Array(word)) }
            }
        }
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
        let texts = words.map { String(decoding: $0, as: UTF8.self) }
        info = texts.map { table[$0] ?? [] }
        notPast = texts.map { Lexicon.notPast.contains($0) }
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash ^ (hash >> 15))
    }

    /// The id of the word spelled by `word` (lowercase UTF-8), or -1 when no list has it.
    func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let wordStart = word.baseAddress, !word.isEmpty else { return -1 }
        var slot = Self.hash(word) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            let start = starts[Int(id)]
            if starts[Int(id) + 1] - start == word.count,
                bytes.withUnsafeBufferPointer({ sameBytes($0.baseAddress! + start, wordStart, word.count) })
            {
                return id
            }
            slot = (slot + 1) & mask
        }
    }

    func id(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { id($0) }
    }
}

private func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
