import Foundation

/// A small, seeded generator (SplitMix64) so statistical outputs are reproducible run to run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent generator for stream `index` of a seed. (Seeds a step apart would give
    /// SplitMix sequences that are shifted copies of each other; a mixed seed lands elsewhere.)
    public static func forStream(_ index: Int, of seed: UInt64) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in 0..<bound by Lemire's multiply-and-reject method, written out so the
    /// sequence never changes with the standard library's implementation.
    public mutating func below(_ bound: Int) -> Int {
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
    public static func parallelDraws(_ count: Int, seed: UInt64, _ draw: @Sendable (Int, inout SeededGenerator) -> Double) -> [Double] {
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
public func quantileType7(_ sorted: [Double], _ p: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
}
