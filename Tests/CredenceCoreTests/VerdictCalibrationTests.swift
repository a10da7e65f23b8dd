import Foundation
import Testing

@testable import CredenceCore

/// The check of docs/statistics.md §15, by simulation: how often the verdict claims miscalibration for forecasters
/// who are calibrated by construction (false alarms, at most 5% plus Monte Carlo error), and how
/// often it catches forecasters whose numbers are stretched 1.6× away from 50% (power).
/// `scripts/verdict-calibration.sh` runs it on the release build with more forecasters.
@Suite struct VerdictCalibrationTests {
    /// CREDENCE_VERDICT_FORECASTERS changes it (docs/statistics.md §15 asks for at least 200; 500 keeps a
    /// 5% test clear of the 7% bound: P(above it) ≈ 2% per row for an exact test).
    static let forecasters =
        ProcessInfo.processInfo.environment["CREDENCE_VERDICT_FORECASTERS"].flatMap { Int($0) }
        ?? 500

    static let sizes =
        ProcessInfo.processInfo.environment["CREDENCE_VERDICT_N"].map {
            $0.split(separator: ",").compactMap { Int($0) }
        } ?? [50, 300, 1_000]

    enum Style: String, CaseIterable {
        /// Whole percents 1–99, each outcome drawn with the stated probability.
        case calibrated = "calibrated, whole percents"
        /// Multiples of 5%, as people round: calibrated too.
        case calibratedRound = "calibrated, multiples of 5%"
        /// p = ½ + 1.6(t − ½) clipped to [1%, 99%], outcomes drawn with t.
        case overconfident = "stretched 1.6× (overconfident)"
    }

    static func sample(_ style: Style, n: Int, _ rng: inout SeededGenerator) -> Sample {
        var rows: [(p: Double, y: Bool)] = []
        rows.reserveCapacity(n)
        for _ in 0..<n {
            let truth: Double, stated: Double
            switch style {
            case .calibrated:
                truth = Double(1 + rng.below(99)) / 100
                stated = truth
            case .calibratedRound:
                truth = Double(5 * (1 + rng.below(19))) / 100
                stated = truth
            case .overconfident:
                truth = Double(1 + rng.below(99)) / 100
                stated = (min(max(0.5 + 1.6 * (truth - 0.5), 0.01), 0.99) * 100).rounded() / 100
            }
            rows.append((stated, rng.unit() < truth))
        }
        return Sample(rows: rows)
    }

    /// The share of forecasters whose verdict claims miscalibration (any kind but no_evidence/too_few).
    static func claimRate(_ style: Style, n: Int, forecasters: Int = forecasters) -> Double {
        let claims = SeededGenerator.parallelDraws(forecasters, seed: 0x5EED_0000 &+ UInt64(n)) { _, rng in
            let s = sample(style, n: n, &rng)
            guard let a = Calibration.analyse(s, full: false) else { return 0 }
            let kind = CalibrationVerdicts.judge(a).kind
            return kind == .noEvidence || kind == .tooFew ? 0 : 1
        }
        return claims.reduce(0, +) / Double(forecasters)
    }

    @Test func calibratedForecastersAreRarelyCalledMiscalibrated() {
        var table = ["| forecasters | n | share told they are miscalibrated |", "|---|---|---|"]
        for style in [Style.calibrated, .calibratedRound] {
            for n in Self.sizes {
                let rate = Self.claimRate(style, n: n)
                table.append("| \(style.rawValue) | \(n) | \(String(format: "%.1f%%", 100 * rate)) |")
                #expect(rate <= 0.07, "false alarms \(rate) for \(style.rawValue) at n = \(n)")
            }
        }
        let power = Self.claimRate(.overconfident, n: 300)
        table.append("| \(Style.overconfident.rawValue) | 300 | \(String(format: "%.1f%%", 100 * power)) |")
        #expect(power >= 0.8, "power \(power) at n = 300")
        print(
            "Verdict calibration, \(Self.forecasters) simulated forecasters per row:\n" + table.joined(separator: "\n"))
    }
}
