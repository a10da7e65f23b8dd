import Foundation

/// Smooth ECE (Błasiok & Nakkiran 2023) by the grid algorithm of relplot 1.0.3 (docs/statistics.md §6).
package struct SmoothECEResult: Sendable, Equatable {
    package let value: Double
    package let sigma: Double
}

package enum SmoothECE {
    package static func compute(_ s: Sample) -> SmoothECEResult? {
        guard s.n > 0 else { return nil }
        // The answer is the value at the last σ tried that was too wide, already computed once.
        var known: [Double: Double] = [:]
        func value(_ sigma: Double) -> Double {
            if let v = known[sigma] { return v }
            let v = at(sigma: sigma, s)
            known[sigma] = v
            return v
        }
        func ok(_ sigma: Double) -> Bool { sigma < 0.001 || sigma < value(sigma) }
        var sigma = 1.0
        if !ok(1) {
            var lo = 0.0, hi = 1.0
            for _ in 0..<10 {
                let mid = (lo + hi) / 2
                if ok(mid) { lo = mid } else { hi = mid }
            }
            sigma = hi
        }
        return SmoothECEResult(value: value(sigma), sigma: sigma)
    }

    /// smECE at a fixed bandwidth σ.
    package static func at(sigma: Double, _ s: Sample) -> Double {
        let g = Int((max(2000, (20 / sigma).rounded(.toNearestOrEven)) / 2).rounded(.down)) + 1
        // Linear binning of residuals (R) and counts (D) onto the grid.
        var r = [Double](repeating: 0, count: g), d = [Double](repeating: 0, count: g)
        let scale = Double(g - 1)
        for c in s.values {
            let b = min(Int((c.x * scale).rounded(.down)), g - 2)
            let f = c.x * scale - Double(b)
            let residual = Double(c.n) * c.x - Double(c.e)  // Σ (p − y) over the rows at x
            r[b] += (1 - f) * residual
            r[b + 1] += f * residual
            d[b] += (1 - f) * Double(c.n)
            d[b + 1] += f * Double(c.n)
        }
        // Kernel on the grid, centred at ½.
        let norm = sigma * (2 * Double.pi).squareRoot()
        let kernel = (0..<g).map { k -> Double in
            let t = Double(k) / scale - 0.5
            return exp(-t * t / (2 * sigma * sigma)) / norm
        }
        let (smoothR, smoothD) = convolveReflected(r, d, kernel)
        // Interpolate onto the mesh and integrate.
        let mesh = max(Int((10 / sigma).rounded(.toNearestOrEven)), 200)
        var numerator = CompensatedSum(), denominator = CompensatedSum()
        for j in 0..<mesh {
            let t = Double(j) / Double(mesh - 1)
            let i = min(Int((t * scale).rounded(.down)), g - 2)
            let w = t * scale - Double(i)
            numerator.add(abs(smoothR[i] * (1 - w) + smoothR[i + 1] * w))
            denominator.add(smoothD[i] * (1 - w) + smoothD[i + 1] * w + 1e-4)
        }
        return numerator.value / denominator.value
    }

    /// s_m = Σ_k E[m + ⌊G/2⌋ + k]·κ_{G−1−k} on the reflected sequence
    /// E = (v_{G−1} … v_1, v_0 … v_{G−1}, v_{G−2} … v_0), for the residuals and the counts in one
    /// pass. The sum runs in four independent
    /// lanes: one running total would wait on each addition, and this is the report's hottest loop
    /// after the band (a different order of additions moves the result by ~1e-16, well inside 1e-12).
    static func convolveReflected(_ r: [Double], _ d: [Double], _ kernel: [Double]) -> (r: [Double], d: [Double]) {
        let g = r.count
        func reflected(_ v: [Double]) -> [Double] {
            var e = [Double]()
            e.reserveCapacity(3 * g - 2)
            e.append(contentsOf: v[1...].reversed())
            e.append(contentsOf: v)
            e.append(contentsOf: v[..<(g - 1)].reversed())
            return e
        }
        let er = reflected(r), ed = reflected(d)
        // Entries below 1e-20 of the peak (beyond about 9.6σ) change no sum by a relative 1e-20,
        // so they are left out like the ones that underflow; at small σ that is most of the grid.
        let peak = kernel.max() ?? 0
        let nonzero = kernel.indices.filter { kernel[$0] > peak * 1e-20 }
        guard let kFirst = nonzero.first, let kLast = nonzero.last else {
            return (Array(repeating: 0, count: g), Array(repeating: 0, count: g))
        }
        // κ_{G−1−k} ≠ 0 only for k in [G−1−kLast, G−1−kFirst]; w[i] = κ_{G−1−(kLo+i)} runs forwards.
        let kLo = g - 1 - kLast, kHi = g - 1 - kFirst
        let w = (kLo...kHi).map { kernel[g - 1 - $0] }
        let half = g / 2, width = w.count, lanes = width / 4 * 4
        var outR = [Double](repeating: 0, count: g), outD = [Double](repeating: 0, count: g)
        er.withUnsafeBufferPointer { er in
            ed.withUnsafeBufferPointer { ed in
                w.withUnsafeBufferPointer { w in
                    outR.withUnsafeMutableBufferPointer { outR in
                        outD.withUnsafeMutableBufferPointer { outD in
                            nonisolated(unsafe) let er = er, ed = ed, w = w, outR = outR, outD = outD
                            // The output points are independent: half of them on each core.
                            DispatchQueue.concurrentPerform(iterations: 2) { part in
                                for m in (part * g / 2)..<((part + 1) * g / 2) {
                                    let a = er.baseAddress! + (m + half + kLo), b = ed.baseAddress! + (m + half + kLo)
                                    var r0 = 0.0, r1 = 0.0, r2 = 0.0, r3 = 0.0, d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0
                                    var i = 0
                                    while i < lanes {
                                        r0 += a[i] * w[i]
                                        r1 += a[i + 1] * w[i + 1]
                                        r2 += a[i + 2] * w[i + 2]
                                        r3 += a[i + 3] * w[i + 3]
                                        d0 += b[i] * w[i]
                                        d1 += b[i + 1] * w[i + 1]
                                        d2 += b[i + 2] * w[i + 2]
                                        d3 += b[i + 3] * w[i + 3]
                                        i += 4
                                    }
                                    while i < width {
                                        r0 += a[i] * w[i]
                                        d0 += b[i] * w[i]
                                        i += 1
                                    }
                                    outR[m] = (r0 + r1) + (r2 + r3)
                                    outD[m] = (d0 + d1) + (d2 + d3)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (outR, outD)
    }
}
