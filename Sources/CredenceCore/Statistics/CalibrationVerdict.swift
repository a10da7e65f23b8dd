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
    /// 0.05, or 0.05/G when G groups are judged together (Bonferroni).
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

    /// - groups: how many groups are judged side by side (`--by`, caveats, words), for Bonferroni.
    /// - singleValueAllowed: judge a sample whose forecasts share one value (a word's record).
    /// - independentRows: false when rows can share a claim's outcome (pooled forecasters, every
    ///   forecast): then nothing is claimed.
    package static func judge(
        _ a: CalibrationAnalysis, groups: Int = 1, singleValueAllowed: Bool = false, independentRows: Bool = true
    ) -> CalibrationVerdict {
        let s = a.sample, alpha = CalibrationVerdict.level / Double(max(groups, 1))
        let wrong = a.spiegelhalter.wrongCertain
        var test = a.miscalibration
        // With G groups the level is 0.05/G, which 1,000 resamples cannot reach (p ≥ 1/1001):
        // when none of them came up to the data's MCB, draw enough that p could go below it.
        if let t = test, t.p * Double(t.resamples + 1) < 1.5, 1 / Double(t.resamples + 1) >= alpha {
            test = MiscalibrationTests.test(s, resamples: min(Int((2 / alpha).rounded(.up)), maxResamples))
        }
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
