import InterviewCore
import FoundationEssentials

/// Turns the engine's turns into transcript events, in the order they happened.
public struct TranscriptRecorder: Sendable {
    /// The prompt being answered: its question and, for a probe, the probe.
    public private(set) var question: String?
    public private(set) var probe: String?

    public init() {}

    /// Continues a recording: the prompt being answered is the last one asked.
    public init(resuming question: String?, probe: String?) {
        self.question = question
        self.probe = probe
    }

    /// The events for the opening turn.
    public mutating func started(_ turn: Turn, at time: Date) -> [TranscriptEvent] {
        step(turn, at: time)
    }

    /// The events for an answer and what followed it.
    public mutating func answered(_ answer: String, seconds: Double?, turn: Turn, at time: Date) -> [TranscriptEvent] {
        var event = TranscriptEvent(.answer, at: time)
        event.question = question
        event.probe = probe
        event.text = answer
        event.seconds = seconds.map { ($0 * 1000).rounded() / 1000 }
        var events = [event]
        if let analysis = turn.analysis {
            var record = TranscriptEvent(.analysis, at: time)
            record.question = question
            record.probe = probe
            record.followup = analysis.followup ?? "none"
            record.explanation = analysis.reason
            record.features = analysis.features
            record.evidence = analysis.evidence
            events.append(record)
        }
        return events + step(turn, at: time)
    }

    /// The events for a skipped question and what followed.
    public mutating func skipped(turn: Turn, at time: Date) -> [TranscriptEvent] {
        var event = TranscriptEvent(.skip, at: time)
        event.question = question
        return [event] + step(turn, at: time)
    }

    /// The events for answering the current question again from the start: the choice, then the
    /// question asked anew.
    public mutating func again(turn: Turn, at time: Date) -> [TranscriptEvent] {
        var event = TranscriptEvent(.again, at: time)
        event.question = question
        return [event] + step(turn, at: time)
    }

    /// The event for a candidate who stops before the end.
    public func stopped(_ why: String, at time: Date) -> TranscriptEvent {
        var event = TranscriptEvent(.end, at: time)
        event.completed = false
        event.question = question
        event.reason = ReasonRecord(StepReason(rule: .skipped, summary: why))
        event.reason?.rule = "stopped"
        return event
    }

    /// The events for a step decided without a new answer, e.g. after resuming.
    public mutating func next(_ turn: Turn, at time: Date) -> [TranscriptEvent] {
        step(turn, at: time)
    }

    private mutating func step(_ turn: Turn, at time: Date) -> [TranscriptEvent] {
        var events: [TranscriptEvent] = []
        let reason = ReasonRecord(turn.step.reason)
        if case .branch = turn.step.reason.rule {
            var branch = TranscriptEvent(.branch, at: time)
            branch.question = question
            branch.target = turn.step.target.questionID ?? "end"
            branch.reason = reason
            events.append(branch)
        }
        switch turn.step {
        case .question(let prompt):
            var event = TranscriptEvent(.question, at: time)
            event.question = prompt.questionID
            event.number = prompt.number
            event.kind = prompt.kind.rawValue
            event.text = prompt.text
            event.reason = reason
            events.append(event)
            question = prompt.questionID
            probe = nil
        case .probe(let prompt):
            var event = TranscriptEvent(.probe, at: time)
            event.question = prompt.questionID
            event.probe = prompt.probeID
            event.text = prompt.text
            event.reason = reason
            events.append(event)
            probe = prompt.probeID
        case .end(let closing, _):
            var event = TranscriptEvent(.end, at: time)
            event.completed = true
            event.text = closing
            event.reason = reason
            events.append(event)
            question = nil
            probe = nil
        }
        return events
    }
}

extension StepTarget {
    var questionID: String? {
        switch self {
        case .question(let id): id
        case .probe(let id, _): id
        case .end: nil
        }
    }
}
