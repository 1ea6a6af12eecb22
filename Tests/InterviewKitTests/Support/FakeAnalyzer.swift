import InterviewKit

/// A predictable analyzer for engine and loader tests: it reacts to marker words.
/// "specifically" makes the answer specific, "outcome" gives it a result, "warm" sets the tone.
struct FakeAnalyzer: Analyzer {
    let identifier = "fake"
    let version = "test"
    let summary = "test double"
    let followups = ["example", "result"]

    var features: [FeatureDescriptor] {
        [
            FeatureDescriptor("fake.specific", .bool, "contains 'specifically'"),
            FeatureDescriptor("fake.result", .bool, "contains 'outcome'"),
            FeatureDescriptor("fake.words", .number, "word count"),
            FeatureDescriptor("fake.tone", .choice(["warm", "cold"]), "warm when it says 'warm'"),
        ]
    }

    func analyze(_ answer: String, context: AnalysisContext) -> Analysis {
        let words = answer.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.lowercased() }
        let specific = words.contains("specifically")
        let result = words.contains("outcome")
        let followup = !specific ? "example" : !result ? "result" : "none"
        return Analysis(
            features: [
                "fake.specific": .bool(specific),
                "fake.result": .bool(result),
                "fake.words": .number(Double(words.count)),
                "fake.tone": .text(words.contains("warm") ? "warm" : "cold"),
            ],
            followup: followup, reason: "fake reason")
    }
}

extension AnalyzerSet {
    static let fake = AnalyzerSet([FakeAnalyzer()])
}

/// Scenario XML with a fixed six-line header, so tests can name exact lines:
/// line 7 is `<questions>` and `body` starts on line 8.
func scenarioXML(_ body: String, competencies: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <interview xmlns="urn:rehearse:scenario:1" id="test" version="1">
    <title>Test</title>
    <role>Tester</role>
    <opening>Hello.</opening>
    <closing>Goodbye.</closing>\(competencies)
    <questions>
    \(body)
    </questions>
    </interview>

    """
}

func load(_ xml: String, analyzers: AnalyzerSet = .fake) -> ScenarioLoadResult {
    ScenarioLoader(analyzers: analyzers).load(xml, file: "test.xml")
}
