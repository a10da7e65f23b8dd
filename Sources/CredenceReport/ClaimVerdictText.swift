import CredenceCore
import Foundation

/// The "who was more right" lines printed after a resolution and by `show` (`ClaimVerdict`
/// ranks the forecasters).
package enum ClaimVerdictText {
    /// Lines to print after a resolution, or none when fewer than two people forecast.
    package static func lines(_ d: ClaimDetail, owner: String, style: TextStyle) -> [String] {
        let ranked = ClaimVerdict.ranked(d)
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

    static func sentence(_ ranked: [ClaimVerdict.Entry], owner: String) -> String {
        // Names are capitalised wherever they stand in the sentence, not only at its start.
        func who(_ e: ClaimVerdict.Entry) -> String {
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
