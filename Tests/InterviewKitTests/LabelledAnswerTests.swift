import Testing
@testable import InterviewCore
@testable import InterviewKit

/// Labelled answers for `rehearse eval`: a line without a `followup` label gets the one its STAR
/// labels call for, by the guide's priority rule.
@Suite struct LabelledAnswerTests {
    @Test func theFollowupIsDerivedByThePriorityRule() {
        func derived(_ example: Bool, _ situation: Bool, _ action: Bool, _ result: Bool) -> String? {
            LabelledAnswer.followup(derivedFrom: ["specific_example": example, "situation": situation, "action": action, "result": result])
        }
        #expect(derived(false, false, false, false) == "example")
        #expect(derived(true, true, false, false) == "action")
        #expect(derived(true, false, true, false) == "result")
        #expect(derived(true, false, true, true) == "situation")
        #expect(derived(true, true, true, true) == "none")
        #expect(LabelledAnswer.followup(derivedFrom: ["specific_example": true]) == nil)
    }

    @Test func aLineKeepsItsOwnFollowupAndGoalsGetNone() throws {
        let text = """
            {"id": "a", "answer": "x", "specific_example": true, "situation": true, "action": true, "result": false}
            {"id": "b", "answer": "x", "specific_example": true, "situation": true, "action": true, "result": false, "followup": "none"}
            {"id": "c", "answer": "x", "kind": "goals", "smart.specific": true}
            """
        let items = try LabelledAnswer.parseLines(text, file: "t.jsonl")
        #expect(items.map(\.followup) == ["result", "none", nil])
    }
}
