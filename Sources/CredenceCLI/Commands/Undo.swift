import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Undo: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last change to the journal and say what it was (repeat to go further back).")

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let journal = try ctx.openJournal(options.journal, access: .write)
        let description = try journal.undoLast()
        ctx.out.line("Undid: \(Format.safe(description))")
    }
}
