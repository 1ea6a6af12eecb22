import Testing
@testable import rehearse
import InterviewKit

@Suite struct LineWrappingTests {
    /// Wide characters take two columns, so a line of them is broken at half the letters.
    @Test func wideCharactersAndEmojiCountTwoColumns() {
        #expect(TerminalColumns.width(of: "abc") == 3)
        #expect(TerminalColumns.width(of: "面试练习") == 8)
        #expect(TerminalColumns.width(of: "👍🏽 ok") == 5)
        #expect(TerminalColumns.width(of: "e\u{301}") == 1, "a combining accent takes no column of its own")
        #expect(TerminalColumns.width(of: "👨‍👩‍👧") == 2, "one emoji made of several")
        let text = "Interviewer: " + Array(repeating: "请说一个具体的例子", count: 8).joined(separator: " ")
        for line in LineWrapping.wrap(text, width: 40).split(separator: "\n") {
            #expect(TerminalColumns.width(of: line) <= 40, "\(line)")
        }
        #expect("面试".padding(to: 6) == "面试  ")
        // Chinese is written without spaces: it breaks between characters, never before a comma or full stop.
        let unspaced = "Interviewer: 请告诉我一次你和一位不愿意参加治疗的来访者一起工作的经历，你当时做了什么，结果怎么样。"
        let lines = LineWrapping.wrap(unspaced, width: 30).split(separator: "\n")
        #expect(lines.count > 2, "\(lines)")
        for line in lines {
            #expect(TerminalColumns.width(of: line) <= 30, "\(line)")
            #expect(!line.hasPrefix("，") && !line.hasPrefix("。"), "\(line)")
        }
        #expect(lines.joined() == unspaced, "nothing is lost or added but the breaks")
    }

    @Test func linesBreakAtSpacesNeverInsideAWord() {
        let text = "Interviewer: Tell me about a time you worked with a client who didn't want to be in treatment. What happened?"
        let wrapped = LineWrapping.wrap(text, width: 40)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(lines.joined(separator: " ") == text[...], "no word is split and none is lost")
    }

    @Test func aContinuationLinesUpUnderTheBullet() {
        let wrapped = LineWrapping.wrap("  - Say what you yourself did, in the first person: two or three concrete steps.", width: 30)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("  - Say") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }, "\(lines)")
        let numbered = LineWrapping.wrap("12. What is one professional goal you are working toward right now?", width: 30).split(separator: "\n")
        #expect(numbered.dropFirst().allSatisfy { $0.hasPrefix("    ") }, "\(numbered)")
    }

    @Test func aWordLongerThanTheLineStaysWhole() {
        let path = "/tmp/" + String(repeating: "x", count: 50) + ".jsonl"
        let wrapped = LineWrapping.wrap("Transcript: \(path)", width: 30)
        #expect(wrapped.contains(path))
    }

    @Test func styledTextBreaksAtTheSamePlaces() {
        let styled = StyledText("Interviewer:", code: "1") + " " + "one two three four five six seven eight nine ten"
        let rendered = styled.rendered(width: 20)
        #expect(rendered.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") == LineWrapping.wrap("Interviewer: one two three four five six seven eight nine ten", width: 20))
    }
}
