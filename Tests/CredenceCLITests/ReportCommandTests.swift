import CredenceCLI
import Foundation
import Testing

/// `credence import` and `credence report` end to end: the vectors go in through the journal and
/// the report's JSON must carry the same numbers (the tolerance of docs/statistics.md, 1e-12).
@Suite struct ReportCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../CredenceCoreTests/Fixtures/\(name)").standardized.path
    }

    static func expected(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture(name)))) as! [String: Any]
    }

    func json(_ h: Harness, _ line: String) throws -> [String: Any] {
        let r = h.run(line)
        #expect(r.status == 0, "\(line): \(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    }

    /// The report's fields against the vector's, renamed.
    func compare(_ report: [String: Any], _ v: [String: Any], _ who: String) -> [String] {
        let murphy = v["murphy_10bin"] as! [String: Any], corp = v["corp"] as! [String: Any]
        let cb = corp["brier"] as! [String: Any], cl = corp["log"] as! [String: Any]
        let log = v["log_loss"] as! [String: Any], z = v["spiegelhalter"] as! [String: Any]
        let expected: [String: Any] = [
            "n": v["n"]!, "n_events": v["n_events"]!, "base_rate": v["base_rate"]!, "brier": v["brier"]!,
            "spherical": v["spherical"]!,
            "log_loss": [
                "value": log["value"]!, "n_clipped": log["n_clipped"]!, "unclipped": log["unclipped"]!,
                "infinite": log["infinite"]!,
            ],
            "murphy": [
                "rel": murphy["REL"]!, "res": murphy["RES"]!, "unc": murphy["UNC"]!, "wbv": murphy["WBV"]!,
                "wbc": murphy["WBC"]!, "ece": murphy["ECE"]!,
            ],
            "bins": murphy["bins"]!,
            "corp": [
                "mcb": cb["MCB"]!, "dsc": cb["DSC"]!, "unc": cb["UNC"]!, "score": cb["S"]!,
                "recalibrated": cb["S_recalibrated"]!,
                "log": [
                    "mcb": cl["MCB"]!, "dsc": cl["DSC"]!, "unc": cl["UNC"]!, "score": cl["S"]!,
                    "recalibrated": cl["S_recalibrated"]!,
                ],
                "pav_blocks": corp["pav_blocks"]!,
            ],
            "spiegelhalter": ["z": z["z"]!, "p": z["p_value"]!],
            "smooth_ece": v["smooth_ece"]!,
            "metaculus": ["baseline_mean": (v["metaculus"] as! [String: Any])["baseline_mean"]!],
        ]
        return jsonDifferences(expected, report, path: who)
    }

    @Test(arguments: ["journal_1000", "edge_cases", "tiny_hand"], TestPostgres.engines)
    func reportMatchesTheVectorsThroughTheJournal(file: String, engine: TestEngine) throws {
        let h = Harness(engine: engine)
        let imported = h.run(["import", Self.fixture("\(file).csv")])
        #expect(imported.status == 0, "\(imported.err)")
        let vectors = try Self.expected("\(file).expected.json")
        var diffs = compare(try json(h, "report --as all --json"), vectors["overall"] as! [String: Any], "overall")
        for (name, v) in vectors["forecasters"] as! [String: Any] {
            diffs += compare(try json(h, "report --as \(name) --json"), v as! [String: Any], name)
        }
        #expect(diffs.isEmpty, "\(diffs.prefix(10))")
    }

    @Test(arguments: TestPostgres.engines) func importIsOneTransactionAndNamesTheBadLine(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        let path = h.directory.appendingPathComponent("bad.csv").path
        try "forecaster,question_id,probability,outcome\nme,q1,0.7,1\nme,q2,0.4,0\nme,q3,1.7,1\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let r = h.run(["import", path])
        #expect(r.status == 65)
        #expect(
            r.err
                == "error: \(path): line 4 (probability): \"1.7\" is not a probability from 0 to 1 (or 0% to 100%). Nothing was imported (--skip-bad leaves bad records out)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: h.journal) || h.rows("SELECT count(*) FROM claim") == [["0"]])
    }

    @Test(arguments: [
        (
            "forecaster,question_id,probability\nme,q1,0.7\n",
            "line 1 (outcome): the header has no \"outcome\" column (found: forecaster,question_id,probability)"
        ),
        (
            "forecaster,question_id,probability,outcome,colour\n",
            "line 1 (colour): unknown column \"colour\"; the plain CSV has forecaster, question_id, probability, outcome and optionally question, created, resolved (use --format for other formats)"
        ),
        (
            "forecaster,question_id,probability,outcome\nme,q1,0.7,1\nyou,q1,0.2,0\n",
            "line 3 (outcome): question q1 has outcome 1 on line 2 but 0 here; a question has one outcome"
        ),
        (
            "forecaster,question_id,probability,outcome\nme,q1,0.7,maybe\n",
            "line 2 (outcome): \"maybe\" is not an outcome: use 1, 0, or leave it blank for an open question"
        ),
        ("forecaster,question_id,probability,outcome\nme,q1,0.7\n", "line 2: expected 4 fields, found 3"),
        (
            "forecaster,question_id,probability,outcome\n,q1,0.7,1\n",
            "line 2 (forecaster): the forecaster's name is empty or only invisible characters (such as U+200B ZERO WIDTH SPACE): write the name, or import with --as NAME to take the forecasts with no forecaster as NAME's"
        ),
        (
            "forecaster,question_id,probability,outcome,question\nme,q1,0.7,1,\"Does it\nspan lines\"\nme,q2,0.7,1,\"never closes\n",
            "line 4: a quoted field opened here never closes (missing \")"
        ),
        (
            "forecaster,question_id,probability,outcome,resolved\nme,q1,0.7,,2026-01-01\n",
            "line 2 (resolved): a resolution date but no outcome"
        ),
    ])
    func malformedFiles(text: String, message: String) throws {
        let h = Harness()
        let path = h.directory.appendingPathComponent("f.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = h.run(["import", path])
        #expect(r.status == 65)
        // A bad header or broken CSV is the file's fault; only single records can be skipped.
        let hint =
            message.hasPrefix("line 1 ") || message.contains("never closes")
            ? "" : " (--skip-bad leaves bad records out)"
        #expect(r.err == "error: \(path): \(message). Nothing was imported\(hint)\n")
    }

    @Test(arguments: TestPostgres.engines) func importIsIdempotentAndUndoable(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        let path = Self.fixture("journal_100.csv")
        #expect(
            h.run(["import", path]).out
                == "Imported 39 claims and 100 forecasts from journal_100.csv (plain CSV), with 39 resolutions; new forecasters: calibrated, overconfident, underconfident.\n"
        )
        #expect(
            h.run(["import", path]).out
                == "Nothing new in journal_100.csv: everything in it was imported before.\nAlready here, unchanged: 39 claims (100 forecasts skipped as duplicates).\n"
        )
        #expect(h.rows("SELECT count(*) FROM forecast") == [["100"]])
        #expect(h.run("undo").out == "Undid: import journal_100.csv: 39 claims, 100 forecasts (12:00:00, this shell)\n")
        #expect(h.rows("SELECT count(*) FROM forecast") == [["0"]])
    }

    @Test(arguments: TestPostgres.engines) func importWithTextDatesAndOpenQuestions(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        let path = h.directory.appendingPathComponent("q.csv").path
        try """
        forecaster,question_id,probability,outcome,question,created,resolved
        me,a,70%,1,"Ryan ships, finally",2026-01-05,2026-02-01
        ryan,a,0.9,1,,2026-01-05,
        me,b,0.3,,Open question,2026-03-01,
        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(h.run(["import", path]).status == 0)
        #expect(
            h.rows("SELECT text, status, created_at, resolved_at FROM claim ORDER BY id")
                == [
                    ["Ryan ships, finally", "yes", "1767571200000", "1769990399000"],
                    ["Open question", "open", "1772323200000", "NULL"],
                ])
        #expect(
            h.rows("SELECT typed, form, is_final FROM forecast ORDER BY id") == [
                ["70%", "percent", "1"], ["0.9", "decimal", "1"], ["0.3", "decimal", "1"],
            ])
    }

    @Test(arguments: TestPostgres.engines) func reportFiltersGroupsAndOutputs(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["import", Self.fixture("journal_100.csv")])
        let empty = h.run("report")
        #expect(
            empty.out
                == "No resolved forecasts by me to report yet. Resolve claims as they come due (`credence due` lists them), or try `--as all` for everyone's.\n"
        )
        let text = h.run("report --as all --by forecaster --width 100").out
        #expect(text.contains("Calibration of everyone · 100 resolved forecasts"))
        #expect(text.contains("  forecaster") && text.contains("  calibrated") && text.contains("underconfident"))
        #expect(text.contains("Verdict: "))
        let csv = h.run("report --as calibrated --csv").out
        #expect(csv.split(separator: "\n").count == 11)
        let svg = h.directory.appendingPathComponent("r.svg").path,
            html = h.directory.appendingPathComponent("r.html").path
        let wrote = h.run(["report", "--as", "all", "-o", svg])
        #expect(wrote.status == 0 && wrote.err.hasPrefix("Wrote \(svg) (SVG, ") && wrote.out.isEmpty)
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg xmlns"))
        #expect(h.run(["report", "--as", "all", "-o", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(h.run(["report", "-o", "r.pdf"]).status == 64)
        let bins = try json(h, "report --as all --bins 5 --json")
        #expect((bins["bins"] as! [Any]).count == 5)
        let grouped = try json(h, "report --as all --by forecaster --json")
        #expect(
            (grouped["groups"] as! [[String: Any]]).map { $0["name"] as! String }.sorted() == [
                "calibrated", "overconfident", "underconfident",
            ])
        #expect((grouped["forecasters"] as! [String: Any]).count == 3)
    }

    @Test(arguments: TestPostgres.engines) func everyForecastAndTagFilters(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 60% #work")
        h.advance(days: 1)
        h.run("forecast 1 90%")
        h.run("add Rain 30% #weather")
        h.advance(days: 1)
        h.run("resolve 1 yes")
        h.run("resolve 2 no")
        #expect(try json(h, "report --json")["n"] as? Int == 2)
        #expect(try json(h, "report --every-forecast --json")["n"] as? Int == 3)
        #expect(try json(h, "report --tag work --json")["n"] as? Int == 1)
        #expect(try json(h, "report --since 2026-11-25 --json")["n"] as? Int == 0)
        #expect(
            h.run("report --since 2026-11-25").out.hasPrefix(
                "No resolved forecasts by me to report yet with these filters."))
        let caveats = try json(h, "report --by caveats --json")
        #expect((caveats["groups"] as! [[String: Any]]).map { $0["name"] as! String } == ["no caveats"])
        let input = try json(h, "report --by input --json")
        #expect((input["groups"] as! [[String: Any]]).map { $0["name"] as! String } == ["percent"])
    }
}

/// Differences between an expected JSON tree and an actual one (1e-12 relative for numbers;
/// smooth ECE's value 1e-9, as the vectors' README allows).
func jsonDifferences(_ expected: Any, _ actual: Any?, path: String) -> [String] {
    switch expected {
    case let e as [String: Any]:
        guard let a = actual as? [String: Any] else { return ["\(path): not an object"] }
        return e.flatMap { jsonDifferences($0.value, a[$0.key], path: "\(path).\($0.key)") }
    case let e as [Any]:
        guard let a = actual as? [Any], a.count == e.count else { return ["\(path): array differs"] }
        return zip(e, a).enumerated().flatMap { jsonDifferences($1.0, $1.1, path: "\(path)[\($0)]") }
    case is NSNull:
        return actual is NSNull || actual == nil ? [] : ["\(path): \(actual!) ≠ null"]
    case let e as NSNumber:
        guard let a = actual as? NSNumber else { return ["\(path): \(String(describing: actual)) ≠ \(e)"] }
        let rel = path.hasSuffix("smooth_ece.value") ? 1e-9 : 1e-12
        return abs(a.doubleValue - e.doubleValue) <= rel * abs(e.doubleValue) + 1e-15 ? [] : ["\(path): \(a) ≠ \(e)"]
    case let e as String:
        return actual as? String == e ? [] : ["\(path): \(String(describing: actual)) ≠ \(e)"]
    default:
        return ["\(path): unexpected"]
    }
}
