import Foundation

/// Smooth ECE (Błasiok & Nakkiran 2023) by the grid algorithm of relplot 1.0.3 (spec §6).
public struct SmoothECEResult: Sendable, Equatable {
    public let value: Double
    public let sigma: Double
}

public enum SmoothECE {
    public static func compute(_ s: Sample) -> SmoothECEResult? {
        guard s.n > 0 else { return nil }
        func ok(_ sigma: Double) -> Bool { sigma < 0.001 || sigma < at(sigma: sigma, s) }
        var sigma = 1.0
        if !ok(1) {
            var lo = 0.0, hi = 1.0
            for _ in 0..<10 {
                let mid = (lo + hi) / 2
                if ok(mid) { lo = mid } else { hi = mid }
            }
            sigma = hi
        }
        return SmoothECEResult(value: at(sigma: sigma, s), sigma: sigma)
    }

    /// smECE at a fixed bandwidth σ.
    public static func at(sigma: Double, _ s: Sample) -> Double {
        let g = Int((max(2000, (20 / sigma).rounded(.toNearestOrEven)) / 2).rounded(.down)) + 1
        // Linear binning of residuals (R) and counts (D) onto the grid.
        var r = [Double](repeating: 0, count: g), d = [Double](repeating: 0, count: g)
        let scale = Double(g - 1)
        for c in s.values {
            let b = min(Int((c.x * scale).rounded(.down)), g - 2)
            let f = c.x * scale - Double(b)
            let residual = Double(c.n) * c.x - Double(c.e)   // Σ (p − y) over the rows at x
            r[b] += (1 - f) * residual; r[b + 1] += f * residual
            d[b] += (1 - f) * Double(c.n); d[b + 1] += f * Double(c.n)
        }
        // Kernel on the grid, centred at ½.
        let norm = sigma * (2 * Double.pi).squareRoot()
        let kernel = (0..<g).map { k -> Double in
            let t = Double(k) / scale - 0.5
            return exp(-t * t / (2 * sigma * sigma)) / norm
        }
        let smoothR = convolveReflected(r, kernel), smoothD = convolveReflected(d, kernel)
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
    /// E = (v_{G−1} … v_1, v_0 … v_{G−1}, v_{G−2} … v_0). Kernel entries that underflow to zero are skipped.
    static func convolveReflected(_ v: [Double], _ kernel: [Double]) -> [Double] {
        let g = v.count
        var e = [Double]()
        e.reserveCapacity(3 * g - 2)
        e.append(contentsOf: v[1...].reversed())
        e.append(contentsOf: v)
        e.append(contentsOf: v[..<(g - 1)].reversed())
        let nonzero = kernel.indices.filter { kernel[$0] != 0 }
        guard let kFirst = nonzero.first, let kLast = nonzero.last else { return Array(repeating: 0, count: g) }
        // κ_{G−1−k} ≠ 0 only for k in [G−1−kLast, G−1−kFirst].
        let kLo = g - 1 - kLast, kHi = g - 1 - kFirst
        let half = g / 2
        var out = [Double](repeating: 0, count: g)
        e.withUnsafeBufferPointer { ep in
            kernel.withUnsafeBufferPointer { kp in
                for m in 0..<g {
                    var sum = 0.0
                    let base = m + half
                    for k in kLo...kHi { sum += ep[base + k] * kp[g - 1 - k] }
                    out[m] = sum
                }
            }
        }
        return out
    }
}
