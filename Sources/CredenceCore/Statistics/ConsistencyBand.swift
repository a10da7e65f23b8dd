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
    static func resampled(_ s: Sample, seed: UInt64) -> [ConsistencyBand.Point] {
        let k = s.values.count
        guard k > 0 else { return [] }
        var rng = SeededGenerator(seed: seed)
        // owner[r] is the distinct value of the r-th forecast, so a draw is one array lookup.
        var owner = [Int32]()
        owner.reserveCapacity(s.n)
        for (j, c) in s.values.enumerated() { owner.append(contentsOf: repeatElement(Int32(j), count: c.n)) }
        var curves = Array(repeating: [Double](), count: k)
        var counts = Array(repeating: CountedForecast(x: 0, n: 0, e: 0), count: k)
        for _ in 0..<resamples {
            for j in 0..<k { counts[j] = CountedForecast(x: s.values[j].x, n: 0, e: 0) }
            for _ in 0..<s.n {
                let j = Int(owner[rng.below(s.n)])
                counts[j].n += 1
                if rng.unit() < counts[j].x { counts[j].e += 1 }
            }
            let drawn = counts.filter { $0.n > 0 }
            let blocks = CORP.pav(drawn)
            let fitted = CORP.recalibrated(drawn, blocks: blocks)
            for (j, c) in s.values.enumerated() {
                if let v = interpolate(c.x, xs: drawn, ys: fitted) { curves[j].append(v) }
            }
        }
        return s.values.enumerated().map { j, c in
            let sorted = curves[j].sorted()
            return .init(x: c.x, n: c.n, lower: quantileType7(sorted, 0.05), upper: quantileType7(sorted, 0.95))
        }
    }

    /// Linear interpolation of the resampled curve; nil outside its range, constant if it has one point.
    static func interpolate(_ x: Double, xs: [CountedForecast], ys: [Double]) -> Double? {
        guard let first = xs.first, let last = xs.last else { return nil }
        if xs.count == 1 { return ys[0] }
        if x < first.x || x > last.x { return nil }
        var lo = 0, hi = xs.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid].x <= x { lo = mid } else { hi = mid }
        }
        if x == xs[lo].x { return ys[lo] }
        let w = (x - xs[lo].x) / (xs[hi].x - xs[lo].x)
        return ys[lo] + w * (ys[hi] - ys[lo])
    }
}
