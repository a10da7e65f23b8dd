import Foundation
import Testing

@testable import CredenceCLI

/// `@team` (docs/statistics.md §16) through `report --as @team` and `vs`, on both engines, against
/// pools worked by hand on `tiny_hand.csv`: A, B and C forecast q1–q4 (outcomes 1, 0, 0, 1).
@Suite(.serialized) struct TeamPoolCommandTests {
    func json(_ h: Harness, _ line: String) throws -> [String: Any] {
        let r = h.run(line)
        #expect(r.status == 0, "\(line): \(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    }

    static func close(_ a: Any?, _ b: Double) -> Bool { (a as? Double).map { abs($0 - b) <= 1e-12 } ?? false }

    /// Each claim's pooled forecast by hand. Mean log-odds: the odds multiply to 14 on q1
    /// (4 · 1.5 · 7/3) and q4 (9 · 7/3 · 2/3), to 1 on q2, to 0.09375 on q3 (1.5 · ¼ · ¼).
    static let logOdds: [Double] = {
        let q1 = cbrt(14.0) / (1 + cbrt(14.0)), q3 = cbrt(0.09375) / (1 + cbrt(0.09375))
        return [q1, 0.5, q3, q1]
    }()
    static let mean: [Double] = [0.7, 0.5, 1.0 / 3, 2.0 / 3]
    static let median: [Double] = [0.7, 0.5, 0.2, 0.7]
    static let outcomes: [Double] = [1, 0, 0, 1]
    static func brier(_ ps: [Double]) -> Double {
        zip(ps, outcomes).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(ps.count)
    }
    /// A's final forecasts on q1–q4.
    static let a: [Double] = [0.8, 0.3, 0.6, 0.9]

    @Test(arguments: TestPostgres.engines) func reportScoresThePoolLikeAPerson(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        #expect(h.run(["import", ReportCommandTests.fixture("tiny_hand.csv")]).status == 0)
        for (flags, pools, label) in [
            ("", Self.logOdds, "mean log-odds"), ("--pool mean", Self.mean, "mean of probabilities"),
            ("--pool median", Self.median, "median of probabilities"),
        ] {
            let r = try json(h, "report --as @team \(flags) --json")
            #expect(r["n"] as? Int == 4, "\(flags)")
            #expect(Self.close(r["brier"], Self.brier(pools)), "\(flags): \(r["brier"] ?? "nil")")
            let selection = r["selection"] as! [String: Any]
            #expect(selection["forecaster"] as? String == "@team")
            #expect(selection["pool"] as? String == label)
        }
        // Extremized by 2: each mean log-odds doubles, so the odds square (14² on q1 and q4).
        let x = try json(h, "report --as @team --extremize 2 --json")
        let q1 = pow(14, 2.0 / 3) / (1 + pow(14, 2.0 / 3)), q3 = pow(0.09375, 2.0 / 3) / (1 + pow(0.09375, 2.0 / 3))
        #expect(Self.close(x["brier"], Self.brier([q1, 0.5, q3, q1])))
        #expect(Self.close((x["selection"] as! [String: Any])["extremize"], 2))
        let text = h.run("report --as @team --pool median").out
        #expect(text.contains("pooled by median of probabilities"), "\(text)")
    }

    @Test(arguments: TestPostgres.engines) func vsPitsAPersonAgainstThePool(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        #expect(h.run(["import", ReportCommandTests.fixture("tiny_hand.csv")]).status == 0)
        let v = try json(h, "vs A @team --pool median --json")
        #expect(v["n_shared"] as? Int == 4)
        #expect(Self.close(v["brier_a"], Self.brier(Self.a)))
        #expect(Self.close(v["brier_b"], Self.brier(Self.median)))
        #expect(v["pool"] as? String == "median of probabilities")
        // @team first: the same comparison, sides swapped.
        let w = try json(h, "vs @team A --json")
        #expect(Self.close(w["brier_a"], Self.brier(Self.logOdds)))
        #expect(Self.close(w["brier_b"], Self.brier(Self.a)))
        let text = h.run("vs A @team").out
        #expect(text.contains("A vs @team on 4 shared resolved claims"), "\(text)")
        #expect(
            text.contains("The @team forecast is the mean log-odds of everyone's final forecasts (A included)"),
            "\(text)")
    }

    @Test(arguments: TestPostgres.engines) func leaderboardShowsTheTeamUnranked(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        #expect(h.run(["import", ReportCommandTests.fixture("tiny_hand.csv")]).status == 0)
        let vectors =
            try ReportCommandTests.expected("tiny_hand.expected.json")["forecasters"] as! [String: [String: Any]]
        let board = try json(h, "leaderboard --json")
        // The people's peer means are the spec's, as if @team were not there.
        let rows = board["forecasters"] as! [[String: Any]]
        #expect(rows.map { $0["name"] as! String }.sorted() == ["A", "B", "C"])
        for row in rows {
            let m = vectors[row["name"] as! String]!["metaculus"] as! [String: Any]
            #expect(Self.close(row["peer_mean"], m["peer_mean"] as! Double), "\(row)")
        }
        // @team's peer score on a claim: 100 · (ln q_team − the mean of A's, B's and C's ln q).
        let people: [[Double]] = [[0.8, 0.6, 0.7], [0.3, 0.5, 0.7], [0.6, 0.2, 0.2], [0.9, 0.7, 0.4]]
        let peers = zip(zip(Self.logOdds, people), Self.outcomes).map { pair, y in
            let lnq = { (p: Double) in y == 1 ? log(p) : log(1 - p) }
            return 100 * (lnq(pair.0) - pair.1.map(lnq).reduce(0, +) / 3)
        }
        let team = board["team"] as! [String: Any]
        #expect(team["name"] as? String == "@team")
        #expect(team["n"] as? Int == 4)
        #expect(Self.close(team["brier"], Self.brier(Self.logOdds)))
        #expect(Self.close(team["peer_mean"], peers.reduce(0, +) / 4), "\(team)")
        let text = h.run("leaderboard").out
        #expect(text.contains("   ·  @team"), "\(text)")
        #expect(text.contains("not a person, so not ranked"), "\(text)")
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("   4  ") }, "@team took a rank: \(text)")
        // One forecaster: no pool, no row.
        let alone = Harness(engine: engine)
        #expect(alone.run("add Rain 70%").status == 0 && alone.run("resolve 1 yes").status == 0)
        #expect(try json(alone, "leaderboard --json")["team"] is NSNull)
    }

    @Test(arguments: TestPostgres.engines) func claimsWithOneForecasterHaveNoPool(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        #expect(h.run("add Rain tomorrow 70%").status == 0)
        #expect(h.run("resolve 1 yes").status == 0)
        let alone = h.run("report --as @team")
        #expect(alone.status == 0)
        #expect(
            alone.out.contains("@team forecasts a claim once two forecasters or more have forecast it"), "\(alone.out)")
        // Two forecasters, but open: nothing to score until it resolves.
        #expect(h.run("add Snow tomorrow 20%").status == 0)
        #expect(h.run("forecast 2 60% --as ryan").status == 0)
        #expect(try json(h, "report --as @team --json")["n"] as? Int == 0)
        #expect(h.run("resolve 2 no").status == 0)
        // Odds 1/4 and 3/2: geometric mean √(3/8).
        let r = try json(h, "report --as @team --json")
        let p = (3.0 / 8).squareRoot() / (1 + (3.0 / 8).squareRoot())
        #expect(r["n"] as? Int == 1)
        #expect(Self.close(r["brier"], p * p))
    }

    @Test func refusalsNameTheProblem() throws {
        let h = Harness()
        #expect(h.run(["import", ReportCommandTests.fixture("tiny_hand.csv")]).status == 0)
        for (line, words) in [
            ("report --as @team --every-forecast", "--every-forecast does not apply to --as @team"),
            ("report --as @team --by tag", "--by does not apply to --as @team"),
            ("report --as @team --scoring time-averaged", "--scoring time-averaged does not apply"),
            ("report --pool median", "name @team too"),
            ("report --as @team --pool mean --extremize 1.5", "--extremize applies to --pool log-odds only"),
            ("report --as @team --extremize 0", "give a positive factor"),
            ("vs A @team --scoring time-averaged", "does not apply to @team"),
            ("vs A B --extremize 2", "name @team too"),
            ("vs nobody @team", "nobody called \"nobody\""),
            ("words --as @team", "--as @team works with report and vs"),
            ("add Hail 50% --as @team", "names the team's pooled forecast"),
        ] {
            let r = h.run(line)
            #expect(r.status != 0, "\(line)")
            #expect(r.err.contains(words), "\(line): \(r.err)")
        }
    }
}
