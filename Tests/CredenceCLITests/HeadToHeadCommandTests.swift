import CredenceCLI
import Foundation
import Testing

/// `vs` and `leaderboard` through the journal, against the vectors' pairwise figures.
@Suite struct HeadToHeadCommandTests {
    func json(_ h: Harness, _ line: String) throws -> [String: Any] {
        let r = h.run(line)
        #expect(r.status == 0, "\(line): \(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    }

    @Test(arguments: ["journal_1000", "journal_100", "tiny_hand", "edge_cases"], TestPostgres.engines)
    func vsMatchesTheVectors(file: String, engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["import", ReportCommandTests.fixture("\(file).csv")])
        let vectors = try ReportCommandTests.expected("\(file).expected.json")["pairs"] as! [[String: Any]]
        var diffs: [String] = []
        for pair in vectors {
            let a = pair["a"] as! String, b = pair["b"] as! String
            let mine = try json(h, "vs \(a) \(b) --json")
            var expectedBrier = pair["brier_diff"] as! [String: Any]
            let boot = expectedBrier.removeValue(forKey: "bootstrap_statistical") as! [String: Any]
            var myBrier = mine["brier_diff"] as! [String: Any]
            let myBoot = myBrier.removeValue(forKey: "bootstrap") as! [String: Any]
            diffs += jsonDifferences(
                [
                    "n_shared": pair["n_shared"]!, "brier_a": pair["brier_a"]!, "brier_b": pair["brier_b"]!,
                    "brier_diff": expectedBrier, "log_loss_diff": pair["log_loss_diff"]!,
                ], mine, path: "\(a)-\(b)")
            let ci = boot["ci95"] as! [Double], myCI = myBoot["ci95"] as! [Double]
            let allowance =
                0.6 * (expectedBrier["sd_diff"] as? Double ?? 0) / Double(pair["n_shared"] as! Int).squareRoot() + 1e-15
            #expect(
                abs(ci[0] - myCI[0]) <= allowance && abs(ci[1] - myCI[1]) <= allowance,
                "\(a)-\(b) bootstrap \(myCI) vs \(ci)")
        }
        #expect(diffs.isEmpty, "\(diffs.prefix(10))")
    }

    @Test(arguments: TestPostgres.engines) func leaderboardPeerScoresMatchTheVectors(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["import", ReportCommandTests.fixture("journal_1000.csv")])
        let vectors =
            try ReportCommandTests.expected("journal_1000.expected.json")["forecasters"] as! [String: [String: Any]]
        let board = try json(h, "leaderboard --json")
        let rows = board["forecasters"] as! [[String: Any]]
        #expect(rows.count == 3)
        for row in rows {
            let name = row["name"] as! String
            let m = vectors[name]!["metaculus"] as! [String: Any]
            #expect(
                jsonDifferences(
                    [
                        "peer_mean": m["peer_mean"]!, "peer_claims": m["peer_n_questions"]!,
                        "brier": vectors[name]!["brier"]!,
                        "n": vectors[name]!["n"]!,
                    ], row, path: name
                ).isEmpty)
        }
        let means = rows.map { $0["peer_mean"] as! Double }
        #expect(means == means.sorted(by: >))
        let contest = try json(h, "leaderboard --contest --json")
        let claims = Double(contest["claims"] as! Int)
        for row in contest["forecasters"] as! [[String: Any]] {
            let name = row["name"] as! String
            let m = vectors[name]!["metaculus"] as! [String: Any]
            let expected = (m["peer_mean"] as! Double) * Double(m["peer_n_questions"] as! Int) / claims
            #expect(abs((row["peer_mean"] as! Double) - expected) <= 1e-12 * abs(expected))
        }
    }

    @Test(arguments: TestPostgres.engines) func theWinCountTrapIsShownBesideTheMean(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["import", ReportCommandTests.fixture("journal_1000.csv")])
        let text = h.run("vs calibrated overconfident").out
        #expect(text.contains("Closer on: calibrated 54, overconfident 214, ties 0"))
        #expect(text.contains("win counts reward overconfidence"))
        #expect(
            text.hasSuffix(
                "No clear difference yet (n = 268): mean Brier 0.0032 lower for Calibrated, p = 0.571, within noise.\n")
        )
    }

    @Test(arguments: TestPostgres.engines) func verdictsNeedEnoughClaims(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        for i in 1...6 {
            h.run("add Claim \(i) \(92 - i)%")
            h.run("forecast \(i) 50% --as ryan")
            h.run("resolve \(i) yes")
            let sentence = h.run("vs me ryan").out.split(separator: "\n").last!
            if i < 5 {
                #expect(sentence.hasPrefix("No clear difference yet (n = \(i))"))
            } else {
                #expect(sentence.hasPrefix("You were more right than Ryan on these \(i) claims: mean Brier 0."))
            }
        }
        let same = Harness(engine: engine)
        for i in 1...5 {
            same.run("add Claim \(i) 90%")
            same.run("forecast \(i) 50% --as ryan")
            same.run("resolve \(i) yes")
        }
        #expect(
            same.run("vs ryan me").out.hasSuffix(
                "You were more right than Ryan on all 5 claims, each time by Brier 0.2400 (every difference is equal, so there is no t-test).\n"
            ))
        #expect(h.run("vs me me").status == 64)
        #expect(
            h.run("vs me nobody").err
                == "error: nobody called \"nobody\" has forecast in this journal; forecasters: me, ryan\n")
    }

    @Test(arguments: TestPostgres.engines) func scenarioSetsCountInComparisons(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["add", "Takeoff", "--option", "slow=60%", "--option", "fast=25%", "--option", "none=15%"])
        h.run(["forecast", "1", "--option", "slow=40%", "--option", "fast=40%", "--option", "none=20%", "--as", "ryan"])
        h.run("add Rain 70%")
        h.run("forecast 2 20% --as ryan")
        h.run(["resolve", "1", "slow"])
        h.run("resolve 2 yes")
        let vs = try json(h, "vs me ryan --json")
        #expect(vs["n_shared"] as? Int == 2)
        let claims = vs["claims"] as! [[String: Any]]
        let set = try #require(claims.first { $0["kind"] as? String == "scenarios" })
        // Multi-category Brier: me 0.16 + 0.0625 + 0.0225, ryan 0.36 + 0.16 + 0.04; halved for the mean.
        #expect(abs((set["brier_0_2_a"] as! Double) - 0.245) < 1e-12)
        #expect(abs((set["brier_0_2_b"] as! Double) - 0.56) < 1e-12)
        #expect(set["happened"] as? String == "slow" && set["a"] as? Double == 0.6)
        #expect(abs((vs["brier_a"] as! Double) - (0.1225 + 0.09) / 2) < 1e-12)
        #expect(abs((vs["brier_b"] as! Double) - (0.28 + 0.64) / 2) < 1e-12)
        #expect(abs((set["log_diff_bits"] as! Double) - log2(0.4 / 0.6)) < 1e-12)
        let board = try json(h, "leaderboard --json")["forecasters"] as! [[String: Any]]
        #expect(board.map { $0["name"] as! String } == ["me", "ryan"])
        #expect(abs((board[0]["peer_mean"] as! Double) - 100 * (log(0.6 / 0.4) + log(0.7 / 0.2)) / 2) < 1e-9)
        // GJ Open's 0–2 Brier per question, not twice the mean over the option rows.
        let report = try json(h, "report --as all --json")
        let perQuestion = (0.245 + 0.56 + 2 * 0.09 + 2 * 0.64) / 4
        #expect(abs((report["brier_0_2"] as! Double) - perQuestion) < 1e-12)
        #expect(report["brier_0_2_per_question"] as? Bool == true)
    }

    /// tiny_timeline.csv in days: the timeline of docs/statistics.md §14, entered as it happened.
    static func timeline(_ engine: TestEngine = .sqlite) -> Harness {
        let h = Harness(engine: engine)
        h.run("add t1 60% --as alice")
        h.run("add t2 50% --as bob")
        h.advance(days: 2)
        h.run("forecast 2 30% --as alice")
        h.advance(days: 1)
        h.run("forecast 2 10% --as bob")
        h.advance(days: 1)
        h.run("forecast 1 90% --as alice")
        h.run("resolve 2 no")
        h.advance(days: 1)
        h.run("forecast 1 80% --as bob")
        h.advance(days: 5)
        h.run("resolve 1 yes")
        return h
    }

    @Test(arguments: TestPostgres.engines) func reportScoresTimeAveragedBrierPerForecaster(engine: TestEngine) throws {
        let h = Self.timeline(engine)
        let expected = try ReportCommandTests.expected("tiny_timeline.expected.json")["forecasters"] as! [String: Any]
        let pooled = try json(h, "report --as all --scoring time-averaged --json")
        let forecasters = try #require(pooled["forecasters"] as? [String: [String: Any]], "\(pooled)")
        for name in ["alice", "bob"] {
            let mine = try #require(forecasters[name]?["time_averaged"] as? [String: Any], "\(forecasters.keys)")
            let theirs = expected[name] as! [String: Any]
            #expect(mine["claims"] as? Int == theirs["n_questions"] as? Int)
            #expect(
                abs((mine["brier_from_first"] as! Double) - (theirs["mean_time_avg_brier_from_first"] as! Double))
                    < 1e-12)
            #expect(
                abs((mine["brier_uniform_fill"] as! Double) - (theirs["mean_time_avg_brier_uniform_fill"] as! Double))
                    < 1e-12)
        }
        let all = pooled["time_averaged"] as! [String: Any]
        #expect(abs((all["brier_from_first"] as! Double) - (0.07 + 0.09 + 0.04 + 0.19) / 4) < 1e-12)
        let alice = try json(h, "report --as alice --scoring time-averaged --json")["time_averaged"] as! [String: Any]
        #expect(abs((alice["brier_from_first"] as! Double) - 0.08) < 1e-12)
        #expect(try json(h, "report --as alice --json")["time_averaged"] == nil)
        let text = h.run("report --as alice --scoring time-averaged").out
        #expect(text.contains("Time-averaged 0.0800"), "\(text)")
        #expect(h.run("report --as all --scoring time-averaged").out.contains("Time-averaged Brier by forecaster"))
    }

    @Test(arguments: TestPostgres.engines) func timeAveragedVsScoresTheLogColumnOverTheWindowToo(
        engine: TestEngine
    ) throws {
        let h = Self.timeline(engine)
        let vs = try json(h, "vs alice bob --scoring time-averaged --json")
        let claims = vs["claims"] as! [[String: Any]]
        // t1 over [5, 10): 90% against 80%. t2 over [2, 4): alice 30% throughout; bob 50% then 10%.
        #expect(abs((claims[0]["time_averaged_log_diff_bits"] as! Double) - log2(0.8 / 0.9)) < 1e-12)
        let bob = (log(0.5) + log(0.9)) / 2
        #expect(abs((claims[1]["time_averaged_log_diff_bits"] as! Double) - (bob - log(0.7)) / M_LN2) < 1e-12)
        #expect((vs["time_averaged_log_loss"] as! [String: Any])["n"] as? Int == 2)
        let text = h.run("vs alice bob --scoring time-averaged").out
        #expect(text.contains("Time-averaged log score (same windows): difference -0.116 bits per claim"))
        #expect(text.contains("-0.06  alice"), "\(text)")
        #expect(try json(h, "vs alice bob --json")["time_averaged_log_loss"] is NSNull)
    }

    @Test(arguments: TestPostgres.engines) func pooledForecastersOnSharedClaimsAreNotJudged(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["import", ReportCommandTests.fixture("journal_100.csv")])
        let pooled = try json(h, "report --as all --json")["verdict_test"] as! [String: Any]
        #expect(pooled["kind"] as? String == "too_few" && pooled["too_few_reason"] as? String == "dependent_rows")
        #expect(h.run("report --as all").out.contains("Not judged: these"))
        // One forecaster's final forecasts are independent claims, and so are --by forecaster rows.
        let one = try json(h, "report --as calibrated --json")["verdict_test"] as! [String: Any]
        #expect(one["kind"] as? String != "too_few")
        let rows = try json(h, "report --as all --by forecaster --json")["groups"] as! [[String: Any]]
        #expect(rows.allSatisfy { ($0["verdict_test"] as! [String: Any])["too_few_reason"] is NSNull })
        let every = try json(h, "report --as calibrated --every-forecast --json")["verdict_test"] as! [String: Any]
        #expect(every["too_few_reason"] as? String == "dependent_rows")
    }
}
