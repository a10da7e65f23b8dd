import GRDB

/// The SQLite engine's side of `SQLDatabase`: GRDB's connection, queries run as written.
final class SQLiteDatabase: SQLDatabase {
    let db: Database
    var engine: JournalEngine { .sqlite }
    var dialect: any SQLDialect { SQLiteDialect() }

    init(_ db: Database) { self.db = db }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(SQLRow.init)
    }

    func cursor(_ sql: String, _ arguments: SQLArguments) throws -> any SQLCursor {
        Cursor(try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments)))
    }

    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        try db.execute(sql: sql, arguments: StatementArguments(arguments))
        return db.changesCount
    }

    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        try db.execute(sql: sql, arguments: StatementArguments(arguments))
        return db.lastInsertedRowID
    }

    var totalChanges: Int { db.totalChangesCount }

    func statement(_ sql: String) throws -> any SQLStatement {
        Prepared(db: db, statement: try db.cachedStatement(sql: sql))
    }

    struct Prepared: SQLStatement {
        let db: Database
        let statement: Statement
        func rows(_ arguments: SQLArguments) throws -> [SQLRow] {
            try Row.fetchAll(statement, arguments: StatementArguments(arguments)).map(SQLRow.init)
        }
        func execute(_ arguments: SQLArguments) throws -> Int {
            try statement.execute(arguments: StatementArguments(arguments))
            return db.changesCount
        }
        func insert(_ arguments: SQLArguments) throws -> Int64 {
            try statement.execute(arguments: StatementArguments(arguments))
            return db.lastInsertedRowID
        }
    }

    final class Cursor: SQLCursor {
        let rows: RowCursor
        init(_ rows: RowCursor) { self.rows = rows }
        func next() throws -> SQLRow? { try rows.next().map(SQLRow.init) }
    }
}

struct SQLiteDialect: SQLDialect {
    func nocase(_ expr: String) -> String { expr }
    func sameName(_ expr: String, collating: Bool) -> String {
        collating ? "\(expr) = ? COLLATE NOCASE" : "\(expr) = ?"
    }
    func writable(_ table: String) -> String { table }
    func like(_ expr: String, _ pattern: String) -> String { "\(expr) LIKE \(pattern) ESCAPE '\\'" }
    func digits(_ expr: String) -> String { "length(\(expr))" }
    func highestID(_ table: String) -> String { "SELECT seq FROM sqlite_sequence WHERE name = '\(table)'" }
    func idsGiven(_ table: String) -> String? { nil }
    func joinedByUnitSeparator(_ expr: String) -> String { "group_concat(\(expr), char(31))" }
    func indexedBy(_ index: String) -> String { "INDEXED BY \(index)" }
    func insertForecaster(name: String, at millis: Int64) -> (String, SQLArguments) {
        ("INSERT INTO forecaster(name, created_at) VALUES (?, ?)", [name, millis])
    }
    var deferForeignKeys: String { "PRAGMA defer_foreign_keys = ON" }
    var idMarks: String? { "SELECT name, seq FROM sqlite_sequence" }
    /// The triggers read the newest step (one writer at a time).
    var stepStarted: String? { nil }
    var importStarted: String? { nil }
    var blindClaims: String? { nil }
    func betState(_ bet: String) -> String { "'accepted'" }
    func betProposer(_ bet: String) -> String { "NULL" }
    var betsAwaitAnswers: Bool { false }
    var claimDeletion: String { "DELETE FROM claim WHERE id = ?" }
    var prunesUndoSteps: Bool { false }
}
