import SystemIO
import FoundationEssentials
import Glibc
import InterviewKit

/// Where transcripts go when `--transcript` is not given: `$XDG_DATA_HOME/rehearse/transcripts`,
/// or `~/.local/share/rehearse/transcripts`. The folder is created owner-only.
enum TranscriptLocation {
    static func directory() -> String {
        UserPaths.baseDirectory("XDG_DATA_HOME", fallback: ".local/share") + "/rehearse/transcripts"
    }

    /// A new transcript in the folder, named from the time and the scenario, e.g.
    /// `20261122-145319-quick-start.jsonl` (then `-2`, `-3`… when taken). Each name is claimed by
    /// creating the file exclusively, so two interviews started in the same second, in two
    /// terminals, each get their own.
    static func create(scenarioID: String, at date: Date, header: TranscriptHeader) throws -> TranscriptWriter {
        let folder = directory()
        // Rehearse's own folder and the transcripts in it are owner-only; the folders above are the user's.
        let own = folder.deletingLastPathComponent
        if let problem = FileWriting.makeDirectories(own, permissions: 0o700) ?? FileWriting.makeDirectories(folder, permissions: 0o700) {
            throw CommandFailure.io("cannot create the transcript folder \(folder): \(problem); choose another place with --transcript PATH")
        }
        let stem = "\(folder)/\(LocalTime.string(date.timeIntervalSince1970, "%Y%m%d-%H%M%S"))-\(scenarioID)"
        try checkFreeSpace(for: stem)
        for counter in 1...1000 {
            let path = counter == 1 ? stem + ".jsonl" : "\(stem)-\(counter).jsonl"
            do {
                return try TranscriptWriter(creating: path, header: header)
            } catch {
                // Taken (by another interview a moment ago): the next name.
                if FileBytes.exists(path) { continue }
                throw CommandFailure.io("\(error); choose another place with --transcript PATH")
            }
        }
        throw CommandFailure.io("cannot create a transcript in \(folder): \(stem).jsonl and the next thousand names are taken")
    }

    /// Room an interview needs on the disk that holds its transcript: a long session with pasted
    /// notes is well under this, and checking first means a full disk is reported before anyone types.
    static let minimumFreeBytes: UInt64 = 1 << 20

    /// Fails with an I/O error when the folder that will hold `path` has less than `minimumFreeBytes` free.
    static func checkFreeSpace(for path: String) throws {
        let folder = path.deletingLastPathComponent
        var stats = statvfs()
        guard statvfs(folder.isEmpty ? "." : folder, &stats) == 0 else { return }  // the open that follows reports why
        let free = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
        guard free < minimumFreeBytes else { return }
        throw CommandFailure.io(
            "only \(free / 1024) KB free on the disk for \(path); free some space, or choose another place with --transcript PATH")
    }
}
