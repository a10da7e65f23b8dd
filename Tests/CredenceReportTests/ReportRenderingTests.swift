import CredenceCore
import Foundation
import Testing

@testable import CredenceReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Snapshots of rendered reports on fixed samples, and the markup's well-formedness and escaping.
@Suite struct ReportRenderingTests {
    /// A deterministic overconfident forecaster: says 0.05…0.95, happens closer to the middle.
    static let sample: Sample = {
        var counts: [CountedForecast] = []
        for i in 0..<10 {
            let x = Double(5 + 10 * i) / 100
            let n = 12 + i * 4
            let truth = 0.5 + (x - 0.5) * 0.6
            counts.append(CountedForecast(x: x, n: n, e: Int((Double(n) * truth).rounded())))
        }
        return Sample(counts: counts)
    }()

    static func report(
        subject: String = "me", filters: [String] = [], groups: [CalibrationReport.Group] = []
    ) -> CalibrationReport {
        CalibrationReport(
            subject: subject, filters: filters, everyForecast: false, analysis: Calibration.analyse(sample)!,
            grouping: groups.isEmpty ? nil : .tag, groups: groups)
    }

    static func snapshot(_ name: String, _ text: String) throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["CREDENCE_UPDATE_GOLDEN"] == "1" {
            try text.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(
            contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Snapshots/\(name)"), encoding: .utf8)
        #expect(text == expected, "snapshot \(name) differs; CREDENCE_UPDATE_GOLDEN=1 swift test rewrites it")
    }

    @Test(arguments: [80, 120])
    func terminalReport(width: Int) throws {
        try Self.snapshot(
            "report-\(width).txt", TextReport(Self.report(), width: width, style: TextStyle(color: false)).render())
    }

    @Test func verdictNamesTheWorstRange() {
        let verdict = Self.report().verdict
        #expect(verdict.hasPrefix("Overconfident overall (miscalibration test p = "))
        #expect(verdict.contains("said") && verdict.contains("happened"))
    }

    @Test func verdictForFewForecasts() {
        let a = Calibration.analyse(Sample(rows: [(0.7, true), (0.2, false)]))!
        #expect(
            Verdict.sentence(a) == "Too few resolved forecasts to judge calibration yet (n = 2): keep resolving claims."
        )
    }

    @Test func verdictForACalibratedForecaster() {
        var counts: [CountedForecast] = []
        for p in stride(from: 10, through: 90, by: 10) {
            counts.append(CountedForecast(x: Double(p) / 100, n: 100, e: p))
        }
        let verdict = Verdict.sentence(Calibration.analyse(Sample(counts: counts))!)
        #expect(verdict.hasPrefix("No evidence of miscalibration (p = "))
    }

    @Test func verdictFlagsWrongCertainty() {
        var rows: [(p: Double, y: Bool)] = []
        for i in 0..<20 { rows.append((Double(i % 10) / 10 + 0.05, i % 3 == 0)) }
        rows.append((1.0, false))
        let verdict = Verdict.sentence(Calibration.analyse(Sample(rows: rows))!)
        #expect(verdict.hasPrefix("1 forecast at 0%/100% was wrong"))
    }

    @Test func svgIsWellFormedWithTitleAndDescription() throws {
        let svg = SVGReport.render(Self.report())
        #expect(try parses(svg))
        #expect(svg.contains("viewBox=\"0 0 720 640\""))
        // The legend lists only marks the chart shows: the one bin under 15 forecasts misses the
        // diagonal, so there is no plain hollow mark to explain.
        #expect(svg.contains(">Wilson 95%<") && svg.contains(">perfect calibration<"))
        #expect(svg.contains(">misses diagonal<") && !svg.contains(">bin, n &lt; 15<"))
        #expect(svg.contains("<title id=\"chart-title\">Calibration of me: 300 resolved forecasts</title>"))
        #expect(svg.contains("<desc id=\"chart-desc\">Reliability diagram"))
        try Self.snapshot("report.svg", svg)
    }

    /// `report --by forecaster -o f.svg`: one curve per forecaster, the eight most active, named in the legend.
    @Test func svgByForecasterDrawsOneCurveEach() throws {
        let analysis = Calibration.analyse(Self.sample)!
        let groups = (0..<10).map { i in
            CalibrationReport.Group(
                name: i == 0 ? "<ryan>" : "f\(i)",
                analysis: i < 9 ? analysis : Calibration.analyse(Sample(counts: [CountedForecast(x: 0.5, n: 1, e: 1)]))!
            )
        }
        let r = CalibrationReport(
            subject: "everyone", filters: [], everyForecast: false, analysis: analysis, grouping: .forecaster,
            groups: groups)
        let svg = SVGReport.render(r)
        #expect(try parses(svg))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 8)
        #expect(svg.contains("Calibration by forecaster: 300 resolved forecasts (the 8 most active of 10)"))
        #expect(svg.contains(">&lt;ryan&gt; (n = 300)<") && !svg.contains(">f9 (n = 1)<"))
        #expect(!svg.contains("PAV recalibration") && !svg.contains("consistency band"))
        // Without --by forecaster the one pooled chart stays as it was.
        #expect(SVGReport.render(Self.report()).components(separatedBy: "<polyline").count - 1 == 1)
    }

    @Test func htmlHasTheGapColumnAndExplainsItself() {
        let html = HTMLReport.render(Self.report())
        #expect(html.contains("<th>gap</th>") && !html.contains("statistics.md"))
        #expect(html.contains("gap is that frequency minus the mean forecast"))
    }

    @Test func markupEscapesEveryUserString() throws {
        let evil = "<script>alert('x')</script> & \"quotes\""
        let group = CalibrationReport.Group(name: "#<b>bold</b>", analysis: Calibration.analyse(Self.sample)!)
        let r = Self.report(subject: evil, filters: ["#<img src=x onerror=alert(1)>"], groups: [group])
        let html = HTMLReport.render(r)
        let svg = SVGReport.render(r)
        for page in [html, svg] {
            #expect(!page.contains("<script"))
            #expect(!page.contains("<img"))
            #expect(!page.contains("<b>bold"))
        }
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(try parses(svg))
        #expect(
            !html.contains("http://") && !html.contains("https://") && !html.contains("<link")
                && !html.contains("src=\"") && !html.contains("href="))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg viewBox"))
    }

    @Test func verdictTestAndAnUnderflowingPInJSON() throws {
        let json = ReportJSON.render(Self.report(), selection: [:])
        let o = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let test = o["verdict_test"] as! [String: Any]
        #expect(test["kind"] as? String == "overconfident" && test["method"] as? String == "corp_resampling")
        #expect(
            test["resamples"] as? Int == 1_000 && test["alpha"] as? Double == 0.05 && test["rejected"] as? Bool == true)
        #expect((test["region"] as! [String: Any])["lean"] as? String == "overconfident")
        // Said 10% ten thousand times, happened 90%: Z ≈ 267, whose p (≈ 1e-15000) underflows.
        let extreme = Calibration.analyse(Sample(counts: [CountedForecast(x: 0.1, n: 10_000, e: 9_000)]))!
        let r = CalibrationReport(subject: "me", filters: [], everyForecast: false, analysis: extreme)
        let z =
            (try JSONSerialization.jsonObject(with: Data(ReportJSON.render(r, selection: [:]).utf8))
            as! [String: Any])["spiegelhalter"] as! [String: Any]
        #expect(z["p"] is NSNull && z["p_upper"] as? Double == 1e-300)
        #expect(TextReport(r, width: 80, style: TextStyle(color: false)).render().contains("(p < 0.001)"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = ReportJSON.render(Self.report(), selection: ["forecaster": "me"])
        let o = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        for key in [
            "n", "n_events", "base_rate", "brier", "brier_0_2", "brier_skill", "log_loss", "spherical", "murphy",
            "bins",
            "corp", "spiegelhalter", "smooth_ece", "metaculus", "verdict", "verdict_test", "selection", "scoring",
        ] {
            #expect(o[key] != nil, "missing \(key)")
        }
        #expect(
            Set((o["murphy"] as! [String: Any]).keys) == ["rel", "res", "unc", "wbv", "wbc", "ece", "ferro_fricker"])
        #expect(Set((o["corp"] as! [String: Any]).keys).isSuperset(of: ["mcb", "dsc", "unc", "pav_blocks", "band"]))
        #expect(
            Set((o["spiegelhalter"] as! [String: Any]).keys) == ["z", "p", "p_upper", "direction", "wrong_certain"])
        #expect((o["bins"] as! [Any]).count == 10)
        // Foundation's JSON parser on Linux may be off in the last digit; the text itself is exact.
        let brier = Calibration.analyse(Self.sample)!.scores.brier
        #expect(abs((o["brier"] as! Double) - brier) <= 1e-15 && json.contains("\"brier\": \(brier),"))
    }

    @Test func csvIsTheBinTable() {
        let lines = ReportCSV.render(Self.report()).split(separator: "\n")
        #expect(lines.count == 11)
        #expect(
            lines[0]
                == "k,lo,hi,n,n_events,mean_forecast,obs_freq,wilson_lower,wilson_upper,jeffreys_lower,jeffreys_upper")
        #expect(lines[1].hasPrefix("0,0.0,0.1,12,"))
    }

    @Test func jsonValueRendering() {
        let v: JSONValue = [
            "b": [1, 2.5, nil, true], "a": "x\"\n\u{1}", "c": .number(Double.infinity), "d": .number(1e-5),
        ]
        #expect(
            v.rendered()
                == "{\n  \"a\": \"x\\\"\\n\\u0001\",\n  \"b\": [\n    1,\n    2.5,\n    null,\n    true\n  ],\n  \"c\": null,\n  \"d\": 1.0e-05\n}"
        )
    }

    @Test func terminalTextIsMadeSafe() {
        #expect(TerminalText.safe("a\u{1B}[31mred\u{0}b\u{202E}") == "a\u{FFFD}[31mred\u{FFFD}b\u{FFFD}")
        #expect(TerminalText.width("日本") == 4 && TerminalText.width("🙂") == 2 && TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.truncate("abcdef", to: 4) == "abc…")
    }

    func parses(_ xml: String) throws -> Bool {
        let parser = XMLParser(data: Data(xml.utf8))
        return parser.parse()
    }
}
