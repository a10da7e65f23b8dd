import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs another program and waits for it with `waitpid`.
///
/// Why not Foundation's `Process`: on Linux it learns that a child ended through a socket the
/// child inherits, so a child that leaves a daemon behind (an editor's server, tmux starting its
/// server) hands that socket on and `waitUntilExit` never returns while the child sits as a
/// zombie — seen as a CI run that hung. Here the child gets only the three descriptors it is
/// given, and the kernel tells us when it ends.
package enum ChildProcess {
    /// Where one of the child's standard streams goes.
    package enum Stream: Sendable {
        /// The same descriptor as ours (an editor needs the terminal).
        case inherit
        case null
        /// A file, created or truncated for output, read for input.
        case file(String)
        /// One of our descriptors (a pipe's end).
        case descriptor(Int32)
    }

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Runs `path` with `arguments` (not including argv[0]) and returns its exit status, or
    /// 128 + the signal that ended it, as a shell reports it. With a `timeout`, the child runs in
    /// its own process group, and the whole group is killed when time runs out (a `Failure`).
    package static func run(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil,
        stdin: Stream = .inherit, stdout: Stream = .inherit, stderr: Stream = .inherit,
        timeout: Double? = nil
    ) throws -> Int32 {
        let pid = try start(
            path, arguments, environment: environment, stdin: stdin, stdout: stdout, stderr: stderr,
            ownGroup: timeout != nil)
        return try wait(for: pid, path: path, timeout: timeout)
    }

    /// Starts `path` and returns at once with its process id; `finish` waits for it.
    package static func start(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil,
        stdin: Stream = .inherit, stdout: Stream = .inherit, stderr: Stream = .inherit, ownGroup: Bool = false
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .inherit: break
            case .null: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let file):
                posix_spawn_file_actions_addopen(
                    &actions, fd, file, fd == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .descriptor(let ours): posix_spawn_file_actions_adddup2(&actions, ours, fd)
            }
        }
        closeEverythingElse(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The calling thread may block signals (Dispatch's threads do); a child must not inherit that.
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if ownGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, env)
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(path): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// Waits for a child `start` began; its exit status as a shell reports it.
    package static func finish(_ pid: pid_t, path: String) throws -> Int32 {
        try wait(for: pid, path: path, timeout: nil)
    }

    private static func wait(for pid: pid_t, path: String, timeout: Double?) throws -> Int32 {
        var status: Int32 = 0
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            var pause: useconds_t = 500
            while waitpid(pid, &status, WNOHANG) == 0 {
                guard Date() < deadline else {
                    kill(-pid, SIGKILL)
                    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                    throw Failure(description: "\(path) did not finish within \(Int(timeout)) s and was killed")
                }
                usleep(pause)
                pause = min(pause * 2, 20_000)
            }
        } else {
            while waitpid(pid, &status, 0) == -1 {
                guard errno == EINTR else {
                    throw Failure(description: "waiting for \(path): \(String(cString: strerror(errno)))")
                }
            }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Keeps the child from inheriting our other descriptors (journals, sockets, pipes of
    /// programs started at the same moment by other threads).
    private static func closeEverythingElse(_ actions: inout posix_spawn_file_actions_t) {
        #if os(Linux)
            // glibc 2.34+ has it, but Swift's Glibc module does not declare it.
            typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
            if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
                _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            }
        #endif
    }
}
