import Foundation

/// Spiegelhalter's Z test of calibration (docs/statistics.md §7).
package struct SpiegelhalterTest: Sendable, Equatable {
    package enum Direction: String, Sendable {
        case overconfident, underconfident, calibrated
    }
    /// nil when every forecast is 0, ½ or 1 (the variance is zero).
    package let z: Double?
    package let pValue: Double?
    /// Wrong 0% / 100% forecasts: each refutes calibration on its own.
    package let wrongCertain: Int

    /// Z > 0 is typical of overconfidence, Z < 0 of underconfidence.
    package var direction: Direction? {
        guard let z else { return nil }
        return z > 0 ? .overconfident : z < 0 ? .underconfident : .calibrated
    }
}

package enum Spiegelhalter {
    package static func test(_ s: Sample) -> SpiegelhalterTest? {
        guard s.n > 0 else { return nil }
        var numerator = CompensatedSum(), variance = CompensatedSum()
        var wrongCertain = 0
        for c in s.values {
            let w = 1 - 2 * c.x
            // (e − n·x)·w, with x·w kept exact as a hi + lo pair.
            let xw = c.x * w, xwError = (-xw).addingProduct(c.x, w)
            numerator.add(Double(c.e), times: w)
            numerator.add(-Double(c.n), times: xw)
            numerator.add(-Double(c.n), times: xwError)
            variance.add(Double(c.n), times: w * w * c.x * (1 - c.x))
            if c.x == 0 { wrongCertain += c.e }
            if c.x == 1 { wrongCertain += c.n - c.e }
        }
        let v = variance.value
        guard v > 0 else { return SpiegelhalterTest(z: nil, pValue: nil, wrongCertain: wrongCertain) }
        let z = numerator.value / v.squareRoot()
        return SpiegelhalterTest(z: z, pValue: SpecialFunctions.normalTwoSidedP(z), wrongCertain: wrongCertain)
    }
}
