/// Builds valid scenarios of any size, shaped like real ones: two phrasings, a hint, three probes
/// and a branch per question, every fifth question branch-only.
enum ScenarioGenerator {
    /// `oneLine` writes the same scenario without a line break.
    static func xml(questions count: Int, oneLine: Bool = false) -> String {
        let text = lines(questions: count)
        return oneLine ? text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined() : text
    }

    /// A scenario whose questions' `<ask>` tags each carry `attributes` unknown attributes: every
    /// one an error, which loading must count in time linear in the file.
    static func attributeHeavy(tags: Int, attributes: Int) -> String {
        let extra = (0..<attributes).map { "x\($0)=\"\($0)\"" }.joined(separator: " ")
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <interview xmlns="urn:rehearse:scenario:1" id="attributes" version="1">
              <title>Attributes</title><role>Benchmark</role><opening>O</opening><closing>C</closing>
              <questions>

            """
        for index in 0..<tags {
            text += "    <question id=\"q\(index)\"><ask \(extra)>Question \(index)?</ask></question>\n"
        }
        return text + "  </questions>\n</interview>\n"
    }

    private static func lines(questions count: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <interview xmlns="urn:rehearse:scenario:1" id="generated-\(count)" version="1">
              <title>Generated scenario with \(count) questions</title>
              <role>Benchmark</role>
              <opening>Welcome to a long interview.</opening>
              <closing>That is the end.</closing>
              <competencies>
                <competency id="listening" label="Listening"><cue>listened</cue><cue>reflective listening</cue></competency>
              </competencies>
              <questions>

            """
        text.reserveCapacity(count * 900)
        for index in 0..<count {
            let branchOnly = index % 5 == 4 ? " branch-only=\"true\"" : ""
            let target = index % 5 == 3 && index + 1 < count ? "\n      <next when=\"star.score &lt;= 1\" goto=\"q\(index + 1)\"/>" : ""
            text += """
                    <question id="q\(index)" kind="behavioral" assesses="listening"\(branchOnly)>
                      <ask>Tell me about a time you handled situation number \(index) with a client.</ask>
                      <ask>Describe one occasion, number \(index), when a client needed you.</ask>
                      <hint>One client, what you did, how it ended.</hint>
                      <probe id="q\(index)-example" when="followup == 'example'"><ask>Can you give me one specific time?</ask></probe>
                      <probe id="q\(index)-own" when="star.we_only or followup == 'action'"><ask>What did you yourself do?</ask></probe>
                      <probe id="q\(index)-result" when="star.action and not star.result"><ask>How did it turn out?</ask></probe>\(target)
                    </question>

                """
        }
        text += "  </questions>\n</interview>\n"
        return text
    }
}
