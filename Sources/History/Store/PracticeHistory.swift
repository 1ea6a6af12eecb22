import FoundationEssentials
import Glibc
import GRDB
import Synchronization
import InterviewCore
import SystemIO
import Transcripts

/// The practice history: an SQLite index of the transcripts in one folder (docs/history.md). The
/// transcripts stay the source of truth: every row can be made again from them, so a missing,
/// damaged or outdated database is made again with a note rather than an error, and a transcript
/// added, edited or removed by hand is noticed by its size, time and content hash.
///
/// Safe to use from several processes at once (two interviews in two terminals): the database is
/// in WAL mode and waits up to `busyTimeout` for another writer.
public final class PracticeHistory: Sendable {
    /// The database file (`history.sqlite` beside the transcript folder by default).
    public let path: String
    /// The folder whose transcripts (`*.jsonl`) the history indexes.
    public let transcriptsFolder: String
    /// How long a write waits for another process's.
    public static let busyTimeout: Double = 10

    let database: DatabaseQueue
    /// The rows last stored by `record` for each transcript, with the session's id: a turn then
    /// stores only the attempt it changed.
    let recorded = Mutex<[String: (sessionID: Int64, session: IndexedSession)]>([:])
    /// The recorded scenario of a transcript, when it can be found: competency labels and what
    /// each question assesses come from it.
    let scenarios: @Sendable (TranscriptHeader.ScenarioReference) -> Scenario?

    /// Opens the history at `path`, creating it (owner-only) when missing. A file that is not a
    /// history, is damaged, or was made by a version of Rehearse whose rows differ, is made
    /// again, and a note in `notes` says so; the transcripts are indexed again when the history
    /// is next read (`synchronize()`).
    public static func open(
        at path: String, transcripts folder: String,
        scenarios: @escaping @Sendable (TranscriptHeader.ScenarioReference) -> Scenario? = { _ in nil }
    ) throws(HistoryError) -> (history: PracticeHistory, notes: [String]) {
        var notes: [String] = []
        do {
            return (try PracticeHistory(path: path, folder: folder, scenarios: scenarios, notes: &notes), notes)
        } catch let error as DatabaseError where Self.isDamage(error) {
            notes.append("note: the practice history \(path) could not be read (\(error.message ?? "\(error.resultCode)")); made it again from the transcripts")
        } catch let mismatch as TablesDiffer {
            notes.append("note: the practice history \(path) has tables this Rehearse does not expect (\(mismatch.message)); made it again from the transcripts")
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError("cannot open the practice history \(path): \(error)")
        }
        Self.removeFiles(path)
        do {
            return (try PracticeHistory(path: path, folder: folder, scenarios: scenarios, notes: &notes), notes)
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError("cannot create the practice history \(path): \(error); remove it and run `rehearse history --rebuild`")
        }
    }

    private init(
        path: String, folder: String, scenarios: @escaping @Sendable (TranscriptHeader.ScenarioReference) -> Scenario?, notes: inout [String]
    ) throws {
        self.path = path
        transcriptsFolder = Self.resolved(folder) ?? folder
        self.scenarios = scenarios
        try Self.prepareFile(path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "history"
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the
        // last turns' rows, which the next synchronize() makes again from the transcript.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0") }
        database = try DatabaseQueue(path: path, configuration: configuration)
        let migrator = HistorySchema.migrator
        let superseded = try database.read { try migrator.hasBeenSuperseded($0) }
        if superseded {
            notes.append("note: the practice history \(path) was made by a newer Rehearse; made it again for this one from the transcripts")
            try database.write { db in
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                    try db.drop(table: table)
                }
            }
        }
        do {
            try migrator.migrate(database)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            // Its migrations are recorded as done but its tables are not what they made: a
            // database made by a development build between two releases.
            throw TablesDiffer(message: error.message ?? "\(error.resultCode)")
        }
        // Sessions taken out of the history stay out when the database is made again.
        let forgotten = Self.forgottenList(beside: path)
        try database.write { db in
            for transcript in forgotten { try db.execute(sql: "INSERT OR IGNORE INTO forgotten(transcriptPath) VALUES (?)", arguments: [transcript]) }
            let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'indexVersion'")
            if version != String(HistorySchema.indexVersion) {
                if version != nil {
                    notes.append("note: the practice history was indexed by an older Rehearse; indexing the transcripts again")
                }
                try db.execute(sql: "DELETE FROM session")
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('indexVersion', ?)", arguments: [String(HistorySchema.indexVersion)])
            }
        }
    }

    /// Creates the file owner-only when missing (SQLite gives its WAL files the same mode), and
    /// refuses a symbolic link or anything but a regular file in its place.
    private static func prepareFile(_ path: String) throws {
        let folder = path.deletingLastPathComponent
        if !folder.isEmpty, let problem = FileWriting.makeDirectories(folder, permissions: 0o700) {
            throw HistoryError("cannot create the folder \(folder) for the practice history: \(problem)")
        }
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            let why = errno == ELOOP ? "it is a symbolic link; the history is kept in a file of its own" : String(cString: strerror(errno))
            throw HistoryError("cannot open the practice history \(path): \(why)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw HistoryError("cannot open the practice history \(path): it is not a regular file; move it away")
        }
        if status.st_mode & 0o077 != 0 { _ = fchmod(descriptor, 0o600) }
    }

    /// A migration failed on tables that are not what the recorded migrations made.
    struct TablesDiffer: Error {
        var message: String
    }

    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    }

    /// The transcripts taken out with `history --forget` (without `--delete`), kept in a file of
    /// their own beside the database (owner-only, a path per line), so that the database can
    /// always be deleted and made again without bringing them back.
    static func forgottenListPath(beside path: String) -> String { path + "-forgotten" }

    static func forgottenList(beside path: String) -> [String] {
        guard case .success(let bytes) = FileBytes.contents(of: forgottenListPath(beside: path), limit: 16 << 20) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Runs `work`, making the database again if it turns out to be damaged part way.
    func recovering<T>(_ work: () throws -> T) throws(HistoryError) -> T {
        do {
            return try work()
        } catch let error as HistoryError {
            throw error
        } catch let error as DatabaseError where Self.isDamage(error) {
            throw HistoryError("the practice history \(path) is damaged (\(error.message ?? "\(error.resultCode)"))", damaged: true)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw HistoryError("the practice history \(path) stayed busy for \(Int(Self.busyTimeout)) s (another Rehearse is writing to it); try again")
        } catch {
            throw HistoryError("the practice history \(path): \(error)")
        }
    }

    /// Opens the history and brings it up to date with the transcript folder (`synchronize`). A
    /// database found damaged on the way is made again from the transcripts, with a note.
    public static func openSynchronized(
        at path: String, transcripts folder: String,
        scenarios: @escaping @Sendable (TranscriptHeader.ScenarioReference) -> Scenario? = { _ in nil }
    ) throws(HistoryError) -> (history: PracticeHistory, notes: [String], changes: SyncSummary) {
        var (history, notes) = try open(at: path, transcripts: folder, scenarios: scenarios)
        do {
            return (history, notes, try history.synchronize())
        } catch let error where error.damaged {
            notes.append("note: \(error.description); made it again from the transcripts")
            removeFiles(path)
            let reopened = try open(at: path, transcripts: folder, scenarios: scenarios)
            history = reopened.history
            return (history, notes + reopened.notes, try history.synchronize())
        }
    }

    /// The history made again from nothing: the files deleted, the transcripts indexed again (the
    /// sessions taken out stay out). What `history --rebuild` does, and what a damaged database
    /// found part way through a command needs.
    public static func remade(
        at path: String, transcripts folder: String,
        scenarios: @escaping @Sendable (TranscriptHeader.ScenarioReference) -> Scenario? = { _ in nil }
    ) throws(HistoryError) -> (history: PracticeHistory, notes: [String], changes: SyncSummary) {
        removeFiles(path)
        return try openSynchronized(at: path, transcripts: folder, scenarios: scenarios)
    }

    /// The path of a transcript in the history's folder as the history names it (its folder's
    /// links resolved), or nil when it is not in that folder.
    public func indexedPath(of transcriptPath: String) -> String? {
        guard transcriptPath.hasSuffix(".jsonl") else { return nil }
        let folder = transcriptPath.deletingLastPathComponent
        guard (Self.resolved(folder.isEmpty ? "." : folder) ?? folder) == transcriptsFolder else { return nil }
        return transcriptsFolder.appendingPathComponent(transcriptPath.lastPathComponent)
    }

    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
