import CredenceCore
import Foundation
import GRDB
import GRDBSQLite

/// Damage is looked for before anything is written: SQLite notices a damaged page only when a
/// statement reads it, so without a check `add` would go on writing to a journal whose middle is
/// broken. `PRAGMA quick_check` reads every page and decodes every row (it skips only the
/// index-to-table comparison of `integrity_check`), which costs 2–5 ms for a hundred claims and
/// seconds for 100,000 on a busy two-core machine (README, "Nothing lost"): too much for every
/// `add` on a large journal.
/// So before each write it runs within `budget` on a journal up to `boundedBytes`, and a check
/// that finishes decides; otherwise (a larger journal, or one too slow to check in time) the whole
/// check runs before the first write after `interval` since the last one passed, recorded in the
/// journal, so the 100,000-claim journal's `add` pays for it once a day.
extension Journal {
    static let boundedBytes: Int64 = 4 << 20
    static let budget: TimeInterval = 0.004
    static let interval: TimeInterval = 24 * 3600

    /// Throws `JournalError.damaged` (naming this journal) when the check finds damage.
    func checkBeforeWriting() throws {
        // A team journal's server keeps its own pages whole (checksums, WAL replay).
        guard engine == .sqlite else { return }
        let size = Self.fileSize(path) + Self.fileSize(path + "-wal")
        if size <= Self.boundedBytes, let problems = try quickCheck(within: Self.budget) {
            return try judge(problems)
        }
        let now = clock.now()
        let last = try read { db in try db.value(Int64.self, "SELECT checked_at FROM journal_check WHERE id = 1") }
        if let last, abs(now.millis - last) < Int64(Self.interval * 1000) { return }
        try judge(try quickCheck(within: nil) ?? [])
        // Recorded with the command's own changes (`write`): a command refused or changing nothing
        // leaves the file byte-identical, and the next write checks again.
        passedCheck = now.millis
    }

    /// Inside a write's transaction: when the journal passed the whole check, if it did just now.
    func recordPassedCheck(_ db: Database) throws {
        guard let passedCheck else { return }
        try db.execute(
            sql: "INSERT OR REPLACE INTO journal_check(id, checked_at) VALUES (1, ?)", arguments: [passedCheck])
        self.passedCheck = nil
    }

    private func judge(_ problems: [String]) throws {
        guard problems == ["ok"] else {
            throw JournalError.damaged(path: path, reason: problems.prefix(3).joined(separator: "; "))
        }
    }

    /// `PRAGMA quick_check`'s findings, or nil when it did not finish within `budget` seconds.
    private func quickCheck(within budget: TimeInterval?) throws -> [String]? {
        try readSQLite { db in
            guard let budget else { return try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
            var deadline = DispatchTime.now().uptimeNanoseconds + UInt64(budget * 1e9)
            return try withUnsafeMutablePointer(to: &deadline) { pointer in
                // SQLite calls this every 1,000 virtual-machine steps; non-zero interrupts the statement.
                sqlite3_progress_handler(
                    db.sqliteConnection, 1000,
                    { context in
                        DispatchTime.now().uptimeNanoseconds > context!.load(as: UInt64.self) ? 1 : 0
                    }, pointer)
                defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
                do {
                    return try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
                    return nil
                }
            }
        }
    }

    static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
