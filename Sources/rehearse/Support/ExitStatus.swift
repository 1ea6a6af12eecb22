import ArgumentParser

/// Exit codes from sysexits(3), so scripts can tell bad usage from bad data from a missing file.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let ioError = ExitCode(74)
    /// Try again later: the transcript is open in another interview.
    static let tempFailure = ExitCode(75)
}
