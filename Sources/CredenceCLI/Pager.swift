import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Long output through a pager on a terminal, as git does: `$CREDENCE_PAGER`, else `$PAGER`, else
/// `less -FRX` (which quits at once when the text fits the screen and keeps colour). Never when
/// stdout is not a terminal, with `--no-pager`, or for JSON, CSV and files.
enum Pager {
    /// The commands whose output can run past a screen.
    static let paged: Set<String> = ["list", "due", "report", "vs", "bets", "leaderboard", "caveats", "words"]

    /// The pager to run for this command line, or nil for none.
    static func command(arguments: [String], environment: [String: String], isTerminal: Bool) -> String? {
        guard isTerminal, let name = commandName(arguments), paged.contains(name) else { return nil }
        let machine = ["--no-pager", "--json", "--csv", "-o", "--output", "--help", "-h"]
        if arguments.contains(where: { arg in machine.contains { arg == $0 || arg.hasPrefix("\($0)=") } }) {
            return nil
        }
        let chosen = environment["CREDENCE_PAGER"] ?? environment["PAGER"] ?? "less -FRX"
        let pager = chosen.trimmingCharacters(in: .whitespaces)
        return pager.isEmpty || pager == "cat" ? nil : pager
    }

    /// The command word: the first argument that is neither an option nor a global option's value.
    static func commandName(_ arguments: [String]) -> String? {
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if ["--journal", "--color", "--width"].contains(arg) {
                i += 2
                continue
            }
            if arg.hasPrefix("-") {
                i += 1
                continue
            }
            return arg
        }
        return nil
    }

    /// Starts the pager reading a pipe and moves our stdout onto that pipe. The returned closure
    /// closes our end (the pager sees the end of the text) and waits for the reader to quit.
    static func start(_ command: String, environment: [String: String]) -> (() -> Void)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        var env = environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        guard
            let pid = try? ChildProcess.start("/bin/sh", ["-c", command], environment: env, stdin: .descriptor(fds[0]))
        else {
            close(fds[0])
            close(fds[1])
            return nil
        }
        let saved = dup(STDOUT_FILENO)
        dup2(fds[1], STDOUT_FILENO)
        close(fds[0])
        close(fds[1])
        return {
            // The pager must see the end of its input before we wait for it to quit.
            dup2(saved, STDOUT_FILENO)
            close(saved)
            _ = try? ChildProcess.finish(pid, path: command)
        }
    }
}
