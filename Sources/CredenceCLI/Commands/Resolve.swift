import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Resolve: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a claim: yes, no or annul.",
        discussion: """
          credence resolve 7 yes --note "shipped on the 26th"
          credence resolve 7 no --at 2026-11-20
        Resolving a resolved claim again needs --force; the earlier resolution stays in the history.
        """)

    @Argument(help: "The claim id.")
    var id: String

    @Argument(help: "yes, no or annul.")
    var outcome: String

    @Option(name: .long, help: "A note on how it resolved.")
    var note: String?

    @Option(name: .long, help: ArgumentHelp("When it resolved (default: now): 2026-11-20, yesterday, 3 days ago, 2026-11-20T14:00.", valueName: "date"))
    var at: String?

    @Flag(name: .long, help: "Resolve again a claim that is already resolved.")
    var force = false

    @Option(name: .customLong("as"), help: ArgumentHelp("Who resolved it (default: the owner).", valueName: "name"))
    var resolver: String?

    @OptionGroup var options: JournalOptions

    static func status(_ text: String) throws -> ClaimStatus {
        switch text.lowercased() {
        case "yes", "y", "true": return .yes
        case "no", "n", "false": return .no
        case "annul", "annulled", "void", "cancel": return .annulled
        default: throw CLIError("\"\(text)\" is not an outcome: use yes, no or annul")
        }
    }

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        let status = try Self.status(outcome)
        let when = try at.map { try ctx.clock.dates.pastInstant($0) }
        let journal = try ctx.openJournal(options.journal, access: .write)
        let (claim, previous) = try journal.write { w -> ((Claim, ClaimStatus), String) in
            let result = try w.resolve(claimID, status: status, at: when, note: note, by: resolver ?? ctx.owner, force: force)
            return (result, "resolve claim \(claimID) \(status.rawValue)")
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let shown = status == .annulled ? "annulled" : status.rawValue.uppercased()
        let again = previous.isResolved ? " (was \(previous.rawValue))" : ""
        ctx.out.line("Resolved claim \(claimID) “\(Format.safe(claim.text))”: \(f.style.bold(shown))\(again) at \(f.time(claim.resolvedAt!))")
    }
}
