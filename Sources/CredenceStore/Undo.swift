import CredenceCore
import Foundation
import GRDB

/// One recorded change, as `undo` and `undo --list` describe it.
public struct UndoStep: Sendable, Equatable {
    public let description: String
    public let createdAt: Date
    /// Who made it (`Journal.origin`); empty for steps recorded before journals kept it.
    public let origin: String

    init(_ row: Row) {
        description = row["description"]
        createdAt = Date(millis: row["created_at"])
        origin = row["origin"] ?? ""
    }
}

extension Journal {
    /// The newest recorded steps, newest first: what `undo` would revert, in order.
    public func undoSteps(limit: Int) throws -> [UndoStep] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM undo_step ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(UndoStep.init)
        }
    }

    /// Reverts the newest recorded step: replays its inverse statements newest first and deletes
    /// the rows it inserted (ids above its marks). The id counters are left alone, so an id once
    /// given is never given again: `resolve 7` in a reminder or the shell history cannot come to
    /// mean another claim.
    public func undoLast() throws -> UndoStep {
        do {
            return try db.inDatabase { db in
                var undone: UndoStep?
                try db.inTransaction(.immediate) {
                    guard let step = try Row.fetchOne(db, sql: "SELECT * FROM undo_step ORDER BY id DESC LIMIT 1")
                    else {
                        throw JournalError.nothingToUndo
                    }
                    let id: Int64 = step["id"]
                    undone = UndoStep(step)
                    let marks = try JSONDecoder().decode(
                        [String: Int64].self, from: Data((step["marks"] as String).utf8))
                    // Checked at commit: replayed rows may arrive child before parent.
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    let ops = try String.fetchAll(
                        db, sql: "SELECT sql FROM undo_op WHERE step_id = ? ORDER BY id DESC", arguments: [id])
                    for op in ops { try db.execute(sql: op) }
                    for (table, _) in Schema.undoable.reversed() {
                        try db.execute(sql: "DELETE FROM \(table) WHERE id > ?", arguments: [marks[table] ?? 0])
                    }
                    try db.execute(
                        sql: "DELETE FROM undo_op WHERE step_id = ?; DELETE FROM undo_step WHERE id = ?",
                        arguments: [id, id])
                    return .commit
                }
                return undone!
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
