import CredenceCore
import Foundation
import GRDB

extension Journal {
    /// Reverts the newest recorded step: replays its inverse statements newest first, deletes
    /// the rows it inserted (ids above its marks) and rewinds the id counters.
    public func undoLast() throws -> String {
        do {
            return try db.inDatabase { db in
                var description = ""
                try db.inTransaction(.immediate) {
                    guard
                        let step = try Row.fetchOne(
                            db, sql: "SELECT id, description, marks FROM undo_step ORDER BY id DESC LIMIT 1")
                    else {
                        throw JournalError.nothingToUndo
                    }
                    let id: Int64 = step["id"]
                    description = step["description"]
                    let marks = try JSONDecoder().decode(
                        [String: Int64].self, from: Data((step["marks"] as String).utf8))
                    // Checked at commit: replayed rows may arrive child before parent.
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    let ops = try String.fetchAll(
                        db, sql: "SELECT sql FROM undo_op WHERE step_id = ? ORDER BY id DESC", arguments: [id])
                    for op in ops { try db.execute(sql: op) }
                    for (table, _) in Schema.undoable.reversed() {
                        let mark = marks[table] ?? 0
                        try db.execute(sql: "DELETE FROM \(table) WHERE id > ?", arguments: [mark])
                        try db.execute(
                            sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq > ?",
                            arguments: [mark, table, mark])
                    }
                    try db.execute(
                        sql: "DELETE FROM undo_op WHERE step_id = ?; DELETE FROM undo_step WHERE id = ?",
                        arguments: [id, id])
                    return .commit
                }
                return description
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
