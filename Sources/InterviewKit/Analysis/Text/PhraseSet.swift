/// A set of multi-word phrases, matched against a clause's words in one pass.
struct PhraseSet: Sendable {
    /// Phrases by their first word; each phrase is its words.
    private var byFirstWord: [String: [[String]]] = [:]

    init(_ phrases: [String]) {
        for phrase in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(words)
        }
    }

    /// The first phrase found in `words`, as the range of word indices it covers.
    func firstMatch(in words: [String], from start: Int = 0) -> Range<Int>? {
        var i = start
        while i < words.count {
            if let length = match(words, at: i) { return i..<i + length }
            i += 1
        }
        return nil
    }

    func contains(in words: [String]) -> Bool { firstMatch(in: words) != nil }

    /// The length of the longest phrase that starts at `index`, if any.
    func match(_ words: [String], at index: Int) -> Int? {
        guard let candidates = byFirstWord[words[index]] else { return nil }
        var best: Int?
        for phrase in candidates where index + phrase.count <= words.count {
            var matched = true
            for offset in 1..<phrase.count where words[index + offset] != phrase[offset] {
                matched = false
                break
            }
            if matched, phrase.count > (best ?? 0) { best = phrase.count }
        }
        return best
    }
}

/// Several phrase lists matched in one pass: each phrase carries the bit of the list it came from,
/// and a scan reports the union of the bits of every phrase found (one dictionary lookup per word).
struct PhraseIndex: Sendable {
    private var byFirstWord: [String: [(words: [String], bits: UInt32)]] = [:]

    /// `lists[i]` gets bit `1 << i`.
    init(_ lists: [[String]]) {
        for (position, phrases) in lists.enumerated() {
            for phrase in phrases {
                let words = phrase.split(separator: " ").map(String.init)
                guard let first = words.first else { continue }
                byFirstWord[first, default: []].append((words, 1 << UInt32(position)))
            }
        }
    }

    var firstWords: Set<String> { Set(byFirstWord.keys) }

    /// The bits of every phrase that occurs in `words`; `startingBits` only for phrases at `starts`.
    /// With `info`, only positions whose word is marked `.phraseStart` are looked up.
    func scan(_ words: [String], _ info: [WordInfo]? = nil, onlyAtStart startingBits: UInt32 = 0, starts: Int = 3) -> UInt32 {
        var found: UInt32 = 0
        for index in words.indices where info?[index].contains(.phraseStart) ?? true {
            guard let candidates = byFirstWord[words[index]] else { continue }
            for (phrase, bits) in candidates where index + phrase.count <= words.count {
                if bits & startingBits != 0 && index >= starts { continue }
                var matched = true
                var offset = 1
                while offset < phrase.count {
                    if words[index + offset] != phrase[offset] {
                        matched = false
                        break
                    }
                    offset += 1
                }
                if matched { found |= bits }
            }
        }
        return found
    }
}
