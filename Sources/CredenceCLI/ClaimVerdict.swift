import CredenceCore
import CredenceReport
import Foundation

/// "Who was more right" on one resolved claim: each forecaster's counted probability on what
/// happened, Brier and log score, and a sentence.
enum ClaimVerdict {
    struct Entry {
        let name: String
        /// The probability given to what happened.
        let q: Double
        /// What they said, as shown ("80%" or "fast 20% · slow 80%").
        let said: String
        let brier: Double
        let logBits: Double
    }

    static func entries(_ d: ClaimDetail) -> [Entry] {
        let finals = d.finalForecasts
        switch d.claim.status {
        case .yes, .no:
            let outcome = d.claim.status == .yes
            return finals.filter { $0.option == nil }.map { f in
                let s = ClaimScore.binary(f.probability, outcome: outcome)
                return Entry(
                    name: f.forecaster, q: outcome ? f.probability : 1 - f.probability,
                    said: Probability.percentText(f.probability), brier: s.brier, logBits: s.logBits)
            }
        case .resolved:
            guard let happened = d.resolvedOption else { return [] }
            let byForecaster = Dictionary(
                grouping: finals.filter { $0.option != nil }, by: { $0.forecaster.lowercased() })
            return byForecaster.values.compactMap { rows in
                let distribution = d.options.compactMap { o in
                    rows.first { $0.option == o.label }.map { (o.label, $0.probability) }
                }
                let s = ClaimScore.scenarios(distribution, happened: happened)
                let q = distribution.first { $0.0 == happened }?.1 ?? 0
                return Entry(
                    name: rows[0].forecaster, q: q, said: "\(Probability.percentText(q)) on \(happened)",
                    brier: s.brier, logBits: s.logNats / M_LN2)
            }
        default:
            return []
        }
    }

    /// Lines to print after a resolution, or none when fewer than two people forecast.
    static func lines(_ d: ClaimDetail, owner: String, style: Style) -> [String] {
        let ranked = entries(d).sorted { ($0.q, $1.name.lowercased()) > ($1.q, $0.name.lowercased()) }
        guard ranked.count >= 2 else { return [] }
        let scale = d.claim.kind == .scenarios ? "Brier (0–2)" : "Brier"
        let w = ranked.map { TerminalText.width(TerminalText.safe($0.name)) }.max()!
        var out = [style.bold("Who was more right")]
        for e in ranked {
            out.append(
                "  \(TerminalText.pad(TerminalText.safe(e.name), w))  \(TerminalText.pad(e.said, 8))  \(scale) \(String(format: "%.4f", e.brier))  log score \(String(format: "%.2f", e.logBits)) bits"
            )
        }
        out.append("  " + sentence(ranked, owner: owner))
        return out
    }

    static func sentence(_ ranked: [Entry], owner: String) -> String {
        // Names are capitalised wherever they stand in the sentence, not only at its start.
        func who(_ e: Entry) -> String {
            e.name.lowercased() == owner.lowercased() ? "you" : TerminalText.safe(e.name).capitalizedFirst
        }
        let best = ranked[0], next = ranked[1]
        if best.q == next.q {
            let tied = ranked.filter { $0.q == best.q }.map(who)
            return
                "\(tied.joined(separator: " and ").capitalizedFirst) were equally right: \(Probability.percentText(best.q)) on what happened."
        }
        let margin =
            "Brier \(String(format: "%.4f", next.brier - best.brier)) lower, \(String(format: "%.2f", next.logBits - best.logBits)) bits better"
        let verb = who(best) == "you" ? "were" : "was"
        if ranked.count == 2 {
            let theirs = who(next) == "you" ? "your" : "\(who(next))'s"
            return
                "\(who(best).capitalizedFirst) \(verb) more right than \(who(next)): \(Probability.percentText(best.q)) on what happened against \(theirs) \(Probability.percentText(next.q)) (\(margin))."
        }
        let rest = ranked.dropFirst().map { "\(who($0)) \(Probability.percentText($0.q))" }.joined(separator: ", ")
        return
            "\(who(best).capitalizedFirst) \(verb) most right: \(Probability.percentText(best.q)) on what happened (then \(rest)); ahead of \(who(next)) by \(margin)."
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
