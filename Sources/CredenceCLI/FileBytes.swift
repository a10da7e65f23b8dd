import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A whole file as bytes, read straight into the array the parsers take: going through Data
/// would hold a second copy of a 250 MB import in memory.
enum FileBytes {
    /// The bytes, or "cannot <action> <path>: <the system's reason>".
    static func read(_ path: String, to action: String) -> Result<[UInt8], CLIError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(failure(path, action, errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(failure(path, action, errno)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return .success(bytes) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(failure(path, action, errno))
            }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    private static func failure(_ path: String, _ action: String, _ code: Int32) -> CLIError {
        let reason = code == ENOENT ? "no such file" : String(cString: strerror(code))
        return CLIError("cannot \(action) \(path): \(reason)", status: ExitStatus.ioError)
    }
}
