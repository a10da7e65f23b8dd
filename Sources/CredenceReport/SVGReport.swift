import CredenceCore
import Foundation

/// Escapes text for XML and HTML: every user string passes through here.
package func escapeMarkup(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default:
            // XML 1.0 forbids most control characters, even escaped.
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || (0xFFFE...0xFFFF).contains(scalar.value) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}

/// The reliability diagram as a standalone SVG: diagonal, consistency band, PAV recalibration
/// curve, bin points with Wilson whiskers and a count histogram.
package enum SVGReport {
    static let width = 720.0, height = 640.0  // room below the axis for the count histogram
    static let left = 80.0, top = 50.0, size = 440.0, histogram = 70.0

    static func px(_ x: Double) -> String { String(format: "%.2f", x) }
    static func sx(_ x: Double) -> Double { left + x * size }
    static func sy(_ y: Double) -> Double { top + (1 - y) * size }

    /// Colours for per-forecaster curves (colour-blind safe, Okabe–Ito), at most eight.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// With `--by forecaster`: the eight most active forecasters, each drawn as its own curve.
    static func curves(_ r: CalibrationReport) -> [CalibrationReport.Group] {
        guard r.grouping == .forecaster, r.groups.count >= 2 else { return [] }
        return Array(r.groups.sorted { ($0.analysis.sample.n, $1.name) > ($1.analysis.sample.n, $0.name) }.prefix(8))
    }

    package static func render(_ r: CalibrationReport, standalone: Bool = true) -> String {
        let chart = r.chart
        let curves = curves(r)
        let title =
            curves.isEmpty
            ? "Calibration of \(r.subject): \(r.analysis.sample.n.grouped) resolved forecast\(r.analysis.sample.n == 1 ? "" : "s")"
            : "Calibration by forecaster: \(r.analysis.sample.n.grouped) resolved forecasts"
                + (r.groups.count > curves.count ? " (the \(curves.count) most active of \(r.groups.count))" : "")
        var s: [String] = []
        let ns = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        s.append(
            "<svg\(ns) viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"13\">"
        )
        s.append("<title id=\"chart-title\">\(escapeMarkup(title))</title>")
        if curves.isEmpty {
            s.append(
                "<desc id=\"chart-desc\">Reliability diagram: for each forecast bin, the share of claims that came true (circle, with its Wilson 95% interval) against the mean forecast; the dashed diagonal is perfect calibration, the shaded band is where a calibrated forecaster's recalibrated curve would fall 90% of the time, and the orange steps are the PAV recalibration curve. \(escapeMarkup(r.verdict))</desc>"
            )
        } else {
            s.append(
                "<desc id=\"chart-desc\">Reliability diagram by forecaster: one line per forecaster joins, for each forecast bin, the share of their claims that came true against their mean forecast (filled where the bin holds at least 15 forecasts); the dashed diagonal is perfect calibration, so a line above it is underconfidence and below it overconfidence.</desc>"
            )
        }
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        s.append(
            "<text x=\"\(px(left))\" y=\"28\" font-size=\"16\" font-weight=\"600\" fill=\"#111\">\(escapeMarkup(title))</text>"
        )
        // Grid and axes.
        for i in 0...10 {
            let v = Double(i) / 10
            let stroke = i % 5 == 0 ? "#c8c8c8" : "#ececec"
            s.append(
                "<line x1=\"\(px(sx(v)))\" y1=\"\(px(sy(0)))\" x2=\"\(px(sx(v)))\" y2=\"\(px(sy(1)))\" stroke=\"\(stroke)\"/>"
            )
            s.append(
                "<line x1=\"\(px(sx(0)))\" y1=\"\(px(sy(v)))\" x2=\"\(px(sx(1)))\" y2=\"\(px(sy(v)))\" stroke=\"\(stroke)\"/>"
            )
            if i % 2 == 0 {
                s.append(
                    "<text x=\"\(px(sx(v)))\" y=\"\(px(sy(0) + 18))\" text-anchor=\"middle\" fill=\"#444\">\(i * 10)%</text>"
                )
                s.append(
                    "<text x=\"\(px(left - 8))\" y=\"\(px(sy(v) + 4))\" text-anchor=\"end\" fill=\"#444\">\(i * 10)%</text>"
                )
            }
        }
        s.append(
            "<text x=\"\(px(sx(0.5)))\" y=\"\(px(sy(0) + 38))\" text-anchor=\"middle\" fill=\"#222\">forecast (what was said)</text>"
        )
        s.append(
            "<text transform=\"translate(\(px(left - 52)) \(px(sy(0.5)))) rotate(-90)\" text-anchor=\"middle\" fill=\"#222\">observed frequency (what happened)</text>"
        )
        // Consistency band.
        let band = curves.isEmpty ? chart.band.filter { $0.lower != nil && $0.upper != nil } : []
        if band.count >= 2 {
            let upper = band.map { "\(px(sx($0.x))),\(px(sy($0.upper!)))" }
            let lower = band.reversed().map { "\(px(sx($0.x))),\(px(sy($0.lower!)))" }
            s.append(
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#9ecae1\" fill-opacity=\"0.35\" stroke=\"none\"><title>90% consistency band</title></polygon>"
            )
        } else if let p = band.first {
            s.append(
                "<line x1=\"\(px(sx(p.x)))\" y1=\"\(px(sy(p.lower!)))\" x2=\"\(px(sx(p.x)))\" y2=\"\(px(sy(p.upper!)))\" stroke=\"#9ecae1\" stroke-width=\"8\" stroke-opacity=\"0.5\"/>"
            )
        }
        s.append(
            "<line x1=\"\(px(sx(0)))\" y1=\"\(px(sy(0)))\" x2=\"\(px(sx(1)))\" y2=\"\(px(sy(1)))\" stroke=\"#777\" stroke-dasharray=\"5 4\"/>"
        )
        // PAV recalibration curve.
        if !chart.curve.isEmpty && curves.isEmpty {
            let points = chart.curve.map { "\(px(sx($0.x))),\(px(sy($0.y)))" }.joined(separator: " ")
            s.append(
                "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#e6550d\" stroke-width=\"2\"><title>PAV recalibration curve</title></polyline>"
            )
        }
        // One curve per forecaster: each bin's mean forecast against how often it came true.
        for (i, g) in curves.enumerated() {
            let color = palette[i]
            let points = g.analysis.murphy.bins.compactMap { b in
                b.meanForecast.flatMap { x in b.observedFrequency.map { (x: x, y: $0, n: b.n) } }
            }
            let path = points.map { "\(px(sx($0.x))),\(px(sy($0.y)))" }.joined(separator: " ")
            s.append(
                "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-opacity=\"0.85\"><title>\(escapeMarkup(g.name))</title></polyline>"
            )
            for p in points {
                let tip =
                    "\(g.name): said \(Numbers.percent(p.x, decimals: 1)), happened \(Numbers.percent(p.y, decimals: 1)) (n = \(p.n.grouped))"
                s.append(
                    "<circle cx=\"\(px(sx(p.x)))\" cy=\"\(px(sy(p.y)))\" r=\"\(p.n >= 15 ? "4" : "3")\" fill=\"\(p.n >= 15 ? color : "#ffffff")\" stroke=\"\(color)\" stroke-width=\"1.5\"><title>\(escapeMarkup(tip))</title></circle>"
                )
            }
        }
        // Bins.
        for p in chart.points where curves.isEmpty {
            let color = p.off ? "#c0392b" : "#1f5f99"
            if let w = p.bin.wilson {
                s.append(
                    "<line x1=\"\(px(sx(p.x)))\" y1=\"\(px(sy(w.lower)))\" x2=\"\(px(sx(p.x)))\" y2=\"\(px(sy(w.upper)))\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
                )
                for y in [w.lower, w.upper] {
                    s.append(
                        "<line x1=\"\(px(sx(p.x) - 4))\" y1=\"\(px(sy(y)))\" x2=\"\(px(sx(p.x) + 4))\" y2=\"\(px(sy(y)))\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
                    )
                }
            }
            let fill = p.solid ? color : "#ffffff"
            let tip =
                "\(Numbers.edge(p.bin.lo))–\(Numbers.edge(p.bin.hi))%: said \(Numbers.percent(p.x, decimals: 1)), happened \(Numbers.percent(p.y, decimals: 1)) (n = \(p.bin.n.grouped))"
            s.append(
                "<circle cx=\"\(px(sx(p.x)))\" cy=\"\(px(sy(p.y)))\" r=\"5.5\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"2\"><title>\(escapeMarkup(tip))</title></circle>"
            )
        }
        // Count histogram.
        let maxN = Double(chart.bins.map(\.n).max() ?? 1)
        let base = sy(0) + 60 + histogram
        for b in chart.bins where b.n > 0 {
            let h = histogram * Double(b.n) / max(1, maxN)
            s.append(
                "<rect x=\"\(px(sx(b.lo) + 2))\" y=\"\(px(base - h))\" width=\"\(px((b.hi - b.lo) * size - 4))\" height=\"\(px(h))\" fill=\"#bdbdbd\"/>"
            )
            s.append(
                "<text x=\"\(px(sx((b.lo + b.hi) / 2)))\" y=\"\(px(base - h - 4))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">\(b.n.grouped)</text>"
            )
        }
        s.append(
            "<text x=\"\(px(left - 8))\" y=\"\(px(base))\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">n</text>")
        s.append(
            "<text x=\"\(px(left - 8))\" y=\"\(px(base - histogram / 2))\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">forecasts</text>"
        )
        s.append(
            "<text x=\"\(px(left - 8))\" y=\"\(px(base - histogram / 2 + 13))\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">per bin</text>"
        )
        // Legend.
        let lx = sx(1) + 24
        // Only the marks the chart actually shows.
        let shown = curves.isEmpty ? chart.points : []
        var legend: [(String, String)] = []
        if shown.contains(where: { $0.solid && !$0.off }) {
            legend.append(("<circle cx=\"\(px(lx + 8))\" cy=\"-4\" r=\"5\" fill=\"#1f5f99\"/>", "bin, n ≥ 15"))
        }
        if shown.contains(where: { !$0.solid && !$0.off }) {
            legend.append(
                (
                    "<circle cx=\"\(px(lx + 8))\" cy=\"-4\" r=\"5\" fill=\"#fff\" stroke=\"#1f5f99\" stroke-width=\"2\"/>",
                    "bin, n < 15"
                ))
        }
        if shown.contains(where: { $0.bin.wilson != nil }) {
            legend.append(
                (
                    "<line x1=\"\(px(lx + 8))\" y1=\"-12\" x2=\"\(px(lx + 8))\" y2=\"4\" stroke=\"#1f5f99\" stroke-width=\"1.5\"/>",
                    "Wilson 95%"
                ))
        }
        if shown.contains(where: \.off) {
            legend.append(("<circle cx=\"\(px(lx + 8))\" cy=\"-4\" r=\"5\" fill=\"#c0392b\"/>", "misses diagonal"))
        }
        if !chart.curve.isEmpty && curves.isEmpty {
            legend.append(
                (
                    "<line x1=\"\(px(lx))\" y1=\"-4\" x2=\"\(px(lx + 16))\" y2=\"-4\" stroke=\"#e6550d\" stroke-width=\"2\"/>",
                    "PAV recalibration"
                ))
        }
        if !band.isEmpty {
            legend.append(
                (
                    "<rect x=\"\(px(lx))\" y=\"-10\" width=\"16\" height=\"12\" fill=\"#9ecae1\" fill-opacity=\"0.6\"/>",
                    "90% consistency band"
                ))
        }
        for (i, g) in curves.enumerated() {
            legend.append(
                (
                    "<line x1=\"\(px(lx))\" y1=\"-4\" x2=\"\(px(lx + 16))\" y2=\"-4\" stroke=\"\(palette[i])\" stroke-width=\"3\"/>",
                    "\(g.name) (n = \(g.analysis.sample.n.grouped))"
                ))
        }
        if !curves.isEmpty {
            legend.append(
                (
                    "<circle cx=\"\(px(lx + 4))\" cy=\"-4\" r=\"4\" fill=\"#555\"/><circle cx=\"\(px(lx + 14))\" cy=\"-4\" r=\"3\" fill=\"#fff\" stroke=\"#555\" stroke-width=\"1.5\"/>",
                    "bin n ≥ 15 / fewer"
                ))
        }
        legend.append(
            (
                "<line x1=\"\(px(lx))\" y1=\"-4\" x2=\"\(px(lx + 16))\" y2=\"-4\" stroke=\"#777\" stroke-dasharray=\"4 3\"/>",
                "perfect calibration"
            ))
        for (i, item) in legend.enumerated() {
            s.append(
                "<g transform=\"translate(0 \(px(top + 14 + Double(i) * 24)))\">\(item.0)<text x=\"\(px(lx + 24))\" y=\"0\" fill=\"#333\">\(escapeMarkup(item.1))</text></g>"
            )
        }
        s.append("</svg>")
        return s.joined(separator: "\n") + "\n"
    }
}
