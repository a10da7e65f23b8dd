import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore

/// `bet accept N` and `bet decline N`: on a team journal, the counterparty's answer to a bet
/// offered to them. The server checks that the caller is the one asked.
struct BetAnswer<Kind: BetAnswerKind>: CredenceCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Kind.name,
            abstract: Kind.accepts
                ? "Accept a bet offered to you on a team journal; it then settles when its claim resolves."
                : "Decline a bet offered to you on a team journal.")
    }

    @Argument(help: "The bet's number (`credence bets` lists those waiting for you).")
    var id: Int64

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let journal = try ctx.openJournal(options.journal, access: .write)
        let bet = try journal.write { w in
            let b = try w.answerBet(id, accept: Kind.accepts)
            return (b, "\(Kind.name) bet \(b.id) on claim \(b.claimID)")
        }
        let other = bet.proposedBy ?? (bet.yesSide.lowercased() == ctx.owner.lowercased() ? bet.noSide : bet.yesSide)
        let side = bet.yesSide.lowercased() == ctx.owner.lowercased() ? "YES" : "NO"
        if Kind.accepts {
            ctx.out.line(
                "Accepted bet \(bet.id) with \(Format.safe(other)) on claim \(bet.claimID): you take \(side), \(bet.terms); it settles when the claim resolves."
            )
        } else {
            ctx.out.line(
                "Declined bet \(bet.id) from \(Format.safe(other)) on claim \(bet.claimID); it will not settle.")
        }
    }
}
