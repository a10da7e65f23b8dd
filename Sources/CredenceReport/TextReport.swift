import CredenceCore
import Foundation

/// ANSI styling for terminal text, the report's and every command's; plain when colour is off.
package struct TextStyle: Sendable {
    package let color: Bool
    package init(color: Bool) { self.color = color }
    func wrap(_ code: String, _ s: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    package func bold(_ s: String) -> String { wrap("1", s) }
    package func dim(_ s: String) -> String { wrap("2", s) }
    package func red(_ s: String) -> String { wrap("31", s) }
    package func green(_ s: String) -> String { wrap("32", s) }
    package func yellow(_ s: String) -> String { wrap("33", s) }
    package func cyan(_ s: String) -> String { wrap("36", s) }
}

/// The report as terminal text: header, reliability diagram, bin table, CORP, Spiegelhalter, verdict.
package struct TextReport {
    package let report: CalibrationReport
    package let width: Int
    package let style: TextStyle
    /// Cleans user text (names, tags) for the terminal.
    package let clean: (String) -> String

    package init(
        _ report: CalibrationReport, width: Int, style: TextStyle, clean: @escaping (String) -> String = { $0 }
    ) {
        self.report = report
        self.width = max(40, width)
        self.style = style
        self.clean = clean
    }

    package func render() -> String {
        var out: [String] = []
        out += header()
        out.append("")
        out += diagram()
        out.append("")
        out += table()
        out.append("")
        out += decomposition()
        if !report.groups.isEmpty {
            out.append("")
            out += groupTable()
        }
        if let trend = Trend(report) {
            out.append("")
            out += trend.textLines()
        }
        if !report.timeAveragedByForecaster.isEmpty {
            out.append("")
            out += timeAveragedTable()
        }
        out.append("")
        let verdict = hardWrap("Verdict: " + report.verdict, indent: "  ")
        out.append(style.bold("Verdict:") + verdict[0].dropFirst(8))
        out += verdict.dropFirst()
        // Every line fits the width it was given, whatever wrote it.
        return out.flatMap { TerminalText.fit($0, width: width) }.joined(separator: "\n") + "\n"
    }

    // MARK: - Header

    func header() -> [String] {
        let a = report.analysis, s = a.scores
        var title =
            "Calibration of \(clean(report.subject)) · \(s.n.grouped) resolved forecast\(s.n == 1 ? "" : "s") (\(s.events.grouped) came true)"
        if !report.filters.isEmpty { title += " · " + report.filters.map(clean).joined(separator: ", ") }
        var lines = wrap(style.bold(title), plainWidth: TerminalText.width(title), indent: "")
        lines.append(style.dim("Scoring \(report.scoringRule)."))
        lines.append("")
        var rows: [(String, String, String)] = []
        rows.append(
            (
                "Brier score", Numbers.score(s.brier),
                "0–1 scale, lower is better; \(Numbers.score(report.brierZeroToTwo)) on GJ Open's 0–2 scale"
                    + (report.perQuestionBrier == nil
                        ? "" : " (per question: a scenario set by its multi-category Brier)")
            ))
        if let exact = s.logLoss.unclipped {
            rows.append(
                (
                    "Log loss", Numbers.score(exact),
                    "nats (\(Numbers.score(exact / M_LN2)) bits); \(Numbers.score(s.logLossMetaculusRange)) with p kept in [0.1%, 99.9%] as Metaculus does"
                ))
        } else {
            let k = s.logLoss.nClipped
            rows.append(
                (
                    "Log loss", style.red("∞"),
                    style.red("\(k) forecast\(k == 1 ? "" : "s") at 0%/100% \(k == 1 ? "was" : "were") wrong")
                        + "; \(Numbers.score(s.logLossMetaculusRange)) with p kept in [0.1%, 99.9%] as Metaculus does"
                ))
        }
        if let ta = report.timeAveraged {
            rows.append(
                (
                    "Time-averaged", Numbers.score(ta.fromFirst),
                    "Brier of each forecast carried forward from the first, mean over \(ta.claims.grouped) claim\(ta.claims == 1 ? "" : "s"); \(Numbers.score(ta.uniformFill)) counting the time before it as 50%"
                ))
        }
        rows.append(("Spherical", Numbers.score(s.spherical), "higher is better"))
        if let smooth = a.smoothECE {
            rows.append(
                (
                    "Smooth ECE", Numbers.score(smooth.value),
                    "calibration error, kernel-smoothed (σ = \(Numbers.score(smooth.sigma)))"
                ))
        }
        rows.append(
            ("Baseline", String(format: "%+.1f", s.baselineMean), "Metaculus-style points; 0 = always saying 50%"))
        var reference = "Brier 0.2500, log loss \(Numbers.score(M_LN2))"
        if a.corp.brier.unc > 0 {
            reference +=
                "; your Brier skill over the base rate: \(Numbers.signed(1 - s.brier / a.corp.brier.unc, decimals: 3))"
        }
        rows.append(("Always 50%", "", reference))
        for (label, value, note) in rows {
            let head = "  \(TerminalText.pad(label, 12)) \(TerminalText.pad(value, 8))"
            lines += wrap(
                head + style.dim(note), plainWidth: TerminalText.width(head) + TerminalText.width(note),
                indent: String(repeating: " ", count: 24), dimmed: true)
        }
        return lines
    }

    /// Word-wraps a line to the report width (styled text measured by its plain width).
    func wrap(_ line: String, plainWidth: Int, indent: String, dimmed: Bool = false) -> [String] {
        plainWidth > width ? TerminalText.fit(line, width: width, indent: indent) : [line]
    }

    func hardWrap(_ line: String, indent: String) -> [String] {
        var out: [String] = []
        let lead = String(line.prefix { $0 == " " })
        var current = lead
        for word in line.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.trimmingCharacters(in: .whitespaces).isEmpty ? current + word : current + " " + word
            if TerminalText.width(candidate) > width && !current.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        out.append(current)
        return out
    }

    // MARK: - Diagram

    static let rows = 21

    func diagram() -> [String] {
        let chart = report.chart
        let binCount = chart.bins.count
        // The axis line is 6 + plot + 2 (the last label overhangs) + "  said": it must fit the width.
        let plot = max(binCount * 3, min(binCount * 10, ((width - 14) / binCount) * binCount))
        let h = Self.rows
        var grid = Array(repeating: Array(repeating: " ", count: plot), count: h)
        var color = Array(repeating: Array(repeating: "", count: plot), count: h)
        func column(_ x: Double) -> Int { min(plot - 1, max(0, Int((x * Double(plot)).rounded(.down)))) }
        func row(_ y: Double) -> Int { min(h - 1, max(0, Int(((1 - y) * Double(h - 1)).rounded()))) }
        for c in 0..<plot {
            let x = (Double(c) + 0.5) / Double(plot)
            grid[row(x)][c] = "·"
            color[row(x)][c] = "dim"
        }
        for p in chart.points {
            let c = column(p.x)
            if let w = p.bin.wilson {
                for r in row(w.upper)...row(w.lower) {
                    grid[r][c] = "│"
                    color[r][c] = p.off ? "red" : ""
                }
            }
            grid[row(p.y)][c] = p.solid ? "●" : "○"
            color[row(p.y)][c] = p.off ? "red" : "point"
        }
        var lines: [String] = []
        lines.append(style.dim("happened"))
        for r in 0..<h {
            let y = 1 - Double(r) / Double(h - 1)
            let label = r % 5 == 0 ? String(format: "%3d%% ┤", Int((y * 100).rounded())) : "     │"
            var line = style.dim(label)
            for c in 0..<plot {
                let g = grid[r][c]
                switch color[r][c] {
                case "dim": line += style.dim(g)
                case "red": line += style.red(g)
                case "point": line += style.cyan(g)
                default: line += g
                }
            }
            lines.append(line)
        }
        let span = plot / binCount
        var axis = "     └"
        for c in 0..<plot { axis += c > 0 && c % span == 0 ? "┴" : "─" }
        let ticks = "      " + axisLabels(plot: plot)
        lines.append(style.dim(axis))
        lines.append(style.dim(TerminalText.trimmingTrailingSpaces(ticks) + "  said"))
        lines.append(style.dim("   n  ") + countsRow(plot: plot))
        lines.append(style.dim("● bin with ≥ 15 forecasts  ○ fewer  │ Wilson 95% interval  · perfect calibration"))
        return lines
    }

    /// 0% … 100% under the axis, centred on the bin edges that have room.
    func axisLabels(plot: Int) -> String {
        var chars = Array(repeating: Character(" "), count: plot + 4)
        let bins = report.chart.bins.count
        let step = max(1, bins / 5)
        for k in stride(from: 0, through: bins, by: 1) where k % step == 0 || k == bins {
            let label = Numbers.edge(Double(k) / Double(bins)) + "%"
            let at = min(chars.count - label.count, max(0, k * plot / bins - label.count / 2))
            guard chars[max(0, at - 1)..<min(chars.count, at + label.count + 1)].allSatisfy({ $0 == " " }) else {
                continue
            }
            for (i, ch) in label.enumerated() { chars[at + i] = ch }
        }
        return String(chars)
    }

    /// The number of forecasts in each bin, centred under it.
    func countsRow(plot: Int) -> String {
        let bins = report.chart.bins
        let span = plot / bins.count
        var out = ""
        for b in bins {
            let text = b.n == 0 ? "·" : compact(b.n)
            let left = max(0, (span - text.count) / 2)
            out +=
                String(repeating: " ", count: left) + text
                + String(repeating: " ", count: max(0, span - left - text.count))
        }
        return out
    }

    func compact(_ n: Int) -> String {
        if n < 1000 { return String(n) }
        if n < 10_000 { return String(format: "%.1fk", Double(n) / 1000) }
        if n < 1_000_000 { return "\(n / 1000)k" }
        return String(format: "%.1fM", Double(n) / 1_000_000)
    }

    // MARK: - Table

    func table() -> [String] {
        var lines = [style.bold("  forecast bin        n    said   happened   95% interval (Wilson)    gap")]
        for b in report.chart.bins {
            let range = TerminalText.pad(
                "\(Numbers.edge(b.lo))–\(Numbers.edge(b.hi))%\(b.k == report.chart.bins.count - 1 ? "" : "")", 12)
            guard b.n > 0, let mean = b.meanForecast, let freq = b.observedFrequency, let w = b.wilson else {
                lines.append(style.dim("  \(range) \(TerminalText.pad("0", 8, right: true))"))
                continue
            }
            let interval = "\(Numbers.percent(w.lower, decimals: 1))–\(Numbers.percent(w.upper, decimals: 1))"
            let gap = String(format: "%+.1f", (freq - mean) * 100)
            var line =
                "  \(range) \(TerminalText.pad(String(b.n), 8, right: true))  \(TerminalText.pad(Numbers.percent(mean, decimals: 1), 6, right: true))  \(TerminalText.pad(Numbers.percent(freq, decimals: 1), 9, right: true))   \(TerminalText.pad(interval, 22))  \(TerminalText.pad(gap, 6, right: true))"
            if mean < w.lower || mean > w.upper { line = style.red(line) }
            lines.append(line)
        }
        let m = report.analysis.murphy
        lines.append(
            style.dim(
                "  Murphy: REL \(Numbers.score(m.rel)) − RES \(Numbers.score(m.res)) + UNC \(Numbers.score(m.unc)) + WBV \(Numbers.score(m.wbv)) − WBC \(Numbers.score(m.wbc)) = Brier · ECE \(Numbers.score(m.ece))"
            ))
        return lines
    }

    // MARK: - Decomposition and tests

    func decomposition() -> [String] {
        let a = report.analysis, corp = a.corp.brier
        var lines = [
            style.bold("CORP decomposition of the Brier score"),
            "  miscalibration MCB \(Numbers.score(corp.mcb)) − discrimination DSC \(Numbers.score(corp.dsc)) + uncertainty UNC \(Numbers.score(corp.unc)) = \(Numbers.score(corp.score))",
        ]
        let method = a.band?.method == .discreteAsymptotics ? "discrete asymptotics" : "resampling, 100 draws"
        let bandLine = "  90% consistency band (\(method)): " + Verdict.bandSentence(a, report.verdictTest)
        lines += hardWrap(bandLine, indent: "    ")
        let log = a.corp.log
        lines.append(
            style.dim(
                "  log score: MCB \(Numbers.score(log.mcb)) − DSC \(Numbers.score(log.dsc)) + UNC \(Numbers.score(log.unc)) (nats)"
            ))
        let z = a.spiegelhalter
        lines.append(
            style.bold("Spiegelhalter's Z: ")
                + (Verdict.spiegelhalterNote(z) ?? "undefined (every forecast is 0%, 50% or 100%)"))
        if z.wrongCertain > 0 {
            lines.append(
                style.red(
                    "  \(z.wrongCertain) wrong forecast\(z.wrongCertain == 1 ? "" : "s") at 0%/100%: each alone rules out calibration"
                ))
        }
        return lines
    }

    func groupTable() -> [String] {
        let nameWidth = max(
            TerminalText.width(report.grouping?.rawValue ?? "group") + 2,
            (report.groups.map { TerminalText.width(clean($0.name)) }.max() ?? 0) + 2)
        func row(_ cells: [String]) -> String {
            "  " + TerminalText.pad(cells[0], nameWidth) + TerminalText.pad(cells[1], 9, right: true)
                + cells[2...4].map { TerminalText.pad($0, 9, right: true) }.joined()
                + TerminalText.pad(cells[5], 8, right: true)
                + "   " + cells[6]
        }
        var lines = [
            style.bold(row([report.grouping?.rawValue ?? "group", "n", "Brier", "MCB", "DSC", "Z", "verdict"]))
        ]
        for g in report.groups {
            let a = g.analysis
            lines.append(
                row([
                    clean(g.name), String(a.sample.n), Numbers.score(a.scores.brier), Numbers.score(a.corp.brier.mcb),
                    Numbers.score(a.corp.brier.dsc), a.spiegelhalter.z.map { String(format: "%+.2f", $0) } ?? "—",
                    Verdict.short(g.verdict),
                ]))
        }
        if let judged = report.groups.first(where: { $0.verdict.kind != .tooFew })?.verdict, judged.groups > 1 {
            let note =
                "  Verdicts from the miscalibration test, each group at p < \(String(format: "%.3g", judged.alpha)), the level \(judged.groups) groups share (Benjamini–Hochberg: on average, calibrated groups make at most 5% of those called miscalibrated); Z is Spiegelhalter's."
            lines += hardWrap(note, indent: "    ").map { style.dim($0) }
        }
        return lines
    }
}

extension TextReport {
    /// Each forecaster's time-averaged Brier when the report pools several: the 20 with most claims.
    func timeAveragedTable() -> [String] {
        let all = report.timeAveragedByForecaster.sorted {
            ($0.value.claims, $1.key.lowercased()) > ($1.value.claims, $0.key.lowercased())
        }
        let shown = all.prefix(20)
        let w = max(10, shown.map { TerminalText.width(clean($0.key)) }.max() ?? 0)
        var lines = [
            style.bold("Time-averaged Brier by forecaster"),
            style.dim("  \(TerminalText.pad("forecaster", w))  claims  from first  uniform fill"),
        ]
        for (name, t) in shown {
            lines.append(
                "  \(TerminalText.pad(clean(name), w))  \(TerminalText.pad(t.claims.grouped, 6, right: true))  \(TerminalText.pad(Numbers.score(t.fromFirst), 10, right: true))  \(TerminalText.pad(Numbers.score(t.uniformFill), 12, right: true))"
            )
        }
        if all.count > shown.count {
            lines.append(style.dim("  … and \(all.count - shown.count) more (--json has every one)."))
        }
        return lines
    }
}
