import CredenceCore
import Foundation

/// The journal a streaming import writes: the real one, or for a journal that does not exist
/// yet a private file beside it, linked into place only when the import is complete.
struct ImportTarget {
    let path: String
    let temporary: String?
    let journal: Journal

    /// Nil when the journal's directory does not exist yet.
    init?(path: String, clock: Clock) throws {
        self.path = path
        // A team journal has no file to stand in for: its transaction keeps it whole.
        if PostgresURL.isPostgres(path) {
            temporary = nil
            journal = try Journal.open(path: path, access: .write, clock: clock)
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard
            directory.isEmpty
                || FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
        else {
            return nil
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            // An existing journal: the transaction keeps it whole.
            temporary = nil
            journal = try Journal.open(path: path, access: .write, clock: clock)
            return
        }
        let name = (path as NSString).lastPathComponent
        Self.removeLeftovers(of: name, in: directory.isEmpty ? "." : directory)
        let temporary =
            (directory.isEmpty ? "" : directory + "/")
            + ".\(name).importing-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.temporary = temporary
        journal = try Journal.open(path: temporary, access: .write, clock: clock, shownAs: path)
        try journal.prepareForBulkImport()
    }

    /// Puts a new journal in place. False when it cannot be linked there, and is removed: a
    /// journal appeared at the path meanwhile, or the file system has no hard links; the caller
    /// then imports into the path as usual. An existing journal is complete once its transaction
    /// commits.
    func complete() throws -> Bool {
        guard let temporary else { return true }
        try journal.close()
        guard link(temporary, path) == 0 else {
            discard()
            return false
        }
        unlink(temporary)
        // The new name is durable before the import says it is done.
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        return true
    }

    func discard() {
        guard let temporary else { return }
        try? journal.close()
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
    }

    /// A killed import leaves its temporary journal behind; the next import into the same path
    /// removes those whose process is gone.
    static func removeLeftovers(of name: String, in directory: String) {
        let prefix = ".\(name).importing-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap({ pid_t($0) }) else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory + "/" + entry) }
        }
    }
}
