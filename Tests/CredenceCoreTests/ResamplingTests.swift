import Foundation
import Testing

@testable import CredenceCore

/// The band's resampling draws whole cells at once (binomials chained into a multinomial); these
/// check the draws have the distributions the spec's one-forecast-at-a-time procedure has.
@Suite struct ResamplingTests {
    static func pmf(_ n: Int, _ p: Double, _ k: Int) -> Double {
        let (nd, kd) = (Double(n), Double(k))
        return exp(
            SpecialFunctions.logGamma(nd + 1) - SpecialFunctions.logGamma(kd + 1)
                - SpecialFunctions.logGamma(nd - kd + 1)
                + kd * log(p) + (nd - kd) * log1p(-p))
    }

    @Test(arguments: [
        (1, 0.3), (10, 0.5), (40, 0.02), (600, 0.5), (600, 0.93), (1000, 0.999), (90_000, 0.0067), (5, 0.0), (5, 1.0),
    ])
    func binomialDrawsFollowTheBinomial(n: Int, p: Double) {
        var rng = SeededGenerator(seed: 42)
        let draws = 40_000
        var seen = [Int: Int]()
        for _ in 0..<draws {
            let k = rng.binomial(n, p)
            #expect((0...n).contains(k))
            seen[k, default: 0] += 1
        }
        if p == 0 || p == 1 {
            #expect(seen == [p == 0 ? 0 : n: draws])
            return
        }
        // Pearson's χ² over the outcomes, pooling neighbours until each cell expects ≥ 20.
        var chi2 = 0.0, cells = 0, expected = 0.0, observed = 0
        for k in 0...n {
            expected += Double(draws) * Self.pmf(n, p, k)
            observed += seen[k] ?? 0
            if expected >= 20 || k == n {
                chi2 += (Double(observed) - expected) * (Double(observed) - expected) / max(expected, 1e-300)
                cells += 1
                expected = 0
                observed = 0
            }
        }
        // χ² with cells − 1 degrees of freedom; mean df, sd √(2df): six sd above is p < 1e-6.
        let df = Double(cells - 1)
        #expect(chi2 < df + 6 * (2 * df).squareRoot() + 6, "n = \(n), p = \(p): χ² = \(chi2) on \(Int(df)) df")
        let mean = Double(seen.reduce(0) { $0 + $1.key * $1.value }) / Double(draws)
        let se = (Double(n) * p * (1 - p) / Double(draws)).squareRoot()
        #expect(abs(mean - Double(n) * p) < 5 * se, "mean \(mean) against \(Double(n) * p)")
    }

    @Test func theResamplerDrawsTheMultinomialWithCalibratedOutcomes() {
        // Three common values (drawn as binomials) and two rare ones (drawn from the pool).
        let values = [
            CountedForecast(x: 0.1, n: 300, e: 10), CountedForecast(x: 0.5, n: 5, e: 5),
            CountedForecast(x: 0.7, n: 200, e: 0), CountedForecast(x: 0.9, n: 3, e: 1),
            CountedForecast(x: 0.95, n: 150, e: 150),
        ]
        let sample = Sample(counts: values)
        let resampler = CalibratedResampler(sample)
        #expect(resampler.common == [0, 2, 4] && resampler.owner.count == 8)
        let k = values.count, trials = 20_000, n = Double(sample.n)
        var sum = [Double](repeating: 0, count: k), sumSq = sum, yes = sum
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<trials {
            var counts = [Int32](repeating: 0, count: k), events = counts
            counts.withUnsafeMutableBufferPointer { c in
                events.withUnsafeMutableBufferPointer { e in resampler.draw(&rng, counts: c, events: e) }
            }
            #expect(counts.reduce(0, +) == Int32(sample.n))
            for j in 0..<k {
                #expect(events[j] >= 0 && events[j] <= counts[j])
                sum[j] += Double(counts[j])
                sumSq[j] += Double(counts[j] * counts[j])
                yes[j] += Double(events[j])
            }
        }
        for (j, v) in values.enumerated() {
            let w = Double(v.n) / n
            let mean = sum[j] / Double(trials), variance = sumSq[j] / Double(trials) - mean * mean
            let expectedVariance = n * w * (1 - w)
            #expect(
                abs(mean - Double(v.n)) < 5 * (expectedVariance / Double(trials)).squareRoot(),
                "value \(v.x): mean count \(mean)")
            #expect(
                abs(variance / expectedVariance - 1) < 0.06,
                "value \(v.x): variance \(variance) against \(expectedVariance)")
            // Outcomes come from the forecast, not from what happened (e above is deliberately off).
            let yesRate = yes[j] / sum[j]
            #expect(
                abs(yesRate - v.x) < 5 * (v.x * (1 - v.x) / sum[j]).squareRoot(), "value \(v.x): YES rate \(yesRate)")
        }
    }

    @Test func quantilesWithoutSortingEqualSortedQuantiles() {
        var rng = SeededGenerator(seed: 3)
        for trial in 0..<2_000 {
            let count = 1 + rng.below(150)
            // Few distinct values on some trials, so ties are exercised too.
            let values = (0..<count).map { _ in
                rng.below(5) == 0 ? Double.nan : trial % 2 == 0 ? rng.unit() : Double(rng.below(4))
            }
            let kept = values.filter { !$0.isNaN }.sorted()
            let fast = quantilesType7(count, tail: 0.05) { values[$0] }
            #expect(fast.lower == quantileType7(kept, 0.05) && fast.upper == quantileType7(kept, 0.95), "\(values)")
        }
    }

    @Test func aResampledCurveIsReadAtEveryValue() {
        let xs = [0.1, 0.2, 0.3, 0.4, 0.5]
        func read(_ drawnAt: [Int], _ fitted: [Double]) -> [Double] {
            var row = [Double](repeating: -1, count: xs.count)
            row.withUnsafeMutableBufferPointer {
                ConsistencyBands.curve(xs, drawnAt: drawnAt, fitted: fitted, into: $0.baseAddress!)
            }
            return row
        }
        let between = read([1, 3], [0.25, 0.45])
        #expect(between[0].isNaN && between[4].isNaN)
        #expect(between[1] == 0.25 && between[3] == 0.45 && abs(between[2] - 0.35) < 1e-15)
        #expect(read([2], [0.6]) == [0.6, 0.6, 0.6, 0.6, 0.6])  // one value drawn: constant
        #expect(read([0, 4], [0.2, 0.2]) == [0.2, 0.2, 0.2, 0.2, 0.2])
        #expect(read([], []).allSatisfy { $0.isNaN })
    }
}
