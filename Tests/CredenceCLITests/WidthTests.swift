import CredenceCLI
import CredenceReport
import Foundation
import Testing

/// Every line of every command fits the width it was given: the terminal's, or --width. (Errors on
/// stderr keep their caret under the typed line, so they are not fitted.)
@Suite struct WidthTests {
    static let commands = [
        "list", "list --resolved --limit 30", "due", "show 1", "show 412", "show 413", "report", "report --as all",
        "report --as all --by forecaster", "report --by tag", "report --by year", "caveats", "caveats --as all",
        "words", "vs me ryan", "vs me ryan --all", "leaderboard", "bets", "bets --with ryan",
        "add A rather long claim about the interpretability of seventy billion parameter models 60% +interp",
        "resolve 414 yes --note 'a note that goes on for a while, longer than any terminal is wide, to see it wrapped'",
        "forecast 412 40% --as sam --reason 'because the reason given here is long enough to need more than one line'",
        "undo", "config", "help", "yearly", "add --help", "report --help", "bet --help",
    ]

    static func journal() -> Harness {
        let h = Harness()
        let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path
        h.run(["import", "\(fixtures)/insights.json"])
        h.run(
            "add 'The interpretability probe result replicates on the seventy billion parameter model and beyond' 35% by june +interp +research unless the eval changes"
        )
        h.run("forecast 412 80% --as ryan --reason 'saw the branch'")
        h.run("bet 412 --with ryan --stake 20 --odds 4:1")
        h.run(
            "add 'How does the transition go' --option 'slow takeoff=60%' --option 'fast takeoff=25%' --option 'no AGI=15%'"
        )
        h.run("add Short one 70%")
        return h
    }

    @Test(arguments: [60, 80, 120])
    func everyLineFits(width: Int) {
        let h = Self.journal()
        h.isTerminal = true
        h.terminalWidth = width
        h.environment["COLUMNS"] = String(width)
        for command in Self.commands {
            let r = h.run(command)
            for line in r.out.split(separator: "\n") {
                #expect(
                    TerminalText.visibleWidth(String(line)) <= width,
                    "`\(command)` at \(width): \(TerminalText.visibleWidth(String(line))) columns: \(line)")
            }
        }
    }

    @Test(arguments: [60, 80, 120])
    func theWidthFlagToo(width: Int) {
        let h = Self.journal()
        for command in ["list", "report --as all", "caveats", "vs me ryan", "bet --help", "help"] {
            let r = h.run(command + " --width \(width)")
            for line in r.out.split(separator: "\n") {
                #expect(TerminalText.visibleWidth(String(line)) <= width, "`\(command)` at \(width): \(line)")
            }
        }
    }
}
