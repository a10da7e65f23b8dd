import CredenceCore
import Foundation

/// Everything a calibration report shows, computed once and rendered as text, JSON, CSV, SVG
/// or HTML. One model, several renderers.
package struct CalibrationReport: Sendable {
    package struct Group: Sendable {
        package let name: String
        package let analysis: CalibrationAnalysis
        /// Judged beside the other groups: one level shared by those that are tested at all.
        package let verdict: CalibrationVerdict
        package init(name: String, analysis: CalibrationAnalysis) {
            self.init(name: name, analysis: analysis, verdict: CalibrationVerdicts.judge(analysis))
        }
        init(name: String, analysis: CalibrationAnalysis, verdict: CalibrationVerdict) {
            self.name = name
            self.analysis = analysis
            self.verdict = verdict
        }

        /// - together: judged side by side (one level shared by those tested) or each on its own.
        static func judged(_ groups: [Group], together: Bool, independentRows: Bool) -> [Group] {
            let verdicts =
                together
                ? CalibrationVerdicts.judgeSideBySide(groups.map(\.analysis), independentRows: independentRows)
                : groups.map { CalibrationVerdicts.judge($0.analysis, independentRows: independentRows) }
            return zip(groups, verdicts).map { Group(name: $0.name, analysis: $0.analysis, verdict: $1) }
        }
    }

    /// Whose forecasts: a name, or "everyone".
    package let subject: String
    /// What the selection was, in words ("#work, resolved since 2026-01-01").
    package let filters: [String]
    package let everyForecast: Bool
    package let analysis: CalibrationAnalysis
    package let chart: ReliabilityChart
    package let verdict: String
    package let verdictTest: CalibrationVerdict
    /// Rows of `--by`, in display order.
    package let grouping: ReportGrouping?
    package let groups: [Group]
    /// Each forecaster's own analysis, when the report pools several.
    package let forecasters: [Group]
    /// GJ Open's 0–2 Brier per question when scenario sets are among the rows (see
    /// `ForecastGroup.perQuestionBrier`); otherwise it is 2·BS.
    package let perQuestionBrier: Double?
    /// With `--scoring time-averaged`: the subject's time-averaged Brier (docs/statistics.md §10), and when the
    /// report pools several forecasters, each one's.
    package let timeAveraged: TimeAveragedRecord?
    package let timeAveragedByForecaster: [String: TimeAveragedRecord]
    package var brierZeroToTwo: Double { perQuestionBrier ?? analysis.scores.brierTwoCategory }

    package init(
        subject: String, filters: [String], everyForecast: Bool, analysis: CalibrationAnalysis,
        grouping: ReportGrouping? = nil, groups: [Group] = [], forecasters: [Group] = [],
        perQuestionBrier: Double? = nil,
        timeAveraged: TimeAveragedRecord? = nil, timeAveragedByForecaster: [String: TimeAveragedRecord] = [:],
        independentRows: Bool = true
    ) {
        self.perQuestionBrier = perQuestionBrier
        self.timeAveraged = timeAveraged
        self.timeAveragedByForecaster = timeAveragedByForecaster
        self.subject = subject
        self.filters = filters
        self.everyForecast = everyForecast
        self.analysis = analysis
        self.chart = ReliabilityChart(analysis)
        self.verdictTest = CalibrationVerdicts.judge(analysis, independentRows: independentRows)
        self.verdict = Verdict.sentence(verdictTest)
        self.grouping = grouping
        // Rows of one forecaster are independent claims (final forecasts); a --by forecaster row
        // is one forecaster; other groups pool whoever the report pools.
        self.groups = Group.judged(
            groups, together: true, independentRows: !everyForecast && (independentRows || grouping == .forecaster))
        // Each forecaster of a pooled JSON report is judged as `--as NAME` would judge them.
        self.forecasters = Group.judged(forecasters, together: false, independentRows: !everyForecast)
    }

    package var scoringRule: String {
        everyForecast ? "every forecast made before resolution" : "each forecaster's last forecast before resolution"
    }
}

/// The geometry of the reliability diagram, shared by the text and SVG renderers.
package struct ReliabilityChart: Sendable {
    package struct Point: Sendable {
        package let bin: ReliabilityBin
        package var x: Double { bin.meanForecast! }
        package var y: Double { bin.observedFrequency! }
        /// ● for bins with at least 15 forecasts, ○ below: few forecasts make a shaky point.
        package var solid: Bool { bin.n >= 15 }
        /// The Wilson interval leaves out the diagonal: this bin's gap is not noise.
        package var off: Bool { bin.wilson.map { x < $0.lower || x > $0.upper } ?? false }
    }

    package let bins: [ReliabilityBin]
    package let points: [Point]
    /// The PAV recalibration curve: (x_min, cep), (x_max, cep) per block.
    package let curve: [(x: Double, y: Double)]
    /// The consistency band at each distinct forecast value.
    package let band: [ConsistencyBand.Point]

    package init(_ a: CalibrationAnalysis) {
        bins = a.murphy.bins
        points = a.murphy.bins.filter { $0.n > 0 }.map(Point.init)
        curve = a.corp.blocks.flatMap { [($0.xMin, $0.cep), ($0.xMax, $0.cep)] }
        band = a.band?.points ?? []
    }

    /// How many distinct forecast values have a recalibrated probability outside the band.
    package static func outsideBand(_ a: CalibrationAnalysis) -> Int {
        guard let band = a.band else { return 0 }
        let fitted = CORP.recalibrated(a.sample.values, blocks: a.corp.blocks)
        return zip(band.points, fitted).filter { point, y in
            guard let lo = point.lower, let hi = point.upper else { return false }
            return y < lo - 1e-12 || y > hi + 1e-12
        }.count
    }
}

/// The plain sentences about calibration, worded from `CalibrationVerdict` (docs/statistics.md §15): nothing
/// here decides whether there is miscalibration, only how to say what the test found.
package enum Verdict {
    package static var minimum: Int { CalibrationVerdict.minimum }

    package static func sentence(_ a: CalibrationAnalysis) -> String { sentence(CalibrationVerdicts.judge(a)) }

    package static func sentence(_ v: CalibrationVerdict) -> String {
        var parts: [String] = []
        if v.wrongCertain > 0 {
            let k = v.wrongCertain
            parts.append(
                "\(k.grouped) forecast\(k == 1 ? "" : "s") at 0%/100% \(k == 1 ? "was" : "were") wrong: certainty that a single miss refutes."
            )
        }
        parts.append(judgement(v))
        return parts.joined(separator: " ")
    }

    /// The sentence without the wrong-certainty flag, for a row of a table.
    static func judgement(_ v: CalibrationVerdict) -> String {
        let tested = testNote(v)
        switch v.kind {
        case .tooFew:
            if case .singleValue(let x) = v.tooFew {
                return
                    "Too few to judge calibration: every forecast is \(Probability.percentText(x)) (n = \(v.n.grouped)), so there is no curve to test."
            }
            if v.tooFew == .dependentRows {
                return
                    "Not judged: these \(v.n.grouped) forecasts share their claims' outcomes (several forecasters, or every forecast, on one claim), and the miscalibration test needs independent ones; judge one forecaster's final forecasts with --as NAME."
            }
            return "Too few resolved forecasts to judge calibration yet (n = \(v.n.grouped)): keep resolving claims."
        case .noEvidence:
            return "No evidence of miscalibration (\(tested))."
        case .overconfident, .underconfident:
            let kind = v.kind.rawValue.capitalizedFirst
            guard let r = v.region else { return "\(kind) (\(tested)), with no single region to blame." }
            if v.directionSource == .region { return "\(kind) at \(describe(r, lean: false)) (\(tested))." }
            return r.lean.rawValue == v.kind.rawValue
                ? "\(kind) overall (\(tested)), most at \(describe(r, lean: false))."
                : "\(kind) overall (\(tested)); the largest gap is \(describe(r, lean: true))."
        case .mixed:
            guard let r = v.region else { return "Miscalibrated (\(tested)), with no single region to blame." }
            return
                "Miscalibrated (\(tested)), leaning different ways in different ranges; the largest gap is \(describe(r, lean: true))."
        }
    }

    /// "p = 0.003, n = 300", with the Spiegelhalter lean and the groups' shared level when they apply.
    static func testNote(_ v: CalibrationVerdict, named: Bool = true) -> String {
        var note = "\(v.test.map { pText($0.p) } ?? "p —"), n = \(v.n.grouped)"
        if let z = v.spiegelhalterP {
            note = (named ? "miscalibration test " : "") + note + "; Spiegelhalter \(Numbers.pEquals(z))"
        }
        // The level, not an adjusted p: the p shown is the group's own.
        if v.groups > 1 {
            note += "; the \(v.groups.grouped) groups share the level \(String(format: "%.3g", v.alpha))"
        }
        return note
    }

    /// "80–100%: said 91%, happened 78% (n = 52)", optionally led by its lean.
    static func describe(_ r: CalibrationVerdict.Region, lean: Bool) -> String {
        let range = "\(Numbers.edge(r.lo))–\(Numbers.edge(r.hi))%"
        let body = "said \(pct(r.said)), happened \(pct(r.happened)) (n = \(r.n.grouped))"
        return lean ? "\(r.lean.rawValue) at \(range): \(body)" : "\(range): \(body)"
    }

    /// A group row's verdict in a few words: "no evidence (p = 0.41)", "overconfident (p < 0.001)".
    package static func short(_ v: CalibrationVerdict) -> String {
        switch v.kind {
        case .tooFew: return v.tooFew == .dependentRows ? "not judged (shared outcomes)" : "too few"
        case .noEvidence: return "no evidence (\(v.test.map { pText($0.p) } ?? "—"))"
        case .overconfident, .underconfident, .mixed:
            let word = v.kind == .mixed ? "miscalibrated" : v.kind.rawValue
            return "\(word) (\(v.test.map { pText($0.p) } ?? "—"))"
        }
    }

    /// What the consistency band shows beside what chance gives, and what the test concluded.
    package static func bandSentence(_ a: CalibrationAnalysis, _ v: CalibrationVerdict) -> String {
        let outside = ReliabilityChart.outsideBand(a), k = a.corp.distinctForecasts
        let expected = 0.1 * Double(k)
        let chance =
            expected < 1
            ? "fewer than 1 is"
            : "about \(Int(expected.rounded()).grouped) \(Int(expected.rounded()) == 1 ? "is" : "are")"
        var s =
            "the recalibrated curve leaves it at \(outside.grouped) of \(k.grouped) forecast value\(k == 1 ? "" : "s"); \(chance) expected by chance"
        switch v.kind {
        case .tooFew:
            s +=
                v.tooFew == .dependentRows
                ? ", and the miscalibration test does not apply to forecasts that share outcomes"
                : ", and there are too few forecasts to test"
        case .noEvidence:
            s += ", and the miscalibration test finds no evidence of miscalibration (\(testNote(v, named: false)))"
        default: s += ", and the miscalibration test finds real miscalibration (\(testNote(v, named: false)))"
        }
        return s
    }

    /// "+2.10 (p = 0.036), leaning towards overconfidence": the statistic and the way its sign
    /// points, never on its own a verdict (the verdict rests on the miscalibration test).
    package static func spiegelhalterNote(_ z: SpiegelhalterTest) -> String? {
        guard let value = z.z, let p = z.pValue, let d = z.direction else { return nil }
        // The sign is named only where Spiegelhalter's own test is significant: a lean at any p
        // would be a claim of direction without evidence.
        let lean =
            d == .calibrated || p >= CalibrationVerdict.level
            ? "no significant lean" : "leaning towards \(d == .overconfident ? "over" : "under")confidence"
        return "\(String(format: "%+.2f", value)) (\(Numbers.pEquals(p))), \(lean)"
    }

    /// "p = 0.041"; below 0.001 two significant digits ("p = 0.00042"), since a level shared by
    /// many groups can sit below 0.001 and "p < 0.001" would not say which side of it p is.
    static func pText(_ p: Double) -> String { p < 0.001 ? String(format: "p = %.2g", p) : Numbers.pEquals(p) }

    static func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}

/// Number formatting shared by the renderers.
package enum Numbers {
    /// A bin edge as a percent: 0.1 → "10", 1/3 → "33.3".
    package static func edge(_ x: Double) -> String {
        let v = x * 100
        return abs(v - v.rounded()) < 1e-9 ? String(Int(v.rounded())) : String(format: "%.1f", v)
    }

    /// A score to four decimals.
    package static func score(_ x: Double?) -> String {
        guard let x else { return "—" }
        if !x.isFinite { return "∞" }
        return abs(x) < 0.00005 ? "0.0000" : String(format: "%.4f", x)
    }

    /// A p-value to three decimals, or "< 0.001".
    package static func p(_ x: Double) -> String {
        if x < 0.001 { return "< 0.001" }
        return String(format: "%.3f", x)
    }

    /// "p = 0.123" or "p < 0.001".
    package static func pEquals(_ x: Double) -> String { x < 0.001 ? "p < 0.001" : "p = \(p(x))" }

    package static func percent(_ x: Double?, decimals: Int = 0) -> String {
        guard let x else { return "—" }
        return String(format: "%.\(decimals)f%%", x * 100)
    }

    package static func signed(_ x: Double, decimals: Int = 2) -> String {
        String(format: "%+.\(decimals)f", x)
    }
}
