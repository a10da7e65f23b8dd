import CredenceCore
import Foundation
import GRDB

/// One recorded change, as `undo` and `undo --list` describe it.
package struct UndoStep: Sendable, Equatable {
    package let description: String
    package let createdAt: Date
    /// Who made it (`Journal.origin`); empty for steps recorded before journals kept it.
    package let origin: String

    init(_ row: SQLRow) {
        description = row["description"]
        createdAt = Date(millis: row["created_at"])
        origin = row["origin"] ?? ""
    }
}

extension Journal {
    /// The newest recorded steps, newest first: what `undo` would revert, in order.
    package func undoSteps(limit: Int) throws -> [UndoStep] {
        try read { db in
            try db.rows("SELECT * FROM undo_step ORDER BY id DESC LIMIT ?", [limit])
                .map(UndoStep.init)
        }
    }

    /// Reverts the newest recorded step: replays its inverse statements newest first and deletes
    /// the rows it inserted (ids above its marks). The id counters are left alone, so an id once
    /// given is never given again: `resolve 7` in a reminder or the shell history cannot come to
    /// mean another claim.
    package func undoLast() throws -> UndoStep {
        // A team journal's server undoes the caller's own step, by its rules (PostgresTrust).
        if engine == .postgres {
            return try transaction { db in
                guard let row = try db.row("SELECT * FROM credence.undo_last()") else {
                    throw JournalError.nothingToUndo
                }
                return UndoStep(row)
            }
        }
        return try transaction { db in
            guard let step = try db.row("SELECT * FROM undo_step ORDER BY id DESC LIMIT 1") else {
                throw JournalError.nothingToUndo
            }
            let id: Int64 = step["id"]
            let marks = try JSONDecoder().decode([String: Int64].self, from: Data((step["marks"] as String).utf8))
            // Checked at commit: replayed rows may arrive child before parent.
            try db.execute(db.dialect.deferForeignKeys)
            let ops = try db.values(String.self, "SELECT sql FROM undo_op WHERE step_id = ? ORDER BY id DESC", [id])
            for op in ops { try db.execute(op) }
            // A team journal records its inserts as operations too (its ids interleave between
            // members), so it has no marks.
            for (table, _) in Schema.undoable.reversed() where db.dialect.idMarks != nil {
                try db.execute("DELETE FROM \(table) WHERE id > ?", [marks[table] ?? 0])
            }
            try db.execute("DELETE FROM undo_op WHERE step_id = ?", [id])
            try db.execute("DELETE FROM undo_step WHERE id = ?", [id])
            return UndoStep(step)
        }
    }
}
