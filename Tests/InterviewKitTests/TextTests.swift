import Testing
@testable import InterviewKit

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
    @Test func byteStemsMatchCharacterStems() throws {
        let words = ["planned", "stopped", "listening", "validated", "validates", "studies", "supervision", "stations", "callings",
                     "carefully", "client's", "it's", "yes", "goes", "feed", "ill", "calls", "buses", "relational", "rapport", "trust", "a", "",
                     "coordinated", "consulted", "worried", "hopes", "hoped", "running", "dropped", "agreed", "skills"]
        for word in words {
            #expect(CompetencyAnalyzer.stem(word) == CompetencyAnalyzer.stemCharacters(word), "\(word)")
        }
        #expect(CompetencyAnalyzer.stem("planned") == "plan")
        #expect(CompetencyAnalyzer.stem("studies") == "study")
        #expect(CompetencyAnalyzer.stem("naïvely") == CompetencyAnalyzer.stemCharacters("naïvely"))
    }
}
