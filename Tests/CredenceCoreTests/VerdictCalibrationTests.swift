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
    /// Families of groups judged side by side share Benjamini–Hochberg's level (docs/statistics.md §15):
    /// when every group is calibrated, a family is told that any of them is miscalibrated at most
    /// 5% of the time (independent groups, and forecasters sharing their claims' outcomes); in
    /// families that mix calibrated and stretched forecasters, the share of calibrated among those
    /// flagged stays at most 5% on average.
    static func familyRates(
        families: Int, _ family: @escaping @Sendable (inout SeededGenerator) -> [(Sample, Bool)]
    )
        -> (anyFlagged: Double, falseShare: Double, caught: Double)
    {
        let rows = SeededGenerator.parallelDraws(families, seed: 0xFA_0001) { _, rng in
            let members = family(&rng)
            // Every member has forecasts, so every one has an analysis, in the members' order.
            let analyses = members.map { Calibration.analyse($0.0, full: false)! }
            let verdicts = CalibrationVerdicts.judgeSideBySide(analyses)
            let flagged = verdicts.map { $0.kind != .noEvidence && $0.kind != .tooFew }
            let wrong = zip(flagged, members).count { $0 && !$1.1 }
            let right = zip(flagged, members).count { $0 && $1.1 }
            let stretched = members.count { $0.1 }
            // Three numbers in one Double: wrong (< 100), right (< 100), the stretched count.
            return Double(wrong * 10_000 + right * 100 + stretched)
        }
        var any = 0.0, share = 0.0, caught = 0.0, stretchedTotal = 0.0
        for r in rows {
            let v = Int(r), wrong = v / 10_000, right = v / 100 % 100, stretched = v % 100
            if wrong > 0 { any += 1 }
            share += wrong + right == 0 ? 0 : Double(wrong) / Double(wrong + right)
            caught += Double(right)
            stretchedTotal += Double(stretched)
        }
        let n = Double(families)
        return (any / n, share / n, stretchedTotal == 0 ? 0 : caught / stretchedTotal)
    }

    @Test func groupsJudgedSideBySideKeepTheirFalseAlarmsAtFivePercent() {
        let families = max(Self.forecasters * 2 / 5, 200)
        let independent = Self.familyRates(families: families) { rng in
            (0..<10).map { _ in (Self.sample(.calibrated, n: 50, &rng), false) }
        }
        // Eight forecasters, each giving the true probability on a random 60% of 100 claims whose
        // outcomes they share.
        let shared = Self.familyRates(families: families) { rng in
            let truths = (0..<100).map { _ in Double(1 + rng.below(99)) / 100 }
            let outcomes = truths.map { rng.unit() < $0 }
            return (0..<8).map { _ in
                let rows = truths.indices.compactMap { j in rng.unit() < 0.6 ? (truths[j], outcomes[j]) : nil }
                return (Sample(rows: rows), false)
            }
        }
        let mixed = Self.familyRates(families: families) { rng in
            (0..<8).map { i in
                i < 2
                    ? (Self.sample(.overconfident, n: 300, &rng), true)
                    : (Self.sample(.calibrated, n: 300, &rng), false)
            }
        }
        print(
            """
            Groups side by side, \(families) families each:
            | family | any calibrated group flagged | calibrated share of those flagged | stretched caught |
            |---|---|---|---|
            | 10 calibrated, n = 50 | \(String(format: "%.1f%%", 100 * independent.anyFlagged)) | — | — |
            | 8 calibrated sharing 100 claims | \(String(format: "%.1f%%", 100 * shared.anyFlagged)) | — | — |
            | 2 stretched + 6 calibrated, n = 300 | \(String(format: "%.1f%%", 100 * mixed.anyFlagged)) | \(String(format: "%.1f%%", 100 * mixed.falseShare)) | \(String(format: "%.1f%%", 100 * mixed.caught)) |
            """)
        #expect(independent.anyFlagged <= 0.07, "family-wise false alarms \(independent.anyFlagged)")
        #expect(shared.anyFlagged <= 0.07, "family-wise false alarms on shared claims \(shared.anyFlagged)")
        #expect(mixed.falseShare <= 0.07, "false discovery share \(mixed.falseShare)")
        #expect(mixed.caught >= 0.7, "power among stretched forecasters \(mixed.caught)")
    }
}
