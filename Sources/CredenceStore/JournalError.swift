import CredenceCore
import Foundation

/// What can go wrong with the journal file itself or with what a command asks of it.
public enum JournalError: Error, Equatable, Sendable {
    case newerSchema(path: String, found: Int, supported: Int)
    case notAJournal(path: String, reason: String)
    case damaged(path: String, reason: String)
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case readOnly(path: String)
    case cannotWrite(path: String, reason: String)
    case diskFull(path: String)
    case unknownClaim(ClaimID)
    case alreadyResolved(ClaimID, ClaimStatus)
    case notResolvedForecastable(ClaimID, ClaimStatus)
    case resolveByBeforeCreation(resolveBy: String, created: String)
    case resolvedBeforeCreation(at: String, created: String)
    case emptyText
    case nothingToUndo
    case invalid(String)
    /// A condition that would make a claim depend on itself.
    case conditionCycle(String)

    /// Data errors are the user's input; the rest are about the file or the machine.
    public var isDataError: Bool {
        switch self {
        case .newerSchema, .notAJournal, .damaged, .cannotCreate, .cannotOpen, .readOnly, .cannotWrite, .diskFull:
            return false
        default: return true
        }
    }
}

extension JournalError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .newerSchema(path, found, supported):
            return
                "\(path) was written by a newer Credence (journal schema \(found); this credence reads up to \(supported)). Upgrade credence to open it; the file was not changed"
        case let .notAJournal(path, reason):
            return
                "\(path) is not a Credence journal (\(reason)). Point --journal at a journal file, or move this file aside; it was not changed"
        case let .damaged(path, reason):
            return
                "the journal \(path) is damaged (SQLite says: \(reason)); it was not changed. Restore your latest `credence backup` in its place; the damaged file is kept as it was, for salvage with sqlite3's .recover"
        case let .cannotCreate(path, reason):
            return
                "cannot create the journal at \(path): \(reason). Choose another place with --journal PATH or CREDENCE_JOURNAL"
        case let .cannotOpen(path, reason):
            return "cannot open the journal at \(path): \(reason)"
        case let .readOnly(path):
            return
                "the journal \(path) is read-only: nothing was written. Check the file's permissions, or use a writable copy with --journal"
        case let .cannotWrite(path, reason):
            return "the journal \(path) can't be written, so nothing was: \(reason)"
        case let .diskFull(path):
            return "the disk holding \(path) is full: nothing was written. Free some space and try again"
        case let .unknownClaim(id):
            return "there is no claim \(id): `credence list` shows the ids"
        case let .alreadyResolved(id, status):
            return
                "claim \(id) is already resolved (\(status.rawValue)): add --force to resolve it again (the history is kept)"
        case let .notResolvedForecastable(id, status):
            return
                "claim \(id) is resolved (\(status.rawValue)): a forecast now would be hindsight. `credence resolve \(id) ... --force` can reopen the question of its outcome"
        case let .resolveByBeforeCreation(resolveBy, created):
            return "the resolve-by date \(resolveBy) is before the claim was created (\(created))"
        case let .resolvedBeforeCreation(at, created):
            return "the resolution time \(at) is before the claim was created (\(created))"
        case .emptyText:
            return "the claim text is empty: write what you predict"
        case .nothingToUndo:
            return "nothing to undo: the journal has no recorded changes left"
        case let .invalid(message):
            return message
        case let .conditionCycle(message):
            return message
        }
    }
}
