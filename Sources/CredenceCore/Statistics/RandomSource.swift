import Foundation

/// A small, seeded generator so statistical outputs are reproducible run to run: wyrand, one
/// 128-bit multiply per number (it passes BigCrush and PractRand). The bootstraps and bands draw
/// hundreds of millions of numbers, and this is about twice as fast as SplitMix64 here.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }

    @inline(__always)
    package mutating func next() -> UInt64 {
        state &+= 0xA076_1D64_78BD_642F
        let product = state.multipliedFullWidth(by: state ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }

    /// An independent generator for stream `index` of a seed: the SplitMix64 finaliser scatters
    /// neighbouring (seed, index) pairs, so streams are not shifted copies of each other.
    package static func forStream(_ index: Int, of seed: UInt64) -> SeededGenerator {
        var z = seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return SeededGenerator(seed: z ^ (z >> 31))
    }

    /// Uniform in [0, 1) with 53 random bits.
    package mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in 0..<bound by Lemire's multiply-and-reject method, written out so the
    /// sequence never changes with the standard library's implementation.
    package mutating func below(_ bound: Int) -> Int {
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }
}

extension SeededGenerator {
    /// `count` seeded draws spread over the cores: draw r gets its own stream of `seed`, so the
    /// results, in draw order, do not depend on how many cores ran them.
    package static func parallelDraws(
        _ count: Int, seed: UInt64, _ draw: @Sendable (Int, inout SeededGenerator) -> Double
    ) -> [Double] {
        var values = [Double](repeating: .nan, count: count)
        values.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: count) { r in
                var rng = SeededGenerator.forStream(r, of: seed)
                out[r] = draw(r, &rng)
            }
        }
        return values
    }
}

/// Sample quantile, R's type 7 (linear interpolation between order statistics).
package func quantileType7<C: RandomAccessCollection<Double>>(_ sorted: C, _ p: Double) -> Double?
where C.Index == Int {
    guard !sorted.isEmpty else { return nil }
    return type7(sorted.count, p) { sorted[sorted.startIndex + $0] }
}

/// R's type 7 from the order statistics of m values (0-based, ascending): linear between the
/// ⌊h⌋-th and the next, h = (m − 1)p.
private func type7(_ m: Int, _ p: Double, _ orderStatistic: (Int) -> Double) -> Double {
    let h = Double(m - 1) * p
    let lo = Int(h.rounded(.down)), hi = min(lo + 1, m - 1)
    let a = orderStatistic(lo), b = orderStatistic(hi)
    return a + (h - Double(lo)) * (b - a)
}

/// Type-7 quantiles at `p` and 1 − `p` (p ≤ ½) of the non-NaN values among `count` values read
/// through `value`, without sorting: the low quantile needs only the ⌊p(m−1)⌋ + 2 smallest, the
/// high one as many of the largest, so for the band's 5%/95% of 100 draws each value costs one
/// comparison against the sixth smallest and the sixth largest so far. The result is exactly
/// what sorting and `quantileType7` give.
package func quantilesType7(_ count: Int, tail p: Double, _ value: (Int) -> Double) -> (lower: Double?, upper: Double?)
{
    let keep = Int((p * Double(max(count - 1, 0))).rounded(.down)) + 2
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * keep) { buffer in
        let small = buffer.baseAddress!, large = small + keep  // ascending / descending
        var nSmall = 0, nLarge = 0, m = 0
        for i in 0..<count {
            let v = value(i)
            if v.isNaN { continue }
            m += 1
            if nSmall < keep || v < small[nSmall - 1] {
                var at = min(nSmall, keep - 1)
                while at > 0 && small[at - 1] > v {
                    small[at] = small[at - 1]
                    at -= 1
                }
                small[at] = v
                nSmall = min(nSmall + 1, keep)
            }
            if nLarge < keep || v > large[nLarge - 1] {
                var at = min(nLarge, keep - 1)
                while at > 0 && large[at - 1] < v {
                    large[at] = large[at - 1]
                    at -= 1
                }
                large[at] = v
                nLarge = min(nLarge + 1, keep)
            }
        }
        guard m > 0 else { return (nil, nil) }
        // The i-th smallest of the m values: from the kept smallest, or as the (m−1−i)-th largest.
        func orderStatistic(_ i: Int) -> Double { i < nSmall ? small[i] : large[m - 1 - i] }
        return (type7(m, p, orderStatistic), type7(m, 1 - p, orderStatistic))
    }
}
