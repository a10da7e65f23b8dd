import CredenceCore
import Foundation

/// What can be wrong with the place a journal should be, in words that name the cause and the fix
/// (SQLite would say "unable to open database file" or "read-only" for all of them).
extension Journal {
    /// A dangling symbolic link, a directory or a device where the journal should be.
    static func refuseWhatIsNotAFile(_ path: String, shownAs: String) throws {
        var link = stat()
        guard lstat(path, &link) == 0 else { return }
        var info = stat()
        if stat(path, &info) != 0 {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw JournalError.cannotOpen(
                path: shownAs,
                reason:
                    "it is a symbolic link to \(target), which does not exist. Restore what it points to, remove the link to start a new journal there, or point --journal at the journal file"
            )
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR:
            throw JournalError.cannotOpen(
                path: shownAs,
                reason:
                    "it is a directory, not a journal file. Point --journal at a file, e.g. \((shownAs as NSString).appendingPathComponent("journal.sqlite"))"
            )
        default:
            throw JournalError.cannotOpen(
                path: shownAs, reason: "it is not a regular file. Point --journal at a journal file")
        }
    }

    /// Why a journal that exists can't be written, and what to do.
    static func notWritable(_ path: String, directory: String, shownAs: String) -> JournalError {
        let dir = directory.isEmpty ? "." : directory
        var fs = statvfs()
        if statvfs(dir, &fs) == 0 && (fs.f_flag & UInt(ST_RDONLY)) != 0 {
            return .cannotWrite(
                path: shownAs,
                reason:
                    "it is on a read-only file system. Remount it read-write, or copy the journal elsewhere and use --journal"
            )
        }
        if access(path, W_OK) != 0 {
            return .cannotWrite(
                path: shownAs,
                reason:
                    "the file is read-only. Make it writable (chmod u+w \(shownAs)), or use a writable copy with --journal"
            )
        }
        return .cannotWrite(
            path: shownAs,
            reason:
                "its directory \(dir) is read-only, and SQLite keeps its lock and log files beside the journal. Make the directory writable, or move the journal to one that is"
        )
    }

    /// An empty file at the journal's path becomes the journal: private to its owner, with a note
    /// when it was not.
    static func makePrivate(_ path: String, shownAs: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
        chmod(path, 0o600)
        return
            "note: \(shownAs) was an empty file (mode \(String(info.st_mode & 0o777, radix: 8))); it is now a new journal, private to you (mode 600)"
    }

    /// No room left where the journal is (less than a few pages free).
    static func diskIsFull(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        var fs = statvfs()
        guard statvfs(directory.isEmpty ? "." : directory, &fs) == 0 else { return false }
        return UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < 64 << 10
    }
}
