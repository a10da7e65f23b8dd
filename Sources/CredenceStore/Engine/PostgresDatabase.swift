import Foundation
import GRDB
import Logging
import PostgresNIO

/// The PostgreSQL engine's side of `SQLDatabase`: one connection, driven synchronously (a command
/// is one short conversation with the server; nothing else runs while it waits). Statements are
/// the store's shared SQL with `?` placeholders renumbered `$1, $2, …`.
final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    let connection: PostgresConnection
    let group: MultiThreadedEventLoopGroup
    let logger = Logger(label: "credence.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The server's name for messages: "HOST:PORT".
    let server: String
    private(set) var totalChanges = 0
    /// Transactions open on this connection: a read inside a write is part of the write.
    var depth = 0
    var engine: JournalEngine { .postgres }
    var dialect: any SQLDialect { PostgresDialect() }

    init(connection: PostgresConnection, group: MultiThreadedEventLoopGroup, server: String) {
        self.connection = connection
        self.group = group
        self.server = server
    }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return [] }
        var columns: [String: Int] = [:]
        for (i, cell) in first.enumerated() where columns[cell.columnName] == nil { columns[cell.columnName] = i }
        return try result.rows.map { row in
            SQLRow(columns: columns, values: try row.map(Self.databaseValue))
        }
    }

    /// Rows as the server sent them, for `RawQuery`, which decodes only the cells it reads.
    func rawRows(_ sql: String, _ arguments: SQLArguments) throws -> [PostgresRandomAccessRow] {
        try run(sql, arguments).rows.map(PostgresRandomAccessRow.init)
    }

    func statement(_ sql: String) throws -> any SQLStatement { Prepared(db: self, sql: sql) }

    struct Prepared: SQLStatement {
        let db: PostgresDatabase
        let sql: String
        func rows(_ arguments: SQLArguments) throws -> [SQLRow] { try db.rows(sql, arguments) }
        func execute(_ arguments: SQLArguments) throws -> Int { try db.execute(sql, arguments) }
        func insert(_ arguments: SQLArguments) throws -> Int64 { try db.insert(sql, arguments) }
    }

    func cursor(_ sql: String, _ arguments: SQLArguments) throws -> any SQLCursor {
        ArrayCursor(try rows(sql, arguments))
    }

    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        let result = try run(sql, arguments)
        let changed = result.metadata.rows ?? 0
        totalChanges += changed
        return changed
    }

    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        let result = try run(sql + " RETURNING id", arguments)
        totalChanges += 1
        guard let row = result.rows.first, let id = try Self.databaseValue(row.first!).storage.int64 else {
            throw JournalError.serverRefused(server: server, reason: "it returned no id for a new row")
        }
        return id
    }

    private func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch (argument?.databaseValue ?? .null).storage {
            case .null: binds.appendNull()
            case .int64(let v): binds.append(v)
            case .double(let v): binds.append(v)
            case .string(let v): binds.append(v)
            case .blob(let v): binds.append([UInt8](v))
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: binds)
        do {
            try checkOpen()
            return try answer(connection.query(query, logger: logger))
        } catch {
            throw PostgresErrors.translate(error, server: server)
        }
    }

    /// The server's answer, or an error as soon as the connection closes: postgres-nio leaves a
    /// query unanswered whose channel closed around it (the server ended the session, or died),
    /// and a bare `wait()` would then never return.
    func answer<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let promise = future.eventLoop.makePromise(of: T.self)
        future.cascade(to: promise)
        let server = self.server
        connection.closeFuture.whenComplete { _ in
            promise.fail(
                JournalError.serverUnreachable(
                    server: server, reason: "the connection was lost; nothing of this command was written"))
        }
        return try promise.futureResult.wait()
    }

    /// `?` → `$n`, outside quoted text and identifiers.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        for c in sql {
            if let q = quote {
                if c == q { quote = nil }
                out.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                out.append(c)
            } else if c == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A cell as the value SQLite would have given: integers and booleans as INTEGER, floating
    /// point as REAL, text as TEXT.
    static func databaseValue(_ cell: PostgresCell) throws -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return try cell.decode(Int64.self).databaseValue
        case .bool: return (try cell.decode(Bool.self) ? 1 : 0).databaseValue
        case .float4, .float8: return try cell.decode(Double.self).databaseValue
        case .numeric:
            // sum() of bigint: integral unless the SQL asked otherwise.
            let text = try cell.decode(String.self)
            if let i = Int64(text) { return i.databaseValue }
            return (Double(text) ?? .nan).databaseValue
        case .bytea: return Data(try cell.decode([UInt8].self)).databaseValue
        default: return try cell.decode(String.self).databaseValue
        }
    }

    final class ArrayCursor: SQLCursor {
        private var rows: IndexingIterator<[SQLRow]>
        init(_ rows: [SQLRow]) { self.rows = rows.makeIterator() }
        func next() throws -> SQLRow? { rows.next() }
    }
}

extension DatabaseValue.Storage {
    var int64: Int64? {
        if case .int64(let v) = self { return v }
        return nil
    }
}

/// PostgreSQL's spelling of what differs. `credence.nocase` folds ASCII letters only, as
/// SQLite's NOCASE does, and compares in the "C" collation: names sort the same on both engines.
struct PostgresDialect: SQLDialect {
    func nocase(_ expr: String) -> String { "credence.nocase(\(expr))" }
    func sameName(_ expr: String, collating: Bool) -> String { "credence.nocase(\(expr)) = credence.nocase(?)" }
    func like(_ expr: String, _ pattern: String) -> String {
        "credence.nocase(\(expr)) LIKE credence.nocase(\(pattern)) ESCAPE '\\'"
    }
    func digits(_ expr: String) -> String { "length((\(expr))::text)" }
    /// By the server (`PostgresTrust`), which advances a counter only past ids in use: a member
    /// may not set one.
    func idsGiven(_ table: String) -> String? { "SELECT credence.ids_given('\(table)')" }
    func highestID(_ table: String) -> String {
        "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM credence.\(table)_id_seq"
    }
    func joinedByUnitSeparator(_ expr: String) -> String { "string_agg(\(expr), chr(31))" }
    func indexedBy(_ index: String) -> String { "" }
    func writable(_ table: String) -> String { "credence.\(table)" }
    /// The connected role's own name, written first, becomes that role's forecaster (the
    /// owner's, before any `team add`).
    func insertForecaster(name: String, at millis: Int64) -> (String, SQLArguments) {
        (
            """
            INSERT INTO forecaster(name, created_at, role_name) VALUES (?, ?,
                CASE WHEN credence.nocase(?) = credence.nocase(current_user::text)
                      AND NOT EXISTS (SELECT 1 FROM forecaster WHERE role_name = current_user::text)
                     THEN current_user::text END)
            """, [name, millis, name]
        )
    }
    var deferForeignKeys: String { "SET CONSTRAINTS ALL DEFERRED" }
    /// Members write at once and their ids interleave: the triggers record inserts too.
    var idMarks: String? { nil }
    /// Per transaction: another member's step, recorded at the same moment, is another session's.
    var stepStarted: String? { "SELECT set_config('credence.step', (?)::text, true)" }
    var importStarted: String? { "SELECT set_config('credence.importing', 'on', true)" }
    var blindClaims: String? { "SELECT set_config('credence.blind', 'on', true)" }
    func betState(_ bet: String) -> String { "\(bet).state" }
    func betProposer(_ bet: String) -> String { "(SELECT name FROM forecaster WHERE id = \(bet).proposed_by)" }
    var betsAwaitAnswers: Bool { true }
    /// By the server, which checks the author (`PostgresTrust`).
    var claimDeletion: String { "SELECT credence.delete_claim(?)" }
    var prunesUndoSteps: Bool { true }
}
