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
    /// What only a SQLite file has (a backup of the file, its quick check), asked of a team journal.
    case notOnTeamJournal
    /// A database without Credence's schema, or with an older one.
    case teamJournalNotSetUp(url: String, reason: String)
    /// A team journal URL that cannot be read; the message says what is wrong.
    case badJournalURL(String)
    /// The server could not be reached or stopped answering.
    case serverUnreachable(server: String, reason: String)
    /// The server answered and refused: a wrong password, an unknown role or database, no permission.
    case serverRefused(server: String, reason: String)

    /// Data errors are the user's input; the rest are about the file or the machine.
    public var isDataError: Bool {
        switch self {
        case .newerSchema, .notAJournal, .damaged, .cannotCreate, .cannotOpen, .readOnly, .cannotWrite, .diskFull,
            .serverUnreachable, .serverRefused, .notOnTeamJournal, .teamJournalNotSetUp:
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
        case .notOnTeamJournal:
            return
                "a team journal has no file to do this with: the server's own backups (pg_dump) keep it, and `credence export` writes its claims to a file"
        case let .teamJournalNotSetUp(url, reason):
            return "\(url) is not a team journal yet: \(reason)"
        case let .badJournalURL(message):
            return message
        case let .serverUnreachable(server, reason):
            return
                "cannot reach the team journal's server at \(server): \(reason). Check that PostgreSQL runs there and the host and port in --journal are right; nothing was written"
        case let .serverRefused(server, reason):
            return "the team journal's server at \(server) refused: \(reason); nothing was written"
        }
    }
}
