import BuiltInAnalyzers
import Transcripts

/// Clause-level role labels for corpus answers: for each answer, labelled stretches of it (scalar
/// offsets) with their roles. Read back onto today's clauses by overlap, so the labels outlive a
/// change in how answers are cut into clauses.
package struct ClauseLabels: Sendable {
    package struct Span: Sendable {
        package var start: Int
        package var end: Int
        package var role: ClauseRole
    }

    package var spans: [String: [Span]] = [:]

    package init() {}

    /// Parses lines of `{"id": …, "clauses": [{"start": …, "end": …, "role": …}, …]}`.
    package static func parse(_ text: String, file: String) throws(EvaluationFileError) -> ClauseLabels {
        var labels = ClauseLabels()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            func fail(_ message: String) -> EvaluationFileError { EvaluationFileError(file: file, line: offset + 1, message: message) }
            guard let object = JSONValue.parse(line.utf8)?.object, let id = object["id"]?.string, let clauses = object["clauses"]?.array else {
                throw fail("expected {\"id\": …, \"clauses\": [{\"start\": …, \"end\": …, \"role\": …}]}")
            }
            var spans: [Span] = []
            for clause in clauses {
                guard let fields = clause.object, let start = fields["start"]?.unsigned, let end = fields["end"]?.unsigned,
                    let name = fields["role"]?.string
                else { throw fail("each clause needs start, end and role") }
                guard let role = ClauseRole(rawValue: name) else { throw fail("unknown role '\(name)'") }
                spans.append(Span(start: Int(start), end: Int(end), role: role))
            }
            guard labels.spans[id] == nil else { throw fail("duplicate id '\(id)'") }
            labels.spans[id] = spans
        }
        return labels
    }

    /// The role of each of `clauses` by the labelled stretch that covers most of it; nil for a
    /// clause that no stretch covers by half.
    package func roles(of id: String, clauses: [ClauseSplit]) -> [ClauseRole?]? {
        guard let spans = spans[id] else { return nil }
        return clauses.map { clause in
            var best: (overlap: Int, role: ClauseRole)?
            for span in spans {
                let overlap = min(span.end, clause.end) - max(span.start, clause.start)
                if overlap > 0, overlap > best?.overlap ?? 0 { best = (overlap, span.role) }
            }
            guard let best, 2 * best.overlap >= clause.end - clause.start else { return nil }
            return best.role
        }
    }
}

extension ClauseLabels {
    /// Adds `other`'s answers; an answer in both keeps `other`'s labels.
    package mutating func merge(_ other: ClauseLabels) {
        spans.merge(other.spans) { _, new in new }
    }
}
