import CSQLiteConfig
import CredenceCore
import Foundation
import GRDB

/// The journal: a SQLite file, or a team's PostgreSQL database. This type owns the connection;
/// the store is the only code that speaks SQL.
package final class Journal: @unchecked Sendable {
    /// The file, or the team journal's URL without its password.
    package let path: String
    let connection: Connection
    /// The engine behind the journal, and its connection.
    enum Connection {
        case sqlite(DatabaseQueue)
        case postgres(PostgresDatabase)
    }
    /// A SQLite journal's queue; what only a file has (backups, quick checks, bulk imports) asks for it.
    var db: DatabaseQueue {
        get throws {
            guard case .sqlite(let queue) = connection else { throw JournalError.notOnTeamJournal }
            return queue
        }
    }
    package var engine: JournalEngine {
        switch connection {
        case .sqlite: return .sqlite
        case .postgres: return .postgres
        }
    }
    /// On a team journal whose rules bind the connected member, the server's clock: the times the
    /// server records are its own, so the client reckons with them too.
    package internal(set) var clock: Clock
    /// Who writes through this connection, recorded with each undo step: "shell:PPID" for a
    /// command run from a shell (commands typed in one shell share it), "prompt:PID" for the REPL.
    package var origin = Journal.processOrigin
    /// What opening did that the user should hear about (an empty file made a journal).
    package private(set) var notes: [String] = []
    /// When this open's damage check passed, to be recorded by the first write (`checkBeforeWriting`).
    var passedCheck: Int64?
    /// A team journal's address.
    package internal(set) var url: PostgresURL?
    /// On a team journal, the forecaster the connected role forecasts as ("me").
    package internal(set) var member: String?
    /// On a team journal, what the connected role may do beyond the rules for every member.
    package internal(set) var standing: TeamStanding?

    /// The origin of a command run from a shell: its parent's process id.
    package static let processOrigin = "shell:\(getppid())"

    // MARK: - Locating

    /// `--journal PATH` > `CREDENCE_JOURNAL` > `$XDG_DATA_HOME/credence/journal.sqlite`.
    package static func defaultPath(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["CREDENCE_JOURNAL"], !env.isEmpty { return env }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/share"
        return "\(data)/credence/journal.sqlite"
    }

    // MARK: - Opening

    package enum Access: Sendable { case read, write }

    /// Opens a journal. For writing, a missing file (and its directories) is created, private to
    /// its owner. For reading, a missing file is an empty journal and nothing is created.
    package static func open(path: String, access: Access, clock: Clock) throws -> Journal {
        try open(path: path, access: access, clock: clock, shownAs: path)
    }

    /// Opens the file at `path`, naming it `shownAs` in messages (a new journal being written
    /// under a temporary name is the user's journal to them).
    static func open(path: String, access: Access, clock: Clock, shownAs: String) throws -> Journal {
        // Never a file: `postgres://…` once made a directory named "postgres:".
        if PostgresURL.isPostgres(path) { return try openTeam(path, clock: clock) }
        try refuseWhatIsNotAFile(path, shownAs: shownAs)
        var exists = FileManager.default.fileExists(atPath: path)
        var notes: [String] = []
        // An empty file is no journal yet (`touch journal.sqlite`): reading it reads nothing,
        // and writing makes it a journal, private like every journal, and says so.
        if exists && fileSize(path) == 0 {
            if access == .read { return try inMemory(clock: clock, path: path) }
            if let note = makePrivate(path, shownAs: shownAs) { notes.append(note) }
            exists = false
        }
        if !exists && access == .read { return try inMemory(clock: clock, path: path) }
        if !FileManager.default.fileExists(atPath: path) { try createFile(path, shownAs: shownAs) }
        let directory = (path as NSString).deletingLastPathComponent
        let writable =
            Foundation.access(path, W_OK) == 0 && Foundation.access(directory.isEmpty ? "." : directory, W_OK) == 0
        if access == .write && !writable { throw notWritable(path, directory: directory, shownAs: shownAs) }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        var location = path
        if !writable {
            // Nothing here may be written, not even SQLite's shared-memory file: read the file as it is.
            config.readonly = true
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            location = "file:\(encoded)?immutable=1"
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: location, configuration: config)
        } catch {
            throw translate(error, path: shownAs)
        }
        let journal = Journal(path: shownAs, db: queue, clock: clock)
        journal.notes = notes
        try journal.prepare(creating: !exists)
        if access == .write && exists { try journal.checkBeforeWriting() }
        // A journal this process creates is whole as far as anyone can know: its first write
        // records that, so the whole check next runs a day later, not on the next write (which,
        // after a big import, would read every page just written).
        if !exists { journal.passedCheck = clock.now().millis }
        return journal
    }

    /// For a bulk import, before the first connection opens: SQLite keeps a statement journal (the
    /// pages a statement changes, so that statement alone can be undone) and by default moves it to
    /// a temporary file past 64 KB. A million-row import's batches wrote 2 GB that way, in 4 KB
    /// writes (0.7 s of system time). An import's statements each change a few pages, so their
    /// journals stay in memory. Only imports: a statement that changes a whole journal (`undo` of
    /// a big import) would hold all its pages in memory. (A limit between the two is no option:
    /// with one of 256 KB or more, SQLite 3.40 fails a statement whose journal outgrows it with
    /// "disk is full".)
    /// Returns false when SQLite was already initialised, which costs only speed.
    @discardableResult
    package static func keepStatementJournalsInMemory() -> Bool {
        credence_sqlite_statement_journals_in_memory() == 0
    }

    /// An empty journal in memory: for tests, and for reading a journal that does not exist yet.
    package static func inMemory(clock: Clock, path: String = ":memory:") throws -> Journal {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let journal = Journal(path: path, db: try DatabaseQueue(configuration: config), clock: clock)
        try journal.prepare(creating: true)
        return journal
    }

    /// For a new journal no other process can see yet (a bulk import's, under a temporary name,
    /// discarded on any failure): pages are written once, to the file, instead of to the
    /// write-ahead log and then the file; the rollback journal is kept in memory, so a failed
    /// statement or transaction still rolls back. Foreign keys are not checked row by row (two
    /// B-tree look-ups per forecast, 0.5 s of a million-row import): every id the import writes
    /// comes from a row it has just inserted or read, and the tests check its journals with
    /// `PRAGMA foreign_key_check`.
    func prepareForBulkImport() throws {
        do {
            try db.writeWithoutTransaction {
                try $0.execute(sql: "PRAGMA journal_mode = MEMORY; PRAGMA foreign_keys = OFF")
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Closes the connection, leaving the file alone as the whole journal, in write-ahead-log mode.
    func close() throws {
        if case .postgres(let pg) = connection { return pg.close() }
        do {
            try db.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.checkpoint(.truncate)
            }
            try db.close()
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    init(path: String, db: DatabaseQueue, clock: Clock) {
        self.path = path
        self.connection = .sqlite(db)
        self.clock = clock
    }

    deinit {
        // The client's event-loop thread ends with the journal (a SQLite queue closes itself).
        if case .postgres(let pg) = connection { pg.close() }
    }

    init(path: String, postgres: PostgresDatabase, clock: Clock) {
        self.path = path
        self.connection = .postgres(postgres)
        self.clock = clock
    }

    static func createFile(_ path: String, shownAs: String? = nil) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try createDirectories(directory, for: path) }
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            // Another process created it a moment ago: fine, both open the same journal.
            if errno == EEXIST { return }
            throw JournalError.cannotCreate(path: shownAs ?? path, reason: String(cString: strerror(errno)))
        }
        Foundation.close(fd)
    }

    /// mkdir -p with mode 0700, reporting the system's reason for a failure.
    private static func createDirectories(_ directory: String, for path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw JournalError.cannotCreate(path: path, reason: "\(directory) is a file, not a directory")
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != directory { try createDirectories(parent, for: path) }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw JournalError.cannotCreate(
                path: path, reason: "cannot create the directory \(directory): \(String(cString: strerror(errno)))")
        }
    }

    /// Checks the file is ours and current before anything writes to it; creates or migrates the schema.
    private func prepare(creating: Bool) throws {
        do {
            try db.inDatabase { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema") ?? 0
                if version > Schema.version {
                    throw JournalError.newerSchema(path: path, found: version, supported: Schema.version)
                }
                if tables > 0 && application != Schema.applicationID {
                    throw JournalError.notAJournal(path: path, reason: "an SQLite database of another program")
                }
                // Up to 32 MB of pages in memory (allocated only as used): a report over a large
                // journal reads the same claim pages many times.
                try db.execute(sql: "PRAGMA cache_size = -32768")
                // A command that said it saved is on disk even if the power goes (the usual
                // default, but some SQLite builds default WAL journals to NORMAL).
                try db.execute(sql: "PRAGMA synchronous = FULL")
                if version == Schema.version { return }
                // A journal nothing may write is read as it is: every version reads the same way.
                if db.configuration.readonly && version >= 1 { return }
                if path != ":memory:" && !path.hasPrefix(":memory") && db.configuration.readonly == false {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.inTransaction(.immediate) {
                    // Another process may have migrated while this one waited for the lock.
                    let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if current < Schema.version { try Schema.migrate(db, from: current) }
                    return .commit
                }
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// SQLite's errors in words a user can act on.
    static func translate(_ error: Error, path: String) -> Error {
        guard let e = error as? DatabaseError else { return error }
        switch e.resultCode {
        case .SQLITE_NOTADB: return JournalError.notAJournal(path: path, reason: "not an SQLite database")
        case .SQLITE_CORRUPT: return JournalError.damaged(path: path, reason: e.message ?? "corrupt")
        case .SQLITE_READONLY: return JournalError.readOnly(path: path)
        case .SQLITE_FULL: return JournalError.diskFull(path: path)
        // SQLite reports a disk with no room for its log or lock file as an I/O error or as
        // "unable to open": the free space says which it was.
        case .SQLITE_CANTOPEN where diskIsFull(path), .SQLITE_IOERR where diskIsFull(path):
            return JournalError.diskFull(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return JournalError.cannotOpen(path: path, reason: e.message ?? "permission denied")
        case .SQLITE_IOERR: return JournalError.cannotOpen(path: path, reason: "input/output error: \(e.message ?? "")")
        case .SQLITE_CONSTRAINT:
            return JournalError.constraintRefused(e.message ?? "a constraint failed")
        default: return error
        }
    }

    // MARK: - Access

    /// A read. Errors come back in the words of `translate`.
    func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        switch connection {
        case .postgres(let pg): return try pg.reading(body)
        case .sqlite(let queue):
            do {
                return try queue.inDatabase { try body(SQLiteDatabase($0)) }
            } catch {
                throw Self.translate(error, path: path)
            }
        }
    }

    /// GRDB's own connection, for what only a SQLite file has (its quick check).
    func readSQLite<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.inDatabase(body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// One transaction (SQLite: IMMEDIATE, taking the write lock at once), committed when `body`
    /// returns and rolled back when it throws.
    func transaction<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        if case .postgres(let pg) = connection { return try pg.writing { (try body($0), true) } }
        do {
            return try db.inDatabase { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteDatabase(db))
                    return .commit
                }
                return result!
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// One invocation's writes: one IMMEDIATE transaction, recorded as one undo step.
    /// The body returns what happened and a description for `undo`.
    package func write<T>(_ body: (JournalWriter) throws -> (T, String)) throws -> T {
        if case .postgres(let pg) = connection {
            return try pg.writing { db in
                // Where the team's rules bind the member, "now" is the transaction's own on the
                // server: the times the server stores and the ones the writer reasons with agree.
                let now =
                    standing?.trusted == false
                    ? Date(millis: try db.value(Int64.self, "SELECT credence.server_ms()") ?? clock.now().millis)
                    : clock.now()
                let writer = try JournalWriter(db: db, now: now, origin: origin)
                let before = db.totalChanges
                let (value, description) = try body(writer)
                if db.totalChanges == before { return (value, false) }
                try writer.finish(description: description)
                return (value, true)
            }
        }
        do {
            return try db.inDatabase { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let writer = try JournalWriter(db: SQLiteDatabase(db), now: clock.now(), origin: origin)
                    let before = db.totalChangesCount
                    let (value, description) = try body(writer)
                    result = value
                    // A command that changed nothing leaves no undo step behind.
                    if db.totalChangesCount == before { return .rollback }
                    try writer.finish(description: description)
                    try recordPassedCheck(db)
                    return .commit
                }
                return result!
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}

// MARK: - Time in the journal

extension Date {
    /// Milliseconds since the Unix epoch, the journal's time unit.
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
