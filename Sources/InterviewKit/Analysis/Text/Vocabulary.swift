/// Every word the analyzers' lists know, each with a small integer id and what the lists say
/// about it, looked up straight from a token's bytes. The tokenizer asks once per token; after
/// that, phrase matching compares ids instead of strings.
final class Vocabulary: Sendable {
    static let shared = Vocabulary()

    private let table: ByteTable
    /// What the word lists and the word's form say about each word, by id.
    let info: [WordInfo]

    var count: Int { info.count }

    /// Made once per process, before the first answer is read, on bytes and without hashing a
    /// String: it used to cost as much as analysing 30 KB of answers.
    private init() {
        var words = Builder()
        // Keywords first, so that each one's id is its raw value.
        for keyword in Keyword.allCases {
            let id = words.add(keyword.spelling)
            precondition(id == Int(keyword.rawValue), "keyword '\(keyword.spelling)' is listed twice")
        }
        for (list, flag) in Lexicon.marks {
            for word in list { words.info[words.add(word)].insert(flag) }
        }
        for word in Lexicon.irregularActionPast.union(Lexicon.statePast) {
            let id = words.add(word)
            words.info[id].insert(.past)
            if !Lexicon.statePast.contains(word) { words.info[id].insert(.actionPast) }
        }
        for word in Lexicon.notPast { words.notPast[words.add(word)] = true }
        // Every word of every phrase, so phrases match on ids; the first words of the STAR and
        // delivery phrases are marked, so only those positions are looked up.
        let phrases: [(lists: [[String]], start: WordInfo)] = [
            (ClauseFacts.phraseLists, .phraseStart), (SMARTAnalyzer.phraseLists, []), ([DeliveryAnalyzer.phraseList], .deliveryPhraseStart),
        ]
        for (lists, start) in phrases {
            for phrase in lists.joined() {
                Self.forEachWord(in: phrase) { word, isFirst in
                    let id = words.add(word)
                    if isFirst { words.info[id].formUnion(start) }
                }
            }
        }
        table = words.table.table
        // The form of every listed word, read now rather than at every occurrence.
        info = words.info.indices.map { id in
            words.table.words[id].withUnsafeBufferPointer { Lexicon.form(of: $0, listed: words.info[id], notPast: words.notPast[id]) }
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
    func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 { table.id(word) }

    func id(of word: String) -> Int32 { table.id(of: word) }

    /// Each space-separated word of a list phrase, as UTF-8, and whether it is the first.
    static func forEachWord(in phrase: String, _ body: (UnsafeBufferPointer<UInt8>, _ isFirst: Bool) -> Void) {
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
