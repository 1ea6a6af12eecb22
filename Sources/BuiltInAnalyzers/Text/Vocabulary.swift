/// Every word the word lists know, each with a small integer id and what the lists say about it,
/// looked up straight from a token's bytes. The tokenizer asks once per token; after that, phrase
/// matching compares ids instead of strings. The lists come from their owners, the analyzers
/// (`Lists`), and the segmenter adds its own; this layer names no analyzer.
package final class Vocabulary: Sendable {
    /// What the analyzers hand over: their word lists, each with the flag its words carry.
    package struct Lists {
        /// Words given the first ids, in this order, so that a rule can compare a token's id with
        /// an integer instead of its spelling with a String.
        package var keywords: [String]
        package var marks: [(words: Set<String>, flag: WordInfo)]
        /// Irregular past forms of actions, and past forms of states (`.past`, and `.actionPast`
        /// for actions only).
        package var actionPast: Set<String>
        package var statePast: Set<String>
        /// Words ending in "-ed" that are not past tenses ("need", "hundred").
        package var notPast: Set<String>
        /// Phrase lists: every word of every phrase gets an id, and each phrase's first word `start`.
        package var phrases: [(lists: [[String]], start: WordInfo)]

        package init(
            keywords: [String], marks: [(words: Set<String>, flag: WordInfo)], actionPast: Set<String>, statePast: Set<String>,
            notPast: Set<String>, phrases: [(lists: [[String]], start: WordInfo)]
        ) {
            self.keywords = keywords
            self.marks = marks
            self.actionPast = actionPast
            self.statePast = statePast
            self.notPast = notPast
            self.phrases = phrases
        }
    }

    private let table: ByteTable
    /// What the word lists and the word's form say about each word, by id.
    package let info: [WordInfo]

    package var count: Int { info.count }

    /// Made once per process, before the first answer is read, on bytes and without hashing a
    /// String.
    package init(_ lists: Lists) {
        var words = Builder()
        for (position, keyword) in lists.keywords.enumerated() {
            let id = words.add(keyword)
            precondition(id == position, "keyword '\(keyword)' is listed twice")
        }
        for (list, flag) in lists.marks + TextSegmenter.marks {
            for word in list { words.info[words.add(word)].insert(flag) }
        }
        for word in lists.actionPast.union(lists.statePast) {
            let id = words.add(word)
            words.info[id].insert(.past)
            if !lists.statePast.contains(word) { words.info[id].insert(.actionPast) }
        }
        for word in lists.notPast { words.notPast[words.add(word)] = true }
        for (phraseLists, start) in lists.phrases {
            for phrase in phraseLists.joined() {
                Self.forEachWord(in: phrase) { word, isFirst in
                    let id = words.add(word)
                    if isFirst { words.info[id].formUnion(start) }
                }
            }
        }
        table = words.table.table
        // The form of every listed word, read now rather than at every occurrence.
        info = words.info.indices.map { id in
            words.table.words[id].withUnsafeBufferPointer { WordInfo.form(of: $0, listed: words.info[id], notPast: words.notPast[id]) }
        }
    }

    /// The words while they are collected; a struct, so that adding one is a plain mutation (as
    /// variables captured by a local function, each access was checked at run time).
    private struct Builder {
        var table = ByteTable.Builder()
        var info: [WordInfo] = []
        /// Words ending in "-ed" that are not past tenses ("need", "hundred"), by id.
        var notPast: [Bool] = []

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let id = Int(table.insert(bytes))
            if id == info.count {
                info.append([])
                notPast.append(false)
            }
            return id
        }

        mutating func add(_ word: String) -> Int {
            var word = word
            return word.withUTF8 { add($0) }
        }
    }

    /// The id of the word spelled by `word` (lowercase UTF-8), or -1 when no list has it.
    package func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 { table.id(word) }

    package func id(of word: String) -> Int32 { table.id(of: word) }

    /// Each space-separated word of a list phrase, as UTF-8, and whether it is the first.
    package static func forEachWord(in phrase: String, _ body: (UnsafeBufferPointer<UInt8>, _ isFirst: Bool) -> Void) {
        var phrase = phrase
        phrase.withUTF8 { bytes in
            var wordStart = 0
            var isFirst = true
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
                defer { wordStart = index + 1 }
                guard index > wordStart else { continue }
                body(UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), isFirst)
                isFirst = false
            }
        }
    }
}
