import GRDB

/// The history's tables, as versioned migrations (docs/history.md describes them). A database
/// made by an older Rehearse is migrated forward; one whose rows were derived by other rules
/// (`indexVersion` differs) is indexed again from the transcripts, which hold everything.
enum HistorySchema {
    /// How rows are derived from a transcript. Raise it when that changes, so that every history
    /// is indexed again rather than mixing rows of two kinds.
    static let indexVersion = 2

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
                // The session's, copied so that questions are compared without reading sessions.
                table.column("scenarioID", .text).notNull()
                table.column("started", .double).notNull()
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
            // What `weakest` reads, in an index of its own: a long history is compared from it alone.
            try db.create(
                index: "attemptRecord", on: "attempt",
                columns: ["scenarioID", "questionID", "answered", "rating", "started", "neededExample", "probes", "sessionId"])
            // Per session, each competency: answers to questions that look for it, and how many showed it.
            try db.create(table: "sessionCompetency") { table in
                table.belongsTo("session", onDelete: .cascade).notNull()
                table.column("scenarioID", .text).notNull()
                table.column("started", .double).notNull()
                table.column("competencyID", .text).notNull()
                table.column("label", .text).notNull()
                table.column("assessed", .integer).notNull()
                table.column("shown", .integer).notNull()
                table.primaryKey(["sessionId", "competencyID"])
            }
            // What `competencies` reads, in an index of its own (in the order it groups by).
            try db.create(index: "competencyRecord", on: "sessionCompetency", columns: ["competencyID", "scenarioID", "started", "label", "assessed", "shown"])
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
            // Each question's record over every session, kept by triggers as attempts come and go,
            // so that `weakest` over a long history reads a row per question.
            try db.create(table: "questionRecord") { table in
                table.column("scenarioID", .text).notNull()
                table.column("questionID", .text).notNull()
                table.column("attempts", .integer).notNull()
                table.column("basic", .integer).notNull()
                table.column("neededExample", .integer).notNull()
                table.column("probes", .integer).notNull()
                table.column("latest", .double).notNull()
                table.primaryKey(["scenarioID", "questionID"])
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER questionRecordAdd AFTER INSERT ON attempt WHEN NEW.answered AND NEW.rating IS NOT NULL BEGIN
                      INSERT INTO questionRecord(scenarioID, questionID, attempts, basic, neededExample, probes, latest)
                      VALUES (NEW.scenarioID, NEW.questionID, 1, NEW.rating = 'basic', NEW.neededExample, NEW.probes, NEW.started)
                      ON CONFLICT(scenarioID, questionID) DO UPDATE SET attempts = attempts + 1, basic = basic + (NEW.rating = 'basic'),
                        neededExample = neededExample + NEW.neededExample, probes = probes + NEW.probes, latest = MAX(latest, NEW.started);
                    END;
                    CREATE TRIGGER questionRecordRemove AFTER DELETE ON attempt WHEN OLD.answered AND OLD.rating IS NOT NULL BEGIN
                      UPDATE questionRecord SET attempts = attempts - 1, basic = basic - (OLD.rating = 'basic'),
                        neededExample = neededExample - OLD.neededExample, probes = probes - OLD.probes,
                        latest = COALESCE((SELECT MAX(started) FROM attempt WHERE scenarioID = OLD.scenarioID AND questionID = OLD.questionID
                          AND answered AND rating IS NOT NULL), 0)
                      WHERE scenarioID = OLD.scenarioID AND questionID = OLD.questionID;
                      DELETE FROM questionRecord WHERE scenarioID = OLD.scenarioID AND questionID = OLD.questionID AND attempts <= 0;
                    END;
                    """)
        }
        // A branch-only question is asked only as help after a weak answer to another; it is kept
        // as an attempt, but not counted in a question's record: `--weakest` could not ask it alone.
        migrator.registerMigration("v2") { db in
            try db.alter(table: "attempt") { table in
                table.add(column: "branchOnly", .boolean).notNull().defaults(to: false)
            }
            try db.drop(index: "attemptRecord")
            try db.create(
                index: "attemptRecord", on: "attempt",
                columns: ["scenarioID", "questionID", "branchOnly", "answered", "rating", "started", "neededExample", "probes", "sessionId"])
            try db.execute(
                sql: """
                    DROP TRIGGER questionRecordAdd;
                    DROP TRIGGER questionRecordRemove;
                    DELETE FROM questionRecord;
                    INSERT INTO questionRecord(scenarioID, questionID, attempts, basic, neededExample, probes, latest)
                      SELECT scenarioID, questionID, COUNT(*), SUM(rating = 'basic'), SUM(neededExample), SUM(probes), MAX(started)
                      FROM attempt WHERE answered AND rating IS NOT NULL AND NOT branchOnly GROUP BY scenarioID, questionID;
                    CREATE TRIGGER questionRecordAdd AFTER INSERT ON attempt WHEN NEW.answered AND NEW.rating IS NOT NULL AND NOT NEW.branchOnly BEGIN
                      INSERT INTO questionRecord(scenarioID, questionID, attempts, basic, neededExample, probes, latest)
                      VALUES (NEW.scenarioID, NEW.questionID, 1, NEW.rating = 'basic', NEW.neededExample, NEW.probes, NEW.started)
                      ON CONFLICT(scenarioID, questionID) DO UPDATE SET attempts = attempts + 1, basic = basic + (NEW.rating = 'basic'),
                        neededExample = neededExample + NEW.neededExample, probes = probes + NEW.probes, latest = MAX(latest, NEW.started);
                    END;
                    CREATE TRIGGER questionRecordRemove AFTER DELETE ON attempt WHEN OLD.answered AND OLD.rating IS NOT NULL AND NOT OLD.branchOnly BEGIN
                      UPDATE questionRecord SET attempts = attempts - 1, basic = basic - (OLD.rating = 'basic'),
                        neededExample = neededExample - OLD.neededExample, probes = probes - OLD.probes,
                        latest = COALESCE((SELECT MAX(started) FROM attempt WHERE scenarioID = OLD.scenarioID AND questionID = OLD.questionID
                          AND answered AND rating IS NOT NULL AND NOT branchOnly), 0)
                      WHERE scenarioID = OLD.scenarioID AND questionID = OLD.questionID;
                      DELETE FROM questionRecord WHERE scenarioID = OLD.scenarioID AND questionID = OLD.questionID AND attempts <= 0;
                    END;
                    """)
        }
        return migrator
    }
}
