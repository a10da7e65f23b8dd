import CredenceCore
import Foundation

/// The head-to-head verdict (`HeadToHeadVerdict`) in words and as JSON: the same sentence and
/// the same shape in `vs`, `bets` and wherever else two forecasters are compared.
package enum HeadToHeadText {
    /// The plain sentence: who was more right, or no clear difference yet. Names are the
    /// journal's; the owner is "you".
    package static func sentence(
        _ c: PairComparison?, scoring: ScoringRule, a: String, b: String, owner: String
    ) -> String {
        // Names are capitalised wherever they stand in the sentence, not only at its start.
        func who(_ n: String) -> String {
            let w = Wording.who(n, owner: owner)
            return w == "you" ? w : w.capitalizedFirst
        }
        guard let c else { return "No shared resolved claims yet." }
        let verdict = HeadToHeadVerdict(c, scoring: scoring)
        let test = verdict.test, n = test.n
        let better = verdict.aIsBetter ? a : b, worse = verdict.aIsBetter ? b : a
        let verb = who(better) == "you" ? "were" : "was"
        let size = String(format: "%.4f", abs(test.meanDiff))
        let kind = scoring == .final ? "mean Brier" : "mean time-averaged Brier"
        switch verdict.kind {
        case .moreRightEveryTime:
            return
                "\(who(better).capitalizedFirst) \(verb) more right than \(who(worse)) on \(n == 1 ? "the one claim" : "all \(n.grouped) claims"), each time by \(kind.dropFirst(5)) \(size) (every difference is equal, so there is no t-test)."
        case .moreRight(let p, let ci):
            return
                "\(who(better).capitalizedFirst) \(verb) more right than \(who(worse)) on these \(n.grouped) claims: \(kind) \(size) lower (95% CI \(String(format: "%.4f", min(abs(ci.lower), abs(ci.upper))))–\(String(format: "%.4f", max(abs(ci.lower), abs(ci.upper)))), \(Numbers.pEquals(p)))."
        case .same:
            return "No clear difference yet (n = \(n.grouped)): the \(kind) is the same."
        case .withinNoise:
            let p = test.pT.map { ", \(Numbers.pEquals($0))" } ?? ""
            return "No clear difference yet (n = \(n)): \(kind) \(size) lower for \(who(better))\(p), within noise."
        }
    }

    /// One paired comparison (a Brier or log-loss difference) and its bootstrap, if any.
    package static func comparisonJSON(_ p: PairedComparison, _ ci: Interval?) -> JSONValue {
        var o: [String: JSONValue] = [
            "n": .int(p.n), "mean_diff": .number(p.meanDiff), "sd_diff": .number(p.sdDiff), "t": .number(p.t),
            "df": p.df.map { .int($0) } ?? .null, "p_t": .number(p.pT), "wins_a": .int(p.winsA),
            "wins_b": .int(p.winsB),
            "ties": .int(p.ties), "p_sign": .number(p.pSign),
        ]
        if let ci {
            o["bootstrap"] = [
                "B": .int(HeadToHead.bootstrapResamples), "level": 0.95, "method": "percentile",
                "seed": .int(Int64(HeadToHead.seed)),
                "ci95": [.number(ci.lower), .number(ci.upper)],
            ]
        }
        return .object(o)
    }

    /// The whole head-to-head: both forecasters' scores, every difference and every shared claim.
    package static func json(
        _ c: PairComparison?, scoring: ScoringRule, a: String, b: String, sentence: String
    ) -> JSONValue {
        var o: [String: JSONValue] = [
            "a": .string(a), "b": .string(b), "scoring": .string(scoring.rawValue), "sentence": .string(sentence),
            "n_shared": .int(c?.claims.count ?? 0),
        ]
        guard let c else { return .object(o) }
        o["brier_a"] = .number(c.brierA)
        o["brier_b"] = .number(c.brierB)
        o["brier_diff"] = comparisonJSON(c.brier, c.bootstrap)
        o["log_loss_diff"] = comparisonJSON(c.logLoss, nil)
        o["log_bayes_factor_bits"] = .number(c.logBayesFactorBits)
        o["time_averaged"] = c.timeAveraged.map { comparisonJSON($0, c.timeAveragedBootstrap) } ?? .null
        o["time_averaged_log_loss"] = c.timeAveragedLog.map { comparisonJSON($0, nil) } ?? .null
        o["claims"] = .array(
            c.claims.map { d in
                [
                    "id": .int(d.claim.id), "text": .string(d.claim.text), "outcome": .bool(d.claim.outcome),
                    "a": .number(d.claim.aFinal),
                    "b": .number(d.claim.bFinal), "brier_diff": .number(d.brier), "log_diff_bits": .number(d.logBits),
                    "time_averaged_diff": .number(d.timeAveraged),
                    "time_averaged_log_diff_bits": .number(d.timeAveragedLogBits),
                    "kind": .string(d.claim.scenario == nil ? "binary" : "scenarios"),
                    "happened": .string(d.claim.scenario?.happened),
                    "brier_0_2_a": .number(d.claim.scenario?.brierA ?? 2 * d.claim.brierA),
                    "brier_0_2_b": .number(d.claim.scenario?.brierB ?? 2 * d.claim.brierB),
                ]
            })
        return .object(o)
    }
}
