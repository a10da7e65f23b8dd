import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct BetCommand: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "bet",
        abstract: "Record a bet with someone on a yes/no claim; it settles when the claim resolves.",
        discussion: """
              credence bet 7 --with ryan --stake 20 --odds 4:1     (at Ryan's odds: 4:1 on yes = 80%)
              credence bet 7 --with ryan --stake 20                (at the midpoint of your two forecasts)
            Terms: at implied probability q of YES, the YES side stakes q and the NO side 1 − q of the pot;
            the winner takes the loser's stake. --odds takes odds on yes (4:1) or a probability (80%).
            Without --odds the price is the midpoint of the two forecasts, so each side expects to gain
            by their own numbers. Your side defaults to the one your forecast favours against theirs.
            An annulled claim refunds the bet.
            """)

    @Argument(help: "The claim id.")
    var id: String

    @Option(name: .customLong("with"), help: ArgumentHelp("The other person.", valueName: "name"))
    var counterparty: String

    @Option(name: .long, help: "What you risk.")
    var stake: Double

    @Option(name: .long, help: ArgumentHelp("Odds on YES (4:1) or the implied probability (80%).", valueName: "odds"))
    var odds: String?

    @Option(name: .long, help: ArgumentHelp("Your side: yes or no.", valueName: "side"))
    var side: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is betting (default: the owner).", valueName: "name"))
    var forecaster: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        guard stake.isFinite, stake > 0 else { throw CLIError("--stake must be a positive amount, e.g. --stake 20") }
        let me = forecaster ?? ctx.owner
        let journal = try ctx.openJournal(options.journal, access: .write)
        let detail = try journal.claim(claimID)
        func current(_ name: String) -> Double? {
            detail.forecasts.last { $0.forecaster.lowercased() == name.lowercased() && $0.option == nil }?.probability
        }
        let mine = current(me), theirs = current(counterparty)
        var mySideYes: Bool
        switch side?.lowercased() {
        case "yes"?, "y"?: mySideYes = true
        case "no"?, "n"?: mySideYes = false
        case nil:
            guard let mine, let theirs else {
                let missing = mine == nil ? me : counterparty
                throw CLIError(
                    "\(missing) has no forecast on claim \(claimID), so your side isn't clear: give --side yes or --side no"
                )
            }
            guard mine != theirs else {
                throw CLIError(
                    "you both say \(Probability.percentText(mine)): there's nothing to bet on at fair odds; give --odds and --side to bet anyway"
                )
            }
            mySideYes = mine > theirs
        default: throw CLIError("--side is yes or no, not \"\(side!)\"", status: ExitStatus.usage)
        }
        let q: Double, terms: String
        if let odds {
            let p = try ProbabilityParser.parse(odds)
            q = p.value
            terms = p.form == .odds ? "at \(p.typed) on yes (\(p.percentText))" : "at \(p.percentText) on yes"
        } else {
            guard let mine, let theirs, mine != theirs else {
                throw CLIError(
                    "without --odds the price is the midpoint of both forecasts, and \(mine == nil ? me : counterparty) has none on claim \(claimID): give --odds"
                )
            }
            q = BetTerms.midpoint(mine, theirs)
            terms =
                "at the midpoint of \(Probability.percentText(mine)) and \(Probability.percentText(theirs)) (\(Probability.percentText(q)) on yes)"
        }
        let stakes = BetTerms.stakes(q: q, mySide: mySideYes, myStake: stake)
        let bet = try journal.write { w in
            let b = try w.addBet(
                claim: claimID, yesSide: mySideYes ? me : counterparty, noSide: mySideYes ? counterparty : me,
                yesStake: stakes.yes, noStake: stakes.no, terms: terms)
            return (b, "bet \(b.id) on claim \(claimID) with \(counterparty)")
        }
        let you = BetText.who(me, owner: ctx.owner), them = BetText.who(counterparty, owner: ctx.owner)
        let (myStake, theirStake) = mySideYes ? (bet.yesStake, bet.noStake) : (bet.noStake, bet.yesStake)
        ctx.out.line("Bet \(bet.id) on claim \(claimID) “\(Format.safe(detail.claim.text))”, \(terms):")
        ctx.out.line(
            "  \(you) \(you == "you" ? "take" : "takes") \(mySideYes ? "YES" : "NO"), staking \(BetText.amount(myStake)); \(them) \(them == "you" ? "take" : "takes") \(mySideYes ? "NO" : "YES"), staking \(BetText.amount(theirStake))."
        )
        ctx.out.line(
            "  If \(mySideYes ? "yes" : "no"), \(you) \(you == "you" ? "win" : "wins") \(BetText.amount(theirStake)); if \(mySideYes ? "no" : "yes"), \(them) \(them == "you" ? "win" : "wins") \(BetText.amount(myStake))."
        )
        var expectations: [String] = []
        if let mine {
            expectations.append(
                "by \(you == "you" ? "your" : "\(you)'s") \(Probability.percentText(mine)) it is worth \(BetText.signed(BetTerms.expectedGain(believing: mine, yes: mySideYes, yesStake: bet.yesStake, noStake: bet.noStake))) to \(you)"
            )
        }
        if let theirs {
            expectations.append(
                "by \(them == "you" ? "your" : "\(them)'s") \(Probability.percentText(theirs)), \(BetText.signed(BetTerms.expectedGain(believing: theirs, yes: !mySideYes, yesStake: bet.yesStake, noStake: bet.noStake))) to \(them)"
            )
        }
        if !expectations.isEmpty { ctx.out.line("  Expected: " + expectations.joined(separator: "; ") + ".") }
    }
}
