import CredenceCore
import Foundation
import GRDB

/// One journal connection for many commands: the REPL's session (DESIGN §6). The journal is
/// opened on first use and reused while the file at its path is the one that was opened; it is
/// opened again only when it must be:
/// - the file was replaced, removed, or appeared (a read of a missing or empty file is an empty
///   journal in memory, so the first write opens the file, creating it);
/// - a write is asked of a journal read as it is (nothing may write the file: the write's open
///   says why it is refused);
/// - the file changed since the session last looked (`settle`) other than through this connection
///   (SQLite reads a file nobody may write as immutable, and one copied over in place keeps its
///   inode);
/// - a command failed with an error about the file or the connection (`discard(after:)`).
/// Each reuse for a write runs the damage check a fresh open runs (`checkBeforeWriting`).
package final class JournalSession: @unchecked Sendable {
    let clock: Clock
    private var held: Held?
    private let lock = NSLock()
    /// How many times this session opened a journal, for the tests that hold it to one.
    package private(set) var opens = 0

    struct Held {
        let journal: Journal
        let path: String
        var access: Journal.Access
        var file: FileState?
    }

    package init(clock: Clock) {
        self.clock = clock
    }

    /// The clock commands reckon with: the held journal's (on a team journal whose rules bind
    /// the member, the server's), else the session's.
    package var currentClock: Clock {
        lock.lock()
        defer { lock.unlock() }
        return held?.journal.clock ?? clock
    }

    /// The journal at `path`, opened for `access`; `opened` says whether it was opened just now
    /// (whose `notes` are then news), not reused.
    package func journal(path: String, access: Journal.Access) throws -> (journal: Journal, opened: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if var held, held.path == path, held.file == FileState(path) {
            switch (access, held.access) {
            case (.read, _), (.write, .write):
                if access == .write { try checked(held.journal) }
                return (held.journal, false)
            // A team journal's connection writes as well as it reads.
            case (.write, .read) where held.file?.writable == true || held.journal.engine == .postgres:
                try checked(held.journal)
                held.access = .write
                self.held = held
                return (held.journal, false)
            case (.write, .read): break
            }
        }
        held = nil
        let journal = try Journal.open(path: path, access: access, clock: clock)
        opens += 1
        held = Held(journal: journal, path: path, access: access, file: FileState(path))
        return (journal, true)
    }

    /// The check a write's open runs, on a journal kept open; a damaged one is let go.
    private func checked(_ journal: Journal) throws {
        do {
            try journal.checkBeforeWriting()
        } catch {
            held = nil
            throw error
        }
    }

    /// After a REPL line: the write-ahead log folded into the file, so that between lines the file
    /// alone is the whole journal (for a `cp` backup), as when each line closed its connection;
    /// then the file's state is noted, so that a change by anyone else is seen by the next line.
    /// A passive checkpoint: it never waits for another process's readers.
    package func settle() {
        lock.lock()
        defer { lock.unlock() }
        guard var held else { return }
        if held.access == .write && held.file != nil { try? held.journal.checkpointPassively() }
        held.file = FileState(held.path)
        self.held = held
    }

    /// Lets the journal go after an error about the file or the connection (damage, a full disk,
    /// permissions, SQLite's own errors), so the next command opens it afresh. A refusal of what
    /// the command asked (a data error) keeps it.
    package func discard(after error: Error) {
        switch error {
        case let e as JournalError where e.isDataError: return
        case is JournalError, is DatabaseError: break
        default: return
        }
        close()
    }

    /// Lets the journal go (the end of the session): the last connection closing folds SQLite's
    /// write-ahead log back into the file.
    package func close() {
        lock.lock()
        held = nil
        lock.unlock()
    }
}

/// Which file is at a path, as far as a kept connection cares. While the connection is open the
/// old file's inode stays allocated, so a new file at the path always has another one.
struct FileState: Equatable {
    let device: UInt64
    let inode: UInt64
    /// Whether this process may write it (and its directory), as `Journal.open` decides.
    let writable: Bool
    let size: Int64
    /// Nanoseconds since the epoch.
    let modified: Int64

    /// Nil when there is no file, or an empty one: either reads as an empty journal.
    init?(_ path: String) {
        var s = stat()
        guard stat(path, &s) == 0, s.st_size > 0 else { return nil }
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        let directory = (path as NSString).deletingLastPathComponent
        writable =
            Foundation.access(path, W_OK) == 0 && Foundation.access(directory.isEmpty ? "." : directory, W_OK) == 0
        size = Int64(s.st_size)
        modified = Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec)
    }
}

extension Journal {
    /// Copies what the write-ahead log holds into the file, as far as no reader needs it.
    func checkpointPassively() throws {
        do {
            _ = try db.writeWithoutTransaction { try $0.checkpoint(.passive) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
