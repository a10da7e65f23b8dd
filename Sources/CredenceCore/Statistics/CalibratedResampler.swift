/// One resample under calibration (docs/statistics.md §5's band): n forecasts drawn with replacement from a
/// sample's counts, each outcome YES with the forecast's own probability.
///
/// The resampled counts are multinomial, drawn exactly as a chain of binomials: first how many of
/// the n land in the pool of rare values, then each common value's share of what is left, given
/// the values before it; a common value's YES count is then Binomial(count, x). The pool's
/// forecasts are drawn one at a time. With 100 common values among 90,000 forecasts that is a
/// few hundred binomial draws per resample instead of 90,000 single ones.
struct CalibratedResampler: Sendable {
    /// A distinct value with at least this many forecasts has its resampled count and YES count
    /// drawn as two binomials; rarer values are drawn forecast by forecast from one shared pool.
    static let drawnAsBinomial = 128

    let n: Int
    let sizes: [Int]
    let xs: [Double]
    let common: [Int]
    /// owner[r] is the distinct value of the pool's r-th forecast, so a draw is one array lookup.
    let owner: [Int32]
    /// A pooled forecast is drawn and its outcome decided from one 64-bit number: the high half
    /// picks the forecast, the low half is the uniform compared with this threshold.
    let thresholds: [UInt64]

    init(_ s: Sample) {
        n = s.n
        sizes = s.values.map(\.n)
        xs = s.values.map(\.x)
        common = s.values.indices.filter { s.values[$0].n >= Self.drawnAsBinomial }
        var owner = [Int32]()
        for (j, c) in s.values.enumerated() where c.n < Self.drawnAsBinomial {
            owner.append(contentsOf: repeatElement(Int32(j), count: c.n))
        }
        self.owner = owner
        thresholds = xs.map { UInt64(min(max($0, 0), 1) * 4_294_967_296.0) }
    }

    /// Fills counts[j] and events[j] (both zero on entry) for each distinct value j.
    func draw(
        _ rng: inout SeededGenerator, counts: UnsafeMutableBufferPointer<Int32>,
        events: UnsafeMutableBufferPointer<Int32>
    ) {
        let pool = owner.count
        // left: resampled forecasts not yet placed; mass: original forecasts not yet visited.
        var left = n, mass = n, pooled = 0
        if pool > 0 {
            pooled = pool == mass ? left : rng.binomial(left, Double(pool) / Double(mass))
            left -= pooled
            mass -= pool
        }
        for j in common {
            let size = sizes[j]
            let c = size == mass ? left : rng.binomial(left, Double(size) / Double(mass))
            left -= c
            mass -= size
            counts[j] = Int32(c)
            events[j] = Int32(rng.binomial(c, xs[j]))
        }
        let poolSize = UInt64(pool)
        owner.withUnsafeBufferPointer { owners in
            thresholds.withUnsafeBufferPointer { t in
                for _ in 0..<pooled {
                    let r = rng.next()
                    let j = Int(owners[Int(((r >> 32) &* poolSize) >> 32)])
                    counts[j] &+= 1
                    // Branch-free: the subtraction wraps (top bit set) exactly when the outcome is YES.
                    events[j] &+= Int32(truncatingIfNeeded: ((r & 0xFFFF_FFFF) &- t[j]) >> 63)
                }
            }
        }
    }
}
