import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct BetCommand: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Record a bet with someone on a yes/no claim (the default: `credence bet 7 …`).",
        discussion: """
              # at Ryan's odds: 4:1 on yes = 80%
              credence bet 7 --with ryan --stake 20 --odds 4:1
              # at the midpoint of your two forecasts
              credence bet 7 --with ryan --stake 20
            Terms: at implied probability q of YES, the YES side stakes q and the NO side 1 − q of the pot; the winner takes the loser's stake. --odds takes odds on yes (4:1) or a probability (80%).
            Without --odds the price is the midpoint of the two forecasts, so each side expects to gain by their own numbers. Your side defaults to the one your own forecast favours at that price, so the bet is never worth less than zero to you by your own numbers; --side overrides.
            Stakes are exact to the cent.
            An annulled claim refunds the bet.
            On a team journal the bet waits until its counterparty runs `credence bet accept ID` (or decline); only an accepted bet settles.
            """)

    @Argument(help: "The claim id.")
    var id: String

    @Option(name: .customLong("with"), help: ArgumentHelp("The other person.", valueName: "name"))
    var counterparty: String

    @Option(name: .long, help: ArgumentHelp("What you risk, to the cent (20, 12.50).", valueName: "amount"))
    var stake: String

    @Option(name: .long, help: ArgumentHelp("Odds on YES (4:1) or the implied probability (80%).", valueName: "odds"))
    var odds: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Your side: yes or no (default: the one your forecast favours).", valueName: "side"))
    var side: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is betting (default: the owner).", valueName: "name"))
    var forecaster: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        guard let myStake = Money(stake.trimmingCharacters(in: .whitespaces)), myStake.cents > 0 else {
            throw CLIError(
                "--stake \"\(stake)\" is not an amount: give a positive amount to the cent, e.g. --stake 20 or --stake 12.50",
                status: ExitStatus.usage)
        }
        var explicitSide: Bool?
        switch side?.lowercased() {
        case "yes"?, "y"?: explicitSide = true
        case "no"?, "n"?: explicitSide = false
        case nil: explicitSide = nil
        default: throw CLIError("--side is yes or no, not \"\(side!)\"", status: ExitStatus.usage)
        }
        let journal = try ctx.openJournal(options.journal, access: .write)
        let me = try ctx.writer(forecaster)
        let detail = try journal.claim(claimID)
        func current(_ name: String) -> Double? {
            detail.forecasts.last { $0.forecaster.lowercased() == name.lowercased() && $0.option == nil }?.probability
        }
        let mine = current(me), theirs = current(counterparty)
        let you = Wording.who(me, owner: ctx.owner), them = Wording.who(counterparty, owner: ctx.owner)
        let yours = you == "you" ? "your" : "\(you)'s"
        let q: Double, terms: String
        if let odds {
            let p = try ProbabilityParser.parse(odds)
            q = p.value
            terms = p.form == .odds ? "at \(p.typed) on yes (\(p.percentText))" : "at \(p.percentText) on yes"
        } else {
            guard let mine, let theirs else {
                throw CLIError(
                    "without --odds the price is the midpoint of both forecasts, and \(mine == nil ? me : counterparty) has none on claim \(claimID): give --odds"
                )
            }
            guard mine != theirs else {
                throw CLIError(
                    "you both say \(Probability.percentText(mine)): there's nothing to bet on at fair odds; give --odds and --side to bet anyway"
                )
            }
            q = BetTerms.midpoint(mine, theirs)
            terms =
                "at the midpoint of \(Probability.percentText(mine)) and \(Probability.percentText(theirs)) (\(Probability.percentText(q)) on yes)"
        }
        let mySideYes: Bool
        if let explicitSide {
            mySideYes = explicitSide
        } else {
            switch BetSide.choose(mine: mine, theirs: theirs, price: odds == nil ? nil : q) {
            case .side(let yes): mySideYes = yes
            case .unclear:
                throw CLIError(
                    "\(me) has no forecast on claim \(claimID), so your side isn't clear: give --side yes or --side no")
            case .even:
                throw CLIError(
                    "by \(yours) \(Probability.percentText(mine ?? q)) these are the fair odds (\(BetSide.fairOdds(q))): neither side gains; give --side yes or --side no to bet anyway"
                )
            }
        }
        guard let stakes = BetTerms.stakes(q: q, mySide: mySideYes, myStake: myStake) else {
            throw CLIError(
                "at \(Probability.percentText(q)) on yes the other stake would be less than a cent: raise --stake")
        }
        func worth(_ p: Double, yes: Bool) -> Double {
            BetTerms.expectedGain(believing: p, yes: yes, yesStake: stakes.yes.amount, noStake: stakes.no.amount)
        }
        if explicitSide == nil, let mine, Money(rounding: worth(mine, yes: mySideYes)).cents < 0 {
            // Only the rounding of a stake to the cent can get here: refuse rather than bet at a loss.
            throw CLIError(
                "by \(yours) \(Probability.percentText(mine)) this bet is worth \(BetText.signed(worth(mine, yes: mySideYes))) to \(you) (the fair odds are \(BetSide.fairOdds(mine))): give --side \(mySideYes ? "yes" : "no") to bet anyway"
            )
        }
        let bet = try journal.write { w in
            let b = try w.addBet(
                claim: claimID, yesSide: mySideYes ? me : counterparty, noSide: mySideYes ? counterparty : me,
                yesStake: stakes.yes.amount, noStake: stakes.no.amount, terms: terms)
            return (b, "bet \(b.id) on claim \(claimID) with \(counterparty)")
        }
        let (myAmount, theirAmount) = mySideYes ? (stakes.yes, stakes.no) : (stakes.no, stakes.yes)
        ctx.out.line("Bet \(bet.id) on claim \(claimID) “\(Format.safe(detail.claim.text))”, \(terms):")
        ctx.out.line(
            "  \(you) \(you == "you" ? "take" : "takes") \(mySideYes ? "YES" : "NO"), staking \(myAmount); \(them) \(them == "you" ? "take" : "takes") \(mySideYes ? "NO" : "YES"), staking \(theirAmount)."
        )
        ctx.out.line(
            "  If \(mySideYes ? "yes" : "no"), \(you) \(you == "you" ? "win" : "wins") \(theirAmount); if \(mySideYes ? "no" : "yes"), \(them) \(them == "you" ? "win" : "wins") \(myAmount)."
        )
        var expectations: [String] = []
        if let mine {
            expectations.append(
                "by \(yours) \(Probability.percentText(mine)) it is worth \(BetText.signed(worth(mine, yes: mySideYes))) to \(you)"
            )
        }
        if let theirs {
            expectations.append(
                "by \(them == "you" ? "your" : "\(them)'s") \(Probability.percentText(theirs)), \(BetText.signed(worth(theirs, yes: !mySideYes))) to \(them)"
            )
        }
        if !expectations.isEmpty { ctx.out.line("  Expected: " + expectations.joined(separator: "; ") + ".") }
        if explicitSide != nil, let mine, Money(rounding: worth(mine, yes: mySideYes)).cents < 0 {
            ctx.out.line(
                "  You chose this side with --side: by \(yours) own forecast it loses on average (the fair odds are \(BetSide.fairOdds(mine)))."
            )
        }
        if let awaiting = bet.awaiting {
            ctx.out.line(
                "  It stands once \(Format.safe(awaiting)) accepts it: \(Format.safe(awaiting)) runs `credence bet accept \(bet.id)` (or `credence bet decline \(bet.id)`)."
            )
        }
    }
}
