import Foundation
import Testing

@testable import CredenceCLI

/// What a new user trips over in the first hour (issue 16): bets on the right side and to the
/// cent, tags that survive the shell, errors that name the right problem, piped output kept whole.
@Suite struct FirstHourTests {
    /// Me at 75%, Ryan at 60% on claim 1.
    func betJournal() -> Harness {
        let h = Harness()
        h.run("add Rain tomorrow 75%")
        h.run("forecast 1 60% --as ryan")
        return h
    }

    @Test func atTheirOddsYouTakeTheSideYourForecastFavours() {
        let h = betJournal()
        let r = h.run("bet 1 --with ryan --stake 10 --odds 4:1")
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out == """
                Bet 1 on claim 1 “Rain tomorrow”, at 4:1 on yes (80%):
                  you take NO, staking 10; ryan takes YES, staking 40.
                  If no, you win 40; if yes, ryan wins 10.
                  Expected: by your 75% it is worth +2.50 to you; by ryan's 60%, −10 to ryan.

                """)
    }

    @Test func anExplicitSideMayLoseAndIsToldSo() {
        let h = betJournal()
        let r = h.run("bet 1 --with ryan --stake 10 --odds 4:1 --side yes")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("you take YES, staking 10; ryan takes NO, staking 2.50."))
        #expect(r.out.contains("by your 75% it is worth −0.63 to you"))
        #expect(
            r.out.contains(
                "You chose this side with --side: by your own forecast it loses on average (the fair odds are 3:1 (75%))."
            ))
    }

    @Test func fairOddsGiveNothingToBetOn() {
        let h = betJournal()
        let before = h.snapshot()
        let r = h.run("bet 1 --with ryan --stake 10 --odds 3:1")
        #expect(r.status == 65)
        #expect(
            r.err
                == "error: by your 75% these are the fair odds (3:1 (75%)): neither side gains; give --side yes or --side no to bet anyway\n"
        )
        #expect(h.snapshot() == before)
    }

    @Test func stakesAreExactToTheCent() throws {
        let h = betJournal()
        #expect(h.run("bet 1 --with ryan --stake 10 --odds 4:1 --side yes").status == 0)
        let json = h.run("show 1 --json").out
        #expect(json.contains("\"no_stake\": 2.5,") && json.contains("\"yes_stake\": 10.0\n"), "\(json)")
        #expect(h.rows("SELECT yes_stake, no_stake FROM bet") == [["10.0", "2.5"]])
        for bad in ["12.505", "0", "ten", "1e3"] {
            let r = h.run(["bet", "1", "--with", "ryan", "--stake", bad, "--odds", "4:1"])
            #expect(r.status == 64)
            #expect(
                r.err
                    == "error: --stake \"\(bad)\" is not an amount: give a positive amount to the cent, e.g. --stake 20 or --stake 12.50\n"
            )
        }
        #expect(
            h.run("bet 1 --with ryan --stake 12.50 --odds 4:1").out.contains(
                "staking 12.50; ryan takes YES, staking 50."))
    }

    @Test func plusTagsSurviveTheShell() {
        let h = Harness()
        let r = h.run(["add", "Ryan", "ships", "by", "friday", "70%", "+work"])
        #expect(r.out.contains("tags  #work"), "\(r.out)")
        #expect(h.run("list --tag +work").out.contains("Ryan ships"))
    }

    @Test func pipedListsAreNeverCut() {
        let h = Harness()
        let long = "The interpretability probe result replicates on the seventy billion parameter model"
        h.run(["add", long, "--p", "40%", "--tag", "interp"])
        let piped = h.run("list").out
        #expect(piped.contains(long + "  #interp"), "\(piped)")
        let cut = h.run("list --width 60").out
        #expect(!cut.contains("#interp") && cut.contains("…"))
        h.isTerminal = true
        h.terminalWidth = 70
        for line in h.run("list").out.split(separator: "\n") { #expect(line.count <= 70) }
    }

    @Test func resolutionDatesHintAtThePast() {
        let h = Harness()
        h.run("add Rain 70%")
        let r = h.run("resolve 1 yes --at tomorrow")
        #expect(r.status == 65)
        #expect(r.err == "error: tomorrow is in the future: a resolution can't happen later than now\n")
        let s = h.run("resolve 1 yes --at blursday")
        #expect(
            s.err
                == "error: \"blursday\" is not a date I know: try now, today, yesterday, 3 days ago, friday (the last one), last friday, 2026-06-30, dec 31 or june 2026\n"
        )
        h.advance(days: 7)  // Sunday 29 November: "last friday" is the 27th, not the 20th
        let ok = h.run("resolve 1 yes --at 'last friday'")
        #expect(ok.out.contains("at 2026-11-27 23:59"), "\(ok.out)\(ok.err)")
    }
}

@Suite struct DayOneTests {
    @Test func exportTakesTheFormatFromTheFileName() throws {
        let h = Harness()
        h.run("add Rain 70%")
        let path = h.directory.appendingPathComponent("x.json").path
        let r = h.run(["export", "-o", path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("(JSON)"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{"))
        let clash = h.run(["export", "--format", "csv", "-o", path])
        #expect(clash.status == 64)
        #expect(clash.err == "error: --format csv but \(path) ends in .json: drop one, or make them agree\n")
        let none = h.run("export")
        #expect(
            none.err
                == "error: which format? give --format csv, json or ics, or an -o file ending in .csv, .json or .ics\n")
    }

    @Test func aScenarioSetSaysWhichOptionItResolvedTo() {
        let h = Harness()
        h.run(["add", "How it goes", "--option", "slow=60%", "--option", "fast=40%"])
        h.run(["resolve", "1", "slow"])
        #expect(h.run("show 1").out.contains("resolved to “slow”"))
        #expect(h.run("show 1 --json").out.contains("\"option\": \"slow\""))
    }

    @Test func vsWithOneNameIsYouAgainstThem() {
        let h = Harness()
        h.run("add Rain 70%")
        h.run("forecast 1 40% --as ryan")
        h.run("resolve 1 yes")
        #expect(h.run("vs ryan").out == h.run("vs me ryan").out)
        #expect(h.run("report --as rayn").err.contains("did you mean \"ryan\"?"))
    }
}

@Suite struct PagerAndConfigTests {
    @Test func thePagerOnlyOnATerminal() {
        let env = ["PAGER": "most"]
        #expect(Pager.command(arguments: ["list"], environment: env, isTerminal: false) == nil)
        #expect(Pager.command(arguments: ["list"], environment: env, isTerminal: true) == "most")
        #expect(Pager.command(arguments: ["report", "--as", "all"], environment: [:], isTerminal: true) == "less -FRX")
        #expect(Pager.command(arguments: ["--journal", "x", "vs", "ryan"], environment: [:], isTerminal: true) != nil)
        for off in [["list", "--no-pager"], ["list", "--json"], ["report", "-o", "r.svg"], ["add", "list", "70%"]] {
            #expect(Pager.command(arguments: off, environment: [:], isTerminal: true) == nil, "\(off)")
        }
        #expect(Pager.command(arguments: ["list"], environment: ["PAGER": "cat"], isTerminal: true) == nil)
        #expect(
            Pager.command(arguments: ["list"], environment: ["PAGER": "x", "CREDENCE_PAGER": ""], isTerminal: true)
                == nil)
        // --no-pager is a flag every command takes.
        #expect(Harness().run("list --no-pager").status == 0)
    }

    @Test func configShowsAndSetsAndSaysWhere() throws {
        let h = Harness()
        let path = h.directory.appendingPathComponent("config/credence/config").path
        #expect(
            h.run("config").out
                == "Config: \(path) (not created yet: the defaults apply)\n  owner    me\n  bins     10\n  hints    on\n  journal  (the default file)\n"
        )
        #expect(h.run("config owner alice").out == "Set owner = alice in \(path)\n")
        #expect(h.run("config bins 20").status == 0)
        #expect(h.run("config owner").out == "alice\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "owner = alice\nbins = 20\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(
            h.run("config bins 500").err
                == "error: bins is a whole number from 1 to 100, e.g. credence config bins 10\n")
        #expect(h.run("config onwer bob").err.contains("did you mean `owner`?"))
        #expect(h.run("add Rain 70%").out.contains("alice  70%"))
    }
}
