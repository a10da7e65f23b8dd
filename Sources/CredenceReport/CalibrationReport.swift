import CredenceCore
import Foundation

/// Everything a calibration report shows, computed once and rendered as text, JSON, CSV, SVG
/// or HTML. One model, several renderers.
public struct CalibrationReport: Sendable {
    public struct Group: Sendable {
        public let name: String
        public let analysis: CalibrationAnalysis
        public init(name: String, analysis: CalibrationAnalysis) {
            self.name = name
            self.analysis = analysis
        }
    }

    /// Whose forecasts: a name, or "everyone".
    public let subject: String
    /// What the selection was, in words ("#work, resolved since 2026-01-01").
    public let filters: [String]
    public let everyForecast: Bool
    public let analysis: CalibrationAnalysis
    public let chart: ReliabilityChart
    public let verdict: String
    /// Rows of `--by`, in display order.
    public let grouping: String?
    public let groups: [Group]
    /// Each forecaster's own analysis, when the report pools several.
    public let forecasters: [Group]

    public init(
        subject: String, filters: [String], everyForecast: Bool, analysis: CalibrationAnalysis,
        grouping: String? = nil, groups: [Group] = [], forecasters: [Group] = []
    ) {
        self.subject = subject
        self.filters = filters
        self.everyForecast = everyForecast
        self.analysis = analysis
        self.chart = ReliabilityChart(analysis)
        self.verdict = Verdict.sentence(analysis)
        self.grouping = grouping
        self.groups = groups
        self.forecasters = forecasters
    }

    public var scoringRule: String {
        everyForecast ? "every forecast made before resolution" : "each forecaster's last forecast before resolution"
    }
}

/// The geometry of the reliability diagram, shared by the text and SVG renderers.
public struct ReliabilityChart: Sendable {
    public struct Point: Sendable {
        public let bin: ReliabilityBin
        public var x: Double { bin.meanForecast! }
        public var y: Double { bin.observedFrequency! }
        /// ● for bins with at least 15 forecasts, ○ below: few forecasts make a shaky point.
        public var solid: Bool { bin.n >= 15 }
        /// The Wilson interval leaves out the diagonal: this bin's gap is not noise.
        public var off: Bool { bin.wilson.map { x < $0.lower || x > $0.upper } ?? false }
    }

    public let bins: [ReliabilityBin]
    public let points: [Point]
    /// The PAV recalibration curve: (x_min, cep), (x_max, cep) per block.
    public let curve: [(x: Double, y: Double)]
    /// The consistency band at each distinct forecast value.
    public let band: [ConsistencyBand.Point]

    public init(_ a: CalibrationAnalysis) {
        bins = a.murphy.bins
        points = a.murphy.bins.filter { $0.n > 0 }.map(Point.init)
        curve = a.corp.blocks.flatMap { [($0.xMin, $0.cep), ($0.xMax, $0.cep)] }
        band = a.band?.points ?? []
    }

    /// How many distinct forecast values have a recalibrated probability outside the band.
    public static func outsideBand(_ a: CalibrationAnalysis) -> Int {
        guard let band = a.band else { return 0 }
        let fitted = CORP.recalibrated(a.sample.values, blocks: a.corp.blocks)
        return zip(band.points, fitted).filter { point, y in
            guard let lo = point.lower, let hi = point.upper else { return false }
            return y < lo - 1e-12 || y > hi + 1e-12
        }.count
    }
}

/// The one-line plain verdict: where calibration is worst, in words a person reads at a glance.
public enum Verdict {
    static let minimum = 10

    public static func sentence(_ a: CalibrationAnalysis) -> String {
        let n = a.sample.n
        if n < minimum {
            return "Too few resolved forecasts to judge calibration yet (n = \(n)): keep resolving claims."
        }
        var parts: [String] = []
        let wrong = a.spiegelhalter.wrongCertain
        if wrong > 0 {
            parts.append(
                "\(wrong) forecast\(wrong == 1 ? "" : "s") at 0%/100% \(wrong == 1 ? "was" : "were") wrong: certainty you did not have."
            )
        }
        let run = worstRun(a)
        let p = a.spiegelhalter.pValue
        if let run, run.z >= SpecialFunctions.z975 {
            parts.append(
                "\(run.label.capitalizedFirst) at \(run.range): said \(pct(run.said)), happened \(pct(run.happened)) (n = \(run.n))."
            )
        } else if let p, p < 0.05, let d = a.spiegelhalter.direction {
            parts.append(
                "\(d.rawValue.capitalizedFirst) overall (Spiegelhalter \(Numbers.pEquals(p))), though no single range stands out."
            )
        } else {
            var s = "No clear miscalibration: your forecasts are consistent with being calibrated"
            if let p { s += " (Spiegelhalter \(Numbers.pEquals(p)))" }
            if let run, run.z >= 1 {
                s +=
                    "; the largest gap, \(run.label) at \(run.range) (said \(pct(run.said)), happened \(pct(run.happened)), n = \(run.n)), is within noise"
            }
            parts.append(s + ".")
        }
        return parts.joined(separator: " ")
    }

    struct Run {
        let label: String, range: String, said: Double, happened: Double, n: Int, z: Double
    }

    /// Adjacent bins leaning the same way, merged; the one whose pooled gap is most significant.
    static func worstRun(_ a: CalibrationAnalysis) -> Run? {
        let bins = a.murphy.bins.filter { $0.n > 0 }
        func lean(_ b: ReliabilityBin) -> String? {
            let gap = b.observedFrequency! - b.meanForecast!
            if gap == 0 { return nil }
            if b.meanForecast! == 0.5 { return gap > 0 ? "leaning low" : "leaning high" }
            let towardCertainty = (b.meanForecast! > 0.5) == (gap < 0)
            return towardCertainty ? "overconfident" : "underconfident"
        }
        var runs: [[ReliabilityBin]] = []
        for b in bins {
            // Runs never cross 50%: over- and underconfidence on the two sides pool into nothing.
            if let last = runs.last?.last, lean(last) == lean(b), last.k + 1 == b.k, lean(b) != nil,
                (last.meanForecast! < 0.5) == (b.meanForecast! < 0.5)
            {
                runs[runs.count - 1].append(b)
            } else {
                runs.append([b])
            }
        }
        let count = a.murphy.bins.count
        return runs.compactMap { run -> Run? in
            guard let label = lean(run[0]) else { return nil }
            let members = a.sample.values.filter { v in run.contains { $0.k == Binning.bin(of: v.x, count: count) } }
            let n = members.reduce(0) { $0 + $1.n }, e = members.reduce(0) { $0 + $1.e }
            var said = CompensatedSum(), variance = CompensatedSum()
            for m in members {
                said.add(Double(m.n), times: m.x)
                variance.add(Double(m.n), times: m.x * (1 - m.x))
            }
            let z =
                variance.value > 0
                ? abs(Double(e) - said.value) / variance.value.squareRoot() : (Double(e) == said.value ? 0 : .infinity)
            let range = "\(Numbers.edge(run.first!.lo))–\(Numbers.edge(run.last!.hi))%"
            return Run(
                label: label, range: range, said: said.value / Double(n), happened: Double(e) / Double(n), n: n, z: z)
        }.max { $0.z < $1.z }
    }

    static func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Number formatting shared by the renderers.
public enum Numbers {
    /// A bin edge as a percent: 0.1 → "10", 1/3 → "33.3".
    public static func edge(_ x: Double) -> String {
        let v = x * 100
        return abs(v - v.rounded()) < 1e-9 ? String(Int(v.rounded())) : String(format: "%.1f", v)
    }

    /// A score to four decimals.
    public static func score(_ x: Double?) -> String {
        guard let x else { return "—" }
        if !x.isFinite { return "∞" }
        return abs(x) < 0.00005 ? "0.0000" : String(format: "%.4f", x)
    }

    /// A p-value to three decimals, or "< 0.001".
    public static func p(_ x: Double) -> String {
        if x < 0.001 { return "< 0.001" }
        return String(format: "%.3f", x)
    }

    /// "p = 0.123" or "p < 0.001".
    public static func pEquals(_ x: Double) -> String { x < 0.001 ? "p < 0.001" : "p = \(p(x))" }

    public static func percent(_ x: Double?, decimals: Int = 0) -> String {
        guard let x else { return "—" }
        return String(format: "%.\(decimals)f%%", x * 100)
    }

    public static func signed(_ x: Double, decimals: Int = 2) -> String {
        String(format: "%+.\(decimals)f", x)
    }
}
