/// The question whose record so far is weakest: where practice helps most.
public struct WeakSpot: Sendable, Hashable {
    public var scenarioID: String
    public var scenarioTitle: String
    /// The scenario file of its latest attempt.
    public var scenarioPath: String
    public var questionID: String
    public var questionText: String
    public var attempts: Int
    /// Attempts rated basic, of `attempts`.
    public var basic: Int
    /// Attempts that needed the interviewer to ask for an example.
    public var neededExample: Int
    public var probes: Int
    /// In a sentence, for the candidate: why this one.
    public var reason: String
}
