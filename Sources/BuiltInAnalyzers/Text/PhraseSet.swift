/// A phrase as the vocabulary ids of its words. Every word of every phrase list is in the
/// vocabulary, so a token that is not (id -1) can never be part of a phrase.
package func phraseIDs(_ phrase: String, in vocabulary: Vocabulary) -> [Int32] {
    var ids: [Int32] = []
    Vocabulary.forEachWord(in: phrase) { word, _ in ids.append(vocabulary.id(word)) }
    return ids
}

/// A set of multi-word phrases, matched against tokens' word ids.
package struct PhraseSet: Sendable {
    /// Phrases by the id of their first word; each phrase is its words' ids.
    private var byFirstWord: [Int32: [[Int32]]] = [:]

    package init(_ phrases: [String], vocabulary: Vocabulary) {
        for phrase in phrases {
            let ids = phraseIDs(phrase, in: vocabulary)
            guard let first = ids.first else { continue }
            byFirstWord[first, default: []].append(ids)
        }
    }

    /// The length of the longest phrase that starts at `index`, if any.
    package func match(_ tokens: UnsafeBufferPointer<Token>, at index: Int) -> Int? {
        guard tokens[index].id >= 0, let candidates = byFirstWord[tokens[index].id] else { return nil }
        var best: Int?
        for phrase in candidates where index + phrase.count <= tokens.count {
            var matched = true
            for offset in 1..<phrase.count where tokens[index + offset].id != phrase[offset] {
                matched = false
                break
            }
            if matched, phrase.count > (best ?? 0) { best = phrase.count }
        }
        return best
    }
}
