import Foundation

/// Log loss as docs/statistics.md §2 reports it: the guarded value, how many terms the guard touched,
/// and the true value, which is infinite when a 0% or 100% forecast was wrong.
package struct LogLoss: Sendable, Equatable {
    package let value: Double
    package let nClipped: Int
    package let unclipped: Double?
    package var infinite: Bool { unclipped == nil }
}

/// The proper scores of a sample (docs/statistics.md §2, §8).
package struct Scores: Sendable, Equatable {
    package let n: Int
    package let events: Int
    package let brier: Double
    package let logLoss: LogLoss
    /// Log loss with p restricted to [0.001, 0.999], Metaculus's range; finite always.
    package let logLossMetaculusRange: Double
    package let spherical: Double
    /// Mean Metaculus-style baseline score, 100·log₂(2q) with p clipped to [0.001, 0.999].
    package let baselineMean: Double
    /// Wrong forecasts at exactly 0% or 100%: each makes the log loss infinite.
    package let wrongCertain: Int

    package var baseRate: Double { Double(events) / Double(n) }
    /// Brier's original two-category form (GJ Open, Good Judgment): 2·BS on a 0–2 scale.
    package var brierTwoCategory: Double { 2 * brier }
}

package enum Scoring {
    package static let logGuard = 1e-15
    package static let metaculusRange = 0.001...0.999

    /// −ln q with the guard of docs/statistics.md §2.
    @inlinable package static func guardedLogLoss(_ q: Double) -> Double { -log(max(q, logGuard)) }

    package static func brier(_ p: Double, _ y: Bool) -> Double { y ? (1 - p) * (1 - p) : p * p }
    package static func logLoss(_ p: Double, _ y: Bool) -> Double { guardedLogLoss(y ? p : 1 - p) }

    package static func clipMetaculus(_ p: Double) -> Double {
        min(max(p, metaculusRange.lowerBound), metaculusRange.upperBound)
    }

    package static func scores(_ s: Sample) -> Scores? {
        guard s.n > 0 else { return nil }
        var brier = CompensatedSum(), guarded = CompensatedSum(), exact = CompensatedSum()
        var metaculus = CompensatedSum(), spherical = CompensatedSum(), baseline = CompensatedSum()
        var clipped = 0, wrongCertain = 0
        var infinite = false
        for c in s.values {
            let yes = Double(c.e), no = Double(c.n - c.e)
            brier.add(yes, times: (1 - c.x) * (1 - c.x))
            brier.add(no, times: c.x * c.x)

            if c.e > 0 {
                if c.x < logGuard { clipped += c.e }
                guarded.add(yes, times: guardedLogLoss(c.x))
                if c.x == 0 { infinite = true } else { exact.add(yes, times: -log(c.x)) }
            }
            if c.e < c.n {
                if 1 - c.x < logGuard { clipped += c.n - c.e }
                guarded.add(no, times: 1 - c.x < logGuard ? -log(logGuard) : -log1p(-c.x))
                if c.x == 1 { infinite = true } else { exact.add(no, times: -log1p(-c.x)) }
            }
            if c.x == 0 { wrongCertain += c.e }
            if c.x == 1 { wrongCertain += c.n - c.e }

            let m = clipMetaculus(c.x)
            metaculus.add(yes, times: -log(m))
            metaculus.add(no, times: -log1p(-m))
            baseline.add(yes, times: log2(m) + 1)
            baseline.add(no, times: log2(1 - m) + 1)

            let norm = (c.x * c.x + (1 - c.x) * (1 - c.x)).squareRoot()
            spherical.add(yes, times: c.x / norm)
            spherical.add(no, times: (1 - c.x) / norm)
        }
        let n = Double(s.n)
        return Scores(
            n: s.n, events: s.events, brier: brier.value / n,
            logLoss: LogLoss(
                value: guarded.value / n, nClipped: clipped,
                unclipped: infinite ? nil : exact.value / n),
            logLossMetaculusRange: metaculus.value / n,
            spherical: spherical.value / n,
            baselineMean: 100 * baseline.value / n,
            wrongCertain: wrongCertain)
    }
}
