import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct Resolve: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a claim: yes, no, annul, or the option of a scenario set that happened.",
        discussion: """
              credence resolve 7 yes --note "shipped on the 26th"
              credence resolve 7 no --at 2026-11-20
              credence resolve 9 "slow takeoff"
            Resolving a resolved claim again needs --force; the earlier resolution stays in the history.
            When two or more people forecast the claim, it says who was more right. Bets on the claim are settled, and claims conditional on it whose condition failed are annulled.
            """)

    @Argument(help: "The claim id.")
    var id: String

    @Argument(help: "yes, no, annul, or an option's name.")
    var outcome: [String] = []

    @Option(name: .long, help: "A note on how it resolved.")
    var note: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "When it resolved (default: now): 2026-11-20, yesterday, 3 days ago, 2026-11-20T14:00.", valueName: "date"))
    var at: String?

    @Flag(name: .long, help: "Resolve again a claim that is already resolved.")
    var force = false

    @Option(name: .customLong("as"), help: ArgumentHelp("Who resolved it (default: the owner).", valueName: "name"))
    var resolver: String?

    @OptionGroup var options: JournalOptions

    static func value(_ text: String) -> ResolutionValue {
        switch text.lowercased() {
        case "yes", "y", "true": return .yes
        case "no", "n", "false": return .no
        case "annul", "annulled", "void", "cancel": return .annulled
        default: return .option(text)
        }
    }

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        guard !outcome.isEmpty else {
            throw CLIError("say how claim \(claimID) resolved: yes, no or annul", status: ExitStatus.usage)
        }
        let value = Self.value(outcome.joined(separator: " "))
        let when = try at.map { try ctx.clock.dates.pastInstant($0) }
        let journal = try ctx.openJournal(options.journal, access: .write)
        let result: ResolutionResult
        do {
            result = try journal.write { w in
                let r = try w.resolve(
                    claimID, as: value, at: when, note: note, by: try ctx.writer(resolver), force: force)
                return (r, "resolve claim \(claimID) \(r.option ?? r.claim.status.rawValue)")
            }
        } catch JournalError.optionForYesNoClaim {
            throw CLIError("\"\(outcome.joined(separator: " "))\" is not an outcome: use yes, no or annul")
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let claim = result.claim
        let shown =
            result.option.map { "“\($0)”" }
            ?? (claim.status == .annulled ? "annulled" : claim.status.rawValue.uppercased())
        let again = result.previous.isResolved ? " (was \(result.previous.rawValue))" : ""
        ctx.out.line(
            "Resolved claim \(claimID) “\(Format.safe(claim.text))”: \(f.style.bold(shown))\(again) at \(f.time(claim.resolvedAt!))"
        )
        let detail = try journal.claim(claimID)
        for line in ClaimVerdictText.lines(detail, owner: ctx.owner, style: f.style) { ctx.out.line(line) }
        for bet in result.settledBets { ctx.out.line(BetText.settled(bet, owner: ctx.owner)) }
        for (dependent, reason) in result.annulled {
            ctx.out.line("Annulled claim \(dependent.id) “\(Format.safe(dependent.text))”: \(reason).")
        }
    }
}
