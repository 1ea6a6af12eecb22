import InterviewCore
import BuiltInAnalyzers
import ScenarioXML
import Transcripts
import FoundationEssentials

/// Scenario tests: candidate answers along a path, with the question, probe or end expected after
/// each. Written as JSON beside the scenario (`NAME.test.json`):
///
/// ```json
/// {"scenario": "quick-start.xml",
///  "cases": [{"name": "a general answer gets the example probe", "seed": 1,
///             "steps": [{"expect": "question reluctant-client"},
///                       {"answer": "I always listen.", "expect": "probe reluctant-example"},
///                       {"skip": true, "expect": "question team-disagreement"}]}]}
/// ```
///
/// A step with an answer may also say which competencies the answer so far must show (`"shows"`)
/// and must not (`"does-not-show"`), by id.
public struct ScenarioTestSuite: Sendable {
    public struct Step: Sendable {
        /// The answer given; nil with `skip`, and for the opening step.
        public var answer: String?
        public var skip: Bool
        public var expect: StepTarget
        /// Competencies the answer so far must show, and must not.
        public var shows: [String] = []
        public var doesNotShow: [String] = []
        /// Where the step's "expect" is written in the file.
        public var line: Int
        public var column: Int
    }

    public struct Case: Sendable {
        public var name: String
        public var seed: UInt64
        public var steps: [Step]
    }

    public var scenarioPath: String
    public var cases: [Case]

    /// Parses a test file; `scenario` is resolved against the file's folder.
    public static func parse(_ data: Data, path: String) throws(ScenarioTestError) -> ScenarioTestSuite {
        let bytes = Array(data)
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw ScenarioTestError(path: path, message: "the file is empty; a test file holds {\"scenario\": …, \"cases\": […]}")
        }
        if let problem = JSONSyntax.firstProblem(in: bytes) {
            throw ScenarioTestError(path: path, line: problem.line, column: problem.column, message: "not valid JSON: \(problem.message)")
        }
        guard let object = JSONValue.parse(data)?.object else {
            throw ScenarioTestError(path: path, message: "not a JSON object; a test file holds {\"scenario\": …, \"cases\": […]}")
        }
        var searchFrom = 0
        /// Where `expect` is next written (as a JSON string), searching on from the step before.
        func locate(_ expect: String) -> (line: Int, column: Int) {
            let needle = Array("\"\(expect)\"".utf8)
            guard needle.count <= bytes.count, searchFrom <= bytes.count - needle.count,
                let found = (searchFrom...(bytes.count - needle.count)).first(where: { bytes[$0..<$0 + needle.count].elementsEqual(needle) })
            else { return (1, 1) }
            searchFrom = found + needle.count
            let before = bytes[..<found]
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let column = bytes[lineStart..<found].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return (line, column)
        }
        guard let scenario = object["scenario"]?.string else { throw ScenarioTestError(path: path, message: "missing \"scenario\" (the scenario file, relative to this one)") }
        guard let rawCases = object["cases"]?.array?.compactMap(\.object), rawCases.count == object["cases"]?.array?.count, !rawCases.isEmpty else {
            throw ScenarioTestError(path: path, message: "missing \"cases\" (a list of test cases)")
        }
        var cases: [Case] = []
        for (index, raw) in rawCases.enumerated() {
            let name = raw["name"]?.string ?? "case \(index + 1)"
            guard let rawSteps = raw["steps"]?.array?.compactMap(\.object), rawSteps.count == raw["steps"]?.array?.count, !rawSteps.isEmpty else {
                throw ScenarioTestError(path: path, message: "case '\(name)' has no \"steps\"")
            }
            var steps: [Step] = []
            for (number, step) in rawSteps.enumerated() {
                guard let expect = step["expect"]?.string, let target = parseTarget(expect) else {
                    let (line, column) = step["expect"]?.string.map(locate) ?? (1, 1)
                    throw ScenarioTestError(path: path, line: line, column: column, message: "case '\(name)', step \(number + 1): \"expect\" must be \"question ID\", \"probe QUESTION/PROBE\" or \"end\"")
                }
                let answer = step["answer"]?.string
                let skip = step["skip"]?.bool ?? false
                if number > 0 && answer == nil && !skip {
                    throw ScenarioTestError(path: path, message: "case '\(name)', step \(number + 1): give an \"answer\" or \"skip\": true")
                }
                let (line, column) = locate(expect)
                func ids(_ key: String) throws(ScenarioTestError) -> [String] {
                    guard let value = step[key] else { return [] }
                    guard let list = value.array, let ids = Optional(list.compactMap(\.string)), ids.count == list.count else {
                        throw ScenarioTestError(path: path, line: line, column: column, message: "case '\(name)', step \(number + 1): \"\(key)\" must be a list of competency ids")
                    }
                    if !ids.isEmpty && answer == nil {
                        throw ScenarioTestError(path: path, line: line, column: column, message: "case '\(name)', step \(number + 1): \"\(key)\" needs an \"answer\" to read")
                    }
                    return ids
                }
                steps.append(Step(answer: answer, skip: skip, expect: target, shows: try ids("shows"), doesNotShow: try ids("does-not-show"), line: line, column: column))
            }
            let seed = raw["seed"]?.unsigned ?? 1
            cases.append(Case(name: name, seed: seed, steps: steps))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let scenarioPath = scenario.hasPrefix("/") ? scenario : folder.appendingPathComponent(scenario).path
        return ScenarioTestSuite(scenarioPath: scenarioPath, cases: cases)
    }

    static func parseTarget(_ text: String) -> StepTarget? {
        let words = text.split(separator: " ").map(String.init)
        switch (words.first, words.count) {
        case ("end", 1): return .end
        case ("question", 2): return .question(words[1])
        case ("probe", 2):
            let parts = words[1].split(separator: "/").map(String.init)
            return parts.count == 2 ? .probe(question: parts[0], probe: parts[1]) : nil
        default: return nil
        }
    }

    /// An error for each step that expects a question or probe the scenario does not have, at the
    /// step's "expect", with the closest id: a misspelled id is a mistake in the test, not a failure.
    public func unknownTargets(in scenario: Scenario, path: String) -> [ScenarioTestError] {
        var errors: [ScenarioTestError] = []
        let declared = scenario.cueSets.map(\.id)
        for testCase in cases {
            for (offset, step) in testCase.steps.enumerated() {
                let stepNumber = offset + 1
                let problem: String?
                switch step.expect {
                case .end: problem = nil
                case .question(let id):
                    problem = scenario.question(id) == nil
                        ? "case '\(testCase.name)' expects question '\(id)', which the scenario does not have" + suggestion(id, scenario.questions.map(\.id))
                        : nil
                case .probe(let question, let probe):
                    if let owner = scenario.question(question) {
                        problem = owner.probes.contains { $0.id == probe } ? nil
                            : "case '\(testCase.name)' expects probe '\(probe)', which question '\(question)' does not have" + suggestion(probe, owner.probes.map(\.id))
                    } else {
                        problem = "case '\(testCase.name)' expects a probe of question '\(question)', which the scenario does not have" + suggestion(question, scenario.questions.map(\.id))
                    }
                }
                if let problem { errors.append(ScenarioTestError(path: path, line: step.line, column: step.column, message: problem)) }
                for (key, ids) in [("shows", step.shows), ("does-not-show", step.doesNotShow)] {
                    for id in ids where !declared.contains(id) {
                        errors.append(ScenarioTestError(
                            path: path, line: step.line, column: step.column,
                            message: "case '\(testCase.name)', step \(stepNumber): \"\(key)\" names '\(id)', which the scenario declares as neither a competency nor a topic"
                                + suggestion(id, declared)))
                    }
                }
            }
        }
        return errors
    }

    private func suggestion(_ id: String, _ ids: [String]) -> String {
        closestMatch(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? (ids.isEmpty ? "" : "; it has " + ids.map { "'\($0)'" }.joined(separator: ", "))
    }

    public struct Failure: Sendable, CustomStringConvertible {
        public var caseName: String
        public var step: Int
        public var expected: StepTarget
        public var actual: StepTarget
        public var reason: String
        /// Set when the step went where expected but a competency came out otherwise.
        public var competency: String?

        /// What went wrong at the step, for the report.
        public var description: String {
            competency.map { "step \(step): \($0)" } ?? "step \(step): expected \(expected), got \(actual) (\(reason))"
        }
    }

    /// What the cases reached, for coverage.
    public struct Coverage: Sendable {
        public var questions: Set<String> = []
        public var probes: Set<String> = []
        /// "question#index" for each branch taken.
        public var branches: Set<String> = []
        /// Competencies some step says an answer must show, and must not.
        public var shown: Set<String> = []
        public var notShown: Set<String> = []

        public init() {}

        public mutating func formUnion(_ other: Coverage) {
            questions.formUnion(other.questions)
            probes.formUnion(other.probes)
            branches.formUnion(other.branches)
            shown.formUnion(other.shown)
            notShown.formUnion(other.notShown)
        }

        /// The competencies no step tests both ways: with an answer that must show it and one that must not.
        public func untestedCompetencies(in scenario: Scenario) -> [String] {
            scenario.cueSets.compactMap { competency in
                switch (shown.contains(competency.id), notShown.contains(competency.id)) {
                case (true, true): nil
                case (true, false): "'\(competency.id)' (no answer that must not show it)"
                case (false, true): "'\(competency.id)' (no answer that must show it)"
                case (false, false): "'\(competency.id)'"
                }
            }
        }

        /// What exists in the scenario and no case reached, as readable lines.
        public func missing(in scenario: Scenario) -> [String] {
            var lines: [String] = []
            for question in scenario.questions {
                if !questions.contains(question.id) { lines.append("question '\(question.id)'") }
                for probe in question.probes where !probes.contains(probe.id) { lines.append("probe '\(probe.id)'") }
                for (index, branch) in question.branches.enumerated() where !branches.contains("\(question.id)#\(index)") {
                    lines.append("branch \(index + 1) of '\(question.id)' (to \(branch.target))")
                }
            }
            return lines
        }
    }

    /// Runs every case; returns the failures (at most one per case: the first wrong step) and coverage.
    public func run(with interviewer: Interviewer) -> (failures: [Failure], coverage: Coverage) {
        let engine = interviewer.engine
        var failures: [Failure] = []
        var coverage = Coverage()
        for testCase in cases {
            var turn = engine.start(seed: testCase.seed)
            for (index, step) in testCase.steps.enumerated() {
                if index > 0 {
                    let previous = turn.state.currentQuestion
                    turn = step.skip ? engine.skip(turn.state) : interviewer.respond(to: step.answer ?? "", in: turn.state)
                    if case .branch(let branch) = turn.step.reason.rule, let previous { coverage.branches.insert("\(previous)#\(branch)") }
                }
                switch turn.step.target {
                case .question(let id): coverage.questions.insert(id)
                case .probe(_, let probe): coverage.probes.insert(probe)
                case .end: break
                }
                if turn.step.target != step.expect {
                    failures.append(Failure(caseName: testCase.name, step: index + 1, expected: step.expect, actual: turn.step.target, reason: turn.step.reason.summary))
                    break
                }
                coverage.shown.formUnion(step.shows)
                coverage.notShown.formUnion(step.doesNotShow)
                if let problem = Self.competencyProblem(step, turn.analysis, interviewer.scenario) {
                    failures.append(Failure(
                        caseName: testCase.name, step: index + 1, expected: step.expect, actual: turn.step.target, reason: turn.step.reason.summary,
                        competency: problem))
                    break
                }
            }
        }
        return (failures, coverage)
    }
}

extension ScenarioTestSuite {
    /// The first competency (or topic) the step's answer shows (or mentions) against its `shows`
    /// or `does-not-show`, said with the words that showed it.
    static func competencyProblem(_ step: Step, _ analysis: Analysis?, _ scenario: Scenario) -> String? {
        let cueSets = Dictionary(scenario.cueSets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func label(_ id: String) -> String { cueSets[id].map { "'\(id)' (\($0.label))" } ?? "'\(id)'" }
        func feature(_ id: String) -> String { cueSets[id].map(CompetencyFeature.feature(for:)) ?? CompetencyFeature.shows(id) }
        func verb(_ id: String) -> String { cueSets[id]?.isTopic == true ? "mention" : "show" }
        for id in step.shows where analysis?[feature(id)]?.boolValue != true {
            return "expected the answer to \(verb(id)) \(label(id)); it does not"
        }
        for id in step.doesNotShow where analysis?[feature(id)]?.boolValue == true {
            let words = analysis?.evidence.first { $0.feature == feature(id) }?.text
            return "expected the answer not to \(verb(id)) \(label(id)); it does\(words.map { ", by «\($0)»" } ?? "")"
        }
        return nil
    }
}

/// A mistake in a scenario test file, at its line and column (1:1 when it is about the whole file).
public struct ScenarioTestError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line = 1
    public var column = 1
    public var message: String
    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
