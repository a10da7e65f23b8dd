import Foundation
import GRDB
import GRDBSQLite
import PostgresNIO

/// A prepared statement bound and stepped through SQLite's C API: for bulk writes, where building
/// GRDB's argument arrays for every row costs more than SQLite's own work.
struct BulkStatement {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private var index: Int32 = 0
    /// SQLite copies the bytes before bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    mutating func bind(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        let i = index, h = handle
        _ = value.withUTF8 {
            sqlite3_bind_text(
                h, i, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), Int32($0.count),
                Self.transient)
        }
    }

    /// Runs the statement with the values bound since the last run.
    mutating func run() throws {
        defer {
            sqlite3_reset(handle)
            index = 0
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            let db = sqlite3_db_handle(handle)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db)),
                message: String(cString: sqlite3_errmsg(db)), sql: statement.sql)
        }
    }
}

/// Inserts rows many at a time (`INSERT … VALUES (…), (…), …`): SQLite's per-statement work,
/// AUTOINCREMENT bookkeeping included, is paid once per batch instead of once per row. Rows wait
/// in memory until `flush`, which the caller orders so parents go in before their children.
struct BatchInsert {
    enum Value {
        case int(Int64?), double(Double?), text(String?)
    }

    private let db: any SQLDatabase
    private let prefix: String
    private let columns: Int
    let batchSize: Int
    private var statements: [Int: BulkStatement] = [:]
    private var pending: [Value] = []

    private let suffix: String

    init(_ db: any SQLDatabase, table: String, columns: [String], batchSize: Int = 512, orIgnore: Bool = false) {
        self.db = db
        prefix = "INSERT INTO \(db.dialect.writable(table))(\(columns.joined(separator: ", "))) VALUES "
        suffix = orIgnore ? " ON CONFLICT DO NOTHING" : ""
        self.columns = columns.count
        self.batchSize = batchSize
        pending.reserveCapacity(columns.count * batchSize * 2)
    }

    /// Appends one row's values, in column order.
    mutating func add(_ values: Value...) {
        pending.append(contentsOf: values)
    }

    var isFull: Bool { pending.count >= columns * batchSize }

    /// Writes every waiting row, a batch per statement.
    mutating func flush() throws {
        var row = 0
        let rows = pending.count / columns
        while row < rows {
            let count = min(batchSize, rows - row)
            let values = pending[(row * columns)..<((row + count) * columns)]
            // Made only for a statement not yet prepared: a million rows are 8,000 batches.
            func sql() -> String {
                prefix
                    + Array(
                        repeating: "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")",
                        count: count
                    ).joined(separator: ", ") + suffix
            }
            if let sqlite = db as? SQLiteDatabase {
                var statement = try statements[count] ?? BulkStatement(sqlite.db, sql())
                for v in values {
                    switch v {
                    case .int(let x): statement.bind(x)
                    case .double(let x): statement.bind(x)
                    case .text(let x): statement.bind(x)
                    }
                }
                try statement.run()
                statements[count] = statement
            } else {
                try db.execute(
                    sql(),
                    values.map { v -> (any DatabaseValueConvertible)? in
                        switch v {
                        case .int(let x): return x
                        case .double(let x): return x
                        case .text(let x): return x
                        }
                    })
            }
            row += count
        }
        pending.removeAll(keepingCapacity: true)
    }
}

/// Values of the current row by column position, whoever read it.
protocol ColumnReader {
    func int(_ i: Int32) -> Int64
    func double(_ i: Int32) -> Double
    func text(_ i: Int32) -> String
    func optionalInt(_ i: Int32) -> Int64?
    func optionalText(_ i: Int32) -> String?
}

extension SQLRow: ColumnReader {
    func int(_ i: Int32) -> Int64 { self[Int(i)] }
    func double(_ i: Int32) -> Double { self[Int(i)] }
    func text(_ i: Int32) -> String { self[Int(i)] }
    func optionalInt(_ i: Int32) -> Int64? { self[Int(i)] }
    func optionalText(_ i: Int32) -> String? { self[Int(i)] }
}

/// Reads rows through SQLite's C API: for scans of hundreds of thousands of rows, where GRDB's
/// typed row access costs more than SQLite's own work. On PostgreSQL the rows come as the server
/// sends them, and only the cells asked for are decoded (a scan's rows are never made `SQLRow`s).
struct RawQuery: ColumnReader {
    private let statement: Statement?
    private var handle: OpaquePointer { statement!.sqliteStatement }
    private var rows: [PostgresRandomAccessRow] = []
    private var position = -1

    /// - cached: the statement is kept for the next query of the same text (bound values only;
    ///   never two such queries open at once).
    init(_ db: any SQLDatabase, _ sql: String, _ arguments: SQLArguments = [], cached: Bool = false) throws {
        guard let sqlite = db as? SQLiteDatabase else {
            statement = nil
            guard let postgres = db as? PostgresDatabase else { preconditionFailure("an engine without raw rows") }
            rows = try postgres.rawRows(sql, arguments)
            return
        }
        let statement = try cached ? sqlite.db.cachedStatement(sql: sql) : sqlite.db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        self.statement = statement
    }

    /// A PostgreSQL cell as SQLite would have given it.
    private func value(_ i: Int32) -> DatabaseValue {
        (try? PostgresDatabase.databaseValue(rows[position][Int(i)])) ?? .null
    }

    /// Moves to the next row; false at the end.
    mutating func step() throws -> Bool {
        guard let statement else {
            position += 1
            return position < rows.count
        }
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let db = sqlite3_db_handle(handle)
        throw DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db)),
            message: String(cString: sqlite3_errmsg(db)),
            sql: statement.sql)
    }

    func int(_ i: Int32) -> Int64 {
        statement == nil ? Int64.fromDatabaseValue(value(i)) ?? 0 : sqlite3_column_int64(handle, i)
    }
    func double(_ i: Int32) -> Double {
        statement == nil ? Double.fromDatabaseValue(value(i)) ?? 0 : sqlite3_column_double(handle, i)
    }
    func isNull(_ i: Int32) -> Bool {
        statement == nil ? rows[position][Int(i)].bytes == nil : sqlite3_column_type(handle, i) == SQLITE_NULL
    }
    func text(_ i: Int32) -> String {
        guard statement != nil else { return String.fromDatabaseValue(value(i)) ?? "" }
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        return String(
            decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
    }
    func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    func optionalInt(_ i: Int32) -> Int64? { isNull(i) ? nil : int(i) }
    /// A text cell's UTF-8 without making a string of it (on SQLite, valid until the next step).
    func withText<T>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        guard statement != nil else {
            var s = text(i)
            return try s.withUTF8(body)
        }
        return try body(
            UnsafeBufferPointer(start: sqlite3_column_text(handle, i), count: Int(sqlite3_column_bytes(handle, i))))
    }
}
