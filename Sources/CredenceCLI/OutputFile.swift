import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file Credence writes for someone (`export -o`, `report -o`, `yearly post -o`, the text
/// `edit` hands an editor): private to its owner (0600, whatever the umask), every byte checked,
/// written under a temporary name beside it and renamed into place only when whole, so a full disk
/// or a kill never leaves half a file under the real name. A device or pipe (`-o /dev/stdout`) is
/// written in place. Any failure removes the temporary file and is "could not write to …" (exit 74).
final class OutputFile {
    let path: String
    private var fd: Int32
    /// The temporary name, for a regular file; nil when writing a device or pipe in place.
    private var temporary: String?
    /// Where the temporary file goes when whole: the path, or the file a symbolic link there names.
    private var destination: String?
    private var done = false

    static let temporaryMarker = ".credence-tmp-"

    init(path: String) throws {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw CLIError(
                    "could not write to \(path): it is a directory; name a file, e.g. \(path)/export.json",
                    status: ExitStatus.ioError)
            }
            fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Self.failure(path, errno) }
            return
        }
        // Replace what a symbolic link points at, not the link.
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { link in
            link.hasPrefix("/")
                ? link : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        let destination = target ?? path
        Self.removeStale(besides: destination)
        let temp = destination + Self.temporaryMarker + "\(getpid())"
        unlink(temp)
        fd = open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure(path, errno) }
        // The umask can only take bits away from 0600; this makes sure of the rest.
        fchmod(fd, 0o600)
        temporary = temp
        self.destination = destination
    }

    deinit { if !done { discard() } }

    /// Writes all of `bytes`, or throws.
    func write(_ bytes: [UInt8]) throws {
        let code = bytes.withUnsafeBytes { write(raw: $0) }
        if code != 0 {
            discard()
            throw Self.failure(path, code)
        }
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// 0, or the errno of the failed write.
    private func write(raw: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return 0
    }

    /// Makes the file whole under its name: flushed to the disk, closed, renamed.
    func commit() throws {
        guard !done else { return }
        if temporary != nil && fsync(fd) != 0 {
            let code = errno
            discard()
            throw Self.failure(path, code)
        }
        let closed = close(fd)
        let code = errno
        fd = -1
        if closed != 0 && code != EINTR {
            discard()
            throw Self.failure(path, code)
        }
        if let temporary, let destination {
            guard rename(temporary, destination) == 0 else {
                let code = errno
                discard()
                throw Self.failure(path, code)
            }
        }
        done = true
    }

    /// Abandons the file: the temporary name is removed; an existing file under the name is untouched.
    func discard() {
        if fd >= 0 { close(fd) }
        fd = -1
        if let temporary { unlink(temporary) }
        done = true
    }

    /// Writes a whole text file.
    static func write(_ text: String, to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.commit()
    }

    /// "could not write to PATH: No space left on device" (exit 74).
    static func failure(_ name: String, _ code: Int32) -> CLIError {
        CLIError("could not write to \(name): \(String(cString: strerror(code)))", status: ExitStatus.ioError)
    }

    /// Temporary files of processes that were killed before they could remove them (`export -o`
    /// under SIGKILL, a machine that lost power): removed by the next write to the same directory.
    /// A file whose process is still running is left alone.
    static func removeStale(besides path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names {
            guard let range = name.range(of: temporaryMarker, options: .backwards),
                let pid = pid_t(name[range.upperBound...]), pid > 0
            else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink((dir as NSString).appendingPathComponent(name))
        }
    }
}
