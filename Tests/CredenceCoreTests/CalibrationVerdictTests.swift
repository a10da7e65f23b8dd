import Foundation
import Testing

@testable import CredenceCore

/// The verdict gate of docs/statistics.md §15 on hand-made counts.
@Suite struct CalibrationVerdictTests {
    static func analysis(_ counts: [(Int, Int, Int)]) -> CalibrationAnalysis {
        Calibration.analyse(
            Sample(counts: counts.map { CountedForecast(x: Double($0.0) / 100, n: $0.1, e: $0.2) }), full: false)!
    }

    @Test func tooFewBelowTenOrWithOneValue() {
        let few = CalibrationVerdicts.judge(Self.analysis([(70, 5, 1), (20, 4, 4)]))
        #expect(few.kind == .tooFew && few.tooFew == .forecasts(9) && few.test == nil && !few.rejected)
        let one = CalibrationVerdicts.judge(Self.analysis([(70, 40, 10)]))
        #expect(one.kind == .tooFew && one.tooFew == .singleValue(0.7))
        // A word's record is one value by nature: there the test runs.
        let word = CalibrationVerdicts.judge(Self.analysis([(70, 40, 10)]), singleValueAllowed: true)
        #expect(word.kind != .tooFew && word.rejected)
    }

    @Test func calibratedCountsGiveNoEvidence() {
        let v = CalibrationVerdicts.judge(Self.analysis((1...9).map { (10 * $0, 100, 10 * $0) }))
        #expect(v.kind == .noEvidence && v.region == nil && v.test!.p > 0.5)
    }

    @Test func overconfidenceIsNamedWithItsRegion() {
        // Says 10% and 90%, happens 30% and 70%.
        let v = CalibrationVerdicts.judge(Self.analysis([(10, 100, 30), (50, 40, 20), (90, 100, 70)]))
        #expect(v.kind == .overconfident && v.directionSource == .spiegelhalter && v.test!.p < 0.01)
        #expect(v.region?.lean == .overconfident && v.region!.n == 100)
        #expect(v.test!.p == 1.0 / 1_001.0)  // none of the 1,000 calibrated draws comes near
    }

    @Test func underconfidenceOnBothSides() {
        let v = CalibrationVerdicts.judge(Self.analysis([(30, 100, 10), (50, 40, 20), (70, 100, 90)]))
        #expect(v.kind == .underconfident && v.region?.lean == .underconfident)
    }

    @Test func leaningDifferentWaysIsMixed() {
        // Everything happens more often than said: overconfident below 50%, underconfident above,
        // and Spiegelhalter's Z, in which the two cancel, sees nothing.
        let v = CalibrationVerdicts.judge(
            Self.analysis([(20, 100, 35), (50, 40, 20), (80, 100, 95)]))
        #expect(v.rejected, "\(v)")
        #expect(v.kind == .mixed, "\(v)")
        #expect(v.region != nil)
    }

    @Test func sameDataSamePWhereverItSits() {
        let a = Self.analysis([(20, 30, 9), (60, 30, 15), (80, 20, 18)])
        let b = Self.analysis([(80, 20, 18), (20, 30, 9), (60, 30, 15)])
        #expect(a.miscalibration == b.miscalibration)
        #expect(
            MiscalibrationTests.seed(of: a.sample) != MiscalibrationTests.seed(of: Self.analysis([(20, 30, 10)]).sample)
        )
    }

    @Test func groupsShareBenjaminiHochbergsLevel() {
        func test(_ p: Double) -> MiscalibrationTest { MiscalibrationTest(mcb: 0, p: p, resamples: 1_000, seed: 0) }
        let s = Self.analysis([(50, 20, 10)]).sample
        // Sorted p 0.001, 0.008, 0.039, 0.3 against k·0.05/4 = 0.0125, 0.025, 0.0375, 0.05: k = 2.
        let four = CalibrationVerdicts.sideBySide([0.3, 0.008, 0.001, 0.039].map { (s, test($0)) } + [(s, nil)])
        #expect(four.groups == 4 && four.level == 2 * 0.05 / 4)
        // Nothing below 0.05/G: the level is 0.05/G, as Bonferroni's.
        let none = CalibrationVerdicts.sideBySide([0.2, 0.5, 0.9].map { (s, test($0)) })
        #expect(none.level == 0.05 / 3)
        #expect(CalibrationVerdicts.sideBySide([(s, test(0.04))]).level == 0.05)
        let a = Self.analysis([(10, 60, 12), (50, 40, 20), (90, 60, 50)])
        let alone = CalibrationVerdicts.judge(a)
        let sixth = CalibrationVerdicts.judgeSideBySide(
            [a] + (0..<5).map { _ in Self.analysis([(50, 40, 20), (70, 30, 21)]) })[0]
        #expect(alone.alpha == 0.05 && sixth.groups == 6 && alone.test == sixth.test)
        #expect(sixth.alpha >= 0.05 / 6 && sixth.alpha <= 0.05)
    }

    @Test func wrongCertaintyIsFlaggedWhateverTheTest() {
        let v = CalibrationVerdicts.judge(Self.analysis([(100, 3, 2), (30, 50, 15), (70, 50, 35)]))
        #expect(v.wrongCertain == 1)
        let few = CalibrationVerdicts.judge(Self.analysis([(0, 2, 1), (50, 2, 1)]))
        #expect(few.kind == .tooFew && few.wrongCertain == 1)
    }

    @Test func theTestIsExactUnderCalibration() {
        // Conditional on the forecasts the p-value is uniform: its 5% quantile stays at 5%.
        var g = SeededGenerator(seed: 5)
        let xs = (0..<40).map { _ in Double(1 + g.below(99)) / 100 }
        let ps = SeededGenerator.parallelDraws(400, seed: 11) { _, rng in
            MiscalibrationTests.test(Sample(rows: xs.map { ($0, rng.unit() < $0) }), resamples: 199)!.p
        }
        let rejected = Double(ps.count { $0 < 0.05 }) / 400
        #expect(rejected < 0.09, "rejected \(rejected)")
        #expect(ps.allSatisfy { $0 >= 1.0 / 200 })
    }

    @Test func manyGroupsGetEnoughResamplesToReject() {
        // One far-out group among 60: its level is 0.05/60, below 1/1001, the least p of 1,000 resamples.
        let far = Self.analysis([(3, 50, 20), (97, 50, 30)])
        #expect(far.miscalibration!.p == 1.0 / 1_001.0)
        let calm = (0..<59).map { i in Self.analysis([(30, 40, 12 + i % 3), (70, 40, 28 - i % 2)]) }
        let v = CalibrationVerdicts.judgeSideBySide([far] + calm)
        #expect(v[0].rejected && v[0].kind == .overconfident && v[0].test!.resamples == 2_400, "\(v[0])")
        #expect(v[0].test!.p < 0.05 / 60 && v[0].groups == 60)
        #expect(v.dropFirst().allSatisfy { $0.test!.resamples == 1_000 })
    }

    @Test func manyFarOutGroupsNeedNoMoreResamples() {
        // 3,000 forecasters of pure noise (a contest): each p is 1/1001, below k·0.05/G at k = G,
        // so all are flagged from their 1,000 resamples (Bonferroni asked 120,000 each).
        let far = Self.analysis([(3, 50, 20), (97, 50, 30)])
        let v = CalibrationVerdicts.judgeSideBySide(Array(repeating: far, count: 3_000))
        #expect(v.allSatisfy { $0.rejected && $0.test!.resamples == 1_000 && $0.alpha == 0.05 })
    }

    @Test func sharedOutcomesAreNotJudged() {
        let a = Self.analysis([(10, 100, 30), (50, 40, 20), (90, 100, 70)])
        let v = CalibrationVerdicts.judge(a, independentRows: false)
        #expect(v.kind == .tooFew && v.tooFew == .dependentRows && !v.rejected)
    }

    @Test func regionsStopAtFiftyPercent() {
        // Too close to 50% on both sides: 44% said, 25% happened; 55% said, 67% happened.
        let bins = Binning.murphy(
            Sample(counts: [CountedForecast(x: 0.44, n: 200, e: 50), CountedForecast(x: 0.55, n: 200, e: 134)]),
            bins: 10)!.bins
        let regions = CalibrationVerdicts.regions(bins)
        #expect(regions.count == 2 && regions.allSatisfy { $0.lean == .underconfident })
        #expect(regions.allSatisfy { $0.hi <= 0.5 || $0.lo >= 0.5 })
    }
}
