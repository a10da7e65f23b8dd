import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Delete: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a claim with its forecasts (asks first; `credence undo` brings it back).")

    @Argument(help: "The claim id.")
    var id: String

    @Flag(name: [.short, .long], help: "Don't ask.")
    var yes = false

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        let journal = try ctx.openJournal(options.journal, access: .write)
        let detail = try journal.claim(claimID)
        if !yes {
            guard let confirm = ctx.confirm else {
                throw CLIError(
                    "not deleting claim \(claimID) without confirmation: add --yes", status: ExitStatus.usage)
            }
            let question =
                "Delete claim \(claimID) “\(Format.safe(detail.claim.text))” and its \(detail.forecasts.count) forecast\(detail.forecasts.count == 1 ? "" : "s")?"
            guard confirm(question) else {
                ctx.out.line("Kept claim \(claimID).")
                return
            }
        }
        let claim = try journal.write { w in (try w.delete(claimID), "delete claim \(claimID) “\(detail.claim.text)”") }
        ctx.out.line("Deleted claim \(claimID) “\(Format.safe(claim.text))”. `credence undo` brings it back.")
    }
}
