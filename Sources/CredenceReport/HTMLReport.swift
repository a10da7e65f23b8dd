import CredenceCore
import Foundation

/// A self-contained HTML page: inline CSS and SVG, no scripts, no network, every user string escaped.
package enum HTMLReport {
    package static func render(_ r: CalibrationReport) -> String {
        let a = r.analysis, s = a.scores, corp = a.corp.brier
        func e(_ text: String) -> String { escapeMarkup(text) }
        var h: [String] = []
        h.append("<!DOCTYPE html>")
        h.append(
            "<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        )
        h.append("<title>\(e("Calibration of \(r.subject)"))</title>")
        h.append(
            """
            <style>
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
            .sub { color: #666; margin-top: 0; } .verdict { font-size: 1.15rem; padding: .8rem 1rem; background: #f3f6fa; border-left: 4px solid #1f5f99; }
            table { border-collapse: collapse; font-variant-numeric: tabular-nums; } th, td { padding: .25rem .7rem; text-align: right; border-bottom: 1px solid #e5e5e5; }
            th:first-child, td:first-child { text-align: left; } tr.off td { color: #c0392b; } .muted { color: #888; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { color: #555; } dd { margin: 0; font-variant-numeric: tabular-nums; }
            svg { max-width: 100%; height: auto; }
            </style></head><body>
            """)
        h.append("<h1>\(e("Calibration of \(r.subject)"))</h1>")
        var sub =
            "\(s.n.grouped) resolved forecast\(s.n == 1 ? "" : "s") (\(s.events.grouped) came true) · scoring \(r.scoringRule)"
        if !r.filters.isEmpty { sub += " · " + r.filters.joined(separator: ", ") }
        h.append("<p class=\"sub\">\(e(sub))</p>")
        h.append("<p class=\"verdict\">\(e(r.verdict))</p>")
        let log =
            s.logLoss.unclipped.map { "\(Numbers.score($0)) nats (\(Numbers.score($0 / M_LN2)) bits)" }
            ?? "∞ (\(s.logLoss.nClipped) forecast\(s.logLoss.nClipped == 1 ? " at 0%/100% was" : "s at 0%/100% were") wrong)"
        h.append("<dl>")
        for (k, v) in [
            (
                "Brier score",
                "\(Numbers.score(s.brier)) on the 0–1 scale (\(Numbers.score(r.brierZeroToTwo)) on GJ Open's 0–2 scale\(r.perQuestionBrier == nil ? "" : ", per question")); always 50% scores 0.2500"
            ),
            ("Log loss", "\(log); on [0.1%, 99.9%] \(Numbers.score(s.logLossMetaculusRange))"),
            ("Spherical score", Numbers.score(s.spherical)),
            (
                "CORP decomposition",
                "MCB \(Numbers.score(corp.mcb)) − DSC \(Numbers.score(corp.dsc)) + UNC \(Numbers.score(corp.unc)) = \(Numbers.score(corp.score))"
            ),
            (
                "Consistency band",
                "90% band (\(a.band?.method == .discreteAsymptotics ? "discrete asymptotics" : "resampling")): "
                    + Verdict.bandSentence(a, r.verdictTest)
            ),
            (
                "Spiegelhalter's Z",
                Verdict.spiegelhalterNote(a.spiegelhalter).map { $0 }
                    ?? "undefined (every forecast is 0%, 50% or 100%)"
            ),
            ("Smooth ECE", a.smoothECE.map { "\(Numbers.score($0.value)) (σ = \(Numbers.score($0.sigma)))" } ?? "—"),
        ] {
            h.append("<dt>\(e(k))</dt><dd>\(e(v))</dd>")
        }
        h.append("</dl>")
        h.append(SVGReport.render(r, standalone: false))
        h.append(
            "<h2>Bins</h2><table><thead><tr><th>forecast</th><th>n</th><th>said</th><th>happened</th><th>Wilson 95%</th><th>gap</th></tr></thead><tbody>"
        )
        for b in a.murphy.bins {
            guard let mean = b.meanForecast, let freq = b.observedFrequency, let w = b.wilson else {
                h.append(
                    "<tr class=\"muted\"><td>\(Numbers.edge(b.lo))–\(Numbers.edge(b.hi))%</td><td>0</td><td></td><td></td><td></td><td></td></tr>"
                )
                continue
            }
            let off = mean < w.lower || mean > w.upper
            h.append(
                "<tr\(off ? " class=\"off\"" : "")><td>\(Numbers.edge(b.lo))–\(Numbers.edge(b.hi))%</td><td>\(b.n)</td><td>\(Numbers.percent(mean, decimals: 1))</td><td>\(Numbers.percent(freq, decimals: 1))</td><td>\(Numbers.percent(w.lower, decimals: 1))–\(Numbers.percent(w.upper, decimals: 1))</td><td>\(String(format: "%+.1f", (freq - mean) * 100))</td></tr>"
            )
        }
        h.append("</tbody></table>")
        if !r.groups.isEmpty {
            h.append(
                "<h2>By \(e(r.grouping?.rawValue ?? "group"))</h2><table><thead><tr><th>\(e(r.grouping?.rawValue ?? "group"))</th><th>n</th><th>Brier</th><th>MCB</th><th>DSC</th><th>Spiegelhalter's Z</th><th>verdict</th></tr></thead><tbody>"
            )
            for g in r.groups {
                let z = g.analysis.spiegelhalter.z.map { String(format: "%+.2f", $0) } ?? "—"
                h.append(
                    "<tr><td>\(e(g.name))</td><td>\(g.analysis.sample.n)</td><td>\(Numbers.score(g.analysis.scores.brier))</td><td>\(Numbers.score(g.analysis.corp.brier.mcb))</td><td>\(Numbers.score(g.analysis.corp.brier.dsc))</td><td>\(e(z))</td><td>\(e(Verdict.short(g.verdict)))</td></tr>"
                )
            }
            h.append("</tbody></table>")
        }
        if let trend = Trend(r) {
            h.append("<h2>Trend, \(e(trend.periods.first!)) to \(e(trend.periods.last!))</h2>")
            h.append(trend.svg())
        }
        h.append(
            "<p class=\"muted\">Made by Credence, a calibration journal. How to read it: the Brier score is the mean squared gap between forecast and outcome (0 is perfect, always saying 50% scores 0.25); the log score is the mean −ln of the probability given to what happened. Murphy's and the CORP decompositions split the Brier score into miscalibration (MCB), discrimination (DSC) and the uncertainty of the outcomes themselves (UNC). Each bin's Wilson interval is a 95% interval for how often its claims came true; gap is that frequency minus the mean forecast, in percentage points. Spiegelhalter's Z tests whether the forecasts as a whole are calibrated, and smooth ECE is the calibration error with the bins smoothed away. Credence's README gives every definition.</p>"
        )
        h.append("</body></html>")
        return h.joined(separator: "\n") + "\n"
    }
}
