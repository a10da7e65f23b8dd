import Foundation

/// Distribution functions the statistics need, accurate to about 1e-14 relative.
public enum SpecialFunctions {
    /// Φ⁻¹(0.975), for 95% two-sided intervals (never 1.96).
    public static let z975 = 1.959963984540054
    /// Φ⁻¹(0.95), for the 90% consistency band.
    public static let z95 = 1.6448536269514722

    /// Standard normal CDF.
    public static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Two-sided normal p-value for a z statistic.
    /// Φ⁻¹(p) by bisection on Φ to full precision: used a few times per command, never in a loop.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normalQuantile needs 0 < p < 1")
        var lo = -40.0, hi = 40.0
        while hi - lo > 1e-15 * max(1, abs(lo)) {
            let mid = (lo + hi) / 2
            if mid == lo || mid == hi { break }
            if normalCDF(mid) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    public static func normalTwoSidedP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// ln Γ(x) through `lgamma_r`: plain `lgamma` writes the global `signgam`, and the bootstraps
    /// call this from several threads at once.
    public static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// ln B(a, b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double { logGamma(a) + logGamma(b) - logGamma(a + b) }

    /// The regularized incomplete beta function I_x(a, b) (continued fraction, modified Lentz).
    public static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        // The continued fraction converges fast for x < (a+1)/(a+b+2); use symmetry otherwise.
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedIncompleteBeta(1 - x, b, a) }
        let front = exp(a * log(x) + b * log1p(-x) - logBeta(a, b)) / a
        return front * betaContinuedFraction(x, a, b)
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var f = d
        for m in 1...10_000 {
            let m = Double(m)
            // even step
            var num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + num * d
            if abs(d) < tiny { d = tiny }
            c = 1 + num / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            f *= d * c
            // odd step
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + num * d
            if abs(d) < tiny { d = tiny }
            c = 1 + num / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            f *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return f
    }

    /// Two-sided p-value of Student's t with `df` degrees of freedom: 2·(1 − F(|t|)).
    public static func studentTwoSidedP(_ t: Double, df: Double) -> Double {
        if t.isInfinite { return 0 }
        return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5)
    }

    /// The q-quantile of Beta(a, b), by bisection to the last bit (used for Jeffreys intervals).
    public static func betaQuantile(_ q: Double, _ a: Double, _ b: Double) -> Double {
        if q <= 0 { return 0 }
        if q >= 1 { return 1 }
        var lo = 0.0, hi = 1.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if mid == lo || mid == hi { break }
            if regularizedIncompleteBeta(mid, a, b) < q { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// P(X ≤ k) for X ~ Binomial(n, ½): I_{1/2}(n − k, k + 1).
    public static func binomialHalfCDF(_ k: Int, _ n: Int) -> Double {
        if k >= n { return 1 }
        if k < 0 { return 0 }
        return regularizedIncompleteBeta(0.5, Double(n - k), Double(k + 1))
    }
}
