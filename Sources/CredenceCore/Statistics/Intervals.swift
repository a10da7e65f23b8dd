import Foundation

/// A closed interval of probabilities.
public struct Interval: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double
    public init(_ lower: Double, _ upper: Double) { (self.lower, self.upper) = (lower, upper) }
}

public enum BinomialInterval {
    /// Wilson score interval (spec §3); exactly 0 at e = 0 and exactly 1 at e = m; nil if m = 0.
    public static func wilson(events e: Int, of m: Int, z: Double = SpecialFunctions.z975) -> Interval? {
        guard m > 0 else { return nil }
        let mm = Double(m), p = Double(e) / mm, z2 = z * z
        let denominator = 1 + z2 / mm
        let centre = (p + z2 / (2 * mm)) / denominator
        let half = z * (p * (1 - p) / mm + z2 / (4 * mm * mm)).squareRoot() / denominator
        return Interval(e == 0 ? 0 : max(0, centre - half), e == m ? 1 : min(1, centre + half))
    }

    /// Jeffreys equal-tailed Beta(e+½, m−e+½) interval with the Brown–Cai–DasGupta boundary rule.
    public static func jeffreys(events e: Int, of m: Int, level: Double = 0.95) -> Interval? {
        guard m > 0 else { return nil }
        let a = Double(e) + 0.5, b = Double(m - e) + 0.5, tail = (1 - level) / 2
        return Interval(
            e == 0 ? 0 : SpecialFunctions.betaQuantile(tail, a, b),
            e == m ? 1 : SpecialFunctions.betaQuantile(1 - tail, a, b))
    }
}
