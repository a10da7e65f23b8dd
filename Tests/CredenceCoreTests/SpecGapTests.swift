import Foundation
import Testing

@testable import CredenceCore

/// Smaller gaps from the spec: the incomplete beta to 1e-14 relative (against 50-digit values
/// from mpmath), Ferro–Fricker at n = 1.
@Suite struct SpecGapTests {
    static func relative(_ a: Double, _ e: Double) -> Double { abs(a - e) / abs(e) }

    @Test func incompleteBetaToFourteenDigits() {
        let cases: [(x: Double, a: Double, b: Double, exact: Double)] = [
            (0.5, 1005, 996, 0.42025621383277181337),
            (0.3, 50, 80, 0.020700287911373348498),
            (0.9, 1000, 0.5, 9.8163331523809353518e-48),
            (0.4, 8, 9, 0.28393664728268806291),
            (0.2, 3, 4, 0.098880000000000013642),
        ]
        for c in cases {
            let value = SpecialFunctions.regularizedIncompleteBeta(c.x, c.a, c.b)
            #expect(Self.relative(value, c.exact) < 1e-14, "I_\(c.x)(\(c.a), \(c.b)) = \(value), exact \(c.exact)")
        }
        // The sign test at 995 of 2,000 wins: 0.8405124276678548 before (3e-12 off).
        let pSign = 2 * SpecialFunctions.binomialHalfCDF(995, 2_000)
        #expect(Self.relative(pSign, 0.84051242766554362675) < 1e-14, "\(pSign)")
        // Student's t, two-sided: t = 2 at df = 1999, t = 2.5 at df = 30. At large df the p is a
        // complement 1 − I_y(½, df/2) of about 0.95, which costs a factor of 20 (3.5e-14).
        #expect(Self.relative(SpecialFunctions.studentTwoSidedP(2, df: 1_999), 0.045635340866158201353) < 5e-14)
        #expect(Self.relative(SpecialFunctions.studentTwoSidedP(2.5, df: 30), 0.018115649068066694102) < 1e-14)
    }

    @Test func ferroFrickerAtOneForecastEqualsTheRawTerms() {
        let m = Binning.murphy(Sample(rows: [(0.7, true)]), bins: 10)!
        let ff = try! #require(m.ferroFricker)
        #expect(ff.rel == m.rel && ff.res == m.res && ff.unc == m.unc)
    }
}
