import Foundation

/// A closed interval of probabilities.
package struct Interval: Sendable, Equatable, Codable {
    package let lower: Double
    package let upper: Double
    package init(_ lower: Double, _ upper: Double) { (self.lower, self.upper) = (lower, upper) }
}

package enum BinomialInterval {
    /// Wilson score interval (docs/statistics.md §3); exactly 0 at e = 0 and exactly 1 at e = m; nil if m = 0.
    package static func wilson(events e: Int, of m: Int, z: Double = SpecialFunctions.z975) -> Interval? {
        guard m > 0 else { return nil }
        let mm = Double(m), p = Double(e) / mm, z2 = z * z
        let denominator = 1 + z2 / mm
        let centre = (p + z2 / (2 * mm)) / denominator
        let half = z * (p * (1 - p) / mm + z2 / (4 * mm * mm)).squareRoot() / denominator
        return Interval(e == 0 ? 0 : max(0, centre - half), e == m ? 1 : min(1, centre + half))
    }

    /// Jeffreys equal-tailed Beta(e+½, m−e+½) interval with the Brown–Cai–DasGupta boundary rule.
    package static func jeffreys(events e: Int, of m: Int, level: Double = 0.95) -> Interval? {
        guard m > 0 else { return nil }
        // Each is two Beta quantiles by bisection; a report by forecaster asks for the same small
        // (e, m) thousands of times, so those at the default level are kept.
        guard level == 0.95 else { return computeJeffreys(e, m, level) }
        return JeffreysMemo.shared.value(e, m) { computeJeffreys(e, m, level) }
    }

    static func computeJeffreys(_ e: Int, _ m: Int, _ level: Double) -> Interval {
        let a = Double(e) + 0.5, b = Double(m - e) + 0.5, tail = (1 - level) / 2
        return Interval(
            e == 0 ? 0 : SpecialFunctions.betaQuantile(tail, a, b),
            e == m ? 1 : SpecialFunctions.betaQuantile(1 - tail, a, b))
    }
}

/// Jeffreys intervals already computed, by (events, trials); bounded, shared by threads.
final class JeffreysMemo: @unchecked Sendable {
    static let shared = JeffreysMemo()
    private var values: [Int64: Interval] = [:]
    private let lock = NSLock()

    func value(_ e: Int, _ m: Int, _ compute: () -> Interval) -> Interval {
        guard m < 1 << 31 else { return compute() }
        let key = Int64(m) << 32 | Int64(e)
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let interval = compute()
        lock.lock()
        if values.count < 1 << 16 { values[key] = interval }
        lock.unlock()
        return interval
    }
}
