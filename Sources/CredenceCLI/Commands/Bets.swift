import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct Bets: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "bets",
        abstract:
            "The bet ledger: balance per counterparty, open bets, settled history, and the head-to-head record with each."
    )

    @Option(name: .customLong("as"), help: ArgumentHelp("Whose ledger (default: the owner).", valueName: "name"))
    var forecaster: String?

    @Option(name: .customLong("with"), help: ArgumentHelp("Only bets with this person.", valueName: "name"))
    var counterparty: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var options: JournalOptions

    struct Ledger {
        var name: String
        var balance = 0.0
        var won = 0, lost = 0, refunded = 0, open = 0
    }

    func execute(in ctx: Context) throws {
        let journal = try ctx.openJournal(options.journal, access: .read)
        let me = forecaster ?? ctx.owner
        var bets = try journal.bets(involving: me)
        if let counterparty {
            bets = bets.filter {
                [$0.bet.yesSide.lowercased(), $0.bet.noSide.lowercased()].contains(counterparty.lowercased())
            }
        }
        var ledgers: [String: Ledger] = [:], order: [String] = []
        // A team journal's offers not yet accepted, or declined, are no part of the balance.
        let waiting = bets.filter { $0.bet.state == .pending }
        for (bet, _) in bets where bet.state == .accepted {
            let other = bet.yesSide.lowercased() == me.lowercased() ? bet.noSide : bet.yesSide
            let key = other.lowercased()
            if ledgers[key] == nil {
                ledgers[key] = Ledger(name: other)
                order.append(key)
            }
            if let net = bet.net(for: me) {
                ledgers[key]!.balance += net
                if bet.settlement == .refunded {
                    ledgers[key]!.refunded += 1
                } else if net > 0 {
                    ledgers[key]!.won += 1
                } else {
                    ledgers[key]!.lost += 1
                }
            } else {
                ledgers[key]!.open += 1
            }
        }
        var records: [String: PairComparison] = [:]
        for key in order {
            if let c = Comparisons.compare(
                try journal.sharedClaims(me, ledgers[key]!.name, scope: ClaimScope()))
            {
                records[key] = c
            }
        }
        if json {
            ctx.out.verbatim(
                JSONValue.object([
                    "forecaster": .string(me),
                    "counterparties": .array(
                        order.map { key in
                            let l = ledgers[key]!
                            return [
                                "name": .string(l.name), "balance": .number(l.balance), "won": .int(l.won),
                                "lost": .int(l.lost),
                                "refunded": .int(l.refunded), "open": .int(l.open),
                                "head_to_head": records[key].map {
                                    HeadToHeadText.comparisonJSON($0.brier, $0.bootstrap)
                                } ?? .null,
                            ]
                        }),
                    "bets": .array(
                        bets.map { bet, claim in
                            [
                                "id": .int(bet.id), "claim_id": .int(claim.id), "claim": .string(claim.text),
                                "yes": .string(bet.yesSide),
                                "no": .string(bet.noSide), "yes_stake": .number(bet.yesMoney.amount),
                                "no_stake": .number(bet.noMoney.amount),
                                "terms": .string(bet.terms), "created_at": .date(bet.createdAt),
                                "settled_at": .date(bet.settledAt),
                                "settlement": .string(bet.settlement?.rawValue),
                                "net": .number(bet.net(for: me).map { Money(rounding: $0).amount }),
                                "state": .string(bet.state.rawValue),
                            ]
                        }),
                ]).rendered())
            return
        }
        guard !bets.isEmpty else {
            ctx.out.line("No bets yet. `credence bet ID --with NAME --stake 20` records one.")
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let whose = Wording.who(me, owner: ctx.owner) == "you" ? "your" : "\(TerminalText.safe(me))'s"
        let w = order.map { TerminalText.width(TerminalText.safe(ledgers[$0]!.name)) }.max() ?? 0
        if !order.isEmpty { ctx.out.line(f.style.bold("Balance (\(whose) side)")) }
        for key in order {
            let l = ledgers[key]!
            var counts = "\(l.won) won, \(l.lost) lost"
            if l.refunded > 0 { counts += ", \(l.refunded) refunded" }
            if l.open > 0 { counts += ", \(l.open) open" }
            let balance = TerminalText.pad(BetText.signed(l.balance), 9, right: true)
            let styled = l.balance > 0 ? f.style.green(balance) : l.balance < 0 ? f.style.red(balance) : balance
            ctx.out.line("  \(TerminalText.pad(TerminalText.safe(l.name), w))  \(styled)   \(counts)")
        }
        if !waiting.isEmpty {
            if !order.isEmpty { ctx.out.line() }
            ctx.out.line(f.style.bold("Waiting for an answer"))
            for (bet, claim) in waiting {
                let who = bet.awaiting.map { Wording.who($0, owner: ctx.owner) } ?? "the other side"
                let how =
                    who == "you"
                    ? "yours to answer: `credence bet accept \(bet.id)` or `credence bet decline \(bet.id)`"
                    : "until \(who) accepts it"
                ctx.out.line("  " + line(bet, claim, me: me, owner: ctx.owner) + "  (\(how))")
            }
        }
        let open = bets.filter { $0.bet.settlement == nil && $0.bet.state == .accepted }
        if !open.isEmpty {
            ctx.out.line()
            ctx.out.line(f.style.bold("Open bets"))
            for (bet, claim) in open { ctx.out.line("  " + line(bet, claim, me: me, owner: ctx.owner)) }
        }
        let settled = bets.filter { $0.bet.settlement != nil }
        if !settled.isEmpty {
            ctx.out.line()
            ctx.out.line(f.style.bold("Settled"))
            for (bet, claim) in settled {
                let net = bet.net(for: me) ?? 0
                ctx.out.line(
                    "  \(f.day(bet.settledAt!))  \(line(bet, claim, me: me, owner: ctx.owner))  → \(bet.settlement == .refunded ? "refunded" : "\(bet.settlement!.rawValue.uppercased()), \(BetText.signed(net))")"
                )
            }
        }
        guard !order.isEmpty else { return }
        ctx.out.line()
        ctx.out.line(f.style.bold("Head-to-head (resolved claims you both forecast)"))
        for key in order {
            let name = TerminalText.pad(TerminalText.safe(ledgers[key]!.name), w)
            guard let c = records[key] else {
                ctx.out.line("  \(name)  no shared resolved claims yet")
                continue
            }
            ctx.out.line(
                "  \(name)  "
                    + HeadToHeadText.sentence(c, scoring: .final, a: me, b: ledgers[key]!.name, owner: ctx.owner))
        }
    }

    func line(_ bet: Bet, _ claim: Claim, me: String, owner: String) -> String {
        let mineYes = bet.yesSide.lowercased() == me.lowercased()
        let other = mineYes ? bet.noSide : bet.yesSide
        let side = mineYes ? "YES \(BetText.amount(bet.yesStake))" : "NO \(BetText.amount(bet.noStake))"
        let theirs = mineYes ? "NO \(BetText.amount(bet.noStake))" : "YES \(BetText.amount(bet.yesStake))"
        return
            "#\(bet.id) claim \(claim.id) “\(TerminalText.truncate(TerminalText.safe(claim.text), to: 40))”: \(Wording.who(me, owner: owner)) \(side) vs \(TerminalText.safe(other)) \(theirs), \(bet.terms)"
    }
}
