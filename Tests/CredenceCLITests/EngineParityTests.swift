import CredenceCLI
import Foundation
import Testing

/// The same data on both engines gives the same output, byte for byte: reports in JSON to the last
/// digit, comparisons, listings and exports. (The golden sessions check the text of every command
/// the same way.)
@Suite struct EngineParityTests {
    static let commands = [
        "report --as all --json", "report --json", "report --as all --by forecaster --json",
        "report --as all --scoring time-averaged --json", "report --by tag", "vs me ryan --json", "vs me ryan",
        "leaderboard --json", "leaderboard", "list --json", "list --state resolved --limit 30", "due", "caveats",
        "words", "bets", "show 17", "export --format json", "export --format csv",
    ]

    @Test(arguments: ["journal_1000", "edge_cases", "tiny_hand"])
    func sameDataSameOutput(file: String) throws {
        guard TestPostgres.engines.contains(.postgres) else { return }
        let journals = [Harness(engine: .sqlite), Harness(engine: .postgres)]
        for h in journals {
            let imported = h.run(["import", ReportCommandTests.fixture("\(file).csv")])
            #expect(imported.status == 0, "\(imported.err)")
            // Writes after the import, through the commands: the same on both.
            h.run("add \"Parity holds on both engines\" 70% #parity --as me")
            h.run("forecast 1 55% --as ryan --reason \"second thoughts\"")
        }
        for command in Self.commands {
            let (file, team) = (journals[0].run(command), journals[1].run(command))
            #expect(team.out == file.out, "\(command): \(GoldenTests.diff(file.out, team.out))")
            #expect(team.err == file.err && team.status == file.status, "\(command): \(team.err)")
        }
    }
}
