import CredenceCore
import Foundation
import GRDB

extension Journal {
    /// Copies the journal to a new file with SQLite's online backup: a consistent snapshot taken
    /// inside a read transaction, so other processes may go on writing. The copy is written under
    /// a temporary name, checked, and only then given its name; an existing file is never replaced.
    /// Returns the copy's size in bytes.
    package func backup(to destination: String) throws -> Int {
        if FileManager.default.fileExists(atPath: destination) {
            throw JournalError.backupExists(path: destination)
        }
        let temporary = destination + ".partial-\(getpid())"
        try Self.createFile(temporary)
        do {
            do {
                let copy = try DatabaseQueue(path: temporary)
                try db.backup(to: copy)
                let check = try copy.read {
                    try String.fetchAll($0, sql: "PRAGMA integrity_check").joined(separator: "; ")
                }
                // The copy is page for page the journal as it was: a copy that fails is a damaged journal.
                guard check == "ok" else { throw JournalError.damaged(path: path, reason: check) }
                try copy.close()
            }
            guard rename(temporary, destination) == 0 else {
                throw JournalError.cannotCreate(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
            // Damage can only be the journal's (the copy is new); anything else is about the copy.
            if let e = error as? DatabaseError, e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB {
                throw Self.translate(error, path: path)
            }
            throw Self.translate(error, path: destination)
        }
        return (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0
    }
}
