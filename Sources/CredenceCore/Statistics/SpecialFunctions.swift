import Foundation

/// Distribution functions the statistics need, accurate to about 1e-14 relative (tested against
/// 50-digit values in `SpecGapTests`); where I_x is taken as a complement near 1, as in
/// Student's t at large df, the cancellation costs up to a factor of 20 (3.5e-14 at df = 1,999).
package enum SpecialFunctions {
    /// Φ⁻¹(0.975), for 95% two-sided intervals (never 1.96).
    package static let z975 = 1.959963984540054
    /// Φ⁻¹(0.95), for the 90% consistency band.
    package static let z95 = 1.6448536269514722

    /// Standard normal CDF.
    package static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Two-sided normal p-value for a z statistic.
    /// Φ⁻¹(p) by bisection on Φ to full precision: used a few times per command, never in a loop.
    package static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normalQuantile needs 0 < p < 1")
        var lo = -40.0, hi = 40.0
        while hi - lo > 1e-15 * max(1, abs(lo)) {
            let mid = (lo + hi) / 2
            if mid == lo || mid == hi { break }
            if normalCDF(mid) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    package static func normalTwoSidedP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// ln Γ(x) through `lgamma_r`: plain `lgamma` writes the global `signgam`, and the bootstraps
    /// call this from several threads at once.
    package static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// ln B(a, b).
    package static func logBeta(_ a: Double, _ b: Double) -> Double { logGamma(a) + logGamma(b) - logGamma(a + b) }

    /// The regularized incomplete beta function I_x(a, b) (continued fraction, modified Lentz).
    package static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        regularizedIncompleteBeta(x, y: 1 - x, a, b)
    }

    /// I_x(a, b) with y = 1 − x given separately, so a caller who knows 1 − x more exactly
    /// than the subtraction gives (Student's t: t²/(df + t²)) keeps that accuracy.
    static func regularizedIncompleteBeta(_ x: Double, y: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        // The continued fraction converges fast for x < (a+1)/(a+b+2); use symmetry otherwise.
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedIncompleteBeta(y, y: x, b, a) }
        let front = powerOverBeta(x, y, a, b) / a
        return front * betaContinuedFraction(x, a, b)
    }

    /// x^a y^b / B(a, b), y = 1 − x. For a, b ≥ 8 as TOMS 708's `brcomp` (Didonato & Morris 1992)
    /// does it: around x₀ = a/(a+b) through x − ln(1+x) of small arguments and Stirling
    /// corrections, because exp(a ln x + b ln y − ln B(a, b)) subtracts log-gammas of thousands
    /// and keeps only about 1e-12 of relative accuracy at a + b ≈ 2,000. With one of a, b large,
    /// ln B takes the difference of the large log-gammas from Stirling's series instead.
    static func powerOverBeta(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> Double {
        if a >= 8 && b >= 8 {
            let x0: Double, y0: Double, lambda: Double
            if a <= b {
                let h = a / b
                (x0, y0, lambda) = (h / (1 + h), 1 / (1 + h), a - (a + b) * x)
            } else {
                let h = b / a
                (x0, y0, lambda) = (1 / (1 + h), h / (1 + h), (a + b) * y - b)
            }
            var e = -lambda / a
            let u = abs(e) > 0.6 ? e - log(x / x0) : xMinusLog1p(e)
            e = lambda / b
            let v = abs(e) > 0.6 ? e - log(y / y0) : xMinusLog1p(e)
            return 0.398_942_280_401_432_7 * (b * x0).squareRoot() * exp(-(a * u + b * v))
                * exp(-stirlingBetaCorrection(a, b))
        }
        let lnX = x > 0.5 ? log1p(-y) : log(x), lnY = y > 0.5 ? log1p(-x) : log(y)
        let large = max(a, b), small = min(a, b)
        guard large >= 8 else { return exp(a * lnX + b * lnY - logBeta(a, b)) }
        // ln Γ(L) − ln Γ(L + S) = −(L − ½) ln(1 + S/L) − S ln(L + S) + S + δ(L) − δ(L + S).
        let logBeta =
            logGamma(small) - (large - 0.5) * log1p(small / large) - small * log(large + small) + small
            + stirlingDelta(large) - stirlingDelta(large + small)
        return exp(a * lnX + b * lnY - logBeta)
    }

    /// x − ln(1 + x), by its series where the subtraction would cancel.
    static func xMinusLog1p(_ x: Double) -> Double {
        guard abs(x) < 0.1 else { return x - log1p(x) }
        // Σ_{k≥2} (−1)^k x^k / k
        var term = x * x, sum = 0.0, k = 2.0, sign = 1.0
        while abs(term) / k > 1e-18 * abs(sum) || k == 2 {
            sum += sign * term / k
            term *= x
            k += 1
            sign = -sign
        }
        return sum
    }

    /// δ(a) + δ(b) − δ(a + b) (see `stirlingDelta`), for a, b ≥ 8.
    static func stirlingBetaCorrection(_ a: Double, _ b: Double) -> Double {
        stirlingDelta(a) + stirlingDelta(b) - stirlingDelta(a + b)
    }

    /// δ(z) = ln Γ(z) − ((z − ½) ln z − z + ½ ln 2π) for z ≥ 8: Stirling's series
    /// B₂ₖ / (2k(2k − 1) z^(2k−1)), k = 1…8, whose remainder is below 1e-16 from z = 8.
    static func stirlingDelta(_ z: Double) -> Double {
        let c: [Double] = [
            1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360_360, 1 / 156, -3617 / 122_400,
        ]
        let w = 1 / (z * z)
        var sum = 0.0
        for coefficient in c.reversed() { sum = sum * w + coefficient }
        return sum / z
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
    package static func studentTwoSidedP(_ t: Double, df: Double) -> Double {
        if t.isInfinite { return 0 }
        let t2 = t * t
        return regularizedIncompleteBeta(df / (df + t2), y: t2 / (df + t2), df / 2, 0.5)
    }

    /// The q-quantile of Beta(a, b), by bisection to the last bit (used for Jeffreys intervals).
    package static func betaQuantile(_ q: Double, _ a: Double, _ b: Double) -> Double {
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
    package static func binomialHalfCDF(_ k: Int, _ n: Int) -> Double {
        if k >= n { return 1 }
        if k < 0 { return 0 }
        return regularizedIncompleteBeta(0.5, Double(n - k), Double(k + 1))
    }
}
