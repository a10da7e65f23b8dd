import Foundation

/// Are caveated forecasts better calibrated than bare ones? Adding a caveat can feel like
/// modelling the uncertainty without changing the number; this measures whether it did.
///
/// Uncertainty is judged by tests rather than by bootstrap intervals of MCB: miscalibration is
/// never negative and resampling noise inflates it (more for smaller groups), so its bootstrap
/// replicates sit mostly above the estimate and percentile intervals mislead. Instead each
/// group gets the verdict gate of docs/statistics.md §15 (could a calibrated forecaster show this much MCB?),
/// at one level shared by the groups tested, and the comparison a test under "caveats make no
/// difference": the pooled forecasts split at random into groups of the same expected sizes,
/// so both sides carry the same bias.
package struct CaveatAudit: Sendable {
    package struct Group: Sendable {
        /// How many caveats its forecasts carry; nil for the group of any caveat at all.
        package let caveats: CaveatCount?
        package var name: String { caveats?.label ?? "any caveat" }
        package let analysis: CalibrationAnalysis
        /// The gate of docs/statistics.md §15, judged beside the other groups of the audit (one shared level).
        package let verdict: CalibrationVerdict
        /// The miscalibration test's p (docs/statistics.md §15: 1,000 draws seeded from the data).
        package var miscalibrationP: Double? { analysis.miscalibration?.p }
        /// Mean confidence minus hit rate, forecasts folded at 50%: above zero, overconfident.
        package let overconfidence: Double
        /// Bias-corrected Poisson-bootstrap 95% interval (a mean, so the bootstrap behaves).
        package let overconfidenceInterval: Interval?
        package var sample: Sample { analysis.sample }
        package var mcb: Double { analysis.corp.brier.mcb ?? 0 }
        package var dsc: Double { analysis.corp.brier.dsc }
        package var meanForecast: Double { sample.values.reduce(0) { $0 + Double($1.n) * $1.x } / Double(sample.n) }
    }

    package enum Finding: String, Sendable {
        case better, worse, noBetter = "no_better", notReliablyBetter = "not_reliably_better", tooFew = "too_few"
    }

    /// 0, 1 and 2+ caveats, each present only if it has forecasts.
    package let groups: [Group]
    /// Any caveat against none.
    package let bare: Group?
    package let caveated: Group?
    /// MCB(caveated) − MCB(bare), and the two-sided p-value of a difference this large if
    /// caveats made no difference.
    package let difference: Double?
    package let differenceP: Double?
    package let finding: Finding

    /// Fewer forecasts than this on either side and the comparison is not attempted.
    package static let minimum = 10
    package static let level = 0.05

    /// - independentRows: false when the forecasts pool several forecasters on shared claims.
    package init(none: Sample, one: Sample, more: Sample, bins: Int = 10, independentRows: Bool = true) {
        // Every draw is seeded from the group's data, never its position: identical groups,
        // identical figures.
        func analysed(_ caveats: CaveatCount?, _ s: Sample) -> (CaveatCount?, CalibrationAnalysis)? {
            Calibration.analyse(s, bins: bins, full: false).map { (caveats, $0) }
        }
        let any = Sample(counts: one.values + more.values)
        let all = [
            analysed(.zero, none), analysed(.one, one), analysed(.twoOrMore, more), analysed(nil, any),
        ].compactMap { $0 }
        let verdicts = CalibrationVerdicts.judgeSideBySide(all.map(\.1), independentRows: independentRows)
        func group(_ caveats: CaveatCount?, _ a: CalibrationAnalysis, _ verdict: CalibrationVerdict) -> Group {
            let s = a.sample, over = Overconfidence.of(s.values) ?? 0
            let overs = PoissonBootstrap.distribution(seed: PoissonBootstrap.seed ^ MiscalibrationTests.seed(of: s)) {
                Overconfidence.of(PoissonBootstrap.replicate(s, &$0))
            }
            return Group(
                caveats: caveats, analysis: a,
                verdict: verdict,
                overconfidence: over, overconfidenceInterval: PoissonBootstrap.interval95(overs, estimate: over))
        }
        let judged = zip(all, verdicts).map { group($0.0, $0.1, $1) }
        groups = judged.filter { $0.caveats != nil }
        bare = groups.first { $0.caveats == .zero }
        caveated = judged.first { $0.caveats == nil }
        guard let bare, let caveated, bare.sample.n >= Self.minimum, caveated.sample.n >= Self.minimum else {
            (difference, differenceP, finding) = (nil, nil, .tooFew)
            return
        }
        let d = caveated.mcb - bare.mcb
        let pooled = Sample(counts: any.values + none.values)
        let share = Double(any.n) / Double(pooled.n)
        let draws = PoissonBootstrap.distribution(seed: PoissonBootstrap.seed ^ MiscalibrationTests.seed(of: pooled)) {
            rng in
            let (c, b) = PoissonBootstrap.split(pooled, share: share, &rng)
            guard let pc = BrierParts(c), let pb = BrierParts(b) else { return nil }
            return abs(pc.mcb - pb.mcb)
        }
        let p = PoissonBootstrap.pValue(draws, atLeast: abs(d))
        difference = d
        differenceP = p
        if let p, p < Self.level {
            finding = d < 0 ? .better : .worse
        } else {
            finding = d < 0 ? .notReliablyBetter : .noBetter
        }
    }

    /// The plain sentence: whether the difference is real. `whose` is "your" or "ryan's".
    package func sentence(whose owner: String = "your") -> String {
        let whose = "\(owner) caveated forecasts".capitalizedFirst
        guard let bare, let caveated, let difference, let differenceP else {
            let nb = bare?.sample.n ?? 0, nc = caveated?.sample.n ?? 0
            return
                "Too few forecasts to compare yet: \(nc.grouped) with caveats and \(nb.grouped) without (at least \(Self.minimum) each are needed)."
        }
        let mcbs = "MCB \(Self.f3(caveated.mcb)) vs \(Self.f3(bare.mcb)) without"
        let test = "difference \(Self.signed(difference)), p = \(Self.p(differenceP)) if caveats made no difference"
        switch finding {
        case .better: return "\(whose) are better calibrated: \(mcbs) (\(test))."
        case .worse: return "\(whose) are worse calibrated: \(mcbs) (\(test))."
        case .noBetter: return "\(whose) are no better calibrated: \(mcbs), difference within noise (\(test))."
        case .notReliablyBetter:
            return
                "\(whose) are not reliably better calibrated: \(mcbs), difference within noise (\(test))."
        case .tooFew: return ""
        }
    }

    static func f3(_ x: Double) -> String { String(format: "%.3f", x) }
    static func signed(_ x: Double) -> String { String(format: "%+.3f", x) }
    static func p(_ x: Double) -> String { x < 0.001 ? "< 0.001" : String(format: "%.2f", x) }
}

/// Over- or underconfidence in the classic sense (Lichtenstein & Fischhoff): each forecast folded
/// to the side it favours, mean confidence minus the share of favoured sides that came true.
/// A 50% forecast favours neither side and counts ½ to both.
package enum Overconfidence {
    package static func of(_ values: [CountedForecast]) -> Double? {
        var n = 0
        var confidence = CompensatedSum(), hits = CompensatedSum()
        for c in values where c.n > 0 {
            n += c.n
            if c.x > 0.5 {
                confidence.add(Double(c.n), times: c.x)
                hits.add(Double(c.e))
            } else if c.x < 0.5 {
                confidence.add(Double(c.n), times: 1 - c.x)
                hits.add(Double(c.n - c.e))
            } else {
                confidence.add(Double(c.n) * 0.5)
                hits.add(Double(c.n) * 0.5)
            }
        }
        guard n > 0 else { return nil }
        return (confidence.value - hits.value) / Double(n)
    }
}
