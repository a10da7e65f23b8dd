@preconcurrency import CReadline
import CredenceStore
import Foundation

/// GNU readline at a terminal: line editing, persistent history, TAB completion. Readline's
/// callbacks are C function pointers, so their state lives in this file's globals.
final class ReadlineSource: LineSource {
    let historyPath: String?
    private var last: String?

    init(historyPath: String?) {
        self.historyPath = historyPath
        // Readline keeps these pointers: they must outlive the call, so they are never freed.
        credence_rl_set_name(strdup("credence"))
        credence_rl_set_sort_matches(0)
        credence_rl_set_completion(attemptCompletion)
        credence_rl_set_display_hook(displayMatches)
        // Quotes are part of words for the grammar; # starts a tag, not a new word.
        credence_rl_set_word_breaks(strdup(" \t\n"))
        credence_rl_install_sigint()
        stifle_history(ReadlineSource.historyLimit)
        if let historyPath {
            ReadlineSource.preparePrivateFile(historyPath)
            read_history(historyPath)
            last =
                history_length > 0
                ? history_get(history_base + history_length - 1).map { String(cString: $0.pointee.line) } : nil
        }
    }

    static let historyLimit: Int32 = 1000

    /// Keeps the history file bounded and gives Ctrl-C back its usual meaning.
    func finish() {
        if let historyPath { history_truncate_file(historyPath, ReadlineSource.historyLimit) }
        credence_rl_restore_sigint()
    }

    func readLine(prompt: String) -> String? {
        guard let p = readline(prompt) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Adds a line to the history unless it repeats the one before.
    func remember(_ line: String) {
        guard line != last else { return }
        last = line
        add_history(line)
        if let historyPath { append_history(1, historyPath) }
    }

    /// `$XDG_STATE_HOME/credence/history`, default `~/.local/state/credence/history`.
    static func historyPath(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/state"
        return "\(state)/credence/history"
    }

    /// The history is as private as the journal: directory 0700, file 0600.
    static func preparePrivateFile(_ path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
    }
}

/// What completion knows; refreshed by the REPL after every line.
nonisolated(unsafe) var completionModel = CompletionModel(commands: [:])
nonisolated(unsafe) private var completionMatches: [String] = []
nonisolated(unsafe) private var completionIndex = 0

private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    credence_rl_set_attempted_over(1)  // never fall back to file names
    let line = String(cString: credence_rl_line_buffer())
    let prefix = String(decoding: Array(line.utf8).prefix(Int(start)), as: UTF8.self)
    let before = (try? ShellWords.split(prefix)) ?? prefix.split(separator: " ").map(String.init)
    completionMatches = completionModel.candidates(before: before, word: text.map { String(cString: $0) } ?? "")
    completionIndex = 0
    return rl_completion_matches(text, generateMatch)
}

private func generateMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { completionIndex = 0 }
    guard completionIndex < completionMatches.count else { return nil }
    defer { completionIndex += 1 }
    return strdup(completionMatches[completionIndex])
}

/// Lists candidates; a claim id comes with a hint of its text.
private func displayMatches(
    _ matches: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ count: Int32, _ longest: Int32
) {
    guard let matches else { return }
    var candidates: [String] = []
    for i in 1...Int(max(count, 1)) where i <= Int(count) {
        if let m = matches[i] { candidates.append(String(cString: m)) }
    }
    let lines = completionModel.layout(candidates, width: Terminal.width() ?? 80)
    fputs("\n" + lines.map { $0 + "\n" }.joined(), stdout)
    fflush(stdout)
    rl_forced_update_display()
}
