import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A whole file as bytes, read straight into the array the parsers take: going through Data
/// would hold a second copy of a 250 MB import in memory. Only a regular file is read, and only
/// as many bytes as it had when opened: a FIFO, a device such as /dev/zero or a directory is
/// refused at once rather than read forever.
enum FileBytes {
    /// The bytes, or "cannot <action> <path>: <the system's reason>".
    static func read(_ path: String, to action: String) -> Result<[UInt8], CLIError> {
        // Non-blocking, so opening a FIFO with no writer returns at once (and is then refused).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(failure(path, action, errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(failure(path, action, errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(
                CLIError(
                    "cannot \(action) \(path): it is \(kind(info.st_mode)), not a regular file. Save the data to a file and \(action) that",
                    status: ExitStatus.dataError))
        }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, size - filled) }
            if n == 0 { break }  // the file shrank while it was read
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(failure(path, action, errno))
            }
            filled += n
        }
        if filled < size { bytes.removeLast(size - filled) }
        return .success(bytes)
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }

    private static func failure(_ path: String, _ action: String, _ code: Int32) -> CLIError {
        let reason = code == ENOENT ? "no such file" : String(cString: strerror(code))
        return CLIError("cannot \(action) \(path): \(reason)", status: ExitStatus.ioError)
    }
}
