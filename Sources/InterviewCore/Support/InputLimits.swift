/// The largest input Rehearse reads of each kind. Each is far beyond real use, and refusing past
/// it (with a message that names the limit, exit 65) keeps time and memory bounded whatever a
/// file, a pipe or a device holds.
public enum InputLimits {
    /// A scenario file.
    public static let scenarioBytes = 8 << 20
    /// One answer, typed, piped, or given to `analyze`: about 700,000 words.
    public static let answerBytes = 4 << 20
    /// A transcript file: a long interview with pasted notes is well under a megabyte.
    public static let transcriptBytes = 64 << 20
    /// One line of a transcript: an answer at its limit, JSON-escaped, with its analysis.
    public static let transcriptLineBytes = 16 << 20
    /// A labelled answers file for `eval`.
    public static let labelledFileBytes = 64 << 20
    /// A scenario test file (`NAME.test.json`).
    public static let scenarioTestBytes = 8 << 20

    /// "4 MiB", for messages.
    public static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }
}
