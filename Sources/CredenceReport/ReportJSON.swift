import CredenceCore
import Foundation

/// The report as JSON (schema in the README): snake_case keys, numbers unrounded, null for
/// undefined values, never 0 in their place.
package enum ReportJSON {
    package static func render(_ r: CalibrationReport, selection: [String: JSONValue]) -> String {
        var o = metrics(r.analysis)
        o["selection"] = .object(selection)
        o["verdict"] = .string(r.verdict)
        o["verdict_test"] = verdictTest(r.verdictTest)
        o["brier_0_2"] = .number(r.brierZeroToTwo)
        o["brier_0_2_per_question"] = .bool(r.perQuestionBrier != nil)
        if let ta = r.timeAveraged { o["time_averaged"] = timeAveraged(ta) }
        o["scoring"] = .string(r.everyForecast ? "every_forecast" : "final_forecast")
        if !r.forecasters.isEmpty {
            // Each forecaster's figures are written on the cores at their depth (the document's
            // fields, then the forecasters' object): thousands of them are most of a contest's report.
            let byName = r.timeAveragedByForecaster
            o["forecasters"] = .object(
                Dictionary(
                    uniqueKeysWithValues: r.forecasters.concurrentMap { f in
                        var m = metrics(f.analysis)
                        m["verdict"] = .string(Verdict.sentence(f.verdict))
                        m["verdict_test"] = verdictTest(f.verdict)
                        if let ta = byName[f.name] { m["time_averaged"] = timeAveraged(ta) }
                        return (f.name, JSONValue.written(JSONValue.object(m).rendered(indent: 2), indent: 2))
                    }))
        }
        if let grouping = r.grouping {
            o["by"] = .string(grouping.rawValue)
            o["groups"] = .array(
                r.groups.map { g in
                    var m = metrics(g.analysis)
                    m["name"] = .string(g.name)
                    m["verdict"] = .string(Verdict.sentence(g.verdict))
                    m["verdict_test"] = verdictTest(g.verdict)
                    return .object(m)
                })
        }
        return JSONValue.object(o).rendered()
    }

    /// The gate behind the verdict (docs/statistics.md §15), machine-readable; shape documented in the README.
    package static func verdictTest(_ v: CalibrationVerdict) -> JSONValue {
        let region: JSONValue =
            v.region.map { r in
                [
                    "lo": .number(r.lo), "hi": .number(r.hi), "said": .number(r.said), "happened": .number(r.happened),
                    "n": .int(r.n), "lean": .string(r.lean.rawValue),
                ]
            } ?? .null
        var reason: String?
        switch v.tooFew {
        case .forecasts: reason = "forecasts"
        case .singleValue: reason = "single_value"
        case .dependentRows: reason = "dependent_rows"
        case nil: reason = nil
        }
        return [
            "kind": .string(v.kind.rawValue), "p": .number(v.test?.p), "mcb": .number(v.test?.mcb),
            "method": .string("corp_resampling"), "resamples": .int(v.test?.resamples ?? MiscalibrationTests.resamples),
            "alpha": .number(v.alpha), "groups": .int(v.groups),
            "alpha_method": .string(v.groups > 1 ? "benjamini_hochberg" : "single"), "rejected": .bool(v.rejected),
            "direction_from": .string(v.directionSource?.rawValue), "region": region,
            "too_few_reason": .string(reason), "wrong_certain": .int(v.wrongCertain),
        ]
    }

    static func timeAveraged(_ t: TimeAveragedRecord) -> JSONValue {
        [
            "claims": .int(t.claims), "brier_from_first": .number(t.fromFirst),
            "brier_uniform_fill": .number(t.uniformFill),
        ]
    }

    static func interval(_ i: Interval?) -> JSONValue {
        i.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null
    }

    package static func metrics(_ a: CalibrationAnalysis) -> [String: JSONValue] {
        let s = a.scores, m = a.murphy, c = a.corp, z = a.spiegelhalter
        let fitted = CORP.recalibrated(a.sample.values, blocks: c.blocks)
        return [
            "n": .int(s.n), "n_events": .int(s.events), "base_rate": .number(s.baseRate),
            "brier": .number(s.brier), "brier_0_2": .number(s.brierTwoCategory),
            "brier_skill": .number(c.brier.unc > 0 ? 1 - s.brier / c.brier.unc : nil),
            "log_loss": [
                "value": .number(s.logLoss.value), "n_clipped": .int(s.logLoss.nClipped),
                "unclipped": .number(s.logLoss.unclipped), "infinite": .bool(s.logLoss.infinite),
                "bits": .number(s.logLoss.unclipped.map { $0 / M_LN2 }),
                "metaculus_range": .number(s.logLossMetaculusRange),
            ],
            "spherical": .number(s.spherical),
            "murphy": [
                "rel": .number(m.rel), "res": .number(m.res), "unc": .number(m.unc), "wbv": .number(m.wbv),
                "wbc": .number(m.wbc), "ece": .number(m.ece),
                "ferro_fricker": m.ferroFricker.map {
                    ["rel": .number($0.rel), "res": .number($0.res), "unc": .number($0.unc)]
                } ?? .null,
            ],
            "bins": .array(
                m.bins.map { b in
                    [
                        "k": .int(b.k), "lo": .number(b.lo), "hi": .number(b.hi), "n": .int(b.n),
                        "n_events": .int(b.events),
                        "mean_forecast": .number(b.meanForecast), "obs_freq": .number(b.observedFrequency),
                        "wilson95": interval(b.wilson), "jeffreys95": interval(b.jeffreys),
                    ]
                }),
            "corp": [
                "mcb": .number(c.brier.mcb), "dsc": .number(c.brier.dsc), "unc": .number(c.brier.unc),
                "score": .number(c.brier.score), "recalibrated": .number(c.brier.recalibrated),
                "log": [
                    "mcb": .number(c.log.mcb), "dsc": .number(c.log.dsc), "unc": .number(c.log.unc),
                    "score": .number(c.log.score), "recalibrated": .number(c.log.recalibrated),
                ],
                "n_distinct_forecasts": .int(c.distinctForecasts),
                "pav_blocks": .array(
                    c.blocks.map {
                        [
                            "x_min": .number($0.xMin), "x_max": .number($0.xMax), "n": .int($0.n),
                            "n_events": .int($0.events), "cep": .number($0.cep),
                        ]
                    }),
                "band": a.band.map { band in
                    [
                        "level": .number(band.level), "method": .string(band.method.rawValue),
                        "points": .array(
                            zip(band.points, fitted).map { p, y in
                                [
                                    "x": .number(p.x), "n": .int(p.n), "lower": .number(p.lower),
                                    "upper": .number(p.upper), "recalibrated": .number(y),
                                ]
                            }),
                        "outside": .int(ReliabilityChart.outsideBand(a)),
                    ] as JSONValue
                } ?? .null,
            ],
            "spiegelhalter": [
                // A p below 1e-300 has lost its digits (erfc underflows near |z| = 38): report the bound.
                "z": .number(z.z), "p": .number(z.pValue.flatMap { $0 < 1e-300 ? nil : $0 }),
                "p_upper": .number(z.pValue.flatMap { $0 < 1e-300 ? 1e-300 : nil }),
                "direction": .string(z.direction?.rawValue),
                "wrong_certain": .int(z.wrongCertain),
            ],
            "smooth_ece": a.smoothECE.map { ["value": .number($0.value), "sigma": .number($0.sigma)] } ?? .null,
            "metaculus": ["baseline_mean": .number(s.baselineMean)],
        ]
    }
}

/// The bin table as CSV.
package enum ReportCSV {
    package static func render(_ r: CalibrationReport) -> String {
        var lines = [
            "k,lo,hi,n,n_events,mean_forecast,obs_freq,wilson_lower,wilson_upper,jeffreys_lower,jeffreys_upper"
        ]
        func f(_ x: Double?) -> String { x.map { JSONValue.format($0) } ?? "" }
        for b in r.analysis.murphy.bins {
            lines.append(
                [
                    String(b.k), f(b.lo), f(b.hi), String(b.n), String(b.events), f(b.meanForecast),
                    f(b.observedFrequency),
                    f(b.wilson?.lower), f(b.wilson?.upper), f(b.jeffreys?.lower), f(b.jeffreys?.upper),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
