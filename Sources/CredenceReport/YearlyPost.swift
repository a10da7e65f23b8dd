import CredenceCore
import Foundation

/// A yearly prediction list graded, as a Markdown post: the tally, the scores, the calibration
/// table by confidence level (folded at 50% and as written), the chart beside it, and the list.
package struct YearlyPost: Sendable {
    package enum Outcome: Sendable { case yes, no, thrownOut, open }
    package struct Entry: Sendable {
        package let text: String
        package let probability: Double?
        package let outcome: Outcome
        package init(text: String, probability: Double?, outcome: Outcome) {
            (self.text, self.probability, self.outcome) = (text, probability, outcome)
        }
    }

    package let title: String
    package let entries: [Entry]
    /// Relative path of the chart's SVG file, when one is written beside the post.
    package let chart: String?

    package init(title: String, entries: [Entry], chart: String?) {
        (self.title, self.entries, self.chart) = (title, entries, chart)
    }

    var scored: [(p: Double, yes: Bool)] {
        entries.compactMap { e in
            guard let p = e.probability else { return nil }
            switch e.outcome {
            case .yes: return (p, true)
            case .no: return (p, false)
            default: return nil
            }
        }
    }

    package var analysis: CalibrationAnalysis? {
        Calibration.analyse(Sample(rows: scored.map { (p: $0.p, y: $0.yes) }), full: false)
    }

    package func render() -> String {
        var md = ["# \(Self.inline(title))", ""]
        let count = { (o: Outcome) in entries.filter { $0.outcome == o }.count }
        let graded = count(.yes) + count(.no)
        var tally =
            "\(entries.count) prediction\(entries.count == 1 ? "" : "s"): \(graded) graded (\(count(.yes)) came true, \(count(.no)) did not)"
        if count(.thrownOut) > 0 { tally += ", \(count(.thrownOut)) thrown out" }
        if count(.open) > 0 { tally += ", \(count(.open)) still open" }
        md.append(tally + ".")
        if let a = analysis {
            md.append("")
            md.append(
                "Brier score **\(Numbers.score(a.scores.brier))** (0 is perfect; always saying 50% scores 0.2500), "
                    + "log score \(a.scores.logLoss.infinite ? "∞ (a wrong 0% or 100%)" : String(format: "%.3f", a.scores.logLoss.value / log(2)) + " bits") per prediction. "
                    + (a.sample.n < Verdict.minimum
                        ? "Too few predictions to say more about calibration than the table below."
                        : Self.inline(Verdict.sentence(CalibrationVerdicts.judge(a)))))
            md += ["", "## Calibration", ""]
            md.append(
                "Folded at 50%: a 30% prediction that something happens counts as a 70% prediction that it does not.")
            md.append("")
            md += table(ConfidenceTable(scored, folded: true), heading: "Confidence")
            md += ["", "As written:", ""]
            md += table(ConfidenceTable(scored, folded: false), heading: "Probability")
            if let chart {
                md += ["", "![Calibration chart: the share that came true against the stated probability](\(chart))"]
            }
        } else {
            md += ["", "Nothing graded yet: `credence yearly grade` resolves the list in one pass."]
        }
        md += ["", "## The predictions", ""]
        for e in entries {
            let p = e.probability.map { Probability.percentText($0) } ?? "no forecast"
            switch e.outcome {
            case .yes: md.append("- ✅ \(Self.inline(e.text)): \(p)")
            case .no: md.append("- ❌ \(Self.inline(e.text)): \(p)")
            case .thrownOut: md.append("- ~~\(Self.inline(e.text))~~: \(p) (thrown out)")
            case .open: md.append("- ⏳ \(Self.inline(e.text)): \(p) (still open)")
            }
        }
        md += [
            "",
            "_Graded with Credence. Brier score: mean squared error of the probabilities; log score in bits; intervals are Wilson 95%._",
        ]
        return md.joined(separator: "\n") + "\n"
    }

    func table(_ t: ConfidenceTable, heading: String) -> [String] {
        var rows = ["| \(heading) | Predictions | Came true | Share | 95% interval |", "|---:|---:|---:|---:|---:|"]
        for r in t.rows {
            let ci = r.interval.map { "\(Numbers.percent($0.lower))–\(Numbers.percent($0.upper))" } ?? "—"
            rows.append(
                "| \(Probability.percentText(r.level)) | \(r.n) | \(r.events) | \(Numbers.percent(r.share)) | \(ci) |")
        }
        return rows
    }

    /// Text safe inside a Markdown line: characters Markdown would read as markup are escaped,
    /// and HTML is neutralised, since posts are rendered to HTML.
    static func inline(_ s: String) -> String {
        var out = ""
        for ch in TerminalText.safe(s) {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#": out += "\\\(ch)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(ch)
            }
        }
        return out
    }
}
