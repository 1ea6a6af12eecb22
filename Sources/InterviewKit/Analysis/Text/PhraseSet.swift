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
