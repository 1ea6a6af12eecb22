import InterviewCore
/// One decision point of a recorded interview: what was answered (or skipped) at which prompt,
/// and where the interview went next.
public struct RecordedExchange: Sendable {
    public var question: String
    public var probe: String?
    /// The answer; nil when the question was skipped, or answered again from the start.
    public var answer: String?
    /// The candidate chose to answer the question again (`:again`) instead of answering.
    public var again = false
    public var next: StepTarget
    /// The recorded reason for `next`.
    public var reason: String
    /// The event that asked `next`, with its words.
    public var nextEvent: TranscriptEvent
}

extension Transcript {
    /// An answer (or skip) whose next step was never written: the process ended in between.
    public struct PendingAnswer: Sendable {
        public var question: String
        public var probe: String?
        /// Nil for a skip, or for answering again.
        public var answer: String?
        public var again = false
    }

    /// The first prompt of the recording, and every exchange after it, in order.
    public var path: (start: TranscriptEvent?, exchanges: [RecordedExchange]) {
        let walk = recordedPath
        return (walk.start, walk.exchanges)
    }

    /// The recorded path with an answer left without its next step, if any.
    public var recordedPath: (start: TranscriptEvent?, exchanges: [RecordedExchange], pending: PendingAnswer?) {
        var start: TranscriptEvent?
        var exchanges: [RecordedExchange] = []
        var prompt: (question: String, probe: String?)?
        var pending: (answer: String?, question: String, probe: String?, again: Bool)?
        for event in events {
            switch event.type {
            case .answer:
                if let prompt { pending = (event.text ?? "", prompt.question, prompt.probe, false) }
            case .skip:
                if let prompt { pending = (nil, prompt.question, prompt.probe, false) }
            case .again:
                if let prompt { pending = (nil, prompt.question, prompt.probe, true) }
            case .question, .probe, .end:
                guard let target = event.stepTarget else { continue }
                if let open = pending {
                    exchanges.append(RecordedExchange(
                        question: open.question, probe: open.probe, answer: open.answer, again: open.again, next: target, reason: event.reason?.summary ?? "", nextEvent: event))
                    pending = nil
                } else if start == nil, event.type == .question {
                    start = event
                }
                if case .question(let id) = target { prompt = (id, nil) }
                if case .probe(let id, let probe) = target { prompt = (id, probe) }
            case .analysis, .branch:
                break
            }
        }
        return (start, exchanges, pending.map { PendingAnswer(question: $0.question, probe: $0.probe, answer: $0.answer, again: $0.again) })
    }

    /// The prompt waiting for an answer when the recording stopped, if the interview had not ended.
    public var openPrompt: TranscriptEvent? {
        guard !isComplete else { return nil }
        let last = events.last { $0.type == .question || $0.type == .probe || $0.type == .answer || $0.type == .skip || $0.type == .again || ($0.type == .end && $0.completed == true) }
        guard let last, last.type == .question || last.type == .probe else { return nil }
        return last
    }
}

extension TranscriptEvent {
    /// Where this event led, for question, probe and completed end events.
    public var stepTarget: StepTarget? {
        switch type {
        case .question: question.map { .question($0) }
        case .probe: question.flatMap { id in probe.map { .probe(question: id, probe: $0) } }
        case .end: completed == true ? .end : nil
        default: nil
        }
    }
}
