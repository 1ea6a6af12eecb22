import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

@Suite struct ScenarioLoaderTests {
    /// The one diagnostic of a given code, failing the test when there is not exactly one.
    func only(_ code: String, in result: ScenarioLoadResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let matching = result.diagnostics.filter { $0.code == code && $0.severity == .error }
        #expect(matching.count == 1, "diagnostics: \(result.diagnostics)", sourceLocation: sourceLocation)
        return matching.first
    }

    func position(_ diagnostic: Diagnostic?) -> [Int]? {
        diagnostic.map { [$0.location.line, $0.location.column] }
    }

    @Test func loadsACompleteScenario() throws {
        let xml = scenarioXML(
            """
            <question id="first" kind="behavioral" assesses="listening" max-probes="1">
              <ask>Tell me about a time
                   you listened.</ask>
              <ask>Describe a time you listened.</ask>
              <hint>One client.</hint>
              <probe id="first-example" when="followup == 'example'"><ask>One time?</ask></probe>
              <probe when="not fake.result"><ask>How did it end?</ask></probe>
              <next when="fake.words &lt; 5" goto="scaffold"/>
              <end when="fake.tone == 'cold'"/>
            </question>
            <question id="scaffold" branch-only="true" kind="situational"><ask>Try again?</ask></question>
            <question id="last" kind="goals"><ask>Goals?</ask><next goto="first"/></question>
            """,
            competencies: "\n<competencies><competency id=\"listening\" label=\"Listening\"><cue>listened</cue><cue>reflective listening</cue></competency></competencies>")
        let result = load(xml)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.id == "test")
        #expect(scenario.title == "Test")
        #expect(scenario.opening == "Hello.")
        #expect(scenario.maxProbes == Scenario.defaultMaxProbes)
        #expect(scenario.competencies.map(\.cues) == [["listened", "reflective listening"]])
        #expect(scenario.questions.map(\.id) == ["first", "scaffold", "last"])
        #expect(scenario.sequence.map(\.id) == ["first", "last"])
        let first = scenario.questions[0]
        #expect(first.phrasings == ["Tell me about a time you listened.", "Describe a time you listened."])
        #expect(first.hint == "One client.")
        #expect(first.assesses == ["listening"])
        #expect(first.maxProbes == 1)
        #expect(first.probes.map(\.id) == ["first-example", "first#2"])
        #expect(first.branches.map(\.target) == [.question("scaffold"), .end])
        #expect(first.branches[0].condition?.description == "fake.words < 5")
        #expect(first.location.line == 9)  // the competencies take line 7
        #expect(scenario.questions[1].kind == .situational)
        #expect(scenario.questions[2].branches[0].condition == nil)
    }

    /// Competency ids may contain '-', so conditions must be able to name `competency.integrated-care`.
    @Test func conditionsNameCompetenciesWithHyphens() throws {
        let analyzers = try AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let xml = scenarioXML(
            """
            <question id="plan"><ask>Tell me about a plan.</ask>
              <probe when="not competency.integrated-care and star.score &gt;-1"><ask>Both together?</ask></probe>
            </question>
            """,
            competencies: "\n<competencies><competency id=\"integrated-care\" label=\"Integrated care\"><cue>integrated</cue></competency></competencies>")
        #expect(load(xml, analyzers: analyzers).diagnostics.isEmpty)
        let typo = load(xml.replacingOccurrences(of: "competency.integrated-care", with: "competency.integrated-"), analyzers: analyzers)
        #expect(typo.diagnostics.map(\.code) == ["condition"], "\(typo.diagnostics)")
    }

    @Test func malformedXMLIsReportedWithLibxml2sPosition() {
        let result = load(scenarioXML("<question id=\"a\"><ask>Hi</ask>\n</questions>"))
        #expect(result.scenario == nil)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.code == "xml")
        #expect(diagnostic?.message.hasPrefix("malformed XML:") == true)
        #expect(diagnostic?.location.line == 9)
    }

    @Test func doctypeIsRejected() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE interview [<!ENTITY x \"boom\">]>\n<interview xmlns=\"urn:rehearse:scenario:1\" id=\"a\" version=\"1\"/>"
        let diagnostic = only("doctype", in: load(xml))
        #expect(position(diagnostic) == [2, 1])
    }

    @Test func unknownElementAndAttributeWithSuggestions() {
        let result = load(scenarioXML("<question id=\"a\" knd=\"goals\">\n  <ask>Hi</ask>\n  <hnt>x</hnt>\n</question>"))
        let attribute = only("unknown-attribute", in: result)
        #expect(position(attribute) == [8, 18])
        #expect(attribute?.message.contains("Did you mean 'kind'?") == true)
        let element = only("unknown-element", in: result)
        #expect(position(element) == [10, 3])
        #expect(element?.message.contains("Did you mean 'hint'?") == true)
    }

    @Test func missingRequiredContent() {
        let xml = """
            <?xml version="1.0"?>
            <interview xmlns="urn:rehearse:scenario:1" version="1">
              <role>R</role>
              <opening>Hi</opening>
              <closing></closing>
              <questions>
                <question kind="general"><hint>x</hint></question>
              </questions>
            </interview>
            """
        let result = load(xml)
        #expect(result.scenario == nil)
        let missing = result.diagnostics.filter { $0.code == "missing-attribute" }.map { [$0.location.line, $0.location.column] }
        #expect(missing == [[2, 1], [7, 5]])
        let title = result.diagnostics.first { $0.code == "missing-element" && $0.message.contains("<title>") }
        #expect(position(title) == [2, 1])
        let ask = result.diagnostics.first { $0.code == "missing-element" && $0.message.contains("<ask>") }
        #expect(position(ask) == [7, 5])
        let empty = only("empty-element", in: result)
        #expect(position(empty) == [5, 3])
    }

    @Test func duplicateIdsPointAtBothPlaces() {
        let result = load(scenarioXML("<question id=\"a\"><ask>One</ask></question>\n<question id=\"a\"><ask>Two</ask></question>"))
        let diagnostic = only("duplicate-id", in: result)
        #expect(position(diagnostic) == [9, 1])
        let note = result.diagnostics.first { $0.severity == .note }
        #expect(position(note) == [8, 1])
    }

    /// Every later use of a probe id points back at its first use, within a question and across them.
    @Test func duplicateProbeIdsPointAtTheFirst() {
        let result = load(scenarioXML(
            """
            <question id="a"><ask>One</ask><probe id="p" when="true"><ask>x</ask></probe>
              <probe id="p" when="true"><ask>y</ask></probe></question>
            <question id="b"><ask>Two</ask><probe id="p" when="true"><ask>z</ask></probe></question>
            """))
        let duplicates = result.diagnostics.filter { $0.code == "duplicate-id" && $0.severity == .error }
        #expect(duplicates.map { position($0) } == [[9, 3], [10, 32]])
        #expect(duplicates.allSatisfy { $0.message.contains("first used at line 8") })
        let notes = result.diagnostics.filter { $0.severity == .note }
        #expect(notes.map { position($0) } == [[8, 32], [8, 32]])
    }

    /// The compiler matches names by their index in the document's strings: each text has one
    /// index, whether libxml2 hands it over as an element name, an attribute name or a URI.
    @Test func namesAreMatchedByIndex() throws {
        let parsed = XMLParser.parse(Array("<id xmlns=\"id\" id=\"1\"><x:id xmlns:x=\"id\" x:id=\"2\" id=\"3\"/></id>".utf8), file: "t.xml")
        let document = try #require(parsed.document)
        let id = document.index(ofString: "id")
        #expect(id >= 0 && document.strings.filter { $0 == "id" }.count == 1)
        #expect(document.index(ofString: "absent") == -1)
        let root = document.root
        let child = try #require(root.children.first)
        #expect([root.nameIndex, root.namespaceIndex, child.nameIndex, child.namespaceIndex] == [id, id, id, id])
        #expect(root.attribute(nameIndex: id)?.value == "1")
        // The prefixed x:id is in a namespace; the plain one is found.
        #expect(child.attribute(nameIndex: id)?.value == "3")
        #expect(child.attribute(nameIndex: -1) == nil)
        #expect(root.children.count == 1 && child.children.count == 0)
    }

    /// Every name the compiler matches is one the schema defines.
    @Test func scenarioNamesAreTheSchemas() throws {
        let schema = try String(contentsOfFile: ShippedScenarioTests.scenarios.appendingPathComponent("schema/interview.xsd").path, encoding: .utf8)
        for name in ScenarioName.allCases {
            #expect(schema.contains("name=\"\(name.text)\""), "\(name.text)")
        }
        #expect(Set(ScenarioName.allCases.map(\.text)).count == ScenarioName.allCases.count)
    }

    @Test func branchToAnUnknownQuestion() {
        let result = load(scenarioXML("<question id=\"crisis-plan\"><ask>One</ask>\n  <next goto=\"crisis\"/></question>"))
        let diagnostic = only("unknown-question", in: result)
        #expect(diagnostic?.message.hasPrefix("unknown question id 'crisis'") == true)
        #expect(position(diagnostic) == [9, 15])
        #expect(diagnostic?.description == "test.xml:9:15: error: unknown question id 'crisis'.")
    }

    @Test func conditionErrorsPointInsideTheAttribute() {
        let result = load(scenarioXML("<question id=\"a\"><ask>One</ask>\n  <probe when=\"fake.result and\"><ask>x</ask></probe></question>"))
        let diagnostic = only("condition", in: result)
        // The value starts at column 16; the error is at offset 15 within it.
        #expect(position(diagnostic) == [9, 31])
    }

    @Test func conditionColumnsAccountForEntityReferences() {
        let result = load(scenarioXML("<question id=\"a\"><ask>One</ask>\n  <next when=\"fake.words &lt; 3 and fake.rsult\" goto=\"a\"/></question>"))
        let diagnostic = only("unknown-feature", in: result)
        // "fake.words < 3 and " is 19 scalars; in the source "&lt;" takes 4 columns for 1.
        #expect(position(diagnostic) == [9, 15 + 19 + 3])
        #expect(diagnostic?.message.contains("Did you mean 'fake.result'?") == true)
    }

    @Test func featureFromAnAnalyzerNotInUse() {
        let xml = scenarioXML("<question id=\"a\"><ask>One</ask>\n  <probe when=\"not star.result\"><ask>x</ask></probe></question>")
        let diagnostic = only("unknown-feature", in: load(xml))
        #expect(position(diagnostic) == [9, 20])
        #expect(diagnostic?.message.contains("(analyzers in use: fake)") == true)
        // With the STAR analyzer in use, the same file loads.
        #expect(load(xml, analyzers: AnalyzerSet([STARAnalyzer()])).scenario != nil)
    }

    @Test func namespaces() {
        let none = "<interview id=\"a\" version=\"1\"/>"
        #expect(only("namespace", in: load(none))?.message.contains("add xmlns=\"urn:rehearse:scenario:1\"") == true)
        let future = "<interview xmlns=\"urn:rehearse:scenario:2\" id=\"a\" version=\"1\"/>"
        #expect(only("format-version", in: load(future))?.message.contains("version 2") == true)
    }

    @Test func invalidValues() {
        let result = load(scenarioXML("<question id=\"9a\" kind=\"behavioural\" max-probes=\"11\" branch-only=\"yes\"><ask>x</ask></question>"))
        let codes = result.diagnostics.map(\.code)
        #expect(codes == ["invalid-id", "invalid-value", "invalid-value", "invalid-value"])
        #expect(result.diagnostics[1].message.contains("Did you mean 'behavioral'?"))
        #expect(position(result.diagnostics[0]) == [8, 15])
    }

    @Test func unknownCompetencyInAssesses() {
        let result = load(
            scenarioXML("<question id=\"a\" assesses=\"listening empathy\"><ask>x</ask></question>",
                        competencies: "\n<competencies><competency id=\"listening\" label=\"L\"><cue>x</cue></competency></competencies>"))
        let diagnostic = only("unknown-competency", in: result)
        // Line 7 holds the competencies, so the questions start one line later.
        #expect(position(diagnostic) == [9, 38])
    }

    /// Ids in `assesses` are split at spaces, however many, and each unknown one is placed at its
    /// own column, counted in scalars also after non-ASCII text.
    @Test func unknownCompetenciesAmongSeveralSpaces() {
        let competencies = "\n<competencies><competency id=\"listening\" label=\"L\"><cue>x</cue></competency></competencies>"
        let ascii = load(scenarioXML("<question id=\"a\" assesses=\" listening  empathy listening\"><ask>x</ask></question>", competencies: competencies))
        #expect(ascii.diagnostics.filter { $0.code == "unknown-competency" }.map { position($0) } == [[9, 40]])
        let valid = load(scenarioXML("<question id=\"a\" assesses=\" listening  listening \"><ask>x</ask></question>", competencies: competencies))
        #expect(valid.scenario?.questions[0].assesses == ["listening", "listening"], "\(valid.diagnostics)")
        let accented = load(scenarioXML("<question id=\"a\" assesses=\"élan  listening café\"><ask>x</ask></question>", competencies: competencies))
        let unknown = accented.diagnostics.filter { $0.code == "unknown-competency" }
        #expect(unknown.map { position($0) } == [[9, 28], [9, 44]])
        #expect(unknown.last?.message.hasPrefix("unknown competency id 'café'") == true)
    }

    @Test func elementOrderInsideAQuestion() {
        let result = load(scenarioXML("<question id=\"a\"><ask>x</ask><next goto=\"a\"/><probe when=\"true\"><ask>y</ask></probe></question>"))
        #expect(only("element-order", in: result)?.message.contains("<probe> must come before <next>") == true)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let result = load(scenarioXML(
            "<question id=\"a\" colour=\"red\"><ask>x</ask><next goto=\"b\"/></question>\n<question id=\"c\"><probe when=\"fake.nope\"><ask>y</ask></probe></question>"))
        #expect(Set(result.diagnostics.map(\.code)) == ["unknown-attribute", "unknown-question", "unknown-feature", "missing-element"])
        #expect(result.diagnostics == result.diagnostics.sortedByLocation())
    }

    @Test func branchOnlyEverywhereLeavesNowhereToStart() {
        #expect(only("no-sequence", in: load(scenarioXML("<question id=\"a\" branch-only=\"true\"><ask>x</ask></question>"))) != nil)
    }

    @Test func textWhereElementsBelong() {
        #expect(only("unexpected-text", in: load(scenarioXML("<question id=\"a\">Why?<ask>x</ask></question>"))) != nil)
    }

    /// Text comes from libxml2 in pieces (around comments, CDATA sections and references) and is
    /// read as one; references in values are decoded; a prefixed element is in its namespace.
    @Test func textAndValuesAreReadAsWritten() throws {
        let xml = scenarioXML(
            """
            <question id="a"><ask>Fish <!-- a note --> &amp; chips,<![CDATA[ <served> ]]>caf&#233;
                style?</ask>
            <r:hint xmlns:r="urn:rehearse:scenario:1">One &lt;client&gt;.</r:hint></question>
            """,
            competencies: "\n<competencies><competency id=\"listening\" label=\"Listening &amp; empathy\"><cue>listened</cue></competency></competencies>")
        let result = load(xml)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.questions[0].phrasings == ["Fish & chips, <served> caf\u{e9} style?"])
        #expect(scenario.questions[0].hint == "One <client>.")
        #expect(scenario.competencies[0].label == "Listening & empathy")
    }

    @Test func positionsInsideAStartTagOverSeveralLines() {
        let result = load(scenarioXML("<question\n    id=\"a\"\n  colour=\"red\"><ask>x</ask>\n<hint>h</hint><hint>i</hint></question>"))
        #expect(position(only("unknown-attribute", in: result)) == [10, 3])
        // The second <hint> on a line is placed at its own column, not the first one's.
        #expect(position(only("duplicate-element", in: result)) == [11, 15])
    }

    @Test func encodingsAndLineEnds() throws {
        let xml = scenarioXML("<question id=\"a\"><ask>Caf\u{e9}?</ask></question>")
        // CRLF line ends
        let crlf = load(xml.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.scenario?.questions.first?.phrasings == ["Caf\u{e9}?"])
        // UTF-8 byte order mark
        #expect(ScenarioLoader(analyzers: .fake).load([0xEF, 0xBB, 0xBF] + Array(xml.utf8), file: "bom.xml").scenario != nil)
        // UTF-16 little endian with a byte order mark
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(ScenarioLoader(analyzers: .fake).load(utf16, file: "utf16.xml").scenario?.questions.first?.phrasings == ["Caf\u{e9}?"])
    }

    @Test func emptyAndBinaryFiles() {
        #expect(only("empty-file", in: ScenarioLoader(analyzers: .fake).load([UInt8](), file: "e.xml")) != nil)
        #expect(only("nul-byte", in: load("<interview>\u{0}</interview>")) != nil)
    }

    @Test func unreadablePaths() {
        let loader = ScenarioLoader(analyzers: .fake)
        #expect(only("no-such-file", in: loader.load(contentsOf: "/nonexistent/scenario.xml")) != nil)
        #expect(only("is-directory", in: loader.load(contentsOf: "/tmp")) != nil)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
