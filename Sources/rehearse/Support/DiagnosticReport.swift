import ArgumentParser
import InterviewKit

/// Diagnostics for one file, as validate and lint report them.
struct FileReport: Encodable {
    var path: String
    var ok: Bool
    var diagnostics: [Diagnostic]
}

enum DiagnosticReport {
    struct Document: Encodable {
        var files: [FileReport]
    }

    /// Prints the reports (compiler-style or JSON) and exits 66 if a file could not be read, 65 if
    /// any has errors.
    static func print(_ reports: [FileReport], format: Rehearse.Validate.Format) throws {
        switch format {
        case .text:
            for report in reports {
                if report.diagnostics.isEmpty { rehearse.print("\(report.path): ok") }
                for diagnostic in report.diagnostics { rehearse.print(diagnostic.description) }
            }
        case .json:
            rehearse.print(try JSONOutput.string(Document(files: reports)))
        }
        let unreadable = ["no-such-file", "is-directory", "unreadable", "not-a-file"]
        if reports.contains(where: { $0.diagnostics.contains { unreadable.contains($0.code) } }) { throw ExitStatus.noInput }
        if reports.contains(where: { !$0.ok }) { throw ExitStatus.dataError }
    }
}
