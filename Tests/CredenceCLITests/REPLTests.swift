import CredenceCLI
import Foundation
import Testing

/// The REPL loop in-process with scripted lines, and completion as a unit.
@Suite struct REPLTests {
    func repl(
        _ h: Harness, _ lines: [String], interactive: Bool
    ) -> (REPL, ScriptedLineSource, OutputSink, OutputSink, Int32) {
        let source = ScriptedLineSource(lines)
        let out = OutputSink(), err = OutputSink()
        let clock = h.clock, env = h.environment
        let repl = REPL(
            source: source, interactive: interactive,
            makeContext: {
                Context(
                    environment: env, clock: clock, out: out, err: err, isTerminal: false, terminalWidth: nil,
                    confirm: nil)
            })
        let status = repl.run()
        return (repl, source, out, err, status)
    }

    @Test func claimIDsCompleteNewestFirstAndTheRestInColumns() {
        var model = CompletionModel.fromDefinitions()
        model.claims = [("12", "Ryan ships"), ("11", "B"), ("10", "C"), ("2", "D"), ("1", "E")]
        model.tags = ["work", "interp"]
        #expect(model.candidates(before: ["show"], word: "") == ["12", "11", "10", "2", "1"])
        #expect(model.candidates(before: ["show"], word: "1") == ["12", "11", "10", "1"])
        #expect(model.candidates(before: ["Ryan", "ships", "70%"], word: "+w") == ["+work"])
        #expect(model.layout(["12", "11"], width: 80) == ["12  Ryan ships", "11  B"])
        let flags = ["--open", "--resolved", "--due", "--tag", "--as", "--search", "--since", "--until"]
        let columns = model.layout(flags, width: 40)
        #expect(
            columns == ["--open      --tag       --since", "--resolved  --as        --until", "--due       --search"])
        #expect(columns.allSatisfy { $0.count < 40 })
    }

    @Test func completionCandidates() {
        var model = CompletionModel.fromDefinitions()
        model.claims = [("12", "Ryan ships"), ("7", "The eval replicates")]
        model.tags = ["work", "interp"]
        model.forecasters = ["me", "ryan", "sam"]
        #expect(model.candidates(before: [], word: "re") == ["report", "resolve"])
        #expect(model.candidates(before: [], word: "q") == ["quit"])
        #expect(model.candidates(before: ["list"], word: "--o").contains("--open"))
        #expect(model.candidates(before: ["report"], word: "--ev") == ["--every-forecast"])
        #expect(model.candidates(before: ["show"], word: "") == ["12", "7"])
        #expect(model.candidates(before: ["show"], word: "1") == ["12"])
        #expect(model.candidates(before: ["resolve", "12"], word: "y") == ["yes"])
        #expect(model.candidates(before: ["forecast", "7", "80%", "--as"], word: "r") == ["ryan"])
        #expect(model.candidates(before: ["list", "--tag"], word: "") == ["interp", "work"])
        #expect(model.candidates(before: ["Ryan", "ships", "70%"], word: "#w") == ["#work"])
        #expect(model.candidates(before: ["vs"], word: "s") == ["sam"])
        #expect(model.candidates(before: ["report", "--by"], word: "h") == ["horizon"])
        #expect(model.candidates(before: ["help"], word: "le") == ["leaderboard"])
        #expect(
            model.candidates(before: ["report", "--by"], word: "") == [
                "caveats", "forecaster", "horizon", "input", "quarter", "tag", "word", "year",
            ])
        #expect(model.candidates(before: ["yearly"], word: "") == ["grade", "paste", "post"])
        #expect(model.candidates(before: ["yearly", "grade"], word: "--a") == ["--answers", "--at"])
        #expect(model.candidates(before: ["yearly", "post", "--tag"], word: "w") == ["work"])
        #expect(model.candidates(before: [], word: "y") == ["yearly"])
        #expect(model.candidates(before: [], word: "w") == ["words"])
        #expect(model.hint(for: "7") == "7  The eval replicates")
    }
}

extension REPLTests {
    @Test func aSessionAtThePrompt() {
        let h = Harness()
        let (_, source, out, err, status) = repl(
            h,
            [
                "Ryan's probe replicates by friday 70% #work", "list", "show 9", "forecast 1 80% --as ryan", "help",
                "  ", "quit", "never read",
            ], interactive: true)
        #expect(status == 65)  // the failed `show 9`; the prompt came back after it
        #expect(out.text.hasPrefix("Credence 0.1.0 · journal \(h.journal)\n"))
        #expect(out.text.contains("Added claim 1: Ryan's probe replicates"))
        #expect(out.text.contains("Forecast on claim 1 “Ryan's probe replicates” by ryan: 80%"))
        #expect(out.text.contains("Type a claim with its probability to log it:"))
        #expect(err.text == "error: there is no claim 9: `credence list` shows the ids\n")
        #expect(source.prompts.first == "journal> ")
        #expect(
            source.remembered == [
                "Ryan's probe replicates by friday 70% #work", "list", "show 9", "forecast 1 80% --as ryan", "help",
                "quit",
            ])
        #expect(h.rows("SELECT text FROM claim") == [["Ryan's probe replicates"]])
    }

    @Test func thePromptShowsTheDueCount() {
        let h = Harness()
        h.run("add Due soon 60% by tomorrow")
        h.advance(days: 3)
        let (_, source, out, _, _) = repl(h, ["list"], interactive: true)
        #expect(source.prompts == ["journal (1 due)> ", "journal (1 due)> "])
        #expect(out.text.contains("1 claim is due for resolution: `due` lists it."))
    }

    @Test func aScriptFromAPipe() {
        let h = Harness()
        let (_, source, out, err, status) = repl(
            h,
            [
                "# a yearly list", "add 'GPT-6 ships' 30% #ai", "Rain in London tomorrow 80%", "", "resolve 1 maybe",
                "Rain 70", "list",
            ], interactive: false)
        #expect(status == 65)
        #expect(source.prompts.allSatisfy { $0.isEmpty })
        #expect(!out.text.contains("Credence 0.1.0"))
        #expect(
            err.text == """
                line 5: error: "maybe" is not an outcome: use yes, no or annul
                line 6: error: "70" is a bare number: did you mean 70%?
                line 6:   Rain 70
                line 6:        ^^

                """)
        #expect(h.rows("SELECT text FROM claim ORDER BY id") == [["GPT-6 ships"], ["Rain in London tomorrow"]])
    }

    @Test func aCleanScriptSucceeds() {
        let h = Harness()
        let (_, _, _, err, status) = repl(h, ["add A 30%", "add B 60%", "resolve 1 no"], interactive: false)
        #expect(status == 0 && err.text.isEmpty)
    }

    @Test func aCommandWordThatLooksLikeAClaimGetsAHint() {
        let h = Harness()
        let (_, _, _, err, _) = repl(h, ["list of demands is met 40%"], interactive: true)
        #expect(err.text.hasSuffix("(to log this as a claim, start the line with `add`)\n"))
    }

    @Test func shellWords() throws {
        #expect(try ShellWords.split("add 'a b' \"c \\\"d\\\"\" e\\ f") == ["add", "a b", "c \"d\"", "e f"])
        #expect(throws: ShellWords.UnterminatedQuote(quote: "'")) { try ShellWords.split("show 'x") }
    }
}

extension REPLTests {
    /// A command that reads more input reads the REPL's own lines: a pasted list up to ".", then
    /// grading answers; the prompt carries on after them, and errors name the right line.
    @Test func yearlyListAtThePromptAndFromAScript() {
        let h = Harness()
        let lines = [
            "yearly paste --year 2026", "## Work", "Ship v2: 80%", "Hire two people: 60%", ".",
            "yearly grade --year 2026", "y", "huh", "n", "show 1", "resolve 9 yes",
        ]
        let (_, source, out, err, status) = repl(h, lines, interactive: false)
        #expect(out.text.contains("Added 2 predictions to #predictions-2026 as claims 1–2"))
        #expect(out.text.contains("Graded 2 of 2 in #predictions-2026: 1 came true, 1 did not."))
        #expect(out.text.contains("Claim 1  Ship v2"))
        #expect(
            err.text
                == "line 6: “huh” is not an answer: y, n, t (thrown out), s (skip), b (back) or q (quit)\nline 11: error: there is no claim 9: `credence list` shows the ids\n"
        )
        #expect(status == 65)
        #expect(
            source.remembered == ["yearly paste --year 2026", "yearly grade --year 2026", "show 1", "resolve 9 yes"])
        #expect(h.rows("SELECT status FROM claim ORDER BY id") == [["yes"], ["no"]])
    }
}

/// Lines given up front, with something done behind the session's back before a given line.
final class ActingLineSource: LineSource {
    private var lines: [String]
    private var actions: [Int: () -> Void]
    private var read = 0
    init(_ lines: [String], before actions: [Int: () -> Void]) {
        self.lines = lines
        self.actions = actions
    }
    func readLine(prompt: String) -> String? {
        actions[read]?()
        read += 1
        return lines.isEmpty ? nil : lines.removeFirst()
    }
    func remember(_ line: String) {}
}

/// One context and one journal connection for a whole session (DESIGN §6).
extension REPLTests {
    func session(_ h: Harness, _ source: LineSource, interactive: Bool) -> (REPL, OutputSink, OutputSink, Int32) {
        let out = OutputSink(), err = OutputSink()
        let clock = h.clock, env = h.environment
        var made = 0
        let repl = REPL(
            source: source, interactive: interactive,
            makeContext: {
                made += 1
                return Context(
                    environment: env, clock: clock, out: out, err: err, isTerminal: false, terminalWidth: nil,
                    confirm: nil)
            })
        let status = repl.run()
        #expect(made == 1)
        return (repl, out, err, status)
    }

    @Test func aSessionOpensTheJournalOnce() {
        let h = Harness()
        h.run("add Ships by friday 60%")
        // Each line used to open it up to three times: for TAB's data, the prompt's due count, the command.
        let lines = [
            "list", "Rain tomorrow 70% #weather", "forecast 1 80% --as ryan", "show 1", "resolve 2 yes", "report",
            "show 9", "due",
        ]
        let (repl, out, err, status) = session(h, ScriptedLineSource(lines), interactive: true)
        #expect(status == 65)  // `show 9`, a refusal that keeps the connection
        #expect(out.text.contains("Added claim 2: Rain tomorrow"))
        #expect(out.text.contains("Resolved claim 2 “Rain tomorrow”"))
        #expect(err.text == "error: there is no claim 9: `credence list` shows the ids\n")
        #expect(repl.context.journals.opens == 1)
        #expect(h.rows("SELECT count(*) FROM forecast") == [["3"]])
    }

    @Test func aSessionOnAMissingJournalCreatesItAtTheFirstWrite() {
        let h = Harness()
        let (repl, out, _, status) = session(
            h, ScriptedLineSource(["list", "add A 30%", "list", "add B 40%"]), interactive: true)
        #expect(status == 0)
        // The reads before it are of an empty journal in memory; the write opens (creates) the file.
        #expect(repl.context.journals.opens == 2)
        #expect(out.text.contains("Added claim 2: B"))
        #expect(h.rows("SELECT text FROM claim ORDER BY id") == [["A"], ["B"]])
    }

    @Test func aJournalReplacedDuringASessionIsOpenedAgain() {
        let h = Harness(), other = Harness()
        h.run("add First journal 30%")
        other.run("add Second journal 40%")
        let replace = { _ = rename(other.journal, h.journal) }
        let (repl, out, _, status) = session(
            h, ActingLineSource(["list", "list", "add After 50%"], before: [1: replace]), interactive: false)
        #expect(status == 0)
        #expect(out.text.contains("First journal") && out.text.contains("Second journal"))
        #expect(repl.context.journals.opens == 2)
        #expect(h.rows("SELECT text FROM claim ORDER BY id") == [["Second journal"], ["After"]])
    }

    @Test func theFileAloneIsTheWholeJournalBetweenLines() {
        let h = Harness()
        h.run("add Before 30%")
        var copied: [[String]] = []
        let copy = {
            let path = h.directory.appendingPathComponent("copy.sqlite").path
            try? FileManager.default.copyItem(atPath: h.journal, toPath: path)
            copied = h.rows("SELECT text FROM claim ORDER BY id", in: path)
        }
        _ = session(h, ActingLineSource(["add During 40%", "list"], before: [1: copy]), interactive: false)
        #expect(copied == [["Before"], ["During"]])
    }
}
