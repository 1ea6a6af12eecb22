import Foundation
import InterviewKit

/// A line-by-line interview on standard input and output, driven by the engine.
struct PlainInterview {
    let engine: InterviewEngine
    let seed: UInt64
    let explain: Bool
    private var records: [Record] = []

    private struct Record {
        var questionID: String
        var probes: [(id: String, reason: String)] = []
        var analysis: Analysis?
        var skipped = false
    }

    init(engine: InterviewEngine, seed: UInt64, explain: Bool) {
        self.engine = engine
        self.seed = seed
        self.explain = explain
    }

    mutating func run() {
        let scenario = engine.scenario
        let count = scenario.sequence.count
        print("\(scenario.title) — \(scenario.role) (\(count) question\(count == 1 ? "" : "s"), seed \(seed))")
        print("End each answer with an empty line. At the start of an answer: :skip, :hint, :quit.")
        print("")
        print("Interviewer: \(scenario.opening)")
        var turn = engine.start(seed: seed)
        while true {
            switch turn.step {
            case .question(let prompt):
                print("")
                print(prompt.number <= count ? "Question \(prompt.number) of \(count)" : "Question \(prompt.number)")
                if explain && prompt.number > 1 { print("  (why: \(prompt.reason.summary))") }
                print("Interviewer: \(prompt.text)")
                records.append(Record(questionID: prompt.questionID))
            case .probe(let prompt):
                if explain { print("  (why: \(prompt.reason.summary))") }
                print("Interviewer: \(prompt.text)")
                records[records.count - 1].probes.append((prompt.probeID, prompt.reason.summary))
            case .end(let closing, let reason):
                if explain { print("  (why: \(reason.summary))") }
                print("")
                print("Interviewer: \(closing)")
                printSummary()
                return
            }
            guard let next = readAnswer(for: turn) else {
                print("")
                print("Input ended before the interview finished; stopping here.")
                printSummary()
                return
            }
            turn = next
            if let analysis = turn.analysis { records[records.count - 1].analysis = analysis }
        }
    }

    /// Reads one answer and returns the engine's next turn, or nil at end of input or :quit.
    private mutating func readAnswer(for turn: Turn) -> Turn? {
        var emptyTries = 0
        while true {
            prompt("> ")
            var lines: [String] = []
            var reachedEnd = false
            while true {
                guard let line = readLine(strippingNewline: true) else {
                    reachedEnd = true
                    break
                }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if lines.isEmpty && trimmed.hasPrefix(":") {
                    switch trimmed {
                    case ":quit", ":q":
                        return nil
                    case ":skip":
                        records[records.count - 1].skipped = turn.state.answerParts.isEmpty
                        return engine.skip(turn.state)
                    case ":hint":
                        let hint = turn.state.currentQuestion.flatMap { engine.scenario.question($0)?.hint }
                        print(hint.map { "Hint: \($0)" } ?? "No hint for this question.")
                    default:
                        print("Unknown command \(trimmed). Commands: :skip, :hint, :quit.")
                    }
                    prompt("> ")
                    continue
                }
                if trimmed.isEmpty {
                    if lines.isEmpty { continue }
                    break
                }
                lines.append(line)
                prompt(". ")
            }
            let answer = lines.joined(separator: "\n")
            if !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return engine.respond(to: answer, in: turn.state)
            }
            if reachedEnd { return nil }
            emptyTries += 1
            print(emptyTries == 1 ? "Take your time; type your answer, then an empty line." : "Type :skip to move on.")
        }
    }

    /// Prompts help a person at a terminal; piped input gets none, so the output reads as a transcript.
    private let showsPrompts = isatty(STDIN_FILENO) == 1

    private func prompt(_ text: String) {
        guard showsPrompts else { return }
        print(text, terminator: "")
        fflushStandardOutput()
    }

    private func printSummary() {
        guard !records.isEmpty else { return }
        print("")
        print("Summary")
        for (index, record) in records.enumerated() {
            var line = "  \(index + 1). \(record.questionID)"
            if record.skipped {
                line += ": skipped"
            } else if let analysis = record.analysis {
                let parts = ["situation", "task", "action", "result"].filter { analysis["star.\($0)"]?.boolValue == true }
                if analysis["star.situation"] != nil {
                    line += ": STAR parts found: " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
                }
            }
            print(line)
            for probe in record.probes {
                print("     follow-up '\(probe.id)': \(probe.reason)")
            }
        }
    }
}
