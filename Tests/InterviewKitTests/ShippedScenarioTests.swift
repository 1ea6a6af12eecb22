import CLibXML2
import Foundation
import Testing
@testable import AnalyzerPlugins
@testable import BuiltInAnalyzers
@testable import InterviewCore
@testable import InterviewKit
@testable import ScenarioXML
@testable import SystemIO
@testable import Transcripts

/// The shipped scenarios load cleanly, and the XSD that editors use agrees with the loader.
@Suite struct ShippedScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("Scenarios")
    static let schema = scenarios.appendingPathComponent("schema/interview.xsd").path

    static var shipped: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { scenarios.appendingPathComponent($0).path }
    }

    @Test func thereAreShippedScenarios() {
        #expect(Self.shipped.contains { $0.hasSuffix("quick-start.xml") })
    }

    @Test(arguments: shipped)
    func loadsWithoutDiagnostics(path: String) {
        let analyzers = try! AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let result = ScenarioLoader(analyzers: analyzers).load(contentsOf: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.scenario != nil)
    }

    /// What the scenario library promises its users: hints, competencies, probes and at least two
    /// conditional branches in every scenario, and a test file beside each one.
    @Test(arguments: shipped)
    func isAFullScenario(path: String) throws {
        let analyzers = try AnalyzerRegistry.builtIn.resolve(AnalyzerRegistry.defaultIdentifiers)
        let scenario = try #require(ScenarioLoader(analyzers: analyzers).load(contentsOf: path).scenario)
        #expect(!scenario.competencies.isEmpty && scenario.competencies.allSatisfy { !$0.cues.isEmpty })
        for question in scenario.questions {
            #expect(question.phrasings.indices.allSatisfy { question.hint(forPhrasing: $0) != nil }, "every phrasing of '\(question.id)' has a hint")
            #expect(question.maxProbes == 0 || !question.probes.isEmpty, "'\(question.id)' may probe, so it has a probe")
        }
        let conditionalBranches = scenario.questions.flatMap(\.branches).filter { $0.condition != nil }
        #expect(conditionalBranches.count >= 2)
        #expect(!scenario.closing.isEmpty)
        #expect(FileManager.default.fileExists(atPath: path.replacingOccurrences(of: ".xml", with: ".test.json")))
        if !path.hasSuffix("quick-start.xml") {
            #expect(scenario.sequence.count >= 4)
        } else {
            #expect(scenario.sequence.count == 3)
        }
    }

    @Test(arguments: shipped)
    func validatesAgainstTheSchema(path: String) {
        #expect(SchemaValidator.problems(path, schema: Self.schema) == [])
    }

    /// Files both the schema and the loader reject: the schema is no looser than the loader on these.
    @Test(arguments: [
        ("<question id=\"a\"><hint>x</hint></question>", "missing-element"),
        ("<question id=\"a\"><ask>x</ask><next goto=\"nowhere\"/></question>", "unknown-question"),
        ("<question id=\"a\"><ask>x</ask><hnt>x</hnt></question>", "unknown-element"),
        ("<question id=\"a\" knd=\"x\"><ask>x</ask></question>", "unknown-attribute"),
        ("<question id=\"a\"><ask>x</ask></question><question id=\"a\"><ask>y</ask></question>", "duplicate-id"),
        ("<question id=\"a\" kind=\"casual\"><ask>x</ask></question>", "invalid-value"),
        ("<question id=\"a\"><ask>x</ask><next goto=\"a\"/><probe when=\"true\"><ask>y</ask></probe></question>", "element-order"),
    ])
    func schemaAndLoaderAgree(body: String, code: String) throws {
        let xml = scenarioXML(body)
        #expect(load(xml).diagnostics.contains { $0.code == code })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-schema-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(!SchemaValidator.problems(file.path, schema: Self.schema).isEmpty)
    }
}

/// XSD validation through libxml2, for tests.
enum SchemaValidator {
    final class Messages {
        var lines: [String] = []
    }

    static func problems(_ path: String, schema: String) -> [String] {
        let messages = Messages()
        rehearse_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(messages).toOpaque()) { context, error in
            guard let context, let error, let text = error.pointee.message else { return }
            Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue().lines.append("\(error.pointee.line): \(String(cString: text))")
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let parser = xmlSchemaNewParserCtxt(schema) else { return ["cannot open schema"] }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let compiled = xmlSchemaParse(parser) else { return ["schema does not compile"] + messages.lines }
        defer { xmlSchemaFree(compiled) }
        guard let validator = xmlSchemaNewValidCtxt(compiled) else { return ["no validation context"] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        let status = withExtendedLifetime(messages) { xmlSchemaValidateFile(validator, path, 0) }
        return status == 0 ? [] : (messages.lines.isEmpty ? ["invalid (status \(status))"] : messages.lines)
    }
}
