import Foundation

extension SeededGenerator {
    /// An exact Binomial(n, p) draw (see `BinomialSampler`).
    package mutating func binomial(_ n: Int, _ p: Double) -> Int { BinomialSampler(n, p).draw(&self) }
}

/// Exact Binomial(n, p) draws by inversion that starts at the mode and walks outwards, taking
/// the probabilities on either side in turn. Any fixed order of the outcomes is a valid
/// inversion; starting at the mode makes the expected walk about 1.6 standard deviations, so a
/// draw costs a few hundred nanoseconds whatever n is, where drawing n Bernoullis costs n. The
/// mode's probability (three log-gammas) is computed once, so repeated draws of one (n, p) skip it.
package struct BinomialSampler: Sendable {
    let n: Int
    let mode: Int
    let atMode: Double
    let odds: Double
    /// For n = 1, the other outcome's probability exactly as the walk below computes it.
    let other: Double

    package init(_ n: Int, _ p: Double) {
        if n <= 0 || p <= 0 || p >= 1 {
            (self.n, mode, atMode, odds, other) = (max(n, 0), p >= 1 ? max(n, 0) : 0, 1, 0, 0)
            return
        }
        let q = 1 - p
        let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
        let nd = Double(n), md = Double(mode)
        self.n = n
        self.mode = mode
        atMode = exp(
            SpecialFunctions.logGamma(nd + 1) - SpecialFunctions.logGamma(md + 1)
                - SpecialFunctions.logGamma(nd - md + 1)
                + md * log(p) + (nd - md) * log(q))
        odds = p / q
        other = mode == 0 ? atMode * (odds * 1 / 1) : atMode * (1 / (1 * odds))
    }

    package func draw(_ rng: inout SeededGenerator) -> Int {
        if odds == 0 { return mode }
        // One forecast of a value (most values of a forecaster's record): the walk below takes
        // one step each way, so it is written out, with the same arithmetic and the same draws.
        if n == 1 {
            var u = rng.unit() - atMode
            // Neither outcome (rounding left u unspent, about once in 10¹⁶ draws): draw again.
            while u >= 0 && u - other >= 0 { u = rng.unit() - atMode }
            // A select rather than a branch: the outcome is as unpredictable as the forecast says.
            return u < 0 ? mode : 1 - mode
        }
        // Beyond this the probabilities left on a side are below 1e-17 of the mode's: rounding
        // in the mode's probability can leave u unspent that far out, so draw again instead.
        let negligible = atMode * 1e-17
        while true {
            var u = rng.unit() - atMode
            if u < 0 { return mode }
            var lo = mode, hi = mode, below = atMode, above = atMode
            while (hi < n && above > negligible) || (lo > 0 && below > negligible) {
                if hi < n {
                    above *= odds * Double(n - hi) / Double(hi + 1)  // f(k+1)/f(k) = (n−k)/(k+1) · p/q
                    hi += 1
                    u -= above
                    if u < 0 { return hi }
                }
                if lo > 0 {
                    below *= Double(lo) / (Double(n - lo + 1) * odds)  // f(k−1)/f(k) = k/(n−k+1) · q/p
                    lo -= 1
                    u -= below
                    if u < 0 { return lo }
                }
            }
        }
    }
}
