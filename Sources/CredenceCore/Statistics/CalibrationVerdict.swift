import Foundation

/// What a plain sentence about calibration may claim (docs/statistics.md §15). Only a rejected global test
/// licenses a word about miscalibration; where it lies is described after that, not tested again.
package struct CalibrationVerdict: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case noEvidence = "no_evidence"
        case overconfident, underconfident
        /// Rejected, with leans both ways or none that can be pinned on a region.
        case mixed
        case tooFew = "too_few"
    }

    package enum Lean: String, Sendable {
        case overconfident, underconfident
    }

    /// Why a sample is not judged.
    package enum TooFew: Sendable, Equatable {
        case forecasts(Int)
        /// Every forecast has one value: there is no curve to test (a word's record has its own rule).
        case singleValue(Double)
        /// Rows share their claims' outcomes (several forecasters pooled, or every forecast of
        /// one): the test redraws each row's outcome on its own, so it would be anti-conservative.
        case dependentRows
    }

    /// Adjacent bins whose Wilson intervals leave out their mean forecast, leaning the same way.
    package struct Region: Sendable, Equatable {
        package let lo: Double
        package let hi: Double
        package let said: Double
        package let happened: Double
        package let n: Int
        package let lean: Lean
    }

    /// Where the direction came from once the test rejected.
    package enum DirectionSource: String, Sendable {
        case spiegelhalter, region
    }

    package let kind: Kind
    package let n: Int
    package let test: MiscalibrationTest?
    /// 0.05, or the level G groups judged side by side share (`CalibrationVerdicts.sideBySide`).
    package let alpha: Double
    package let groups: Int
    package let region: Region?
    package let directionSource: DirectionSource?
    package let tooFew: TooFew?
    /// Spiegelhalter's p, quoted when it gave the direction.
    package let spiegelhalterP: Double?
    /// Forecasts at 0% or 100% that were wrong: reported whatever the test says.
    package let wrongCertain: Int

    package var rejected: Bool { test.map { $0.p < alpha } ?? false }

    package static let level = 0.05
    package static let minimum = 10
}

package enum CalibrationVerdicts {
    /// The most resamples a refined test draws: enough for 0.05 shared by 5,000 groups.
    package static let maxResamples = 200_000

    /// What groups judged side by side share (docs/statistics.md §15, "Groups"): the level below
    /// which a group's p claims miscalibration, how many groups were tested, and each one's test,
    /// drawn again with more resamples where 1,000 could not say.
    package struct SharedLevel: Sendable, Equatable {
        package let level: Double
        package let groups: Int
        package let tests: [MiscalibrationTest?]
    }

    /// Benjamini–Hochberg's step-up at 5% over the groups with a test (nil: not tested): with G of
    /// them, the level is k·0.05/G for the largest k whose k-th smallest p is below it (0.05/G when
    /// there is none). A calibrated group is never flagged more than 5% of the time, however the
    /// groups depend on each other, and on average calibrated groups make at most 5% of those
    /// flagged (proved for independent or positively dependent groups; docs/statistics.md §15 says
    /// what is simulated). Bonferroni's 0.05/G for every group asked a contest's 3,000 forecasters
    /// for 120,000 resamples each.
    ///
    /// A group none of whose 1,000 resamples reached its MCB while the level stays at or below
    /// 1/1001 could still be flagged: it is drawn again with ⌈2G/0.05⌉ resamples (at most
    /// `maxResamples`). That happens only when the first pass flags nothing and G ≥ 51, for at
    /// most ⌊G/50.05⌋ groups.
    package static func sideBySide(_ entries: [(sample: Sample, test: MiscalibrationTest?)]) -> SharedLevel {
        let g = entries.count { $0.test != nil }
        var tests = entries.map(\.test)
        guard g > 1 else { return SharedLevel(level: CalibrationVerdict.level, groups: max(g, 1), tests: tests) }
        func level() -> Double {
            let ps = tests.compactMap { $0?.p }.sorted()
            let step = CalibrationVerdict.level / Double(g)
            let k = ps.indices.last { ps[$0] < Double($0 + 1) * step }.map { $0 + 1 } ?? 1
            return Double(k) * step
        }
        let first = level()
        let more = min(Int((2 * Double(g) / CalibrationVerdict.level).rounded(.up)), maxResamples)
        for (i, e) in entries.enumerated() {
            guard let t = e.test, t.p * Double(t.resamples + 1) < 1.5, 1 / Double(t.resamples + 1) >= first,
                more > t.resamples
            else { continue }
            tests[i] = MiscalibrationTests.test(e.sample, resamples: more)
        }
        return SharedLevel(level: level(), groups: g, tests: tests)
    }

    /// Groups judged side by side (`--by`, caveats): those the gate can judge share one level.
    package static func judgeSideBySide(
        _ analyses: [CalibrationAnalysis], independentRows: Bool = true
    )
        -> [CalibrationVerdict]
    {
        let tested = analyses.map { judge($0, independentRows: independentRows).kind != .tooFew }
        let shared = sideBySide(
            analyses.indices.map { (analyses[$0].sample, tested[$0] ? analyses[$0].miscalibration : nil) })
        return analyses.indices.map {
            judge(
                analyses[$0], groups: shared.groups, level: shared.level, test: shared.tests[$0],
                independentRows: independentRows)
        }
    }

    /// - groups, level: judged beside other groups (`sideBySide`); `test` then replaces the
    ///   analysis's own, drawn again with more resamples.
    /// - singleValueAllowed: judge a sample whose forecasts share one value (a word's record).
    /// - independentRows: false when rows can share a claim's outcome (pooled forecasters, every
    ///   forecast): then nothing is claimed.
    package static func judge(
        _ a: CalibrationAnalysis, groups: Int = 1, level: Double = CalibrationVerdict.level,
        test refined: MiscalibrationTest? = nil, singleValueAllowed: Bool = false, independentRows: Bool = true
    ) -> CalibrationVerdict {
        let s = a.sample, alpha = level
        let wrong = a.spiegelhalter.wrongCertain
        let test = refined ?? a.miscalibration
        func verdict(
            _ kind: CalibrationVerdict.Kind, region: CalibrationVerdict.Region? = nil,
            source: CalibrationVerdict.DirectionSource? = nil, tooFew: CalibrationVerdict.TooFew? = nil
        ) -> CalibrationVerdict {
            CalibrationVerdict(
                kind: kind, n: s.n, test: kind == .tooFew ? nil : test, alpha: alpha,
                groups: max(groups, 1), region: region, directionSource: source, tooFew: tooFew,
                spiegelhalterP: source == .spiegelhalter ? a.spiegelhalter.pValue : nil, wrongCertain: wrong)
        }
        if s.n < CalibrationVerdict.minimum { return verdict(.tooFew, tooFew: .forecasts(s.n)) }
        if s.values.count == 1 && !singleValueAllowed { return verdict(.tooFew, tooFew: .singleValue(s.values[0].x)) }
        if !independentRows { return verdict(.tooFew, tooFew: .dependentRows) }
        guard let test, test.p < alpha else { return verdict(.noEvidence) }
        let regions = Self.regions(a.murphy.bins)
        let z = a.spiegelhalter
        if let p = z.pValue, p < alpha, let d = z.direction, d != .calibrated {
            let lean: CalibrationVerdict.Lean = d == .overconfident ? .overconfident : .underconfident
            let region = regions.filter { $0.lean == lean }.first ?? regions.first
            return verdict(
                d == .overconfident ? .overconfident : .underconfident, region: region, source: .spiegelhalter)
        }
        guard let worst = regions.first else { return verdict(.mixed) }
        if regions.contains(where: { $0.lean != worst.lean }) { return verdict(.mixed, region: worst, source: .region) }
        return verdict(worst.lean == .overconfident ? .overconfident : .underconfident, region: worst, source: .region)
    }

    /// Maximal runs of adjacent off-diagonal bins with one lean, largest Σ n·|gap| first.
    static func regions(_ bins: [ReliabilityBin]) -> [CalibrationVerdict.Region] {
        func lean(_ b: ReliabilityBin) -> CalibrationVerdict.Lean? {
            guard let mean = b.meanForecast, let freq = b.observedFrequency, let w = b.wilson,
                mean < w.lower || mean > w.upper, mean != 0.5
            else { return nil }
            // Too extreme: what happened lies nearer 50% than what was said, or beyond it.
            return (mean > 0.5) == (freq < mean) ? .overconfident : .underconfident
        }
        var runs: [(bins: [ReliabilityBin], lean: CalibrationVerdict.Lean)] = []
        for b in bins {
            guard let l = lean(b) else { continue }
            // Runs stop at 50%: a range is described by what was said and what happened, and gaps
            // on the two sides would cancel in it.
            if let last = runs.last, last.lean == l, last.bins.last!.k + 1 == b.k,
                (last.bins.last!.meanForecast! < 0.5) == (b.meanForecast! < 0.5)
            {
                runs[runs.count - 1].bins.append(b)
            } else {
                runs.append(([b], l))
            }
        }
        let scored = runs.map { run -> (CalibrationVerdict.Region, Double) in
            var said = CompensatedSum(), mass = CompensatedSum()
            var n = 0, e = 0
            for b in run.bins {
                n += b.n
                e += b.events
                said.add(Double(b.n), times: b.meanForecast!)
                mass.add(abs(Double(b.events) - Double(b.n) * b.meanForecast!))
            }
            let region = CalibrationVerdict.Region(
                lo: run.bins.first!.lo, hi: run.bins.last!.hi, said: said.value / Double(n),
                happened: Double(e) / Double(n), n: n, lean: run.lean)
            return (region, mass.value)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.lo < $1.0.lo }.map(\.0)
    }
}
