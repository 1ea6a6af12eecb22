/// A phrase as the vocabulary ids of its words. Every word of every phrase list is in the
/// vocabulary, so a token that is not (id -1) can never be part of a phrase.
private func phraseIDs(_ phrase: String, in vocabulary: Vocabulary = .shared) -> [Int32] {
    var ids: [Int32] = []
    Vocabulary.forEachWord(in: phrase) { word, _ in ids.append(vocabulary.id(word)) }
    return ids
}

/// A set of multi-word phrases, matched against a clause's word ids.
struct PhraseSet: Sendable {
    /// Phrases by the id of their first word; each phrase is its words' ids.
    private var byFirstWord: [Int32: [[Int32]]] = [:]

    init(_ phrases: [String]) {
        for phrase in phrases {
            let ids = phraseIDs(phrase)
            guard let first = ids.first else { continue }
            byFirstWord[first, default: []].append(ids)
        }
    }

    /// The length of the longest phrase that starts at `index`, if any.
    func match(_ ids: [Int32], at index: Int) -> Int? {
        guard ids[index] >= 0, let candidates = byFirstWord[ids[index]] else { return nil }
        var best: Int?
        for phrase in candidates where index + phrase.count <= ids.count {
            var matched = true
            for offset in 1..<phrase.count where ids[index + offset] != phrase[offset] {
                matched = false
                break
            }
            if matched, phrase.count > (best ?? 0) { best = phrase.count }
        }
        return best
    }
}

/// Several phrase lists matched in one pass: each phrase carries the bit of the list it came from,
/// and a scan reports the union of the bits of every phrase found (one array read per word).
struct PhraseIndex: Sendable {
    /// Phrases by the id of their first word (an array the size of the vocabulary).
    private var byFirstWord: [[(ids: [Int32], bits: UInt32)]]

    /// `lists[i]` gets bit `1 << i`.
    init(_ lists: [[String]]) {
        byFirstWord = Array(repeating: [], count: Vocabulary.shared.count)
        for (position, phrases) in lists.enumerated() {
            for phrase in phrases {
                let ids = phraseIDs(phrase)
                guard let first = ids.first, first >= 0 else { continue }
                byFirstWord[Int(first)].append((ids, 1 << UInt32(position)))
            }
        }
    }

    /// The bits of every phrase that occurs in `ids`; `startingBits` only for phrases at `starts`.
    /// With `info`, only positions whose word is marked `.phraseStart` are looked up.
    func scan(_ ids: [Int32], _ info: [WordInfo]? = nil, onlyAtStart startingBits: UInt32 = 0, starts: Int = 3) -> UInt32 {
        var found: UInt32 = 0
        for index in ids.indices where ids[index] >= 0 && info?[index].contains(.phraseStart) ?? true {
            for (phrase, bits) in byFirstWord[Int(ids[index])] where index + phrase.count <= ids.count {
                if bits & startingBits != 0 && index >= starts { continue }
                var matched = true
                var offset = 1
                while offset < phrase.count {
                    if ids[index + offset] != phrase[offset] {
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
