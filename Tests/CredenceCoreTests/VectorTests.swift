import Foundation
import Testing

@testable import CredenceCore

/// The shared test vectors (docs/statistics.md §14), every field they carry.
@Suite struct VectorTests {
    static let plainFiles = ["tiny_hand", "edge_cases", "journal_100", "journal_1000"]

    @Test(arguments: plainFiles)
    func singleForecasterStatistics(file: String) throws {
        let rows = try Fixture.rows("\(file).csv")
        let expected = try Fixture.json("\(file).expected.json")
        let peers = peerScores(rows)
        var diffs = differences(expected["overall"]!, shape(rows), path: "overall", tolerances: ["value": 1e-9])
        for (name, metrics) in expected["forecasters"] as! [String: Any] {
            let mine = rows.filter { $0.forecaster == name }
            var actual = shape(mine)
            var metaculus = actual["metaculus"] as! [String: Any]
            metaculus["peer_mean"] = peers[name]!.mean ?? NSNull()
            metaculus["peer_n_questions"] = peers[name]!.claims
            actual["metaculus"] = metaculus
            diffs += differences(metrics, actual, path: name, tolerances: ["value": 1e-9])
        }
        #expect(diffs.isEmpty, "\(diffs.prefix(20).joined(separator: "\n"))")
    }

    @Test(arguments: plainFiles)
    func pairs(file: String) throws {
        let rows = try Fixture.rows("\(file).csv")
        let expected = try Fixture.json("\(file).expected.json")["pairs"] as! [[String: Any]]
        var diffs: [String] = []
        for pair in expected {
            let a = pair["a"] as! String, b = pair["b"] as! String
            var expectedPair = pair
            var brier = pair["brier_diff"] as! [String: Any]
            let boot = brier.removeValue(forKey: "bootstrap_statistical") as? [String: Any]
            expectedPair["brier_diff"] = brier
            let (actual, d) = pairShape(rows, a, b)
            diffs += differences(expectedPair, actual, path: "\(a)-\(b)")
            if let boot, let ci = boot["ci95"] as? [Double], let mine = HeadToHead.bootstrap(d),
                let sd = brier["sd_diff"] as? Double
            {
                let allowance = 0.6 * sd / Double(d.count).squareRoot() + 1e-15
                #expect(
                    abs(mine.lower - ci[0]) <= allowance && abs(mine.upper - ci[1]) <= allowance,
                    "bootstrap \(a)-\(b): \(mine) vs \(ci)")
            }
        }
        #expect(diffs.isEmpty, "\(diffs.prefix(20).joined(separator: "\n"))")
    }

    @Test(arguments: ["tiny_timeline", "timeline_200q"])
    func timelines(file: String) throws {
        let rows = try Fixture.timeline("\(file).csv")
        let expected = try Fixture.json("\(file).expected.json")
        var diffs: [String] = []
        for (name, metrics) in expected["forecasters"] as! [String: Any] {
            var perQuestion: [String: Any] = [:]
            var fromFirst: [Double] = [], uniform: [Double] = []
            for (question, history) in histories(rows, forecaster: name) {
                guard
                    let r = TimeAveraged.score(
                        history.forecasts, open: history.open, close: history.close, outcome: history.y)
                else { continue }
                perQuestion[question] = [
                    "from_first": r.fromFirst, "uniform_fill": r.uniformFill,
                    "first_forecast_time": r.firstForecastTime, "n_forecasts": r.forecasts,
                ]
                fromFirst.append(r.fromFirst)
                uniform.append(r.uniformFill)
            }
            let actual: [String: Any] = [
                "n_questions": perQuestion.count,
                "mean_time_avg_brier_from_first": CompensatedSum.of(fromFirst) / Double(fromFirst.count),
                "mean_time_avg_brier_uniform_fill": CompensatedSum.of(uniform) / Double(uniform.count),
                "per_question": perQuestion,
            ]
            diffs += differences(metrics, actual, path: name)
        }
        for pair in expected["pairs"] as! [[String: Any]] {
            let a = pair["a"] as! String, b = pair["b"] as! String
            let ha = histories(rows, forecaster: a), hb = histories(rows, forecaster: b)
            var d: [Double] = []
            for (question, x) in ha.sorted(by: { $0.key < $1.key }) {
                guard let y = hb[question],
                    let fa = TimeAveraged.firstTime(x.forecasts, open: x.open, close: x.close),
                    let fb = TimeAveraged.firstTime(y.forecasts, open: y.open, close: y.close)
                else { continue }
                let start = max(fa, fb)
                guard
                    let sa = TimeAveraged.average(x.forecasts, open: x.open, from: start, close: x.close, outcome: x.y),
                    let sb = TimeAveraged.average(y.forecasts, open: y.open, from: start, close: y.close, outcome: y.y)
                else { continue }
                d.append(sa - sb)
            }
            var brier = pair["brier_diff"] as! [String: Any]
            let boot = brier.removeValue(forKey: "bootstrap_statistical") as! [String: Any]
            diffs += differences(
                ["n_shared": pair["n_shared"]!, "brier_diff": brier],
                ["n_shared": d.count, "brier_diff": comparisonShape(HeadToHead.compare(d)!)], path: "\(a)-\(b)")
            let ci = boot["ci95"] as! [Double], mine = HeadToHead.bootstrap(d)!
            let allowance = 0.6 * (brier["sd_diff"] as! Double) / Double(d.count).squareRoot()
            #expect(abs(mine.lower - ci[0]) <= allowance && abs(mine.upper - ci[1]) <= allowance)
        }
        #expect(diffs.isEmpty, "\(diffs.prefix(20).joined(separator: "\n"))")
    }

    // MARK: - Building the vectors' shape from our results

    struct History {
        var forecasts: [TimedForecast] = []
        var open = 0.0, close = 0.0, y = false
    }

    func histories(_ rows: [Fixture.TimedRow], forecaster: String) -> [String: History] {
        var out: [String: History] = [:]
        for r in rows where r.forecaster == forecaster {
            out[r.question, default: History(open: r.open, close: r.close, y: r.y)].forecasts.append(
                TimedForecast(time: r.time, p: r.p))
        }
        return out
    }

    func peerScores(_ rows: [Fixture.Row]) -> [String: PeerScore] {
        var claims: [String: (y: Bool, byForecaster: [String: [Double]])] = [:]
        var order: [String] = []
        for r in rows {
            if claims[r.question] == nil {
                order.append(r.question)
                claims[r.question] = (r.y, [:])
            }
            claims[r.question]!.byForecaster[r.forecaster, default: []].append(r.p)
        }
        return PeerScores.compute(
            order.map { q in
                let c = claims[q]!
                return PeerScores.Claim(
                    outcome: c.y, forecasts: c.byForecaster.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            })
    }

    func pairShape(_ rows: [Fixture.Row], _ a: String, _ b: String) -> ([String: Any], [Double]) {
        func perClaim(_ name: String) -> [String: [Fixture.Row]] {
            Dictionary(grouping: rows.filter { $0.forecaster == name }, by: \.question)
        }
        let ra = perClaim(a), rb = perClaim(b)
        let shared = ra.keys.filter { rb[$0] != nil }.sorted()
        func mean(_ rows: [Fixture.Row], _ score: (Double, Bool) -> Double) -> Double {
            CompensatedSum.of(rows.map { score($0.p, $0.y) }) / Double(rows.count)
        }
        let brierA = shared.map { mean(ra[$0]!, Scoring.brier) }, brierB = shared.map { mean(rb[$0]!, Scoring.brier) }
        let logA = shared.map { mean(ra[$0]!, Scoring.logLoss) }, logB = shared.map { mean(rb[$0]!, Scoring.logLoss) }
        let d = zip(brierA, brierB).map { $0 - $1 }
        let multi = shared.filter { ra[$0]!.count > 1 || rb[$0]!.count > 1 }.count
        return (
            [
                "a": a, "b": b, "n_shared": shared.count, "questions_with_multiple_rows": multi,
                "brier_a": CompensatedSum.of(brierA) / Double(shared.count),
                "brier_b": CompensatedSum.of(brierB) / Double(shared.count),
                "brier_diff": comparisonShape(HeadToHead.compare(d)!),
                "log_loss_diff": comparisonShape(HeadToHead.compare(zip(logA, logB).map { $0 - $1 })!),
            ], d
        )
    }

    func comparisonShape(_ c: PairedComparison) -> [String: Any] {
        [
            "n": c.n, "mean_diff": c.meanDiff, "sd_diff": any(c.sdDiff), "t": any(c.t),
            "df": c.df.map { $0 as Any } ?? NSNull(),
            "p_t": any(c.pT), "wins_a": c.winsA, "wins_b": c.winsB, "ties": c.ties, "p_sign": any(c.pSign),
        ]
    }

    func any(_ x: Double?) -> Any { x.map { $0 as Any } ?? NSNull() }
    func interval(_ i: Interval?) -> Any { i.map { [$0.lower, $0.upper] as [Any] } ?? NSNull() }

    func shape(_ rows: [Fixture.Row]) -> [String: Any] {
        let a = Calibration.analyse(Sample(rows: rows.map { ($0.p, $0.y) }))!
        let s = a.scores, m = a.murphy, c = a.corp
        func terms(_ t: CORPTerms) -> [String: Any] {
            ["S": any(t.score), "MCB": any(t.mcb), "DSC": t.dsc, "UNC": t.unc, "S_recalibrated": t.recalibrated]
        }
        return [
            "n": s.n, "n_events": s.events, "base_rate": s.baseRate, "brier": s.brier,
            "log_loss": [
                "value": s.logLoss.value, "n_clipped": s.logLoss.nClipped,
                "unclipped": any(s.logLoss.unclipped), "infinite": s.logLoss.infinite,
            ] as [String: Any],
            "spherical": s.spherical,
            "murphy_10bin": [
                "REL": m.rel, "RES": m.res, "UNC": m.unc, "WBV": m.wbv, "WBC": m.wbc, "ECE": m.ece,
                "ferro_fricker": m.ferroFricker.map { ["REL": $0.rel, "RES": $0.res, "UNC": $0.unc] as Any }
                    ?? NSNull(),
                "bins": m.bins.map { b -> [String: Any] in
                    [
                        "k": b.k, "lo": b.lo, "hi": b.hi, "n": b.n, "n_events": b.events,
                        "mean_forecast": any(b.meanForecast), "obs_freq": any(b.observedFrequency),
                        "wilson95": interval(b.wilson), "jeffreys95": interval(b.jeffreys),
                    ]
                },
            ] as [String: Any],
            "corp": [
                "n_distinct_forecasts": c.distinctForecasts, "n_blocks": c.blocks.count,
                "brier": terms(c.brier), "log": terms(c.log),
                "pav_blocks": c.blocks.map {
                    ["x_min": $0.xMin, "x_max": $0.xMax, "n": $0.n, "n_events": $0.events, "cep": $0.cep]
                        as [String: Any]
                },
                "consistency_band": [
                    "level": a.band!.level, "method": a.band!.method.rawValue,
                    "discrete_asymptotics": a.band!.discreteAsymptotics.map {
                        ["x": $0.x, "n": $0.n, "lower": any($0.lower), "upper": any($0.upper)] as [String: Any]
                    },
                ] as [String: Any],
            ] as [String: Any],
            "spiegelhalter": ["z": any(a.spiegelhalter.z), "p_value": any(a.spiegelhalter.pValue)],
            "smooth_ece": ["value": a.smoothECE!.value, "sigma": a.smoothECE!.sigma],
            "metaculus": ["baseline_mean": s.baselineMean],
        ]
    }
}
