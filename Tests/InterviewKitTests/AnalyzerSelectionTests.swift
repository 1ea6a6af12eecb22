import Testing
@testable import InterviewCore
@testable import InterviewKit

/// Choosing analyzers from what a user names, as every front does.
@Suite struct AnalyzerSelectionTests {
    @Test func namesSplitAtCommasButAPluginKeepsTheRest() {
        #expect(AnalyzerSelection([]).names == AnalyzerRegistry.defaultIdentifiers.map(AnalyzerSelection.Name.builtIn))
        #expect(AnalyzerSelection(["star, smart", "exec:./a.sh --x 1,2", "delivery"]).names == [
            .builtIn("star"), .builtIn("smart"), .plugin("exec:./a.sh --x 1,2"), .builtIn("delivery"),
        ])
        #expect(AnalyzerSelection(["star,exec:run 'a, b'"]).names == [.builtIn("star"), .plugin("exec:run 'a, b'")])
    }

    @Test func onlyPluginsNamedPutTheDefaultBuiltInsFirst() throws {
        let plugin = FakeAnalyzer()
        let onlyPlugin = try AnalyzerSelection(["exec:fake"]).resolve { _ in plugin }
        #expect(onlyPlugin.identifiers == AnalyzerRegistry.defaultIdentifiers + ["fake"])
        let ordered = try AnalyzerSelection(["exec:fake", "star"]).resolve { _ in plugin }
        #expect(ordered.identifiers == ["fake", "star"])
        let leftOut = try AnalyzerSelection(["star", "exec:broken"]).resolve { _ in nil }
        #expect(leftOut.identifiers == ["star"])
        #expect(!onlyPlugin.analysesInParallel || onlyPlugin.analyzers.allSatisfy { $0.origin == nil })
    }

    @Test func mistakesSayWhatIsWrong() throws {
        #expect(throws: AnalyzerSelectionError.self) { try AnalyzerSelection(["stra"]).resolve { _ in nil } }
        #expect(throws: AnalyzerSelectionError.self) { try AnalyzerSelection(["exec:a", "exec:b"]).resolve { _ in FakeAnalyzer() } }
        #expect(throws: AnalyzerSelectionError.self) { try AnalyzerSelection.words(of: "run 'open") }
        #expect(try AnalyzerSelection.words(of: #"python3 "my file.py"  --x 'a b'"#) == ["python3", "my file.py", "--x", "a b"])
    }
}
