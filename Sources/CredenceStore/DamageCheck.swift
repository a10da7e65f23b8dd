import CredenceCore
import Foundation
import GRDB

/// Damage is looked for before anything is written: SQLite notices a damaged page only when a
/// statement reads it, so without a check `add` would go on writing to a journal whose middle is
/// broken. `PRAGMA quick_check` reads every page (it skips only the index-to-table comparison of
/// `integrity_check`), but it decodes every row: about 3 ms per 100 KB of journal on the
/// benchmark machine (README, "Nothing lost"). On a journal up to `alwaysCheckedBytes` it runs
/// before every write; on a larger one before the first write after `interval` since it last
/// passed (recorded in the journal), so the 100,000-claim journal's `add` pays for it once a day.
extension Journal {
    static let alwaysCheckedBytes: Int64 = 512 << 10
    static let interval: TimeInterval = 24 * 3600

    /// Throws `JournalError.damaged` (naming this journal) when the check fails.
    func checkBeforeWriting() throws {
        let size = Self.fileSize(path) + Self.fileSize(path + "-wal")
        let now = clock.now()
        if size > Self.alwaysCheckedBytes {
            let last = try read { db in
                try Int64.fetchOne(db, sql: "SELECT checked_at FROM journal_check WHERE id = 1")
            }
            if let last, abs(now.millis - last) < Int64(Self.interval * 1000) { return }
        }
        let problems = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        guard problems == ["ok"] else {
            throw JournalError.damaged(path: path, reason: problems.prefix(3).joined(separator: "; "))
        }
        if size > Self.alwaysCheckedBytes {
            try db.inDatabase { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO journal_check(id, checked_at) VALUES (1, ?)", arguments: [now.millis])
            }
        }
    }

    static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
