import FoundationEssentials
import Glibc
import GRDB
import InterviewCore
import SystemIO
import Transcripts

extension PracticeHistory {
    /// Brings the history up to date with the transcript folder: a transcript not yet indexed, or
    /// whose size or time changed and whose content hash differs, is indexed; a session whose
    /// transcript is gone is removed. Files that are not transcripts are reported, not indexed.
    @discardableResult
    public func synchronize() throws(HistoryError) -> SyncSummary {
        try recovering {
            var summary = SyncSummary()
            let files = Self.transcriptFiles(in: transcriptsFolder)
            let (known, forgotten) = try database.read { db in
                (try StoredFile.fetchAll(db, sql: "SELECT id, transcriptPath, fileSize, fileModified, contentHash FROM session"),
                 Set(try String.fetchAll(db, sql: "SELECT transcriptPath FROM forgotten")))
            }
            let byPath = Dictionary(known.map { ($0.transcriptPath, $0) }, uniquingKeysWith: { first, _ in first })
            var pending: [IndexedSession] = []
            for (path, identity) in files where !forgotten.contains(path) {
                let stored = byPath[path]
                if let stored, stored.fileSize == identity.size, stored.fileModified == identity.modified { continue }
                guard case .success(let bytes) = FileBytes.contents(of: path, limit: InputLimits.transcriptBytes + 1) else {
                    summary.unreadable.append("\(path): cannot be read")
                    continue
                }
                let hash = SHA256.hex(bytes)
                if let stored, stored.contentHash == hash {
                    try database.write { db in
                        try db.execute(sql: "UPDATE session SET fileSize = ?, fileModified = ? WHERE id = ?", arguments: [identity.size, identity.modified, stored.id])
                    }
                    continue
                }
                do {
                    let transcript = try TranscriptReader.read(bytes: bytes, path: path).transcript
                    pending.append(IndexedSession(transcript, path: path, file: identity, contentHash: hash, scenario: scenarios(transcript.header.scenario)))
                    if stored == nil { summary.added += 1 } else { summary.updated += 1 }
                } catch {
                    summary.unreadable.append("\(error)")
                }
                // Stored in batches: one transaction per file would wait on the disk a thousand times.
                if pending.count >= 200 {
                    try store(pending)
                    pending.removeAll()
                }
            }
            try store(pending)
            let gone = known.filter { files[$0.transcriptPath] == nil }
            if !gone.isEmpty {
                try database.write { db in
                    for session in gone { try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [session.id]) }
                }
                summary.removed = gone.count
            }
            return summary
        }
    }

    /// Records the interview `transcript`, as written to `transcriptPath` so far, as the interview
    /// goes: called after each turn is written, so that the history holds every answer the
    /// transcript does. A transcript outside the history's folder is not recorded (false).
    /// - Parameter file: the file's identity when `transcript` was what it held (default: now).
    @discardableResult
    public func record(_ transcript: Transcript, at transcriptPath: String, scenario: Scenario?, file: FileIdentity? = nil) throws(HistoryError) -> Bool {
        guard let path = indexedPath(of: transcriptPath), let identity = file ?? FileIdentity.of(path) else { return false }
        // No content hash: reading the whole file at every turn would cost more than the rest;
        // the size and time say whether it changed since.
        let indexed = IndexedSession(transcript, path: path, file: identity, contentHash: nil, scenario: scenario)
        let previous = recorded.withLock { $0[path] }
        let sessionID = try recovering {
            try database.write { db -> Int64? in
                // Unless another process has indexed the file since (new ids), only what changed is stored.
                guard let previous, try Int64.fetchOne(db, sql: "SELECT id FROM session WHERE transcriptPath = ?", arguments: [path]) == previous.sessionID else {
                    return try insert(indexed, db)
                }
                var session = indexed.session
                session.id = previous.sessionID
                try session.update(db)
                for (position, attempt) in indexed.attempts.enumerated()
                where position >= previous.session.attempts.count || previous.session.attempts[position] != attempt {
                    try db.execute(sql: "DELETE FROM attempt WHERE sessionId = ? AND position = ?", arguments: [previous.sessionID, position])
                    try insert(attempt, session: previous.sessionID, db)
                }
                try db.execute(sql: "DELETE FROM attempt WHERE sessionId = ? AND position >= ?", arguments: [previous.sessionID, indexed.attempts.count])
                if indexed.competencies != previous.session.competencies {
                    try db.execute(sql: "DELETE FROM sessionCompetency WHERE sessionId = ?", arguments: [previous.sessionID])
                    try insertCompetencies(indexed, session: previous.sessionID, db)
                }
                return previous.sessionID
            }
        }
        recorded.withLock { $0[path] = sessionID.map { ($0, indexed) } }
        return true
    }

    /// Makes the index again from the transcript folder (the list of forgotten sessions is kept).
    @discardableResult
    public func rebuild() throws(HistoryError) -> SyncSummary {
        try recovering { try database.write { try $0.execute(sql: "DELETE FROM session") } }
        return try synchronize()
    }

    /// Indexes every session again from its transcript as `reanalysed` gives it (each answer
    /// analysed by today's analyzers, and their names and versions), so that trends compare like
    /// with like. Returns how many sessions' rows changed, and the transcripts that could not be
    /// read or re-analysed.
    public func reanalyze(
        _ reanalysed: (Transcript) -> (transcript: Transcript, analyzers: String)?
    ) throws(HistoryError) -> (changed: Int, sessions: Int, problems: [String]) {
        try synchronize()
        return try recovering {
            let sessions = try database.read { try SessionRow.fetchAll($0) }
            var changed = 0
            var problems: [String] = []
            for session in sessions {
                guard let identity = FileIdentity.of(session.transcriptPath) else { continue }
                let transcript: Transcript
                do {
                    transcript = try TranscriptReader.read(contentsOf: session.transcriptPath).transcript
                } catch {
                    problems.append("\(error)")
                    continue
                }
                guard let (fresh, analyzers) = reanalysed(transcript) else {
                    problems.append("\(session.transcriptPath): could not be re-analysed (its scenario is gone or has changed)")
                    continue
                }
                let indexed = IndexedSession(
                    fresh, path: session.transcriptPath, file: identity, contentHash: session.contentHash, scenario: scenarios(transcript.header.scenario),
                    analyzedWith: analyzers)
                let before = try database.read { db in try Self.attempts(of: session, in: db) }
                if session.analyzedWith != analyzers || Self.comparable(before) != Self.comparable(indexed.attempts.map(\.row)) { changed += 1 }
                try store([indexed])
            }
            return (changed, sessions.count, problems)
        }
    }

    /// Takes a session out of the history. With `deleteFiles` its transcript and feedback file
    /// are removed too (refused while an interview holds the transcript); without, the transcript
    /// stays and the history passes over it from now on. Returns the files removed.
    public func forget(_ name: String, deleteFiles: Bool) throws(HistoryError) -> (session: SessionRow, removed: [String]) {
        let found = try recovering { try database.read { db in try SessionRow.filter(Column("name") == name).fetchOne(db) } }
        guard let session = found else {
            throw HistoryError("no session named '\(name)' in the history; `rehearse history` lists them (the first column)")
        }
        var removed: [String] = []
        if deleteFiles {
            if let holder = TranscriptWriter.writer(of: session.transcriptPath) {
                throw HistoryError("\(session.transcriptPath) is in use by \(holder) (an interview is running); end it first")
            }
            let feedback = String(session.transcriptPath.dropLast(".jsonl".count)) + ".md"
            for file in [session.transcriptPath, feedback] where FileBytes.exists(file) {
                guard unlink(file) == 0 else { throw HistoryError("cannot remove \(file): \(String(cString: strerror(errno)))") }
                removed.append(file)
            }
        }
        if !deleteFiles {
            // The list beside the database first: a forget that is said to be done stays done.
            let list = Self.forgottenList(beside: path) + [session.transcriptPath]
            do {
                try FileWriting.write(Array(list.joined(separator: "\n").utf8) + [10], to: Self.forgottenListPath(beside: path), mode: .atomic, permissions: 0o600)
            } catch {
                throw HistoryError("cannot keep \(session.name) out of the history: \(error)")
            }
        }
        try recovering {
            try database.write { db in
                _ = try session.delete(db)
                if !deleteFiles { try db.execute(sql: "INSERT OR IGNORE INTO forgotten(transcriptPath) VALUES (?)", arguments: [session.transcriptPath]) }
            }
        }
        return (session, removed)
    }

    /// What indexing needs to know of a stored session: which file, as it was then.
    struct StoredFile: FetchableRecord {
        var id: Int64
        var transcriptPath: String
        var fileSize: Int64
        var fileModified: Int64
        var contentHash: String?

        init(row: Row) {
            id = row[0]
            transcriptPath = row[1]
            fileSize = row[2]
            fileModified = row[3]
            contentHash = row[4]
        }
    }

    // MARK: Storing

    /// Replaces the rows of each session (by transcript path) with the given ones, in one transaction.
    package func store(_ sessions: [IndexedSession]) throws {
        guard !sessions.isEmpty else { return }
        try database.write { db in
            for indexed in sessions { try insert(indexed, db) }
        }
    }

    /// The session's rows in place of any stored for its transcript; its new id.
    @discardableResult
    private func insert(_ indexed: IndexedSession, _ db: Database) throws -> Int64? {
        try db.execute(sql: "DELETE FROM session WHERE transcriptPath = ?", arguments: [indexed.session.transcriptPath])
        var session = indexed.session
        try session.insert(db)
        guard let sessionID = session.id else { return nil }
        for attempt in indexed.attempts { try insert(attempt, session: sessionID, db) }
        try insertCompetencies(indexed, session: sessionID, db)
        return sessionID
    }

    private func insertCompetencies(_ indexed: IndexedSession, session: Int64, _ db: Database) throws {
        for var row in indexed.competencies {
            row.sessionId = session
            try row.insert(db)
        }
    }

    private func insert(_ attempt: IndexedSession.Attempt, session: Int64, _ db: Database) throws {
        var row = attempt.row
        row.sessionId = session
        try row.insert(db)
        guard let attemptID = row.id else { return }
        for var competency in attempt.competencies {
            competency.attemptId = attemptID
            try competency.insert(db)
        }
        for (position, answer) in attempt.answers.enumerated() {
            var answerRow = answer.row(attempt: attemptID, position: position)
            try answerRow.insert(db)
        }
        for var followup in attempt.followups {
            followup.attemptId = attemptID
            try followup.insert(db)
        }
    }

    static func attempts(of session: SessionRow, in db: Database) throws -> [AttemptRow] {
        try AttemptRow.filter(Column("sessionId") == session.id).order(Column("position")).fetchAll(db)
    }

    /// Attempts as compared across two indexings: without their database ids.
    static func comparable(_ attempts: [AttemptRow]) -> [AttemptRow] {
        attempts.map { attempt in
            var attempt = attempt
            attempt.id = nil
            attempt.sessionId = 0
            return attempt
        }
    }

    // MARK: Files

    /// The transcripts in `folder`: regular files ending in `.jsonl` (links are not followed).
    static func transcriptFiles(in folder: String) -> [String: FileIdentity] {
        guard let directory = opendir(folder) else { return [:] }
        defer { closedir(directory) }
        var files: [String: FileIdentity] = [:]
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.hasSuffix(".jsonl"), !name.hasPrefix(".") else { continue }
            let path = folder.appendingPathComponent(name)
            if let identity = FileIdentity.of(path) { files[path] = identity }
        }
        return files
    }
}
