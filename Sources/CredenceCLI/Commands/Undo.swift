import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Undo: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last change to the journal and say what it was (repeat to go further back).",
        discussion: """
            Says when the change was made and whether it came from another process (another shell,
            a REPL, a script). Ids are never given again: after undoing `add` (claim 7), the next
            claim is 8. `undo --list` shows the last steps without reverting anything.
            """)

    @Flag(name: .long, help: "Show the last 10 changes undo would revert, newest first; revert nothing.")
    var list = false

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let f = Format(clock: ctx.clock, color: false)
        if list {
            let journal = try ctx.openJournal(options.journal, access: .read)
            let steps = try journal.undoSteps(limit: 10)
            guard !steps.isEmpty else {
                ctx.out.line("Nothing to undo: the journal has no recorded changes.")
                return
            }
            ctx.out.line("Newest first; `credence undo` reverts the first:")
            let rows = steps.map { step in
                [Self.when(step, f, ctx), Self.whose(step, ctx) ?? "", Format.safe(step.description)]
            }
            for line in Format.table(rows) { ctx.out.line("  " + line) }
            return
        }
        let journal = try ctx.openJournal(options.journal, access: .write)
        let step = try journal.undoLast()
        let whose = Self.whose(step, ctx).map { ", \($0)" } ?? ""
        ctx.out.line("Undid: \(Format.safe(step.description)) (\(Self.when(step, f, ctx))\(whose))")
    }

    /// 12:04:31 today; 2026-11-30 12:04:31 on another day.
    static func when(_ step: UndoStep, _ f: Format, _ ctx: Context) -> String {
        let time = f.time(step.createdAt)
        let seconds = String(format: ":%02d", ctx.clock.calendar.component(.second, from: step.createdAt))
        let clock = String(time.dropFirst(11)) + seconds
        return f.day(step.createdAt) == f.day(ctx.clock.now()) ? clock : "\(f.day(step.createdAt)) \(clock)"
    }

    /// "this shell", "this prompt", "another process"; nil when the journal did not record it.
    static func whose(_ step: UndoStep, _ ctx: Context) -> String? {
        guard !step.origin.isEmpty else { return nil }
        guard step.origin == ctx.origin else { return "another process" }
        switch step.origin.prefix(while: { $0 != ":" }) {
        case "prompt": return "this prompt"
        case "script": return "this script"
        default: return "this shell"
        }
    }
}
