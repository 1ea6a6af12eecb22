import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

@Suite struct TextTests {
    @Test(arguments: [
        ("  Tell me\n\tabout   a time.  ", "Tell me about a time."),
        ("Ask\u{00A0}\u{00A0}again\u{2003}please", "Ask again please"),
        ("Café — naïve 🙂\r\nend", "Café — naïve 🙂 end"),
        ("", ""),
        (" \n\t ", ""),
        ("one\u{0085}two", "one two"),
        ("\u{1C}x", "\u{1C}x"),
    ])
    func foldingWhitespaceKeepsTextAndJoinsRuns(input: String, expected: String) {
        #expect(input.foldingWhitespace == expected)
    }
}

@Suite struct StemTests {
    /// The byte-wise stemmer for ASCII gives what the Character-wise one gives.
    /// Cues are found through the stem of every word the start filter lets through.
    @Test func cueStemsAreFoundFromAnswerWords() {
        let index = CompetencyCueIndex([Competency(id: "plan", label: "planning", cues: ["planned carefully", "validate"], location: SourceLocation(file: "t", line: 1, column: 1))])
        let words = TextSegmenter("I validated her and we plan carefully", vocabulary: .builtIn).words
        // The first cue the scenario lists that occurs wins: "planned carefully" as "plan carefully".
        #expect(index.firstHits(in: words.map { index.stemID(of: $0) }) == [5..<7])
        #expect(index.stemID(of: "zebra") == -1)
    }
}

/// The vocabulary gives every listed word exactly the flags of the lists it is on.
@Suite struct VocabularyTests {
    /// Flags a word also gets from its form, whatever the lists say.
    static let formFlags: WordInfo = [.quantity, .year, .past, .actionPast]

    @Test func everyWordHasTheFlagsOfItsLists() {
        let vocabulary = Vocabulary.builtIn
        var words = Set<String>()
        for (list, flag) in Lexicon.marks {
            for word in list {
                words.insert(word)
                #expect(Lexicon.info(word).contains(flag), "\(word) should be \(flag)")
            }
        }
        for list in ClauseFacts.phraseLists + SMARTAnalyzer.phraseLists + [DeliveryAnalyzer.phraseList] {
            for phrase in list { words.formUnion(phrase.split(separator: " ").map(String.init)) }
        }
        words.formUnion(Lexicon.notPast)
        #expect(words.count > 700)
        for word in words {
            #expect(vocabulary.id(of: word) >= 0, "\(word) is missing")
            #expect(word.utf8.allSatisfy { $0 < 0x80 }, "\(word): the lists are ASCII, so byte equality is String equality")
            let info = Lexicon.info(word)
            for (list, flag) in Lexicon.marks where !list.contains(word) && flag.isDisjoint(with: Self.formFlags) {
                #expect(!info.contains(flag), "\(word) should not be \(flag)")
            }
        }
    }

    @Test func pastTenses() {
        #expect(Lexicon.info("listened").isSuperset(of: [.past, .actionPast]))
        #expect(Lexicon.info("went").isSuperset(of: [.past, .actionPast]))
        #expect(Lexicon.info("felt").contains(.past) && !Lexicon.info("felt").contains(.actionPast))
        #expect(!Lexicon.info("hundred").contains(.past) && !Lexicon.info("need").contains(.past) && !Lexicon.info("bed").contains(.past))
        #expect(Lexicon.info("2019").isSuperset(of: [.quantity, .year]) && !Lexicon.info("2100").contains(.year))
        #expect(Lexicon.info("40%").contains(.quantity))
        #expect(Vocabulary.builtIn.id(of: "zyzzyva") == -1 && Lexicon.info("zyzzyva") == [])
    }
}

/// The tokenizer reads bytes and gives offsets in Unicode scalars; keywords and word forms are
/// flags and ids, so the rules never compare Strings.
@Suite struct SegmenterTests {
    @Test func everyKeywordsIdIsItsRawValue() {
        for keyword in Keyword.allCases {
            #expect(Vocabulary.builtIn.id(of: keyword.spelling) == keyword.rawValue, "\(keyword.spelling)")
        }
        #expect(Keyword.didnt.spelling == "didn't" && Keyword.iM.spelling == "i'm" && Keyword.as.spelling == "as")
        // The spellings are a table in the order of the cases: each is its case's name, apostrophe put back.
        for keyword in Keyword.allCases {
            let name = "\(keyword)"
            let expected = name == "itS" ? "it's" : name == "iM" ? "i'm" : name.hasSuffix("nt") && keyword.spelling.hasSuffix("n't") ? String(name.dropLast(2)) + "n't" : name
            #expect(keyword.spelling == expected, "\(name)")
        }
    }

    @Test func wordFormsAreFlagged() {
        #expect(Lexicon.info("i'd").contains(.endsApostropheD) && Lexicon.info("she'd").contains(.endsApostropheD))
        #expect(Lexicon.info("we'll").contains(.endsApostropheLL) && !Lexicon.info("well").contains(.endsApostropheLL))
        #expect(Lexicon.info("i'm").contains(.endsApostropheMOrRe) && Lexicon.info("they're").contains(.endsApostropheMOrRe))
        #expect(!Lexicon.info("here").contains(.endsApostropheMOrRe) && !Lexicon.info("me").contains(.endsApostropheMOrRe))
        #expect(Lexicon.info("walking").contains(.endsIng) && !Lexicon.info("ng").contains(.endsIng))
        #expect(Lexicon.info("led").contains(.endsEd) && Lexicon.info("ed").contains(.endsEd) && !Lexicon.info("d").contains(.endsEd))
        #expect(Lexicon.info("runs").contains(.endsS) && !Lexicon.info("run").contains(.endsS))
        #expect(Lexicon.info("5th").contains(.numeral) && Lexicon.info("ⅻ").contains(.numeral) && !Lexicon.info("five").contains(.numeral))
        #expect(Lexicon.info("five").contains(.numberWord) && Lexicon.info("would").contains(.modal) && Lexicon.info("done").contains(.participle))
    }

    @Test func offsetsCountScalarsAndQuotesKeepTheOriginal() {
        let text = "Café staff — I CALLED her’s mom. Then 2,500 people; 🙂 naïve İstanbul 50%"
        let segmenter = TextSegmenter(text, vocabulary: .builtIn)
        #expect(segmenter.words == ["café", "staff", "i", "called", "her's", "mom", "then", "2,500", "people", "naïve", "i̇stanbul", "50%"])
        let scalars = Array(text.unicodeScalars)
        for token in segmenter.tokens {
            #expect(segmenter.text(token.start, token.end) == String(String.UnicodeScalarView(scalars[token.start..<token.end])))
        }
        #expect(segmenter.text(segmenter.tokens[4].start, segmenter.tokens[4].end) == "her’s")
        #expect(segmenter.clauses.map { segmenter.text($0.start, $0.end) } == ["Café staff", "I CALLED her’s mom", "Then 2,500 people", "naïve İstanbul 50%"])
        #expect(segmenter.sentenceCount == 3)
        #expect(TextSegmenter("plain ascii, here", vocabulary: .builtIn).text(6, 11) == "ascii")
        #expect(TextSegmenter("", vocabulary: .builtIn).tokens.isEmpty && TextSegmenter("''' ...", vocabulary: .builtIn).clauses.isEmpty)
    }
}

extension SegmenterTests {
    /// "İ" lowercases to two scalars, three bytes from two: the most any letter grows.
    @Test func lettersThatGrowWhenLowercasedFit() {
        let word = String(repeating: "İ", count: 1_000)
        #expect(TextSegmenter(word, vocabulary: .builtIn).words == [String(repeating: "i\u{307}", count: 1_000)])
        #expect(TextSegmenter("x" + word + " İİ", vocabulary: .builtIn).words.last == "i\u{307}i\u{307}")
    }

    @Test func aTokenTakesFortyEightBytes() {
        #expect(MemoryLayout<Token>.stride == 48)
    }

    @Test func paragraphsAreThePartsBetweenBlankLines() {
        #expect(TextSegmenter("One answer. Two sentences.", vocabulary: .builtIn).paragraphs.isEmpty)
        #expect(TextSegmenter("I usually listen.\n\nLast week I sat with him.", vocabulary: .builtIn).paragraphs == ["I usually listen", "Last week I sat with him"])
        #expect(TextSegmenter("I usually listen.\r\n\r\nLast week I sat with him.", vocabulary: .builtIn).paragraphs == ["I usually listen", "Last week I sat with him"])
        #expect(TextSegmenter("A line.\nAnother line.", vocabulary: .builtIn).paragraphs.isEmpty)
    }
}
