import ArgumentParser
import CredenceStore
import Foundation

struct Backup: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the journal to a new file, safely even while another credence writes to it.",
        discussion:
            "  credence backup ~/backups/journal-2026-11-22.sqlite\nThe copy is private (mode 0600), checked with SQLite's integrity check, and never replaces an existing file."
    )

    @Argument(help: "The new file.")
    var file: String

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let path = ctx.journalPath(options.journal)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("there is no journal at \(path) to back up", status: ExitStatus.ioError)
        }
        let journal = try ctx.openJournal(options.journal, access: .read)
        let size = try journal.backup(to: file)
        ctx.out.line("Backed up \(journal.path) to \(file) (\(size.grouped) bytes, integrity ok).")
    }
}
