import CredenceCore
import Foundation

/// Brier and MCB across periods (quarters or years), oldest first: a sparkline for the terminal
/// and a small SVG chart for the HTML report. Lower is better for both.
package struct Trend: Sendable {
    package struct Series: Sendable {
        package let name: String
        package let values: [Double]
    }
    package let periods: [String]
    package let series: [Series]

    /// nil unless the report is grouped by period and has at least two periods to compare.
    package init?(_ report: CalibrationReport) {
        guard report.grouping?.isPeriod == true, report.groups.count >= 2 else { return nil }
        periods = report.groups.map(\.name)
        series = [
            Series(name: "Brier", values: report.groups.map { $0.analysis.scores.brier }),
            Series(name: "MCB", values: report.groups.map { $0.analysis.corp.brier.mcb ?? 0 }),
        ]
    }

    static let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value, scaled from the series' minimum to its maximum (flat: the middle).
    package static func sparkline(_ values: [Double]) -> String {
        guard let lo = values.min(), let hi = values.max() else { return "" }
        return String(
            values.map { v -> Character in
                guard hi > lo else { return ticks[3] }
                return ticks[min(ticks.count - 1, Int(((v - lo) / (hi - lo) * Double(ticks.count - 1)).rounded()))]
            })
    }

    package func textLines() -> [String] {
        var lines = ["Trend, \(periods.first!) → \(periods.last!) (lower is better)"]
        for s in series {
            lines.append(
                "  " + TerminalText.pad(s.name, 6) + Self.sparkline(s.values) + "  "
                    + "\(Numbers.score(s.values.first)) → \(Numbers.score(s.values.last))")
        }
        return lines
    }

    /// Two small line charts, one per series, each on its own scale from zero.
    package func svg() -> String {
        let w = 560.0, h = 120.0, left = 52.0, right = 16.0, top = 22.0, bottom = 22.0
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"trend-title\" width=\"\(Int(w))\" height=\"\(Int(h) * series.count)\" viewBox=\"0 0 \(Int(w)) \(Int(h) * series.count)\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
        s +=
            "<title id=\"trend-title\">\(escapeMarkup(series.map { "\($0.name) by period, \(periods.first!) to \(periods.last!): " + $0.values.map { Numbers.score($0) }.joined(separator: ", ") }.joined(separator: "; ")))</title>"
        for (row, serie) in series.enumerated() {
            let y0 = Double(row) * h, maxValue = max(serie.values.max() ?? 0, 1e-9) * 1.1
            func x(_ i: Int) -> Double {
                left + (w - left - right) * (periods.count == 1 ? 0.5 : Double(i) / Double(periods.count - 1))
            }
            func y(_ v: Double) -> Double { y0 + top + (h - top - bottom) * (1 - v / maxValue) }
            s += "<text x=\"\(left)\" y=\"\(f(y0 + 14))\" font-weight=\"600\">\(serie.name) (lower is better)</text>"
            s += "<line x1=\"\(left)\" y1=\"\(f(y(0)))\" x2=\"\(w - right)\" y2=\"\(f(y(0)))\" stroke=\"#999\"/>"
            s += "<text x=\"\(left - 6)\" y=\"\(f(y(0) + 4))\" text-anchor=\"end\" fill=\"#555\">0</text>"
            s +=
                "<text x=\"\(left - 6)\" y=\"\(f(y(maxValue / 1.1) + 4))\" text-anchor=\"end\" fill=\"#555\">\(Numbers.score(maxValue / 1.1))</text>"
            let points = serie.values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(
                separator: " ")
            s += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\"/>"
            for (i, v) in serie.values.enumerated() {
                s +=
                    "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3.5\" fill=\"#1f6feb\"><title>\(escapeMarkup(periods[i])): \(Numbers.score(v))</title></circle>"
            }
            s +=
                "<text x=\"\(f(x(0)))\" y=\"\(f(y0 + h - 4))\" text-anchor=\"start\" fill=\"#555\">\(escapeMarkup(periods.first!))</text>"
            s +=
                "<text x=\"\(f(x(periods.count - 1)))\" y=\"\(f(y0 + h - 4))\" text-anchor=\"end\" fill=\"#555\">\(escapeMarkup(periods.last!))</text>"
        }
        return s + "</svg>"
    }

    func f(_ x: Double) -> String { String(format: "%.1f", x) }
}
