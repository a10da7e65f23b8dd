import Foundation
import Testing

/// The real binary at a real terminal, driven through tmux as a person would type.
@Suite(.serialized) struct TerminalTests {
    let session = "credence-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"

    /// Runs tmux on a server of this test's own (`-L`), so no other tmux session or leftover
    /// server is involved.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try ProcessTests.run("/usr/bin/env", ["tmux", "-L", session] + args, timeout: 30).out
    }

    func screen() throws -> String { try tmux(["capture-pane", "-t", session, "-p"]) }

    /// Waits until the screen shows every one of `texts` (or ten seconds pass) and returns the
    /// screen. Waiting for all of them matters: a command's output reaches the terminal line by
    /// line, so seeing its first line says nothing about the rest.
    /// - prompt: also wait for an empty prompt as the last line, so the next keys reach readline
    ///   rather than the terminal's own line buffer while a command still runs.
    @discardableResult
    func waitFor(_ texts: String..., prompt: Bool = false) throws -> String {
        func ready(_ s: String) -> Bool {
            guard texts.allSatisfy(s.contains) else { return false }
            guard prompt else { return true }
            let last = s.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }
            return last.map { $0.trimmingCharacters(in: .whitespaces) } == "journal>"
        }
        for _ in 0..<500 {
            let s = try screen()
            if ready(s) { return s }
            usleep(20_000)
        }
        FileHandle.standardError.write(
            Data("waited 10 s for \(texts)\(prompt ? " and a prompt" : ""); the screen:\n\(try screen())\n".utf8))
        return try screen()
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    @Test func aSessionAtTheTerminal() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("credence-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let journal = home.appendingPathComponent("journal.sqlite").path
        try tmux([
            "new-session", "-d", "-s", session, "-x", "100", "-y", "40",
            "env HOME=\(home.path) CREDENCE_JOURNAL=\(journal) TERM=xterm NO_COLOR=1 \(ProcessTests.binary)",
        ])
        defer { _ = try? tmux(["kill-server"]) }

        #expect(try waitFor("Credence 0.1.0", prompt: true).contains("Credence 0.1.0"))
        try keys("Ryan ships by friday 70% #work", "Enter")
        #expect(try waitFor("Added claim 1", "tags  #work", prompt: true).contains("tags  #work"))
        try keys("The eval replicates likely by june", "Enter")
        try waitFor("Added claim 2", prompt: true)
        // TAB lists the ids with a hint of each claim's text, then completes.
        try keys("show ", "Tab", "Tab")
        let listed = try waitFor("1  Ryan ships", "2  The eval replicates")
        #expect(listed.contains("1  Ryan ships") && listed.contains("2  The eval replicates"))
        try keys("1", "Enter")
        try waitFor("Claim 1  Ryan ships", "Forecasts", prompt: true)
        try keys("resolve 1 y", "Tab", "Enter")
        #expect(try waitFor("Resolved claim 1", prompt: true).contains("YES"))
        // Ctrl-C drops a half-typed line; the prompt comes back and nothing is added.
        try keys("half a claim 40")
        try waitFor("journal> half a claim 40")
        try keys("C-c")
        try waitFor("journal> half a claim 40", prompt: true)
        try keys("list", "Enter")
        let afterList = try waitFor("STATUS", "2  75%     open")
        #expect(afterList.contains("2  75%     open"))
        try keys("C-d")
        for _ in 0..<100 where (try tmux(["list-sessions", "-F", "#{session_name}"])).contains(session) {
            usleep(20_000)
        }
        let history = try String(
            contentsOfFile: home.appendingPathComponent(".local/state/credence/history").path, encoding: .utf8)
        let lines = history.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "Ryan ships by friday 70% #work", "The eval replicates likely by june", "show 1", "resolve 1 yes ",
                "list",
            ])
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: home.appendingPathComponent(".local/state/credence/history").path)[.posixPermissions]
            as! NSNumber
        #expect(mode.intValue == 0o600)
        #expect(!history.contains("half a claim"))
    }
}
