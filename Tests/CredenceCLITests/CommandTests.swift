import CredenceCLI
import Foundation
import Testing

/// Commands run in-process against temporary journals; assertions read the journal itself.
@Suite struct CommandTests {
    @Test(arguments: TestPostgres.engines) func addStoresClaimForecastTagsAndCaveat(engine: TestEngine) {
        let h = Harness(engine: engine)
        let r = h.run(["add", "Ryan's probe replicates 35% by june #interp unless the eval changes"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("Added claim 1: Ryan's probe replicates\n"))
        #expect(r.out.contains("by      Wed 30 Jun 2027, end of day (Europe/London)"))
        #expect(
            h.rows("SELECT text, resolve_by, status FROM claim") == [
                ["Ryan's probe replicates", "1814396399000", "open"]
            ])
        #expect(
            h.rows(
                "SELECT w.name, f.probability, f.typed, f.form, f.is_final FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id"
            )
                == [["me", "0.35", "35%", "percent", "1"]])
        #expect(h.rows("SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id") == [["interp"]])
        #expect(h.rows("SELECT text FROM caveat") == [["unless the eval changes"]])
    }

    @Test(arguments: TestPostgres.engines) func threeWaysToEnterAClaim(engine: TestEngine) {
        let h = Harness(engine: engine)
        #expect(h.run("add Ryan ships by friday 70% #work").status == 0)
        #expect(
            h.run("add 'GPT-6 is released' --p 3:1 --by 'end of year' --tag ai --caveat 'no compute crunch'").status
                == 0)
        #expect(h.run("add The eval replicates likely by june").status == 0)
        #expect(
            h.rows("SELECT typed, form, probability FROM forecast ORDER BY id")
                == [["70%", "percent", "0.7"], ["3:1", "odds", "0.75"], ["likely", "verbal", "0.75"]])
        #expect(
            h.rows("SELECT id, text FROM claim ORDER BY id") == [
                ["1", "Ryan ships"], ["2", "GPT-6 is released"], ["3", "The eval replicates"],
            ])
    }

    @Test(arguments: TestPostgres.engines) func forecastKeepsHistoryAndMarksTheOneThatCounts(engine: TestEngine) {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 70%")
        h.advance(days: 1)
        let r = h.run("forecast 1 80% --as Ryan --reason 'saw the branch'")
        #expect(r.status == 0)
        #expect(r.out == "Forecast on claim 1 “Ryan ships” by Ryan: 80%\n")
        h.advance(days: 1)
        #expect(h.run("forecast 1 60%").out == "Forecast on claim 1 “Ryan ships” by me: 60% (was 70%)\n")
        #expect(h.run("forecast 1 4:1 --as RYAN").status == 0)
        #expect(h.rows("SELECT name FROM forecaster ORDER BY id") == [["me"], ["Ryan"]])
        #expect(
            h.rows("SELECT typed, is_final FROM forecast ORDER BY id") == [
                ["70%", "0"], ["80%", "0"], ["60%", "1"], ["4:1", "1"],
            ])
    }

    @Test(arguments: TestPostgres.engines) func resolveRecordsHistoryAndNeedsForceTwice(engine: TestEngine) {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 70%")
        h.advance(days: 2)
        #expect(h.run("resolve 1 yes --note shipped").status == 0)
        let twice = h.run("resolve 1 no")
        #expect(twice.status == 65)
        #expect(
            twice.err
                == "error: claim 1 is already resolved (yes): add --force to resolve it again (the history is kept)\n")
        let again = h.run("resolve 1 no --force")
        #expect(again.out.contains(": NO (was yes)"))
        #expect(h.rows("SELECT status, note FROM resolution ORDER BY id") == [["yes", "shipped"], ["no", "NULL"]])
        #expect(h.rows("SELECT status, outcome FROM claim") == [["no", "0"]])
    }

    @Test(arguments: TestPostgres.engines) func resolutionTimeDecidesWhichForecastCounts(engine: TestEngine) {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 70%")
        h.advance(days: 3)
        h.run("forecast 1 95%")
        // Resolved as of the day before the update: the 70% counts, not the hindsight 95%.
        #expect(h.run("resolve 1 yes --at 2026-11-23").status == 0)
        #expect(h.rows("SELECT typed, is_final FROM forecast ORDER BY id") == [["70%", "1"], ["95%", "0"]])
        #expect(h.run("forecast 1 99%").status == 65)
    }

    @Test(arguments: TestPostgres.engines) func undoRevertsEachStepInTurn(engine: TestEngine) {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 70% #work")
        h.run("forecast 1 80% --as ryan")
        h.run("resolve 1 yes")
        #expect(h.run("undo").out == "Undid: resolve claim 1 yes (12:00:00, this shell)\n")
        #expect(h.rows("SELECT status, resolved_at FROM claim") == [["open", "NULL"]])
        #expect(h.rows("SELECT count(*) FROM resolution") == [["0"]])
        #expect(h.rows("SELECT is_final FROM forecast ORDER BY id") == [["1"], ["1"]])
        #expect(h.run("undo").out == "Undid: forecast 80% by ryan on claim 1 (12:00:00, this shell)\n")
        #expect(h.rows("SELECT count(*) FROM forecast") == [["1"]])
        #expect(h.rows("SELECT count(*) FROM forecaster") == [["1"]])
        #expect(h.run("undo").out == "Undid: add claim 1 “Ryan ships” (12:00:00, this shell)\n")
        #expect(h.rows("SELECT count(*) FROM claim") == [["0"]])
        let none = h.run("undo")
        #expect(none.status == 65 && none.err == "error: nothing to undo: the journal has no recorded changes left\n")
        // An id once given is never given again: `resolve 1` in a reminder still means the undone claim.
        #expect(h.run("add Again 40%").out.hasPrefix("Added claim 2:"))
        #expect(h.run("resolve 1 yes").err == "error: there is no claim 1: `credence list` shows the ids\n")
    }

    @Test(arguments: TestPostgres.engines) func deleteAsksAndUndoBringsItBack(engine: TestEngine) {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 70% #work unless rain")
        h.run("forecast 1 80% --as ryan")
        let refused = h.run("delete 1")
        #expect(refused.status == 64 && refused.err.contains("add --yes"))
        h.confirmAnswer = false
        #expect(h.run("delete 1").out == "Kept claim 1.\n")
        h.confirmAnswer = true
        #expect(h.run("delete 1").status == 0)
        #expect(h.rows("SELECT count(*) FROM claim") == [["0"]] && h.rows("SELECT count(*) FROM forecast") == [["0"]])
        h.run("undo")
        #expect(h.rows("SELECT text FROM claim") == [["Ryan ships"]])
        #expect(
            h.rows("SELECT count(*) FROM forecast") == [["2"]] && h.rows("SELECT text FROM caveat") == [["unless rain"]]
        )
        #expect(h.rows("SELECT count(*) FROM claim_tag") == [["1"]])
        // A team journal checks its foreign keys at every commit.
        if engine == .sqlite { #expect(h.rows("PRAGMA foreign_key_check") == []) }
    }

    @Test(arguments: TestPostgres.engines) func editThroughTheEditor(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 70%")
        let script = h.directory.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nsed -i '1s/.*/Ryan ships the probe/; 3s/.*/from the standup/' \"$1\"\n".write(
            to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        h.environment["EDITOR"] = script.path
        #expect(h.run("edit 1").out == "Updated claim 1: Ryan ships the probe\n")
        #expect(h.rows("SELECT text, notes FROM claim") == [["Ryan ships the probe", "from the standup"]])
        h.environment["EDITOR"] = "true"
        #expect(h.run("edit 1").out == "Claim 1 unchanged.\n")
        #expect(h.run("undo").out == "Undid: edit claim 1 (12:00:00, this shell)\n")
        #expect(h.rows("SELECT text, notes FROM claim") == [["Ryan ships", "NULL"]])
    }

    @Test(arguments: TestPostgres.engines) func listFiltersAndJSON(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run("add Ryan ships by friday 70% #work")
        h.run("add The eval replicates 40% by tomorrow #interp")
        h.run("add Rain in London 90% #weather")
        h.run("forecast 3 60% --as ryan")
        h.run("resolve 3 yes")
        #expect(h.run("list --open").out.components(separatedBy: "\n").count == 4)
        #expect(h.run("list --tag work").out.contains("Ryan ships"))
        #expect(!h.run("list --tag work").out.contains("eval"))
        #expect(h.run("list --search EVAL").out.contains("The eval replicates"))
        #expect(h.run("list --resolved").out.contains("yes"))
        #expect(h.run("list --as ryan").out.contains("Rain in London"))
        #expect(!h.run("list --as ryan").out.contains("Ryan ships"))
        #expect(h.run("list --limit 1").out.components(separatedBy: "\n").count == 3)
        h.advance(days: 2)
        let due = h.run("due")
        #expect(due.out.contains("The eval replicates") && !due.out.contains("Ryan ships"))
        let json = try JSONSerialization.jsonObject(with: Data(h.run("list --json").out.utf8)) as! [String: Any]
        let claims = json["claims"] as! [[String: Any]]
        #expect(claims.count == 3)
        #expect(
            Set(claims[0].keys) == [
                "id", "uuid", "text", "kind", "notes", "status", "created_at", "resolve_by", "resolved_at",
                "tags", "forecast", "forecast_count", "options",
            ])
        let forecast = claims[0]["forecast"] as! [String: Any]
        #expect(forecast["probability"] as? Double == 0.9 && forecast["typed"] as? String == "90%")
    }

    @Test(arguments: TestPostgres.engines) func showAsTextAndJSON(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run("add Ryan ships 70% #work unless rain")
        h.run("forecast 1 4:1 --as ryan --reason 'saw it'")
        h.run("resolve 1 yes --note done")
        let text = h.run("show 1").out
        #expect(text.contains("Claim 1  Ryan ships"))
        #expect(text.contains("ryan  80% (typed 4:1)"))
        #expect(text.contains("caveat: unless rain"))
        #expect(text.contains("note: done"))
        let json = try JSONSerialization.jsonObject(with: Data(h.run("show 1 --json").out.utf8)) as! [String: Any]
        #expect((json["forecasts"] as! [Any]).count == 2 && (json["resolutions"] as! [Any]).count == 1)
        #expect(json["status"] as? String == "yes")
    }
}
