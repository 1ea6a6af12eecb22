/// Whether a candidate says they cannot think of an example ("I can't think of one right now",
/// "nothing comes to mind", "I'm drawing a blank"): an interviewer then offers a hypothetical or
/// moves on instead of asking for an example again.
enum DeclineCue {
    /// Read only for answers that tell no example, so the words are made Strings rarely.
    static func declines(_ text: TextSegmenter) -> Bool {
        let words = text.words
        guard !words.isEmpty else { return false }
        for start in words.indices {
            for phrase in phrases where start + phrase.count <= words.count {
                if words[start..<start + phrase.count].elementsEqual(phrase) { return true }
            }
        }
        return false
    }

    /// Word sequences, apostrophes plain ("can't"); each names the candidate's own blank.
    static let phrases: [[String]] = [
        "can't think of", "cannot think of", "couldn't think of", "can not think of", "can't come up with",
        "can't remember a", "can't recall a", "don't remember a", "don't recall a", "don't have an example",
        "don't have a specific", "don't have one", "haven't had that", "haven't had a situation", "haven't been in that",
        "nothing comes to mind", "nothing's coming to mind", "nothing is coming to mind", "drawing a blank", "i'm blanking",
        "i am blanking", "my mind is blank", "my mind went blank", "mind's gone blank", "not coming to me",
        "can't pull up", "can't pin down",
    ].map { $0.split(separator: " ").map(String.init) }
}
