import CredenceCLI
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The insight commands against temporary journals: the numbers agree with the report's, the
/// hint at entry respects its switch, and a yearly list goes through paste, grade and post.
@Suite struct InsightCommandTests {
    static func insights(_ engine: TestEngine = .sqlite) -> Harness {
        let h = Harness(engine: engine)
        h.run(["import", InterchangeTests.fixture("insights.json")])
        return h
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    @Test(arguments: TestPostgres.engines) func caveatAuditAgreesWithTheReport(engine: TestEngine) throws {
        let h = Self.insights(engine)
        let audit = try Self.json(h.run("caveats --json").out)
        let report = try Self.json(h.run("report --by caveats --json").out)
        let groups = audit["groups"] as! [[String: Any]]
        let rows = report["groups"] as! [[String: Any]]
        #expect(groups.map { $0["name"] as! String } == ["no caveats", "1 caveat", "2+ caveats"])
        #expect(groups.map { $0["n"] as! Int } == [174, 102, 45])
        for g in groups {
            let row = try #require(rows.first { $0["name"] as? String == g["name"] as? String })
            let corp = row["corp"] as! [String: Any]
            #expect(abs((g["mcb"] as! Double) - (corp["mcb"] as! Double)) < 1e-12)
            #expect(abs((g["dsc"] as! Double) - (corp["dsc"] as! Double)) < 1e-12)
            #expect(abs((g["brier"] as! Double) - (row["brier"] as! Double)) < 1e-12)
        }
        #expect(audit["finding"] as? String == "not_reliably_better")
        // The same seeds give the same p-values run to run.
        #expect(h.run("caveats --json").out == h.run("caveats --json").out)
    }

    @Test(arguments: TestPostgres.engines) func wordsCountWhatWasTyped(engine: TestEngine) throws {
        let h = Self.insights(engine)
        let words = (try Self.json(h.run("words --json").out))["words"] as! [[String: Any]]
        let likely = try #require(words.first { $0["word"] as? String == "very likely" })
        let counted = h.rows(
            """
            SELECT count(*), sum(f.outcome) FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id
            WHERE w.name = 'me' AND f.typed = 'very likely' AND f.is_final = 1 AND f.outcome IS NOT NULL
            """)
        #expect(counted == [["\(likely["n"] as! Int)", "\(likely["events"] as! Int)"]])
        // 12 of 16 at 93% (p = 0.015) and 6 of 27 at 7% (p = 0.008) are the two smallest p of
        // the 4 words judged, both below 2·0.05/4: Benjamini–Hochberg flags both (Bonferroni's
        // 0.05/4 flagged only the second).
        #expect(likely["verdict"] as? String == "happens_less")
        let test = try #require(likely["test"] as? [String: Any])
        #expect((test["p"] as! Double) < 0.025 && (test["p"] as! Double) > 0.0125)
        #expect(test["alpha"] as? Double == 0.025 && test["words_judged"] as? Int == 4)
        #expect(test["alpha_method"] as? String == "benjamini_hochberg")
        let unlikely = try #require(words.first { $0["word"] as? String == "very unlikely" })
        #expect(unlikely["verdict"] as? String == "happens_more")
        let empty = Harness(engine: engine)
        empty.run("add Rain 70%")
        #expect(empty.run("words").out.hasPrefix("No resolved verbal forecasts by me yet."))
    }

    @Test(arguments: TestPostgres.engines) func referenceHintsFollowTheConfigSwitch(engine: TestEngine) throws {
        let h = Self.insights(engine)
        #expect(h.run("add Ship it 85% #work").out.contains("  record  your 80–90% #work forecasts came true"))
        let config = h.directory.appendingPathComponent("config/credence")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "reference_hints = off\n".write(
            to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let quiet = h.run("add Ship it again 85% #work")
        #expect(quiet.status == 0 && !quiet.out.contains("record"))
        // A fresh journal has no record to speak of.
        #expect(!Harness(engine: engine).run("add Rain 70%").out.contains("record"))
    }

    @Test(arguments: TestPostgres.engines) func periodReportsHaveATrendInTextAndHTML(engine: TestEngine) throws {
        let h = Self.insights(engine)
        #expect(
            h.run("report --by year --as all").out.contains(
                "Trend, 2024 → 2026 (lower is better)\n  Brier █▅▁  0.1855 → 0.1392\n"))
        let page = h.directory.appendingPathComponent("r.html").path
        h.run(["report", "--by", "quarter", "-o", page])
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(
            html.contains("<h2>Trend, 2024 Q1 to 2026 Q4</h2><svg")
                || html.contains("<h2>Trend, 2024 Q1 to 2026 Q4</h2>\n<svg"))
        #expect(html.contains("<title id=\"trend-title\">Brier by period, 2024 Q1 to 2026 Q4: 0.1629, 0.2265"))
        h.run(["report", "-o", page])
        #expect(!(try String(contentsOfFile: page, encoding: .utf8)).contains("Trend"))
    }

    @Test(arguments: TestPostgres.engines) func pasteAtThePromptThenGradeInOnePass(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.input.feed([
            "# Predictions", "## Work", "Ship v2: 80%", "Hire two people (60%)", "", "## Life",
            "- Run a marathon — 30%", ".",
        ])
        let pasted = h.run("yearly paste")
        #expect(pasted.status == 0, "\(pasted.err)")
        #expect(pasted.out.hasPrefix("Added 3 predictions to #predictions-2026 as claims 1–3, due Thu 31 Dec 2026.\n"))
        #expect(
            h.rows(
                "SELECT c.text, \(engine == .postgres ? "string_agg(t.name, ' ' ORDER BY ct.id)" : "group_concat(t.name, ' ')") FROM claim c JOIN claim_tag ct ON ct.claim_id = c.id JOIN tag t ON t.id = ct.tag_id GROUP BY c.id ORDER BY c.id"
            )
                == [
                    ["Ship v2", "predictions-2026 work"], ["Hire two people", "predictions-2026 work"],
                    ["Run a marathon", "predictions-2026 life"],
                ])
        // An unknown answer is asked again, b goes back, q keeps the answers so far.
        h.input.feed(["y", "maybe", "n", "b", "t", "q"])
        let graded = h.run("yearly grade")
        #expect(graded.err == "“maybe” is not an answer: y, n, t (thrown out), s (skip), b (back) or q (quit)\n")
        #expect(
            graded.out.contains(
                "Graded 2 of 3 in #predictions-2026: 1 came true, 0 did not, 1 thrown out; 1 still open.\n"))
        #expect(
            h.input.prompts.suffix(6) == [
                "[1/3] Ship v2 — 80%: ", "[2/3] Hire two people — 60%: ", "[2/3] Hire two people — 60%: ",
                "[3/3] Run a marathon — 30%: ", "[2/3] Hire two people — 60%: ", "[3/3] Run a marathon — 30%: ",
            ])
        #expect(h.rows("SELECT status FROM claim ORDER BY id") == [["yes"], ["annulled"], ["open"]])
        #expect(h.run("undo").out == "Undid: grade 2 predictions #predictions-2026 (12:00:00, this shell)\n")
        #expect(h.rows("SELECT status FROM claim ORDER BY id") == [["open"], ["open"], ["open"]])
    }

    @Test(arguments: TestPostgres.engines) func aBadListAddsNothing(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run("add Seed 50%")
        let before = h.snapshot()
        let file = h.directory.appendingPathComponent("list.md").path
        try "Ship v2: 80%\nHire people: 60\nRun a marathon\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = h.run(["yearly", "paste", file])
        #expect(r.status == 65)
        #expect(
            r.err == """
                error: 2 lines of the list could not be read; nothing was added:
                  line 2: "60" is a bare number: did you mean 60%?
                  line 3: no probability found: end the line with one, as in “The Fed cuts rates twice: 70%”
                Write each as `claim: 70%`.

                """)
        #expect(h.snapshot() == before)
        let missing = h.directory.appendingPathComponent("nope.md").path
        let gone = h.run(["yearly", "paste", missing])
        #expect(gone.status == 74 && gone.err == "error: cannot read \(missing): no such file\n")
        #expect(h.snapshot() == before)
    }

    @Test(arguments: TestPostgres.engines) func thePostAndItsChart(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["yearly", "paste", InterchangeTests.fixture("yearly-2026.md")])
        h.run(["yearly", "grade", "--answers", "yynytny"])
        let post = h.directory.appendingPathComponent("post.md").path
        let r = h.run(["yearly", "post", "-o", post])
        #expect(r.err == "Wrote \(post) and \(h.directory.appendingPathComponent("post.svg").path).\n")
        let markdown = try String(contentsOfFile: post, encoding: .utf8)
        #expect(
            markdown.contains("![Calibration chart: the share that came true against the stated probability](post.svg)")
        )
        #expect(
            markdown
                == h.run("yearly post").out.replacingOccurrences(
                    of: "\n\n## The predictions",
                    with:
                        "\n\n![Calibration chart: the share that came true against the stated probability](post.svg)\n\n## The predictions"
                ))
        let svg = try Data(contentsOf: h.directory.appendingPathComponent("post.svg"))
        #expect(XMLParser(data: svg).parse())
    }

    @Test(arguments: TestPostgres.engines) func markdownEscapesWhatItQuotes(engine: TestEngine) {
        let h = Harness(engine: engine)
        let file = h.directory.appendingPathComponent("list.md").path
        try? "The *best* <b>model</b> | wins: 60%\n".write(toFile: file, atomically: true, encoding: .utf8)
        h.run(["yearly", "paste", file])
        #expect(
            h.run("yearly post").out.contains("- ⏳ The \\*best\\* &lt;b&gt;model&lt;/b&gt; \\| wins: 60% (still open)"))
    }
}
