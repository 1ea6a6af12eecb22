import InterviewCore

/// Turns the XML tree of a scenario into a `Scenario`, collecting diagnostics as it goes.
struct ScenarioCompiler {
    let file: String
    private(set) var catalog: FeatureCatalog
    /// The diagnostics reported, and a note for the errors past the limit when there were any.
    var diagnostics: [Diagnostic] {
        guard unreported > 0, let last = reported.last(where: { $0.severity == .error }) else { return reported }
        let note = Diagnostic(
            .note, "too-many-errors",
            "\(unreported) more error\(unreported == 1 ? "" : "s") not shown (at most \(Self.errorLimit) are reported); fix these and check again",
            at: last.location)
        return reported + [note]
    }
    private var reported: [Diagnostic] = []
    /// Most errors reported for one file. Past it the rest are counted, not described (nor their
    /// positions worked out), so that a file of 600,000 bad attributes costs what a file of a
    /// hundred does, as compilers stop after so many errors.
    static let errorLimit = 100
    private var reportedErrors = 0
    private var unreported = 0
    /// Conditions already compiled, by their text: scenarios repeat the same few many times.
    private var compiledConditions: [String: Condition] = [:]
    /// The document's names, matched by index.
    private var names = ScenarioNameTable()
    /// The topic ids competencies' `unless` and `needs` attributes name, with which and where, to
    /// check once the topics are read (`checkTopicReferences`).
    private var topicReferences: [(name: String, attribute: ScenarioName, location: SourceLocation)] = []

    private static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    static let maximumProbeLimit = 10

    /// The analyzers in use, when known: a scenario's competencies add features of theirs.
    private let analyzers: AnalyzerSet?

    init(file: String, catalog: FeatureCatalog, analyzers: AnalyzerSet?) {
        self.analyzers = analyzers
        self.file = file
        self.catalog = catalog
    }

    // MARK: Interview

    mutating func compile(_ root: XMLElement) -> Scenario? {
        names = ScenarioNameTable(root.document)
        guard checkNamespace(of: root) else { return nil }
        guard names.name(of: root) == .interview else {
            error("root-element", "the root element must be <interview>, not <\(root.name)>", at: root.location)
            return nil
        }
        checkAttributes(root, allowed: [.id, .version, .maxProbes], required: [.id, .version])
        let id = identifier(root, .id)
        let versionAttribute = attribute(root, .version)
        let version = versionAttribute?.value.trimmed ?? ""
        if let versionAttribute, version.isEmpty {
            error("empty-attribute", "the version attribute is empty; give the scenario's version, e.g. version=\"1.0\"", at: versionAttribute.valueLocation)
        }
        let maxProbes = probeLimit(root) ?? Scenario.defaultMaxProbes

        var seen: [String: SourceLocation] = [:]
        var texts: [String: String] = [:]
        var competencies: [Competency] = []
        var topics: [Competency] = []
        var questions: [Question] = []
        var questionsElement: XMLElement?
        for child in root.children where checkNamespace(of: child) {
            if let first = seen[child.name] {
                error("duplicate-element", "<\(child.name)> appears twice in <interview>; keep one (the first is at line \(first.line))", at: child.location)
                continue
            }
            seen[child.name] = child.location
            switch child.name {
            case "title", "role", "description", "opening", "closing":
                checkAttributes(child, allowed: [], required: [])
                texts[child.name] = text(of: child)
            case "competencies":
                competencies = compileCueSets(child, topics: false)
                analyzers?.addFeatures(for: competencies, to: &catalog)
            case "topics":
                topics = compileCueSets(child, topics: true)
                analyzers?.addFeatures(for: topics, to: &catalog)
            case "questions":
                questionsElement = child
            default:
                unknownElement(child, in: "interview", expected: ["title", "role", "description", "opening", "closing", "competencies", "topics", "questions"])
            }
        }
        noText(in: root)
        for required in ["title", "role", "opening", "closing", "questions"] where seen[required] == nil {
            error("missing-element", "<interview> has no <\(required)>; add one (\(Self.purpose[required]!))", at: root.location)
        }
        for topic in topics {
            if let competency = competencies.first(where: { $0.id == topic.id }) {
                duplicate("competency or topic", topic.id, at: topic.location, first: competency.location)
            }
        }
        checkTopicReferences(competencies: competencies, topics: topics)
        if let questionsElement {
            questions = compileQuestions(questionsElement, competencies: competencies, topics: topics)
        }

        guard let id, let title = texts["title"], let role = texts["role"], let opening = texts["opening"],
            let closing = texts["closing"], !questions.isEmpty
        else { return nil }
        return Scenario(
            id: id, title: title, role: role, description: texts["description"], version: version, opening: opening,
            closing: closing, maxProbes: maxProbes, competencies: competencies, topics: topics, questions: questions, file: file)
    }

    private static let purpose = [
        "title": "the scenario's name, shown in the header",
        "role": "the job the candidate is interviewing for",
        "opening": "what the interviewer says before the first question",
        "closing": "what the interviewer says after the last question",
        "questions": "the <question> elements",
    ]

    // MARK: Competencies

    /// `<competencies>`, or with `topics` `<topics>`: the same shape, an id, a label and cues.
    private mutating func compileCueSets(_ element: XMLElement, topics: Bool) -> [Competency] {
        checkAttributes(element, allowed: [], required: [])
        noText(in: element)
        let (container, member) = topics ? ("topics", ScenarioName.topic) : ("competencies", ScenarioName.competency)
        var competencies: [Competency] = []
        var ids: [String: SourceLocation] = [:]
        for child in element.children where checkNamespace(of: child) {
            guard names.name(of: child) == member else {
                unknownElement(child, in: container, expected: [member.text])
                continue
            }
            checkAttributes(child, allowed: topics ? [.id, .label] : [.id, .label, .unless, .needs], required: [.id, .label])
            noText(in: child)
            let id = identifier(child, .id)
            // Each word of `unless` a topic id, or ids joined by "+" that withhold it only together.
            let withheldBy = topics ? [] : topicIDs(child, .unless, purpose: "whose mention withholds this competency").flatMap { $0 }
            // Each word of `needs` a requirement: alternatives joined by "|", each topic ids joined by "+".
            let needs = topics ? [] : topicIDs(child, .needs, purpose: "an answer must also mention to show this competency")
            let labelAttribute = attribute(child, .label)
            let label = labelAttribute?.value.foldingWhitespace ?? ""
            if let attribute = labelAttribute, label.isEmpty {
                error("empty-attribute", "the label is empty; give the \(member.text) a readable name", at: attribute.valueLocation)
            }
            var cues: [String] = []
            var cueLocations: [SourceLocation] = []
            for cue in child.children where checkNamespace(of: cue) {
                guard names.name(of: cue) == .cue else {
                    unknownElement(cue, in: member.text, expected: ["cue"])
                    continue
                }
                checkAttributes(cue, allowed: [], required: [])
                guard let text = text(of: cue) else { continue }
                // A stretch with no letter or digit ("asked … , … plan") is no words at all.
                let parts = Competency.cueParts(of: text).map { $0.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } ? $0 : "" }
                if parts.count > 1, parts.contains(where: \.isEmpty) {
                    let place = parts.first!.isEmpty ? "starts with a gap" : parts.last!.isEmpty ? "ends with a gap" : "has two gaps in a row"
                    error("misplaced-gap", "the cue '\(text)' \(place); a gap (… or ...) stands between words, for up to \(Competency.maximumGap) words of the answer", at: cue.location)
                }
                cues.append(text)
                cueLocations.append(cue.location)
            }
            if cues.isEmpty {
                error("missing-element", "\(member.text) has no <cue>; add the words or phrases that \(topics ? "mention" : "show") it in an answer", at: child.location)
            }
            if let id {
                let location = child.location
                if let first = ids[id] {
                    duplicate(member.text, id, at: location, first: first)
                } else {
                    ids[id] = location
                    competencies.append(Competency(id: id, label: label, cues: cues, cueLocations: cueLocations, isTopic: topics, withheldBy: withheldBy, needs: needs, location: location))
                }
            }
        }
        return competencies
    }

    /// The topic ids a competency's `unless` or `needs` attribute names: for each word, its
    /// alternatives (joined by "|"), each a set of ids (joined by "+"); each id recorded with where
    /// it stands for `checkTopicReferences`.
    private mutating func topicIDs(_ element: XMLElement, _ name: ScenarioName, purpose: String) -> [[[String]]] {
        guard let attribute = attribute(element, name) else { return [] }
        var words: [[[String]]] = []
        var sawWord = false
        for (word, offset) in Self.words(attribute.value) {
            sawWord = true
            if name == .unless, word.contains("|") {
                error("unknown-topic", "unless takes no '|': each topic named withholds by itself, so write the ids apart with spaces", at: attribute.location(ofValueOffset: offset))
                continue
            }
            var alternatives: [[String]] = []
            var start = 0
            var reportedEmpty = false
            for alternative in word.split(separator: "|", omittingEmptySubsequences: false) {
                var set: [String] = []
                for part in alternative.split(separator: "+", omittingEmptySubsequences: false) {
                    set.append(String(part))
                    let absent = Competency.isAbsence(String(part))
                    if absent && name != .unless {
                        error("unknown-topic", "needs takes no '!': it names what the answer must mention; a topic whose absence withholds a competency goes in unless, beside one that is mentioned ('suicide-risk+!risk-asked')", at: attribute.location(ofValueOffset: offset + start))
                    }
                    let id = Competency.topicID(String(part))
                    // One report of a '+' or '|' with nothing beside it per word.
                    if !id.isEmpty || !reportedEmpty {
                        topicReferences.append((id, name, attribute.location(ofValueOffset: offset + start + (absent ? 1 : 0))))
                    }
                    reportedEmpty = reportedEmpty || id.isEmpty
                    start += part.unicodeScalars.count + 1
                }
                if name == .unless, set.allSatisfy(Competency.isAbsence) {
                    error("unknown-topic", "'\(word)' withholds the competency only by what the answer leaves out; join it with '+' to a topic the answer mentions ('suicide-risk+!risk-asked'), or say what the answer must mention with needs", at: attribute.location(ofValueOffset: offset))
                }
                alternatives.append(set)
            }
            words.append(alternatives)
        }
        if !sawWord {
            error("empty-attribute", "\(name.text) is empty; name the topics \(purpose), or remove it", at: attribute.valueLocation)
        }
        return words
    }

    /// Every id a competency's `unless` or `needs` names is a topic's.
    private mutating func checkTopicReferences(competencies: [Competency], topics: [Competency]) {
        let topicIDs = topics.map(\.id)
        let competencyIDs = Set(competencies.map(\.id))
        for (name, attribute, location) in topicReferences where !topicIDs.contains(name) {
            if name.isEmpty {
                error("unknown-topic", "a '+' or '|' needs a topic id on each side: 'risk+closed-file', 'safety-step|safety-plan+follow-up'", at: location)
            } else if competencyIDs.contains(name) {
                let why = attribute == .unless
                    ? "only the mention of a topic can withhold a competency; declare what withholds it in <topics>"
                    : "needs names topics; declare what the answer must also mention in <topics>"
                error("unknown-topic", "'\(name)' is a competency, not a topic: \(why)", at: location)
            } else {
                error("unknown-topic", "unknown topic id '\(name)' in \(attribute.text); declare it in <topics>.\(didYouMean(name, topicIDs))", at: location)
            }
        }
    }

    // MARK: Questions

    private mutating func compileQuestions(_ element: XMLElement, competencies: [Competency], topics: [Competency]) -> [Question] {
        checkAttributes(element, allowed: [], required: [])
        noText(in: element)
        var questions: [Question] = []
        // Ids to where they were first used: a question's place in `questions`, a probe's element.
        var questionIDs: [String: Int] = [:]
        var probeIDs: [String: Int32] = [:]
        let count = element.children.count
        questions.reserveCapacity(count)
        questionIDs.reserveCapacity(count)
        probeIDs.reserveCapacity(count * 3)
        let competencyIDs = competencies.map(\.id)
        let topicIDs = Set(topics.map(\.id))
        for child in element.children where checkNamespace(of: child) {
            guard names.name(of: child) == .question else {
                unknownElement(child, in: "questions", expected: ["question"])
                continue
            }
            guard let question = compileQuestion(child, competencyIDs: competencyIDs, topicIDs: topicIDs, probeIDs: &probeIDs) else { continue }
            if let first = questionIDs.updateValue(questions.count, forKey: question.id) {
                questionIDs[question.id] = first
                duplicate("question", question.id, at: question.location, first: questions[first].location)
                continue
            }
            questions.append(question)
        }
        if element.children.isEmpty {
            error("missing-element", "<questions> is empty; add at least one <question>", at: element.location)
        } else if !questions.isEmpty && questions.allSatisfy(\.branchOnly) {
            error("no-sequence", "every question is branch-only, so the interview has nowhere to start; make the first one part of the order", at: element.location)
        }
        for question in questions {
            for branch in question.branches {
                guard case .question(let target) = branch.target, questionIDs[target] == nil else { continue }
                error("unknown-question", "unknown question id '\(target)'.\(didYouMean(target, questionIDs.keys))", at: branch.location)
            }
        }
        return questions
    }

    /// Children of <question> must come in this order, as the schema says.
    private static func questionChildRank(_ name: ScenarioName) -> Int? {
        switch name {
        case .ask: 0
        case .hint: 1
        case .probe: 2
        case .next, .end: 3
        default: nil
        }
    }

    private mutating func compileQuestion(
        _ element: XMLElement, competencyIDs known: [String], topicIDs: Set<String>, probeIDs: inout [String: Int32]
    ) -> Question? {
        checkAttributes(element, allowed: [.id, .kind, .assesses, .maxProbes, .branchOnly], required: [.id])
        noText(in: element)
        let id = identifier(element, .id)
        var kind = QuestionKind.behavioral
        if let attribute = attribute(element, .kind) {
            let value = attribute.value.trimmed
            if let parsed = QuestionKind(rawValue: value) {
                kind = parsed
            } else {
                let names = QuestionKind.allCases.map(\.rawValue)
                error("invalid-value", "unknown question kind '\(value)'; use one of \(names.joined(separator: ", ")).\(didYouMean(value, names))", at: attribute.valueLocation)
            }
        }
        var assesses: [String] = []
        if let attribute = attribute(element, .assesses) {
            for (name, offset) in Self.words(attribute.value) {
                if known.contains(name) {
                    assesses.append(name)
                } else if topicIDs.contains(name) {
                    error("unknown-competency", "'\(name)' is a topic, not a competency: a question cannot assess it; branch on it with `mentions.\(name)` in a condition, or declare it in <competencies>", at: attribute.location(ofValueOffset: offset))
                } else {
                    error("unknown-competency", "unknown competency id '\(name)'; declare it in <competencies>.\(didYouMean(name, known))", at: attribute.location(ofValueOffset: offset))
                }
            }
        }
        let maxProbes = probeLimit(element)
        let branchOnly = boolean(element, .branchOnly) ?? false

        var phrasings: [String] = []
        var phrasingHints: [String?] = []
        var hint: String?
        var probes: [Probe] = []
        var branches: [Branch] = []
        // Sized up front rather than grown an element at a time.
        var expected = (asks: 0, probes: 0)
        for child in element.children {
            switch names.name(of: child) {
            case .ask: expected.asks += 1
            case .probe: expected.probes += 1
            default: break
            }
        }
        phrasings.reserveCapacity(expected.asks)
        probes.reserveCapacity(expected.probes)
        var lastRank = 0
        var lastName = ScenarioName.ask
        var asks = 0  // in any namespace: one in the wrong namespace has its own error
        for child in element.children {
            let name = names.name(of: child)
            if name == .ask { asks += 1 }
            guard checkNamespace(of: child) else { continue }
            guard let name, let rank = Self.questionChildRank(name) else {
                unknownElement(child, in: "question", expected: ["ask", "hint", "probe", "next", "end"])
                continue
            }
            if rank < lastRank {
                error("element-order", "<\(name.text)> must come before <\(lastName.text)>; the order inside <question> is ask, hint, probe, then next and end", at: child.location)
            }
            lastRank = max(rank, lastRank)
            lastName = rank == lastRank ? name : lastName
            switch name {
            case .ask:
                checkAttributes(child, allowed: [.hint], required: [])
                if let text = text(of: child) {
                    phrasings.append(text)
                    phrasingHints.append(askHint(child))
                }
            case .hint:
                checkAttributes(child, allowed: [], required: [])
                if hint != nil {
                    error("duplicate-element", "a question has one <hint>; merge the two", at: child.location)
                }
                hint = text(of: child)
            case .probe:
                if let probe = compileProbe(child, question: id ?? "?", number: probes.count + 1) {
                    if let first = probeIDs.updateValue(child.index, forKey: probe.id) {
                        probeIDs[probe.id] = first
                        duplicate("probe", probe.id, at: probe.location, first: child.document.location(of: first))
                    } else {
                        probes.append(probe)
                    }
                }
            default:
                if let branch = compileBranch(child) { branches.append(branch) }
            }
        }
        if asks == 0 {
            error("missing-element", "question has no <ask>; add the words the interviewer says", at: element.location)
        }
        guard let id, !phrasings.isEmpty else { return nil }
        return Question(
            id: id, kind: kind, phrasings: phrasings, hint: hint, phrasingHints: phrasingHints, assesses: assesses, maxProbes: maxProbes, probes: probes,
            branches: branches, branchOnly: branchOnly, location: element.location)
    }

    /// A question's `<ask hint="…">`: the hint for that phrasing alone.
    private mutating func askHint(_ element: XMLElement) -> String? {
        guard let attribute = attribute(element, .hint) else { return nil }
        let hint = attribute.value.foldingWhitespace
        if hint.isEmpty {
            error("empty-attribute", "the hint is empty; write it, or leave the attribute out to use the question's <hint>", at: attribute.valueLocation)
            return nil
        }
        return hint
    }

    private mutating func compileProbe(_ element: XMLElement, question: String, number: Int) -> Probe? {
        checkAttributes(element, allowed: [.id, .when], required: [.when])
        noText(in: element)
        let id = attribute(element, .id) != nil ? identifier(element, .id) : "\(question)#\(number)"
        let condition = attribute(element, .when).flatMap { compileCondition($0) }
        var phrasings: [String] = []
        var asks = 0  // in any namespace: one in the wrong namespace has its own error
        for child in element.children {
            let isAsk = names.name(of: child) == .ask
            if isAsk { asks += 1 }
            guard checkNamespace(of: child) else { continue }
            guard isAsk else {
                unknownElement(child, in: "probe", expected: ["ask"])
                continue
            }
            checkAttributes(child, allowed: [], required: [])
            if let text = text(of: child) { phrasings.append(text) }
        }
        if asks == 0 {
            error("missing-element", "probe has no <ask>; add the follow-up the interviewer says", at: element.location)
        }
        guard let id, let condition, !phrasings.isEmpty else { return nil }
        return Probe(id: id, condition: condition, phrasings: phrasings, location: element.location)
    }

    private mutating func compileBranch(_ element: XMLElement) -> Branch? {
        let isEnd = names.name(of: element) == .end
        checkAttributes(element, allowed: isEnd ? [.when] : [.when, .goto], required: isEnd ? [] : [.goto])
        noText(in: element)
        for child in element.children where checkNamespace(of: child) {
            unknownElement(child, in: element.name, expected: [])
        }
        var condition: Condition?
        if let attribute = attribute(element, .when) {
            guard let compiled = compileCondition(attribute) else { return nil }
            condition = compiled
        }
        if isEnd {
            return Branch(condition: condition, target: .end, location: element.location)
        }
        guard let target = identifier(element, .goto) else { return nil }
        let location = attribute(element, .goto)?.valueLocation ?? element.location
        return Branch(condition: condition, target: .question(target), location: location)
    }

    private mutating func compileCondition(_ attribute: XMLElement.Attribute) -> Condition? {
        let source = attribute.value
        if let compiled = compiledConditions[source] { return compiled }
        switch Condition.compile(source, catalog: catalog) {
        case .success(let condition):
            compiledConditions[source] = condition
            return condition
        case .failure(let problem):
            let code = problem.message.hasPrefix("no analyzer in use") ? "unknown-feature" : "condition"
            error(code, problem.message, at: attribute.location(ofValueOffset: problem.range.lowerBound))
            return nil
        }
    }

    // MARK: Shared checks

    /// Elements must be in the v1 namespace; another version of it gets its own message.
    private mutating func checkNamespace(of element: XMLElement) -> Bool {
        if names.isInScenarioNamespace(element) { return true }
        guard let namespace = element.namespace else {
            if names.name(of: element) == .interview {
                error("namespace", "<interview> has no namespace; add xmlns=\"\(Scenario.namespace)\"", at: element.location)
            } else {
                error("namespace", "<\(element.name)> is not in the scenario namespace \(Scenario.namespace)", at: element.location)
            }
            return false
        }
        if namespace.hasPrefix(Scenario.namespacePrefix) {
            let version = namespace.dropFirst(Scenario.namespacePrefix.count)
            error("format-version", "this file uses scenario format version \(version); this Rehearse reads version 1 (\(Scenario.namespace)); update Rehearse or convert the file", at: element.location)
        } else {
            error("namespace", "<\(element.name)> is in namespace '\(namespace)'; scenario elements use \(Scenario.namespace)", at: element.location)
        }
        return false
    }

    private mutating func checkAttributes(_ element: XMLElement, allowed: [ScenarioName], required: [ScenarioName]) {
        for attribute in element.attributes {
            if !attribute.hasNamespace {
                if !allowed.contains(where: { names.index(of: $0) == attribute.nameIndex }) {
                    let allowed = allowed.map(\.text)
                    let expected = allowed.isEmpty ? "<\(element.name)> takes no attributes" : "<\(element.name)> takes " + allowed.map { "'\($0)'" }.joined(separator: ", ")
                    error("unknown-attribute", "unknown attribute '\(attribute.name)'; \(expected).\(didYouMean(attribute.name, allowed))", at: attribute.nameLocation)
                }
            } else if attribute.namespace == Self.schemaInstanceNamespace && names.name(of: element) == .interview {
                continue  // xsi:schemaLocation lets editors find the schema
            } else {
                error("unknown-attribute", "unknown attribute '\(attribute.name)' in namespace '\(attribute.namespace!)'", at: attribute.nameLocation)
            }
        }
        for name in required where self.attribute(element, name) == nil {
            error("missing-attribute", "<\(element.name)> needs a '\(name.text)' attribute", at: element.location)
        }
    }

    /// The attribute in no namespace called `name`.
    private func attribute(_ element: XMLElement, _ name: ScenarioName) -> XMLElement.Attribute? {
        element.attribute(nameIndex: names.index(of: name))
    }

    /// The words of a list attribute, split at spaces, each with its offset in scalars. ASCII,
    /// nearly always, is split as bytes; other text as Characters (so a space carrying a
    /// combining mark does not split).
    private static func words(_ value: String) -> [(word: String, offset: Int)] {
        var copy = value
        let ascii = copy.withUTF8 { bytes -> [(word: String, offset: Int)]? in
            var words: [(word: String, offset: Int)] = []
            var start = 0
            for index in 0...bytes.count {
                if index == bytes.count || bytes[index] == UInt8(ascii: " ") {
                    if index > start {
                        words.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), start))
                    }
                    start = index + 1
                } else if bytes[index] >= 0x80 {
                    return nil
                }
            }
            return words
        }
        if let ascii { return ascii }
        var words: [(word: String, offset: Int)] = []
        var offset = 0
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if !word.isEmpty { words.append((String(word), offset)) }
            offset += word.unicodeScalars.count + 1
        }
        return words
    }

    /// Structural elements hold elements only; stray text is probably a misplaced tag.
    private mutating func noText(in element: XMLElement) {
        if element.hasText {
            error("unexpected-text", "<\(element.name)> holds elements, not text; put the text inside a child element such as <ask>", at: element.location)
        }
    }

    /// Text content with whitespace folded; an error when there is none or it contains elements.
    private mutating func text(of element: XMLElement) -> String? {
        if let child = element.children.first {
            error("unexpected-element", "<\(element.name)> holds text only, not <\(child.name)>", at: child.location)
        }
        let text = element.foldedText
        if text.isEmpty {
            error("empty-element", "<\(element.name)> is empty; write its text", at: element.location)
            return nil
        }
        return text
    }

    private mutating func identifier(_ element: XMLElement, _ name: ScenarioName) -> String? {
        guard let attribute = attribute(element, name) else { return nil }
        // Nearly always a plain ASCII id with nothing to trim: checked before any String is made.
        if attribute.withValueBytes({ Self.isASCIIIdentifier($0) }) == true { return attribute.value }
        let value = attribute.value.trimmed
        guard Self.isIdentifier(value) else {
            error("invalid-id", "'\(value)' is not a valid id; use letters, digits, '-', '_' or '.', starting with a letter", at: attribute.valueLocation)
            return nil
        }
        return value
    }

    static func isIdentifier(_ value: String) -> Bool {
        var copy = value
        if let ascii = copy.withUTF8({ isASCIIIdentifier($0) }) { return ascii }
        guard let first = value.unicodeScalars.first, first.isLetter || first == "_" else { return false }
        return value.unicodeScalars.allSatisfy { $0.isLetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// Ids are almost always ASCII: decided on bytes, as the scalar rules decide them; nil when
    /// the text is not all ASCII.
    private static func isASCIIIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        var valid = !bytes.isEmpty && (isLetter(bytes[0]) || bytes[0] == UInt8(ascii: "_"))
        for byte in bytes {
            if byte >= 0x80 { return nil }
            valid = valid
                && (isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "."))
        }
        return valid
    }

    private mutating func probeLimit(_ element: XMLElement) -> Int? {
        guard let attribute = attribute(element, .maxProbes) else { return nil }
        guard let value = Int(attribute.value.trimmed), (0...Self.maximumProbeLimit).contains(value) else {
            error("invalid-value", "max-probes must be a whole number from 0 to \(Self.maximumProbeLimit), not '\(attribute.value)'", at: attribute.valueLocation)
            return nil
        }
        return value
    }

    private mutating func boolean(_ element: XMLElement, _ name: ScenarioName) -> Bool? {
        guard let attribute = attribute(element, name) else { return nil }
        switch attribute.value.trimmed {
        case "true", "1": return true
        case "false", "0": return false
        default:
            error("invalid-value", "\(name.text) must be true or false, not '\(attribute.value)'", at: attribute.valueLocation)
            return nil
        }
    }

    private mutating func unknownElement(_ element: XMLElement, in parent: String, expected: [String]) {
        let allowed = expected.isEmpty ? "<\(parent)> holds no elements" : "<\(parent)> holds " + expected.map { "<\($0)>" }.joined(separator: ", ")
        error("unknown-element", "unknown element <\(element.name)>; \(allowed).\(didYouMean(element.name, expected))", at: element.location)
    }

    private mutating func duplicate(_ what: String, _ id: String, at location: SourceLocation, first: SourceLocation) {
        guard error("duplicate-id", "duplicate \(what) id '\(id)'; ids must be unique (first used at line \(first.line))", at: location)
        else { return }
        reported.append(Diagnostic(.note, "duplicate-id", "'\(id)' first defined here", at: first))
    }

    /// Reports an error while fewer than `errorLimit` have been; says whether it was reported.
    @discardableResult
    private mutating func error(_ code: String, _ message: @autoclosure () -> String, at location: @autoclosure () -> SourceLocation) -> Bool {
        guard reportedErrors < Self.errorLimit else {
            unreported += 1
            return false
        }
        reportedErrors += 1
        reported.append(.error(code, message(), at: location()))
        return true
    }
}
