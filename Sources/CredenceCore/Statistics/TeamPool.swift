import Foundation

/// How `@team` pools the forecasters' final forecasts on a claim (docs/statistics.md §16).
package enum TeamPool: Sendable, Equatable {
    /// σ(d · (1/k) Σ logit(p_j)), each p_j kept in [0.001, 0.999] for the logit; d = 1 is the
    /// plain mean of log-odds (the geometric mean of odds).
    case meanLogOdds(extremize: Double)
    /// The arithmetic mean of the probabilities.
    case mean
    /// The median of the probabilities (the mean of the middle two when k is even).
    case median

    /// The default: mean log-odds, not extremized.
    package static let standard = TeamPool.meanLogOdds(extremize: 1)

    /// The range each probability is kept in before its logit, so that a 0% or 100% forecast
    /// does not make the pool 0 or 1 on its own (Metaculus's range, as in §8).
    package static let logitRange: ClosedRange<Double> = 0.001...0.999

    /// Fewer forecasters than this on a claim give no team forecast: one person is not a pool.
    package static let minimumForecasters = 2

    /// The pooled probability of YES, or nil with fewer than two forecasts.
    /// - Parameter forecasts: one probability per forecaster, each in [0, 1].
    package func pool(_ forecasts: [Double]) -> Double? {
        guard forecasts.count >= Self.minimumForecasters else { return nil }
        let k = Double(forecasts.count)
        switch self {
        case .meanLogOdds(let d):
            let meanLogit = CompensatedSum.of(forecasts.map { Self.logit($0) }) / k
            return Self.sigmoid(d * meanLogit)
        case .mean:
            return CompensatedSum.of(forecasts) / k
        case .median:
            let sorted = forecasts.sorted(), mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }
    }

    /// What the pool is called where it is shown: "mean log-odds", "mean log-odds, extremized ×1.5".
    package var label: String {
        switch self {
        case .meanLogOdds(let d) where d == 1: return "mean log-odds"
        case .meanLogOdds(let d): return "mean log-odds, extremized ×\(Self.number(d))"
        case .mean: return "mean of probabilities"
        case .median: return "median of probabilities"
        }
    }

    /// The extremizing factor, if the method has one.
    package var extremize: Double? {
        if case .meanLogOdds(let d) = self { return d }
        return nil
    }

    static func logit(_ p: Double) -> Double {
        let q = min(max(p, logitRange.lowerBound), logitRange.upperBound)
        return log(q / (1 - q))
    }

    /// σ(x) = 1/(1 + e^(−x)), written so that neither side overflows.
    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    private static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}

/// One resolved binary claim with each forecaster's forecast that counts on it.
package struct ClaimForecasts: Sendable, Equatable {
    package let claim: ClaimID
    package let outcome: Bool
    /// One probability per forecaster (the mean of their rows when they have several, §0).
    package var forecasts: [Double]

    package init(claim: ClaimID, outcome: Bool, forecasts: [Double]) {
        (self.claim, self.outcome, self.forecasts) = (claim, outcome, forecasts)
    }
}

extension TeamPool {
    /// `@team`'s forecasts as counts per distinct probability, the input a report's statistics
    /// take (§12): one row per claim with at least two forecasters.
    package func counts(_ claims: [ClaimForecasts]) -> [CountedForecast] {
        var byValue: [Double: (n: Int, e: Int)] = [:]
        for claim in claims {
            guard let p = pool(claim.forecasts) else { continue }
            byValue[p, default: (0, 0)].n += 1
            if claim.outcome { byValue[p]!.e += 1 }
        }
        return byValue.keys.sorted().map { CountedForecast(x: $0, n: byValue[$0]!.n, e: byValue[$0]!.e) }
    }

    /// `@team`'s peer score on one claim (§8): 100·(ln q_team − the mean ln q of the people),
    /// each p kept in [0.001, 0.999]. The people's own peer scores leave `@team` out: it is
    /// made of their forecasts, so counting it would score them partly against themselves.
    package static func peerScore(team p: Double, people: [Double], outcome: Bool) -> Double {
        func lnq(_ p: Double) -> Double {
            let c = Scoring.clipMetaculus(p)
            return outcome ? log(c) : log1p(-c)
        }
        return 100 * (lnq(p) - CompensatedSum.of(people.map(lnq)) / Double(people.count))
    }
}

/// The names a pool method is given on the command line (`--pool`).
package enum TeamPoolMethod: String, Sendable, CaseIterable {
    case logOdds = "log-odds"
    case mean
    case median

    /// The pool, with the extremizing factor `--extremize` gave (nil: not given). Extremizing is
    /// defined on log-odds only (§16): with another method it is refused, never ignored.
    package func pool(extremize: Double?) -> Result<TeamPool, TeamPoolError> {
        if let d = extremize, !(d.isFinite && d > 0) { return .failure(.badExtremize(d)) }
        switch self {
        case .logOdds: return .success(.meanLogOdds(extremize: extremize ?? 1))
        case .mean, .median:
            if extremize != nil { return .failure(.extremizeNeedsLogOdds(self)) }
            return .success(self == .mean ? .mean : .median)
        }
    }
}

package enum TeamPoolError: Error, Equatable, CustomStringConvertible {
    case badExtremize(Double)
    case extremizeNeedsLogOdds(TeamPoolMethod)

    package var description: String {
        switch self {
        case .badExtremize(let d):
            return
                "--extremize \(d): give a positive factor, e.g. --extremize 1.5 (1 leaves the mean log-odds as it is; the literature's typical values are 1.2 to 1.7)"
        case .extremizeNeedsLogOdds(let m):
            return "--extremize applies to --pool log-odds only, not --pool \(m.rawValue): leave one of them out"
        }
    }
}
