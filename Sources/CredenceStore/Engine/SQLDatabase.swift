import GRDB

/// The server a journal lives on: a SQLite file (a personal journal) or a PostgreSQL database (a
/// team's).
package enum JournalEngine: String, Sendable {
    case sqlite, postgres
}

/// Values bound to a statement's `?` placeholders, in order.
typealias SQLArguments = [(any DatabaseValueConvertible)?]

/// One connection inside a read or a transaction, in either engine. The store's queries are
/// written once, in the SQL both engines share (`?` placeholders, `coalesce`, `RETURNING`, …);
/// where their SQL differs, the query asks `dialect`, and each engine spells its own.
protocol SQLDatabase: AnyObject {
    var engine: JournalEngine { get }
    var dialect: any SQLDialect { get }
    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow]
    /// Rows handed over one at a time; a row is valid only until the next call.
    func cursor(_ sql: String, _ arguments: SQLArguments) throws -> any SQLCursor
    /// Runs statements that return no rows; returns how many rows the last one changed.
    @discardableResult func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int
    /// Runs one INSERT and returns the new row's id.
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64
    /// Rows changed since the connection opened: a transaction that changed none leaves no trace.
    var totalChanges: Int { get }
    func statement(_ sql: String) throws -> any SQLStatement
}

protocol SQLCursor: AnyObject {
    func next() throws -> SQLRow?
}

/// What each engine spells its own way.
protocol SQLDialect: Sendable {
    /// `expr` compared and ordered without ASCII case (SQLite's NOCASE columns do this by
    /// themselves; PostgreSQL folds explicitly, so both engines agree byte for byte).
    func nocase(_ expr: String) -> String
    /// `expr = ?` for a name (`collating`: for a column that is not NOCASE by itself).
    func sameName(_ expr: String, collating: Bool) -> String
    /// `expr LIKE pattern` without ASCII case, `\` escaping.
    func like(_ expr: String, _ pattern: String) -> String
    /// The decimal digits of an integer expression.
    func digits(_ expr: String) -> String
    /// The highest id a table has ever given (one column, one row).
    func highestID(_ table: String) -> String
    /// Moves a table's id counter past ids written explicitly (nil: the engine does it itself).
    func idsGiven(_ table: String) -> String?
    /// Texts joined in order with U+001F between them.
    func joinedByUnitSeparator(_ expr: String) -> String
    /// The table a row is written to (inserted or updated), where reads may go elsewhere: a team
    /// journal's members read forecasts, caveats and bets through views that hide what is not
    /// theirs to see, and write to the tables, whose own rules bind them (a view's trigger would
    /// forward each row alone, and a member may not update the views: see `PostgresTrust.grants`).
    func writable(_ table: String) -> String
    /// A hint naming the index a query must read (SQLite's planner once chose worse).
    func indexedBy(_ index: String) -> String
    /// Adds a forecaster.
    func insertForecaster(name: String, at millis: Int64) -> (String, SQLArguments)
    /// Foreign keys checked at commit, not per statement (undo replays rows child before parent).
    var deferForeignKeys: String { get }
    /// Each table's highest id ever given (`name`, `seq`), when undo removes a step's inserts by
    /// id; nil when the engine's triggers record inserts as operations instead.
    var idMarks: String? { get }
    /// Tells the engine's undo triggers which step is being recorded (bound: the step's id).
    var stepStarted: String? { get }
    /// Says this transaction is an import, which a team journal's server lets only an admin make
    /// (it keeps the file's times and marks the rows imported); nil where nothing needs telling.
    var importStarted: String? { get }
    /// Makes the claims this transaction adds blind; nil where there are no blind claims.
    var blindClaims: String? { get }
    /// A bet's state (pending, accepted, declined) and its proposer's name, as columns of `bet`
    /// (a file's bets are agreed as they are entered).
    func betState(_ bet: String) -> String
    func betProposer(_ bet: String) -> String
    /// Whether a bet waits for its counterparty to accept it (a team journal's members are apart).
    var betsAwaitAnswers: Bool { get }
    /// Deletes claim `?` with what belongs to it.
    var claimDeletion: String { get }
    /// Whether the engine keeps each writer's last 500 undo steps itself (a member may delete no
    /// rows of a team journal).
    var prunesUndoSteps: Bool { get }
}

extension SQLDialect {
    func sameName(_ expr: String) -> String { sameName(expr, collating: false) }
}

extension SQLDatabase {
    func row(_ sql: String, _ arguments: SQLArguments = []) throws -> SQLRow? {
        try rows(sql, arguments).first
    }

    func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }
    func cursor(_ sql: String) throws -> any SQLCursor { try cursor(sql, []) }

    func value<V: DatabaseValueConvertible>(_ sql: String, _ arguments: SQLArguments = []) throws -> V? {
        guard let row = try row(sql, arguments) else { return nil }
        return row.databaseValue(0).isNull ? nil : (row[0] as V)
    }

    func values<V: DatabaseValueConvertible>(_ sql: String, _ arguments: SQLArguments = []) throws -> [V] {
        try rows(sql, arguments).compactMap { $0.databaseValue(0).isNull ? nil : ($0[0] as V) }
    }

    @discardableResult func execute(_ sql: String) throws -> Int { try execute(sql, []) }
}

/// A row of either engine, read by column index or name like GRDB's `Row`.
struct SQLRow {
    enum Storage {
        case sqlite(Row)
        case values(columns: [String: Int], values: [DatabaseValue])
    }
    let storage: Storage

    init(_ row: Row) { storage = .sqlite(row) }
    init(columns: [String: Int], values: [DatabaseValue]) { storage = .values(columns: columns, values: values) }

    /// A row that stays valid after its cursor moves on.
    func copy() -> SQLRow {
        if case .sqlite(let row) = storage { return SQLRow(row.copy()) }
        return self
    }

    func databaseValue(_ index: Int) -> DatabaseValue {
        switch storage {
        case .sqlite(let row): return row[index] as DatabaseValue
        case .values(_, let values): return values[index]
        }
    }

    func databaseValue(_ name: String) -> DatabaseValue {
        switch storage {
        case .sqlite(let row): return row[name] as DatabaseValue? ?? .null
        case .values(let columns, let values):
            guard let i = columns[name] else { return .null }
            return values[i]
        }
    }

    subscript<V: DatabaseValueConvertible>(_ index: Int) -> V { Self.required(databaseValue(index), "\(index)") }
    subscript<V: DatabaseValueConvertible>(_ name: String) -> V { Self.required(databaseValue(name), name) }

    private static func required<V: DatabaseValueConvertible>(_ value: DatabaseValue, _ column: String) -> V {
        guard let v = V.fromDatabaseValue(value) else {
            // As GRDB's own Row: a NULL or a wrong type where the schema forbids one is a bug here.
            fatalError("column \(column): cannot read \(value) as \(V.self)")
        }
        return v
    }
}

extension SQLDatabase {
    func value<V: DatabaseValueConvertible>(
        _ type: V.Type, _ sql: String, _ arguments: SQLArguments = []
    ) throws
        -> V?
    {
        try value(sql, arguments)
    }

    func values<V: DatabaseValueConvertible>(
        _ type: V.Type, _ sql: String, _ arguments: SQLArguments = []
    ) throws
        -> [V]
    {
        try values(sql, arguments)
    }
}

/// A statement run many times (an import's inserts): SQLite compiles it once.
protocol SQLStatement {
    func rows(_ arguments: SQLArguments) throws -> [SQLRow]
    @discardableResult func execute(_ arguments: SQLArguments) throws -> Int
    func insert(_ arguments: SQLArguments) throws -> Int64
}
