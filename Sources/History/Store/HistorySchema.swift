import GRDB

/// The history's tables, as versioned migrations (docs/history.md describes them). A database
/// made by an older Rehearse is migrated forward; one whose rows were derived by other rules
/// (`indexVersion` differs) is indexed again from the transcripts, which hold everything.
enum HistorySchema {
    /// How rows are derived from a transcript. Raise it when that changes, so that every history
    /// is indexed again rather than mixing rows of two kinds.
    static let indexVersion = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "meta") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            // Sessions taken out with `history --forget` whose transcripts were kept: indexing
            // passes over them, and `--rebuild` keeps this list.
            try db.create(table: "forgotten") { table in
                table.primaryKey("transcriptPath", .text)
            }
            try db.create(table: "session") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique()
                table.column("transcriptPath", .text).notNull().unique()
                table.column("fileSize", .integer).notNull()
                table.column("fileModified", .integer).notNull()
                table.column("contentHash", .text)
                table.column("scenarioID", .text).notNull().indexed()
                table.column("scenarioTitle", .text).notNull()
                table.column("scenarioPath", .text).notNull()
                table.column("scenarioHash", .text).notNull()
                table.column("started", .double).notNull().indexed()
                table.column("lastActivity", .double).notNull()
                table.column("completed", .boolean).notNull()
                table.column("questionsAnswered", .integer).notNull()
                table.column("probesAsked", .integer).notNull()
                table.column("starShare", .double)
                table.column("exampleShare", .double)
                table.column("smartShare", .double)
                table.column("competencyShare", .double)
                table.column("fillersPer100", .double)
                table.column("words", .integer).notNull()
                table.column("recordedWith", .text).notNull()
                table.column("analyzedWith", .text).notNull()
            }
            try db.create(table: "attempt") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("session", onDelete: .cascade).notNull()
                table.column("position", .integer).notNull()
                table.column("questionID", .text).notNull().indexed()
                table.column("kind", .text).notNull()
                table.column("questionText", .text).notNull()
                table.column("answered", .boolean).notNull()
                table.column("skipped", .boolean).notNull()
                table.column("rating", .text)
                table.column("words", .integer).notNull()
                table.column("seconds", .double).notNull()
                table.column("probes", .integer).notNull()
                table.column("neededExample", .boolean).notNull()
                table.column("specificExample", .boolean)
                table.column("situation", .boolean)
                table.column("task", .boolean)
                table.column("action", .boolean)
                table.column("result", .boolean)
                table.column("smartSpecific", .boolean)
                table.column("smartMeasurable", .boolean)
                table.column("smartTimeBound", .boolean)
                table.column("fillersPer100", .double)
                table.uniqueKey(["sessionId", "position"])
            }
            try db.create(table: "attemptCompetency") { table in
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("competencyID", .text).notNull().indexed()
                table.column("label", .text).notNull()
                table.column("assessed", .boolean).notNull()
                table.column("shown", .boolean).notNull()
                table.primaryKey(["attemptId", "competencyID"])
            }
            try db.create(table: "answer") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("position", .integer).notNull()
                table.column("probeID", .text)
                table.column("text", .text).notNull()
                table.column("seconds", .double).notNull()
                table.column("followup", .text)
                table.column("features", .text).notNull()
            }
            try db.create(table: "followup") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("position", .integer).notNull()
                table.column("probeID", .text).notNull()
                table.column("text", .text).notNull()
                table.column("askedFor", .text)
                table.column("reason", .text).notNull()
            }
        }
        return migrator
    }
}
