import Foundation

/// The 90% consistency band around the diagonal (spec §5): where a calibrated forecaster's
/// recalibration curve would fall, so MCB and the curve can be judged against noise.
public struct ConsistencyBand: Sendable, Equatable {
    public enum Method: String, Sendable {
        case discreteAsymptotics = "discrete_asymptotics"
        case resampling
    }
    public struct Point: Sendable, Equatable {
        public let x: Double
        public let n: Int
        public let lower: Double?
        public let upper: Double?
    }
    public let level: Double
    public let method: Method
    public let points: [Point]
    /// The discrete-asymptotic band for every distinct forecast, whatever the method.
    public let discreteAsymptotics: [Point]
}

public enum ConsistencyBands {
    public static let level = 0.9
    public static let resamples = 100

    /// reliabilitydiag's rule: discrete asymptotics if n > max(1000, min(5000, 50K)) and n ≥ 8K².
    public static func method(n: Int, distinct k: Int) -> ConsistencyBand.Method {
        n > max(1000, min(5000, 50 * k)) && n >= 8 * k * k ? .discreteAsymptotics : .resampling
    }

    public static func discrete(_ s: Sample) -> [ConsistencyBand.Point] {
        s.values.map { c in
            let h = SpecialFunctions.z95 * (c.x * (1 - c.x) / Double(c.n)).squareRoot()
            return .init(x: c.x, n: c.n, lower: max(0, c.x - h), upper: min(1, c.x + h))
        }
    }

    public static func band(_ s: Sample, seed: UInt64 = 20_240_229) -> ConsistencyBand {
        let discreteBand = discrete(s)
        let m = method(n: s.n, distinct: s.values.count)
        let points = m == .discreteAsymptotics ? discreteBand : resampled(s, seed: seed)
        return ConsistencyBand(level: level, method: m, points: points, discreteAsymptotics: discreteBand)
    }

    /// Resample n forecasts with replacement, draw outcomes from the forecasts themselves (the
    /// calibrated null), recalibrate by PAV, and take pointwise 5%/95% quantiles of the curve.
    /// Each resample has its own generator seeded from (seed, draw), so the result is the same
    /// however the draws are spread over cores.
    static func resampled(_ s: Sample, seed: UInt64) -> [ConsistencyBand.Point] {
        let k = s.values.count
        guard k > 0 else { return [] }
        // owner[r] is the distinct value of the r-th forecast, so a draw is one array lookup.
        var owner = [Int32]()
        owner.reserveCapacity(s.n)
        for (j, c) in s.values.enumerated() { owner.append(contentsOf: repeatElement(Int32(j), count: c.n)) }
        let xs = s.values.map(\.x)
        // A forecast is drawn and its outcome decided from one 64-bit number: the high half picks
        // the forecast, the low half is the uniform for the Bernoulli draw.
        let thresholds = xs.map { UInt64(min(max($0, 0), 1) * 4_294_967_296.0) }
        // curves[j * resamples + draw]: one flat buffer, each draw writing only its own cells.
        var curves = [Double](repeating: .nan, count: k * resamples)
        let n = UInt64(s.n)
        curves.withUnsafeMutableBufferPointer { curvesBuffer in
            nonisolated(unsafe) let out = curvesBuffer
            owner.withUnsafeBufferPointer { ownerBuffer in
                nonisolated(unsafe) let owners = ownerBuffer
                DispatchQueue.concurrentPerform(iterations: resamples) { draw in
                    var rng = SeededGenerator.forStream(draw, of: seed)
                    var counts = [Int32](repeating: 0, count: k), events = [Int32](repeating: 0, count: k)
                    counts.withUnsafeMutableBufferPointer { c in
                        events.withUnsafeMutableBufferPointer { e in
                            thresholds.withUnsafeBufferPointer { t in
                                for _ in 0..<s.n {
                                    let r = rng.next()
                                    let j = Int(owners[Int(((r >> 32) &* n) >> 32)])
                                    c[j] &+= 1
                                    // Branch-free: the subtraction wraps (top bit set) exactly when the outcome is YES.
                                    e[j] &+= Int32(truncatingIfNeeded: ((r & 0xFFFF_FFFF) &- t[j]) >> 63)
                                }
                            }
                        }
                    }
                    var drawn: [CountedForecast] = []
                    for j in 0..<k where counts[j] > 0 { drawn.append(CountedForecast(x: xs[j], n: Int(counts[j]), e: Int(events[j]))) }
                    let fitted = CORP.recalibrated(drawn, blocks: CORP.pav(drawn))
                    interpolate(xs, xs: drawn, ys: fitted) { j, v in out[j * resamples + draw] = v }
                }
            }
        }
        // Each value's draws sorted in place, the values spread over the cores.
        var bounds = [(lower: Double?, upper: Double?)](repeating: (nil, nil), count: k)
        curves.withUnsafeMutableBufferPointer { curvesBuffer in
            bounds.withUnsafeMutableBufferPointer { boundsBuffer in
                nonisolated(unsafe) let all = curvesBuffer, out = boundsBuffer
                let chunk = 64
                DispatchQueue.concurrentPerform(iterations: (k + chunk - 1) / chunk) { c in
                    for j in (c * chunk)..<min(k, (c + 1) * chunk) {
                        var draws = UnsafeMutableBufferPointer(rebasing: all[(j * resamples)..<((j + 1) * resamples)])
                        var kept = 0
                        for i in draws.indices where !draws[i].isNaN { draws[kept] = draws[i]; kept += 1 }
                        draws = UnsafeMutableBufferPointer(rebasing: draws[..<kept])
                        draws.sort()
                        out[j] = (quantileType7(draws, 0.05), quantileType7(draws, 0.95))
                    }
                }
            }
        }
        return s.values.enumerated().map { j, c in .init(x: c.x, n: c.n, lower: bounds[j].lower, upper: bounds[j].upper) }
    }

    /// The resampled curve, linearly interpolated, at each of `points` (increasing) in one walk
    /// along it: nothing outside its range, constant if it has one point.
    static func interpolate(_ points: [Double], xs: [CountedForecast], ys: [Double], _ found: (Int, Double) -> Void) {
        guard let first = xs.first, let last = xs.last else { return }
        if xs.count == 1 {
            for j in points.indices { found(j, ys[0]) }
            return
        }
        var lo = 0
        for (j, x) in points.enumerated() where x >= first.x && x <= last.x {
            // lo: the last point of the curve at or below x, but never the last of all.
            while lo + 2 < xs.count && xs[lo + 1].x <= x { lo += 1 }
            if x == xs[lo].x {
                found(j, ys[lo])
                continue
            }
            let w = (x - xs[lo].x) / (xs[lo + 1].x - xs[lo].x)
            found(j, ys[lo] + w * (ys[lo + 1] - ys[lo]))
        }
    }
}
