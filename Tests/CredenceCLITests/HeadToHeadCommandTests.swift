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

    @Test(arguments: ["journal_1000", "journal_100", "tiny_hand", "edge_cases"])
    func vsMatchesTheVectors(file: String) throws {
        let h = Harness()
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

    @Test func leaderboardPeerScoresMatchTheVectors() throws {
        let h = Harness()
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

    @Test func theWinCountTrapIsShownBesideTheMean() throws {
        let h = Harness()
        h.run(["import", ReportCommandTests.fixture("journal_1000.csv")])
        let text = h.run("vs calibrated overconfident").out
        #expect(text.contains("Closer on: calibrated 54, overconfident 214, ties 0"))
        #expect(text.contains("win counts reward overconfidence"))
        #expect(
            text.hasSuffix(
                "No clear difference yet (n = 268): mean Brier 0.0032 lower for Calibrated, p = 0.571, within noise.\n")
        )
    }

    @Test func verdictsNeedEnoughClaims() throws {
        let h = Harness()
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
        let same = Harness()
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
}
