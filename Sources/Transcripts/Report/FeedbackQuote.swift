import BuiltInAnalyzers
import InterviewCore

/// A quote from an answer that the feedback can stand behind: a whole clause with at least a few
/// words, and, for the candidate's own actions, one in which the candidate is the one acting. No
/// quote is better than a wrong one ("your own actions: then she asks how I got him back").
enum FeedbackQuote {
    /// Fewer words than this, once a leading "and" or "so" is gone, say too little to show a part
    /// ("so this was"); "I called her" is enough.
    static let minimumWords = 3
    /// Longer clauses are cut at a word boundary.
    static let maximumCharacters = 150

    /// The first piece of `evidence` for `feature` that passes, as the candidate will read it.
    static func first(_ feature: String, in evidence: [Evidence]) -> String? {
        for item in evidence where item.feature == feature {
            if let quote = accept(item.text, ownAction: feature == STARFeature.action) { return quote }
        }
        return nil
    }

    private static let joiners: Set<String> = ["and", "so", "then", "but", "and then", "so then", "well", "also"]
    private static let speaker: Set<String> = ["i", "i'd", "i'm", "i've", "i'll", "me", "myself", "my"]
    private static let otherSubjects: Set<String> = ["she", "he", "they", "it", "the", "her", "his", "their", "you", "someone", "nobody", "everyone"]

    /// `text` on one line, without a leading "and" or "so", cut to length; nil when it is too short
    /// or (for an own action) when someone else is the one acting.
    static func accept(_ text: String, ownAction: Bool = false) -> String? {
        var words = text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" }).map(String.init)
        while let first = words.first, joiners.contains(plain(first)) { words.removeFirst() }
        guard words.count >= minimumWords else { return nil }
        if ownAction {
            guard words.contains(where: { speaker.contains(plain($0)) }) else { return nil }
            // "then she asks how I got him back": the clause's subject is the client, not the speaker.
            if let subject = words.first.map(plain), otherSubjects.contains(subject) { return nil }
        }
        var quote = words.joined(separator: " ")
        while let last = quote.last, ",;:".contains(last) { quote.removeLast() }
        guard quote.count > maximumCharacters else { return quote }
        var cut = ""
        for word in words {
            if cut.count + word.count + 1 > maximumCharacters - 1 { break }
            cut += cut.isEmpty ? word : " " + word
        }
        // One word longer than a quote may be (a link, text with no spaces) is not a quote.
        return cut.isEmpty ? nil : cut + "…"
    }

    private static func plain(_ word: String) -> String {
        String(word.lowercased().replacingAll("’", with: "'").filter { $0.isLetter || $0 == "'" })
    }
}
