import Foundation
import InterviewKit

/// A line-by-line interview on standard input and output, driven by the engine and recorded
/// to a transcript as it goes.
struct PlainInterview {
    let engine: InterviewEngine
    let explain: Bool
    let writer: TranscriptWriter
    private var recorder: TranscriptRecorder
    private var records: [Record] = []

    private struct Record {
        var questionID: String
        var probes: [(id: String, reason: String)] = []
        var analysis: Analysis?
        var skipped = false
    }

    init(engine: InterviewEngine, explain: Bool, writer: TranscriptWriter, recorder: TranscriptRecorder = TranscriptRecorder()) {
        self.engine = engine
        self.explain = explain
        self.writer = writer
        self.recorder = recorder
    }

    /// Runs from the opening turn, or from a resumed turn (whose prompt is shown again).
    /// `recordFirstStep` adds the first step to the transcript (a resumed answer's next step, decided now).
    mutating func run(from start: Turn, resumed: Bool, recordFirstStep: Bool = false) throws {
        let scenario = engine.scenario
        let count = scenario.sequence.count
        var turn = start
        if !resumed {
            print("\(scenario.title) — \(scenario.role) (\(count) question\(count == 1 ? "" : "s"), seed \(start.state.seed))")
            print("End each answer with an empty line. At the start of an answer: :skip, :hint, :quit.")
            print("")
            print("Interviewer: \(scenario.opening)")
            try record(recorder.started(turn, at: Date()))
        } else if recordFirstStep {
            try record(recorder.next(turn, at: Date()))
        }
        while true {
            show(turn.step, count: count)
            if case .end = turn.step {
                finish()
                return
            }
            let asked = Date()
            switch readAnswer(for: turn) {
            case .answer(let answer):
                let next = engine.respond(to: answer, in: turn.state)
                try record(recorder.answered(answer, seconds: Date().timeIntervalSince(asked), turn: next, at: Date()))
                if let analysis = next.analysis { records[records.count - 1].analysis = analysis }
                turn = next
            case .skip:
                records[records.count - 1].skipped = turn.state.answerParts.isEmpty
                turn = engine.skip(turn.state)
                try record(recorder.skipped(turn: turn, at: Date()))
            case .quit(let why):
                try record([recorder.stopped(why, at: Date())])
                print("")
                print(why == "input ended" ? "Input ended before the interview finished; stopping here." : "Stopping here.")
                print("Continue later with: rehearse run --resume \(writer.path)")
                finish()
                return
            }
        }
    }

    private mutating func show(_ step: Step, count: Int) {
        switch step {
        case .question(let prompt):
            print("")
            print(prompt.number <= count ? "Question \(prompt.number) of \(count)" : "Question \(prompt.number)")
            if explain && prompt.number > 1 { print("  (why: \(prompt.reason.summary))") }
            print("Interviewer: \(prompt.text)")
            records.append(Record(questionID: prompt.questionID))
        case .probe(let prompt):
            if explain { print("  (why: \(prompt.reason.summary))") }
            print("Interviewer: \(prompt.text)")
            if records.isEmpty { records.append(Record(questionID: prompt.questionID)) }
            records[records.count - 1].probes.append((prompt.probeID, prompt.reason.summary))
        case .end(let closing, let reason):
            if explain { print("  (why: \(reason.summary))") }
            print("")
            print("Interviewer: \(closing)")
        }
    }

    private func record(_ events: [TranscriptEvent]) throws {
        do {
            for event in events { try writer.append(event) }
        } catch {
            throw CommandFailure.io("\(error); the answers so far are in the transcript up to this point")
        }
    }

    private enum Input {
        case answer(String)
        case skip
        case quit(String)
    }

    /// Reads one answer, handling the commands at its start.
    private mutating func readAnswer(for turn: Turn) -> Input {
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
                        return .quit("the candidate stopped")
                    case ":skip":
                        return .skip
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
            if !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .answer(answer) }
            if reachedEnd { return .quit("input ended") }
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

    private func finish() {
        printSummary()
        print("")
        print("Transcript: \(writer.path)")
    }

    private func printSummary() {
        guard !records.isEmpty else { return }
        print("")
        print("Summary")
        for (index, record) in records.enumerated() {
            var line = "  \(index + 1). \(record.questionID)"
            if record.skipped {
                line += ": skipped"
            } else if let analysis = record.analysis, analysis["star.situation"] != nil {
                let parts = ["situation", "task", "action", "result"].filter { analysis["star.\($0)"]?.boolValue == true }
                line += ": STAR parts found: " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
            }
            print(line)
            for probe in record.probes {
                print("     follow-up '\(probe.id)': \(probe.reason)")
            }
        }
    }
}
