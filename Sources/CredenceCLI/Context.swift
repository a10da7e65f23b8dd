import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

/// Where a command's output goes: the process's streams, or a buffer in tests and the REPL.
/// A failed write is remembered (`failure`), and the command that made it ends with exit 74
/// (`CredenceMain.run`): a backup made with `export > file` on a full disk must not say it worked.
package final class OutputSink: @unchecked Sendable {
    private let fd: Int32?
    private var buffer = ""
    private let lock = NSLock()
    /// What messages call this stream ("standard output").
    package let name: String
    /// Passes every byte through `TerminalText.safe` (standard error: messages quote what people
    /// typed and what import files hold, and nothing there should reach the terminal as an escape).
    private let sanitising: Bool
    /// The errno of the first write that failed since `clearFailure()`; later writes are dropped.
    package private(set) var failure: Int32?

    /// Writes straight to a file descriptor.
    package init(fd: Int32, name: String? = nil, sanitising: Bool = false) {
        self.fd = fd
        self.name =
            name ?? (fd == STDOUT_FILENO ? "standard output" : fd == STDERR_FILENO ? "standard error" : "fd \(fd)")
        self.sanitising = sanitising
    }
    /// Collects text in memory.
    package init(sanitising: Bool = false) {
        fd = nil
        name = "the output"
        self.sanitising = sanitising
    }

    package func write(_ text: String) {
        let text = sanitising ? TerminalText.safe(text, singleLine: false) : text
        guard let fd else {
            lock.lock()
            buffer += text
            lock.unlock()
            return
        }
        guard failure == nil else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                // The reader went away (`credence list | head`): stop quietly, as a pipe should.
                if errno == EPIPE { exit(0) }
                failure = errno
                return
            }
            if n == 0 {
                failure = EIO
                return
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// The width human-readable lines are fitted to (wrapped at spaces), or nil to leave them as
    /// they are (piped output without --width). Set per command from the terminal and --width.
    package var fitWidth: Int? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return _fitWidth
        }
        set {
            lock.lock()
            _fitWidth = newValue
            lock.unlock()
        }
    }
    private var _fitWidth: Int?

    /// A line of human-readable output, fitted to `fitWidth` when one is set.
    package func line(_ text: String = "") {
        guard let width = fitWidth else { return write(text + "\n") }
        var out = ""
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for fitted in TerminalText.fit(String(piece), width: width) { out += fitted + "\n" }
        }
        write(out)
    }

    /// Machine-readable output (JSON, CSV): one line, never fitted to a width.
    package func verbatim(_ text: String) { write(text + "\n") }

    /// Forgets a failure, before the next command (the REPL runs many on one stream).
    package func clearFailure() { failure = nil }

    /// The failure as an error to throw: "could not write to standard output: No space left on device".
    package func checked() throws {
        if let failure { throw OutputFile.failure(name, failure) }
    }

    /// What a buffered sink has collected.
    package var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}

/// Everything one invocation needs: where the journal is (and its connection, once opened), the
/// clock, the streams, the colour and width policies, and the owner's name. The REPL reuses one
/// for the whole session, giving each line its own error stream and line input (`forLine`).
package final class Context: @unchecked Sendable {
    package let environment: [String: String]
    /// "Now" and the calendar: the process's, or on a team journal whose rules bind the member,
    /// the server's (`CREDENCE_NOW` changes nothing there).
    package var clock: Clock { journals.currentClock }
    package let out: OutputSink
    package private(set) var err: OutputSink
    package let isTerminal: Bool
    /// The terminal's width: measured when asked for a process's context (the REPL's session
    /// outlives a resized window), else as given.
    package var terminalWidth: Int? { measureWidth?() ?? givenWidth }
    private let givenWidth: Int?
    private var measureWidth: (() -> Int?)?
    package let config: Config
    /// Answers a yes/no question, or nil when nobody can be asked (no terminal).
    package let confirm: (@Sendable (String) -> Bool)?
    /// Makes the stable ids of new claims (pinned in tests so golden output is reproducible).
    package let makeUUID: @Sendable () -> String
    /// Reads one more line of input after a prompt (a pasted list, a grading answer): from the
    /// terminal or pipe, or from the REPL's own line source; nil at the end of input.
    package private(set) var readLine: (@Sendable (String) -> String?)?
    /// Who this invocation writes as, for `undo` (`Journal.origin`).
    package let origin: String
    /// The journal this context has opened, kept for its next command (`openJournal`).
    package let journals: JournalSession

    package init(
        environment: [String: String], clock: Clock, out: OutputSink, err: OutputSink,
        isTerminal: Bool, terminalWidth: Int?, confirm: (@Sendable (String) -> Bool)?,
        makeUUID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
        readLine: (@Sendable (String) -> String?)? = nil, origin: String = Journal.processOrigin
    ) {
        self.readLine = readLine
        self.origin = origin
        self.environment = environment
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
        self.givenWidth = terminalWidth
        self.confirm = confirm
        self.makeUUID = makeUUID
        self.config = Config.load(environment: environment)
        self.journals = JournalSession(clock: clock)
    }

    @TaskLocal package static var current: Context?

    /// The context for the running process: real streams, clock and terminal.
    /// - interactive: false when stdin carries a script, so nobody can be asked to confirm.
    /// - origin: who the journal records as making the changes (`Journal.origin`).
    package static func process(
        interactive: Bool = isatty(STDIN_FILENO) == 1, origin: String = Journal.processOrigin
    ) -> Context {
        let env = ProcessInfo.processInfo.environment
        var clock = Clock.system()
        // CREDENCE_NOW pins "now" (ISO 8601) for scripted demos and golden tests.
        if let pinned = env["CREDENCE_NOW"], let date = ISO8601DateFormatter().date(from: pinned) {
            clock = Clock.fixed(date, timeZone: .current)
        }
        let terminal = isatty(STDOUT_FILENO) == 1
        let context = Context(
            environment: env, clock: clock, out: OutputSink(fd: STDOUT_FILENO),
            err: OutputSink(fd: STDERR_FILENO, sanitising: true),
            isTerminal: terminal, terminalWidth: terminal ? Terminal.width() : nil,
            confirm: interactive ? Terminal.ask : nil,
            readLine: { prompt in
                // The prompt only where someone is typing; a piped answer file reads silently.
                if interactive { Terminal.prompt(prompt) }
                return Swift.readLine(strippingNewline: true)
            }, origin: origin)
        if terminal { context.measureWidth = { Terminal.width() } }
        return context
    }

    /// Runs one REPL line with its own error stream or line input, then puts the session's back.
    func forLine<T>(
        err: OutputSink? = nil, readLine: (@Sendable (String) -> String?)? = nil, _ body: () -> T
    ) -> T {
        let (sessionErr, sessionReadLine) = (self.err, self.readLine)
        defer { (self.err, self.readLine) = (sessionErr, sessionReadLine) }
        if let err { self.err = err }
        if let readLine { self.readLine = readLine }
        return body()
    }

    /// `--journal`, else `CREDENCE_JOURNAL`, else the config's `journal`, else the default file.
    package func journalPath(_ flag: String?) -> String {
        if (flag ?? "").isEmpty, (environment["CREDENCE_JOURNAL"] ?? "").isEmpty, let configured = config.journal {
            return configured
        }
        return Journal.defaultPath(flag: flag, environment: environment)
    }

    /// The journal at `--journal` (or the default), opened once and reused by later commands of
    /// this context while it is the same file (`JournalSession`).
    package func openJournal(_ flag: String?, access: Journal.Access) throws -> Journal {
        let (journal, opened) = try journals.journal(path: journalPath(flag), access: access)
        teamMember = journal.member
        teamStanding = journal.standing
        guard opened else { return journal }
        journal.origin = origin
        for note in journal.notes { err.line(note) }
        return journal
    }

    /// Colour only on a terminal; NO_COLOR and TERM=dumb turn it off; --color overrides.
    package func useColor(_ flag: ColorChoice?) -> Bool {
        switch flag ?? .auto {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }

    /// Output width: --width, then the terminal, then COLUMNS, then 80.
    package func width(_ flag: Int?) -> Int {
        if let flag { return max(40, flag) }
        if let w = terminalWidth { return max(40, w) }
        if let c = environment["COLUMNS"].flatMap(Int.init), c > 0 { return max(40, c) }
        return 80
    }

    /// How wide a table may be before a cell is cut: --width, else the terminal's width. Piped
    /// output is never cut (nil), so `credence list | grep` sees every word, as git and hledger do.
    package func truncationWidth(_ flag: Int?) -> Int? {
        if let flag { return max(40, flag) }
        if let w = terminalWidth, isTerminal { return max(40, w) }
        return nil
    }

    package var owner: String { teamMember ?? config.owner }
    /// The connected member of the team journal last opened.
    package private(set) var teamMember: String?
    package private(set) var teamStanding: TeamStanding?

    /// A name as typed: on a team journal "me" is the connected member (on a file, the owner's
    /// forecaster is called "me" unless the config names it otherwise).
    package func person(_ name: String) -> String {
        if let member = teamMember, name.lowercased() == "me" { return member }
        return name
    }

    /// Whom a write names as its forecaster: `--as NAME`, else "me". On a team journal whose
    /// rules bind the member, only themselves: the server refuses the rest, and this says why first.
    package func writer(_ given: String?) throws -> String {
        let who = given.map(person) ?? owner
        if let member = teamMember, teamStanding?.writesForOthers == false, who.lowercased() != member.lowercased() {
            throw CLIError(
                "on a team journal you write only as yourself (\(Format.safe(member))), not as \(Format.safe(who)): leave out --as; \(Format.safe(who)) writes from their own login",
                status: ExitStatus.notPermitted)
        }
        return who
    }
}

/// The user's settings from `$XDG_CONFIG_HOME/credence/config` (`key = value` lines, `#` comments).
package struct Config: Sendable {
    package var owner = "me"
    /// The journal commands use without --journal or CREDENCE_JOURNAL: a file or a team's URL.
    package var journal: String?
    package var bins = 10
    package var referenceHints = true

    /// Where the config lives: `$XDG_CONFIG_HOME/credence/config`, else `~/.config/credence/config`.
    package static func path(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.config"
        return "\(base)/credence/config"
    }

    static func load(environment: [String: String]) -> Config {
        var config = Config()
        guard let text = try? String(contentsOfFile: path(environment: environment), encoding: .utf8) else {
            return config
        }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "owner" where !value.isEmpty: config.owner = value
            case "journal" where !value.isEmpty: config.journal = value
            case "bins": if let b = Int(value), (1...100).contains(b) { config.bins = b }
            case "reference_hints", "hints":
                config.referenceHints = !["off", "false", "no", "0"].contains(value.lowercased())
            default: break
            }
        }
        return config
    }
}

package enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

enum Terminal {
    static func width() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return nil
    }

    /// A question on standard error, sanitised like every message (it may quote a claim).
    static func prompt(_ text: String) {
        OutputSink(fd: STDERR_FILENO, sanitising: true).write(text)
    }

    @Sendable static func ask(_ question: String) -> Bool {
        prompt(question + " [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
