import CredenceCore
import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// The schema a new journal gets, held by a committed file: a shipped migration edited by
/// mistake (an index, a trigger, a CHECK) fails here instead of silently giving new journals
/// another shape than old ones. After an intended change (a new migration),
/// `CREDENCE_UPDATE_SCHEMA=1 swift test --filter SchemaTests` rewrites Fixtures/schema.sql.
@Suite struct SchemaTests {
    let clock = Clock.fixed(
        ISO8601DateFormatter().date(from: "2026-11-22T12:00:00Z")!, timeZone: TimeZone(identifier: "UTC")!)

    /// The committed file as the tests read it, and its source, which an update rewrites.
    static let committed = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/schema.sql")
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/schema.sql")

    /// Every row of `sqlite_schema` (type, name, table, SQL as SQLite stored it) and the two pragmas.
    static func dump(_ db: Database) throws -> String {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let application = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        var text = "-- user_version \(version), application_id \(application)\n"
        let rows = try Row.fetchAll(
            db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
        for row in rows {
            let type: String = row["type"], name: String = row["name"], table: String = row["tbl_name"]
            let sql: String? = row["sql"]
            text += "\n-- \(type) \(name) on \(table)\n\(sql.map { $0 + ";" } ?? "-- (made by SQLite, no SQL)")\n"
        }
        return text
    }

    /// A new journal as `Journal.open` makes one on disk.
    func newJournalSchema() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let j = try Journal.open(path: dir.appendingPathComponent("j.sqlite").path, access: .write, clock: clock)
        return try j.readSQLite(Self.dump)
    }

    @Test func aNewJournalHasTheCommittedSchema() throws {
        let actual = try newJournalSchema()
        if ProcessInfo.processInfo.environment["CREDENCE_UPDATE_SCHEMA"] == "1" {
            try actual.write(to: Self.source, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.committed, encoding: .utf8)
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        // A Bool, so that a failure prints the first differing line rather than both schemas whole.
        let same = actual == expected
        #expect(
            same,
            """
            the schema of a new journal differs from Fixtures/schema.sql at line \(first + 1):
              committed: \(first < e.count ? e[first] : "(end of file)")
              new:       \(first < a.count ? a[first] : "(end of file)")
            A shipped migration must not change: put the change in a new migration, then rewrite the file \
            (CREDENCE_UPDATE_SCHEMA=1 swift test --filter SchemaTests).
            """)
    }

    /// An in-memory journal (tests, a missing journal read as empty) has the same schema as a file.
    @Test func anInMemoryJournalHasTheSameSchema() throws {
        let memory = try Journal.inMemory(clock: clock)
        #expect(try memory.readSQLite(Self.dump) == (try newJournalSchema()))
    }

    /// A journal made at version 1 and migrated has exactly the schema of a new one.
    @Test func migratingVersion1GivesTheSameSchema() throws {
        let db = try DatabaseQueue()
        try db.write { db in
            try Schema.migrations.first { $0.version == 1 }!.apply(db)
            try db.execute(sql: "PRAGMA user_version = 1; PRAGMA application_id = \(Schema.applicationID)")
            try Schema.migrate(db, from: 1)
        }
        #expect(try db.read(Self.dump) == (try newJournalSchema()))
    }

    /// The bulk import drops the forecast indexes and rebuilds them from `Schema.forecastIndexes`:
    /// they must be the journal's own, or an import would quietly change them.
    @Test func theBulkImportRebuildsTheJournalsOwnIndexes() throws {
        let j = try Journal.inMemory(clock: clock)
        let stored = try j.readSQLite { db in
            try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'forecast' ORDER BY name")
        }
        let rebuilt = Schema.forecastIndexes.split(separator: "\n").map { String($0.dropLast()) }.sorted()
        #expect(stored == rebuilt)
    }

    /// Undo restores a row from its columns as its triggers name them: a column added to a table
    /// without new triggers would be lost by `undo`.
    @Test func undoTriggersNameEveryColumnOfEveryTable() throws {
        let j = try Journal.inMemory(clock: clock)
        try j.readSQLite { db in
            for (table, columns) in Schema.undoable {
                let actual = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                #expect(actual == columns, "Schema.undoable lists \(table)'s columns as \(columns)")
                for kind in ["update", "delete"] {
                    let sql =
                        try String.fetchOne(
                            db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                            arguments: ["undo_\(table)_\(kind)"]) ?? ""
                    for column in columns.dropFirst() {
                        #expect(
                            sql.contains("quote(OLD.\(column))"), "undo_\(table)_\(kind) does not restore \(column)")
                    }
                }
            }
        }
    }
}
