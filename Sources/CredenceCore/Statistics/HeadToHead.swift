import Foundation

/// A paired comparison of two forecasters over shared claims (docs/statistics.md §9). d = S_A − S_B per
/// claim, so a negative mean favours A.
package struct PairedComparison: Sendable, Equatable {
    package let n: Int
    package let meanDiff: Double
    package let sdDiff: Double?
    package let t: Double?
    package let df: Int?
    package let pT: Double?
    package let winsA: Int
    package let winsB: Int
    package let ties: Int
    package let pSign: Double?
}

package enum HeadToHead {
    package static let bootstrapResamples = 2000
    /// The bootstrap's seed wherever two forecasters are compared, so `vs` and `bets` agree.
    package static let seed: UInt64 = 20_240_229

    package static func compare(_ d: [Double]) -> PairedComparison? {
        guard !d.isEmpty else { return nil }
        let m = Double(d.count)
        // Equal differences are detected exactly: summing then dividing could leave a tiny
        // spurious spread and an enormous t.
        let allEqual = d.allSatisfy { $0 == d[0] }
        let mean = allEqual ? d[0] : CompensatedSum.of(d) / m
        var sd: Double?, t: Double?, p: Double?
        if d.count >= 2 {
            var ss = CompensatedSum()
            for x in d { ss.add((x - mean) * (x - mean)) }
            let s = allEqual ? 0 : (ss.value / (m - 1)).squareRoot()
            sd = s
            if s > 0 {
                let tv = mean / (s / m.squareRoot())
                t = tv
                p = SpecialFunctions.studentTwoSidedP(tv, df: m - 1)
            }
        }
        let winsA = d.count { $0 < 0 }, winsB = d.count { $0 > 0 }
        let w = winsA + winsB
        let pSign = w == 0 ? nil : min(1, 2 * SpecialFunctions.binomialHalfCDF(min(winsA, winsB), w))
        return PairedComparison(
            n: d.count, meanDiff: mean, sdDiff: sd, t: t, df: d.count >= 2 ? d.count - 1 : nil,
            pT: p, winsA: winsA, winsB: winsB, ties: d.count - w, pSign: pSign)
    }

    /// Percentile bootstrap interval of the mean difference (type-7 quantiles), seeded. Each
    /// resample has its own generator stream, so the result does not depend on how the resamples
    /// are spread over cores; one 64-bit draw picks two claims.
    package static func bootstrap(
        _ d: [Double], resamples: Int = bootstrapResamples, level: Double = 0.95,
        seed: UInt64 = HeadToHead.seed
    ) -> Interval? {
        guard !d.isEmpty else { return nil }
        let m = d.count
        var means = d.withUnsafeBufferPointer { values in
            nonisolated(unsafe) let v = values
            return SeededGenerator.parallelDraws(resamples, seed: seed) { _, rng in
                var sum0 = 0.0, sum1 = 0.0
                var drawn = 0
                while drawn < m {
                    let bits = rng.next()
                    if let i = index(UInt32(truncatingIfNeeded: bits >> 32), m) {
                        sum0 += v[i]
                        drawn += 1
                    }
                    if drawn < m, let j = index(UInt32(truncatingIfNeeded: bits), m) {
                        sum1 += v[j]
                        drawn += 1
                    }
                }
                return (sum0 + sum1) / Double(m)
            }
        }
        means.sort()
        let tail = (1 - level) / 2
        return Interval(quantileType7(means, tail)!, quantileType7(means, 1 - tail)!)
    }

    /// Lemire's unbiased map of 32 random bits to 0..<m: nil (draw again) in the rare rejected case.
    @inline(__always)
    static func index(_ x: UInt32, _ m: Int) -> Int? {
        let product = UInt64(x) &* UInt64(m)
        let low = UInt32(truncatingIfNeeded: product)
        if low < UInt32(truncatingIfNeeded: m) {
            let threshold = UInt32(truncatingIfNeeded: (1 &<< 32) &- UInt64(m)) % UInt32(truncatingIfNeeded: m)
            if low < threshold { return nil }
        }
        return Int(product >> 32)
    }
}
