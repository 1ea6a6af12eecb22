/// Every word the analyzers' lists know, each with a small integer id and what the lists say
/// about it, looked up straight from a token's bytes. The tokenizer asks once per token; after
/// that, phrase matching compares ids instead of strings.
final class Vocabulary: Sendable {
    static let shared = Vocabulary(Lexicon.table, phrases: ClauseFacts.phraseLists + SMARTAnalyzer.phraseLists + [DeliveryAnalyzer.phraseList])

    private let table: ByteTable
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
        self.table = ByteTable(words)
        let texts = words.map { String(decoding: $0, as: UTF8.self) }
        info = texts.map { table[$0] ?? [] }
        notPast = texts.map { Lexicon.notPast.contains($0) }
    }

    /// The id of the word spelled by `word` (lowercase UTF-8), or -1 when no list has it.
    func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 { table.id(word) }

    func id(of word: String) -> Int32 { table.id(of: word) }
}
