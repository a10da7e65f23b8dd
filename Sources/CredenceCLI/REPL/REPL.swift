import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

/// The interactive prompt: a line that starts with a command word runs that command exactly as
/// `credence <line>` would; any other line is a quick-entry `add`. Errors print and the prompt
/// comes back; nothing here ever exits the process.
package final class REPL {
    let source: LineSource
    let interactive: Bool
    /// The session's one context (and, through it, one journal connection), made on first use.
    package private(set) lazy var context = makeContext()
    private let makeContext: () -> Context
    let journalFlag: String?
    /// Called before each prompt, e.g. to refresh what TAB completes.
    var beforePrompt: (() -> Void)?
    /// Lines read so far, including those a command read as its input (a pasted list, answers).
    private var lineNumber = 0

    /// - interactive: a person at a terminal (banner, prompt with the due count); otherwise a
    ///   script on stdin (errors name their line; the status says whether every line succeeded).
    package init(source: LineSource, interactive: Bool, journal: String? = nil, makeContext: @escaping () -> Context) {
        self.source = source
        self.interactive = interactive
        self.journalFlag = journal
        self.makeContext = makeContext
    }

    static var commandWords: Set<String> { Set(Credence.commands.map { $0._commandName }) }

    /// Runs until the lines run out; returns 0 if every line succeeded, else the last failure's status.
    @discardableResult
    package func run() -> Int32 {
        var failure: Int32 = 0
        if interactive { banner() }
        while true {
            beforePrompt?()
            guard let raw = source.readLine(prompt: interactive ? prompt() : "") else { break }
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            // Blank lines, and in scripts # comments, are skipped.
            if line.isEmpty || (!interactive && line.hasPrefix("#")) { continue }
            source.remember(raw)
            if ["quit", "exit"].contains(line) { break }
            let ctx = context
            // Each line starts as a fresh invocation would: no write failure carried over.
            ctx.out.clearFailure()
            ctx.err.clearFailure()
            // A command that reads more input (a pasted list, grading answers) reads the REPL's lines.
            nonisolated(unsafe) let repl = self
            let input: @Sendable (String) -> String? = { prompt in
                let line = repl.source.readLine(prompt: repl.interactive ? prompt : "")
                if line != nil { repl.lineNumber += 1 }
                return line
            }
            let lineErr = interactive ? nil : OutputSink()
            let startLine = lineNumber
            let status = ctx.forLine(err: lineErr, readLine: input) { handle(line, ctx: ctx) }
            ctx.journals.settle()
            if let lineErr {
                let errors = lineErr.text
                if !errors.isEmpty {
                    for e in errors.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                        ctx.err.line("line \(startLine): \(e)")
                    }
                }
            }
            if status != 0 { failure = status }
        }
        if interactive { context.out.line() }
        context.journals.close()
        source.finish()
        return failure
    }

    /// One line: help, a command, or a quick entry.
    func handle(_ line: String, ctx: Context) -> Int32 {
        var words: [String]
        do {
            words = try ShellWords.split(line)
        } catch {
            // An unbalanced quote ("Ryan's probe…") is fine in a quick entry.
            words = line.split(separator: " ").map(String.init)
            if let first = words.first, Self.commandWords.contains(first) {
                ctx.err.line("error: unbalanced \(error.quote) quote: close it, or escape it with a backslash")
                return ExitStatus.usage
            }
            return run(["add", line], ctx)
        }
        guard let first = words.first else { return 0 }
        if first == "help" {
            if words.count > 1 { return run([words[1], "--help"], ctx) }
            ctx.out.write(Self.help)
            return 0
        }
        if Self.commandWords.contains(first) {
            if let journalFlag, !words.contains("--journal") { words += ["--journal", journalFlag] }
            let status = run(words, ctx)
            if status == ExitStatus.usage && first != "add",
                (try? QuickEntryParser(dates: ctx.clock.dates).parse(line)) != nil
            {
                ctx.err.line("(to log this as a claim, start the line with `add`)")
            }
            return status
        }
        // "lsit": a mistyped command, not a claim (it has no probability).
        if let near = Suggestions.nearest(first, among: Self.commandWords.sorted()),
            (try? QuickEntryParser(dates: ctx.clock.dates).parse(line)) == nil
        {
            ctx.err.line(
                "error: \"\(Format.safe(first))\" is not a command: did you mean `\(near)`? (a claim to log needs a probability, e.g. Ryan ships by friday 70%)"
            )
            return ExitStatus.usage
        }
        var args = ["add", line]
        if let journalFlag { args += ["--journal", journalFlag] }
        return run(args, ctx)
    }

    func run(_ args: [String], _ ctx: Context) -> Int32 { CredenceMain.run(args, context: ctx) }

    /// `credence` with no command: the REPL on a terminal, a script runner on a pipe.
    package static func forProcess(journal: String?) -> REPL {
        let ctx = Context.process()
        guard isatty(STDIN_FILENO) == 1 else {
            return REPL(
                source: PlainLineSource(), interactive: false, journal: journal,
                makeContext: { Context.process(interactive: false, origin: "script:\(getpid())") })
        }
        let source = ReadlineSource(historyPath: ReadlineSource.historyPath(environment: ctx.environment))
        let repl = REPL(
            source: source, interactive: true, journal: journal,
            makeContext: { Context.process(origin: "prompt:\(getpid())") })
        completionModel = CompletionModel.fromDefinitions()
        repl.beforePrompt = { [unowned repl] in
            guard let data = repl.reading({ try $0.completionData() }) else { return }
            completionModel.claims = data.claims
            completionModel.tags = data.tags
            completionModel.forecasters = data.forecasters
        }
        return repl
    }

    static let help = """
        Type a claim with its probability to log it:
          Ryan ships by friday 70% #work unless the eval changes
        or a command, exactly as after `credence` in the shell:
          list --open        show 7        forecast 7 80% --as ryan        resolve 7 yes
          due                report        vs me ryan                      undo
          caveats            words         yearly paste (end the list with a line holding .)
        help COMMAND shows a command's options; TAB completes commands, flags, ids, tags and names.
        Ctrl-C cancels the line; Ctrl-D (or quit) leaves.

        """

    func journalName() -> String {
        let path = context.journalPath(journalFlag)
        return ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    func dueCount() -> Int { reading { try $0.dueCount() } ?? 0 }

    /// A read for the prompt (the due count, what TAB completes) through the session's journal;
    /// nil when it fails, which lets the journal go if the failure was the file's.
    func reading<T>(_ body: (Journal) throws -> T) -> T? {
        do {
            return try body(context.openJournal(journalFlag, access: .read))
        } catch {
            context.journals.discard(after: error)
            return nil
        }
    }

    func banner() {
        let ctx = context
        ctx.out.fitWidth = ctx.truncationWidth(nil)
        defer { ctx.out.fitWidth = nil }
        let due = dueCount()
        ctx.out.line("Credence \(Credence.version) · journal \(ctx.journalPath(journalFlag))")
        if due > 0 {
            ctx.out.line(
                "\(due) claim\(due == 1 ? " is" : "s are") due for resolution: `due` lists \(due == 1 ? "it" : "them")."
            )
        }
        ctx.out.line(
            "Type a claim with its probability to log it (Ryan ships by friday 70%), `help` for commands, Ctrl-D to leave."
        )
    }

    func prompt() -> String {
        let due = dueCount()
        return "\(journalName())\(due > 0 ? " (\(due) due)" : "")> "
    }
}
