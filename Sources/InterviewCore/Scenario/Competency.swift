/// A skill the interview looks for, recognised in answers by its cue words and phrases.
public struct Competency: Sendable, Hashable {
    public let id: String
    public let label: String
    public let cues: [String]
    public let location: SourceLocation

    public init(id: String, label: String, cues: [String], location: SourceLocation) {
        self.id = id
        self.label = label
        self.cues = cues
        self.location = location
    }

}
