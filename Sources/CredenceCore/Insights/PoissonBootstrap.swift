import Foundation

/// The Poisson bootstrap: each forecast is weighted by an independent Poisson(1) count instead
/// of drawing exactly n with replacement. Its intervals agree with the ordinary bootstrap's for
/// all but tiny samples, and on counted forecasts a replicate costs O(K) rather than O(n): the
/// weights of the c forecasts in one cell sum to a single Poisson(c) draw.
package enum PoissonBootstrap {
    package static let replicates = 1_000
    package static let seed: UInt64 = 20_240_229

    /// One replicate of a sample: each (value, outcome) cell's count redrawn as Poisson(count).
    package static func replicate(_ s: Sample, _ rng: inout SeededGenerator) -> [CountedForecast] {
        cells(s.values.map { ($0.x, Double($0.e), Double($0.n - $0.e)) }, &rng)
    }

    /// Two groups drawn from the pooled forecasts as if membership had nothing to do with the
    /// forecast or the outcome: each forecast joins the first group with probability `share`.
    package static func split(
        _ pooled: Sample, share: Double, _ rng: inout SeededGenerator
    ) -> ([CountedForecast], [CountedForecast]) {
        let first = cells(pooled.values.map { ($0.x, Double($0.e) * share, Double($0.n - $0.e) * share) }, &rng)
        let second = cells(
            pooled.values.map { ($0.x, Double($0.e) * (1 - share), Double($0.n - $0.e) * (1 - share)) }, &rng)
        return (first, second)
    }

    /// Counted forecasts with YES and NO counts drawn as Poisson of the given means.
    static func cells(
        _ means: [(x: Double, yes: Double, no: Double)], _ rng: inout SeededGenerator
    ) -> [CountedForecast] {
        var out: [CountedForecast] = []
        out.reserveCapacity(means.count)
        for m in means {
            let yes = m.yes > 0 ? poisson(m.yes, &rng) : 0
            let no = m.no > 0 ? poisson(m.no, &rng) : 0
            if yes + no > 0 { out.append(CountedForecast(x: m.x, n: yes + no, e: yes)) }
        }
        return out
    }

    /// A statistic over `replicates` seeded draws, in draw order; draws where the statistic is
    /// undefined (nil) are dropped.
    package static func distribution(
        replicates: Int = replicates, seed: UInt64 = seed,
        _ statistic: @Sendable (inout SeededGenerator) -> Double?
    ) -> [Double] {
        let values = SeededGenerator.parallelDraws(replicates, seed: seed) { _, rng in statistic(&rng) ?? .nan }
        return values.filter { !$0.isNaN }
    }

    /// The share of draws at least as large as the observed value: a one-sided p-value.
    package static func pValue(_ draws: [Double], atLeast observed: Double) -> Double? {
        guard !draws.isEmpty else { return nil }
        // A tolerance so that a draw equal to the observed value up to rounding counts as equal.
        let tolerance = 1e-12 * max(1, abs(observed))
        return Double(draws.count { $0 >= observed - tolerance }) / Double(draws.count)
    }

    /// The bias-corrected percentile interval (Efron 1981) at 95%. Plain percentiles would be
    /// wrong here: miscalibration is never negative and resampling noise inflates it, so its
    /// replicates sit mostly above the estimate; the correction shifts the percentiles by how far
    /// the estimate sits from the replicates' median.
    package static func interval95(_ values: [Double], estimate: Double) -> Interval? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let below = Double(sorted.count { $0 < estimate }) + 0.5 * Double(sorted.count { $0 == estimate })
        let b = Double(sorted.count)
        let z0 = SpecialFunctions.normalQuantile(min(max(below / b, 0.5 / b), 1 - 0.5 / b))
        let z = SpecialFunctions.z975
        guard let lo = quantileType7(sorted, SpecialFunctions.normalCDF(2 * z0 - z)),
            let hi = quantileType7(sorted, SpecialFunctions.normalCDF(2 * z0 + z))
        else { return nil }
        return Interval(lo, hi)
    }

    /// An exact Poisson(λ) draw: multiplication of uniforms for small λ, Hörmann's transformed
    /// rejection with squeeze (PTRS, 1993) for λ ≥ 10.
    package static func poisson(_ lambda: Double, _ rng: inout SeededGenerator) -> Int {
        if lambda < 10 {
            let limit = exp(-lambda)
            var k = 0, product = rng.unit()
            while product > limit {
                k += 1
                product *= rng.unit()
            }
            return k
        }
        let slam = lambda.squareRoot(), logLambda = log(lambda)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = rng.unit() - 0.5, v = rng.unit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -lambda + k * logLambda
                - SpecialFunctions.logGamma(k + 1)
            {
                return Int(k)
            }
        }
    }
}
