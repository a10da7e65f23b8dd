import Foundation

/// The 90% consistency band around the diagonal (docs/statistics.md §5): where a calibrated forecaster's
/// recalibration curve would fall, so MCB and the curve can be judged against noise.
package struct ConsistencyBand: Sendable, Equatable {
    package enum Method: String, Sendable {
        case discreteAsymptotics = "discrete_asymptotics"
        case resampling
    }
    package struct Point: Sendable, Equatable {
        package let x: Double
        package let n: Int
        package let lower: Double?
        package let upper: Double?
    }
    package let level: Double
    package let method: Method
    package let points: [Point]
    /// The discrete-asymptotic band for every distinct forecast, whatever the method.
    package let discreteAsymptotics: [Point]
}

package enum ConsistencyBands {
    package static let level = 0.9
    package static let resamples = 100

    /// reliabilitydiag's rule: discrete asymptotics if n > max(1000, min(5000, 50K)) and n ≥ 8K².
    package static func method(n: Int, distinct k: Int) -> ConsistencyBand.Method {
        n > max(1000, min(5000, 50 * k)) && n >= 8 * k * k ? .discreteAsymptotics : .resampling
    }

    package static func discrete(_ s: Sample) -> [ConsistencyBand.Point] {
        s.values.map { c in
            let h = SpecialFunctions.z95 * (c.x * (1 - c.x) / Double(c.n)).squareRoot()
            return .init(x: c.x, n: c.n, lower: max(0, c.x - h), upper: min(1, c.x + h))
        }
    }

    package static func band(_ s: Sample, seed: UInt64 = 20_240_229) -> ConsistencyBand {
        let discreteBand = discrete(s)
        let m = method(n: s.n, distinct: s.values.count)
        let points = m == .discreteAsymptotics ? discreteBand : resampled(s, seed: seed)
        return ConsistencyBand(level: level, method: m, points: points, discreteAsymptotics: discreteBand)
    }

    /// Resample n forecasts with replacement, draw outcomes from the forecasts themselves (the
    /// calibrated null; `CalibratedResampler`), recalibrate by PAV, and take pointwise 5%/95%
    /// quantiles of the curve. Each resample has its own generator seeded from (seed, draw), so the
    /// result is the same however the draws are spread over cores.
    static func resampled(_ s: Sample, seed: UInt64) -> [ConsistencyBand.Point] {
        let k = s.values.count
        guard k > 0 else { return [] }
        let resampler = CalibratedResampler(s)
        let xs = resampler.xs
        // curves[draw * k + j]: one flat buffer, each draw writing the whole of its own row.
        let curves = [Double](unsafeUninitializedCapacity: k * resamples) { curvesBuffer, initialized in
            nonisolated(unsafe) let out = curvesBuffer
            DispatchQueue.concurrentPerform(iterations: resamples) { draw in
                var rng = SeededGenerator.forStream(draw, of: seed)
                var counts = [Int32](repeating: 0, count: k), events = [Int32](repeating: 0, count: k)
                counts.withUnsafeMutableBufferPointer { c in
                    events.withUnsafeMutableBufferPointer { e in resampler.draw(&rng, counts: c, events: e) }
                }
                var drawn: [CountedForecast] = [], drawnAt: [Int] = []
                for j in 0..<k where counts[j] > 0 {
                    drawn.append(CountedForecast(x: xs[j], n: Int(counts[j]), e: Int(events[j])))
                    drawnAt.append(j)
                }
                let fitted = CORP.recalibrated(drawn, blocks: CORP.pav(drawn))
                curve(xs, drawnAt: drawnAt, fitted: fitted, into: out.baseAddress! + draw * k)
            }
            initialized = k * resamples
        }
        // Each value's column of draws, the values spread over the cores. A block of columns is
        // first copied out row by row, so the draws are read in order rather than 8·K bytes apart.
        var bounds = [(lower: Double?, upper: Double?)](repeating: (nil, nil), count: k)
        curves.withUnsafeBufferPointer { curvesBuffer in
            bounds.withUnsafeMutableBufferPointer { boundsBuffer in
                nonisolated(unsafe) let all = curvesBuffer, out = boundsBuffer
                let chunk = 64
                DispatchQueue.concurrentPerform(iterations: (k + chunk - 1) / chunk) { c in
                    let first = c * chunk, width = min(k, first + chunk) - first
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: width * resamples) { columns in
                        for draw in 0..<resamples {
                            let row = all.baseAddress! + draw * k + first
                            for i in 0..<width { columns[i * resamples + draw] = row[i] }
                        }
                        for i in 0..<width {
                            out[first + i] = quantilesType7(resamples, tail: 0.05) { columns[i * resamples + $0] }
                        }
                    }
                }
            }
        }
        return s.values.enumerated().map { j, c in .init(x: c.x, n: c.n, lower: bounds[j].lower, upper: bounds[j].upper)
        }
    }

    /// One resample's curve at every distinct value: the fitted value where the value was drawn
    /// (drawnAt lists those, in order), linear between the drawn values around it elsewhere,
    /// missing (NaN) outside the drawn range, and constant if only one value was drawn.
    static func curve(_ xs: [Double], drawnAt: [Int], fitted: [Double], into row: UnsafeMutablePointer<Double>) {
        let k = xs.count
        guard let first = drawnAt.first, let last = drawnAt.last else {
            row.update(repeating: .nan, count: k)
            return
        }
        if drawnAt.count == 1 {
            row.update(repeating: fitted[0], count: k)
            return
        }
        row.update(repeating: .nan, count: first)
        for i in 0..<(drawnAt.count - 1) {
            let a = drawnAt[i], b = drawnAt[i + 1]
            let xa = xs[a], ya = fitted[i], span = xs[b] - xa, rise = fitted[i + 1] - ya
            row[a] = ya
            for j in (a + 1)..<b { row[j] = ya + (xs[j] - xa) / span * rise }
        }
        row[last] = fitted[drawnAt.count - 1]
        (row + last + 1).update(repeating: .nan, count: k - last - 1)
    }
}
