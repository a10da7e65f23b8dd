import Foundation
import Testing

@testable import CredenceCore

@Suite struct QuickEntryTests {
    let parser = QuickEntryParser(dates: DateGrammarTests.grammar("2026-11-22T12:00:00Z"))

    func day(_ date: Date?) -> String? { date.map { parser.dates.day(of: $0).description } }

    @Test func theDesignExample() throws {
        let e = try parser.parse(
            "Ryan's probe result replicates on the 70B model 35% by june #interp unless the eval changes")
        #expect(e.text == "Ryan's probe result replicates on the 70B model")
        #expect(e.probability?.value == 0.35 && e.probability?.typed == "35%")
        #expect(day(e.resolveBy) == "2027-06-30" && e.resolveByText == "june")
        #expect(e.tags == ["interp"])
        #expect(e.caveats == ["unless the eval changes"])
    }

    @Test func dateBeforeTheProbability() throws {
        let e = try parser.parse("Ryan ships by friday 70% #work")
        #expect(
            e.text == "Ryan ships" && e.probability?.value == 0.7 && day(e.resolveBy) == "2026-11-27"
                && e.tags == ["work"])
    }

    @Test(arguments: [
        ("Team wins 3/4 games 70%", "Team wins 3/4 games", 0.7),
        ("It rains tomorrow very likely", "It rains tomorrow", 0.93),
        ("The launch slips 1 in 20", "The launch slips", 0.05),
        ("Made by Apple 3:1", "Made by Apple", 0.75),
        ("X happens 70% unless 80% of voters agree", "X happens", 0.7),
        ("\"Team wins 70% of games\" 60%", "Team wins 70% of games", 0.6),
        ("Inflation exceeds 3 by june 40%", "Inflation exceeds 3", 0.4),
    ])
    func claimTextMayHoldNumbers(line: String, text: String, p: Double) throws {
        let e = try parser.parse(line)
        #expect(e.text == text)
        #expect(e.probability?.value == p)
    }

    @Test func aDateAfterTheProbabilityLeavesAnEarlierByInTheText() throws {
        let e = try parser.parse("The harness ships by March 60% by june")
        #expect(e.text == "The harness ships by March" && day(e.resolveBy) == "2027-06-30")
    }

    /// `+work` survives the shell (bash and fish read `#work` as a comment); `+5%` stays a number.
    @Test func plusTagsAreTags() throws {
        let e = try parser.parse("Ryan ships by friday 70% +work #ai +work")
        #expect(e.text == "Ryan ships" && e.tags == ["work", "ai"] && day(e.resolveBy) == "2026-11-27")
        let args = try parser.parse(arguments: ["Ryan", "ships", "70%", "+work", "by", "dec", "31"])
        #expect(args.tags == ["work"] && day(args.resolveBy) == "2026-12-31")
        #expect(
            !QuickEntryParser.isTagMarked("+5%") && !QuickEntryParser.isTagMarked("+")
                && QuickEntryParser.isTagMarked("+x"))
        #expect(throws: QuickEntryError.self) { try parser.parse("Rain 70% +bad!tag") }
    }

    @Test func aDateRightAfterByInEitherOrder() throws {
        #expect(day(try parser.parse("Rain 70% by 31 december").resolveBy) == "2026-12-31")
        #expect(day(try parser.parse("Rain 70% by Dec 31").resolveBy) == "2026-12-31")
        #expect(day(try parser.parse("Rain by december 31 70%").resolveBy) == "2026-12-31")
    }

    @Test func multipleTagsAndCaveatForm() throws {
        let e = try parser.parse("GPT-6 ships .4 #ai #work #AI caveat: assuming no new data")
        #expect(e.tags == ["ai", "work"] && e.caveats == ["assuming no new data"] && e.probability?.form == .decimal)
    }

    @Test func flagsOverrideInlineForms() throws {
        let e = try parser.parse("Team wins 3/4 games by friday", overrides: QuickEntryOverrides(probability: true))
        #expect(e.text == "Team wins 3/4 games" && e.probability == nil && day(e.resolveBy) == "2026-11-27")
        let f = try parser.parse("Ryan ships by friday 70%", overrides: QuickEntryOverrides(resolveBy: true))
        #expect(f.text == "Ryan ships by friday" && f.resolveBy == nil)
    }

    @Test func argumentsBecomeALine() {
        #expect(QuickEntryParser.line(fromArguments: ["Ryan ships 70% by friday"]) == "Ryan ships 70% by friday")
        #expect(QuickEntryParser.line(fromArguments: ["Team wins 3/4 games", "70%"]) == "\"Team wins 3/4 games\" 70%")
    }

    /// The shell already removed its quotes: quote marks inside an argument are the user's text.
    @Test(arguments: [
        (["<script>alert('x')</script> \"q\" & =1+1", "30%"], "<script>alert('x')</script> \"q\" & =1+1"),
        (["He said \"70%\" twice", "60%"], "He said \"70%\" twice"),
        (["Rain  with  double  spaces", "70%"], "Rain  with  double  spaces"),
        (["He", "said", "\"hi\"", "40%"], "He said \"hi\""),
        (["5\"", "screen", "ships", "40%"], "5\" screen ships"),
    ])
    func argumentsKeepEveryCharacter(args: [String], text: String) throws {
        let e = try parser.parse(arguments: args)
        #expect(e.text == text)
    }

    /// In a typed line, quotes around the whole claim only mark it literal; quotes inside a longer
    /// claim stay part of it; a stray quote is an ordinary character.
    @Test(arguments: [
        ("\"GPT-6 is released\" 3:1", "GPT-6 is released"),
        ("Will \"likely\" be word of the year 30%", "Will \"likely\" be word of the year"),
        ("A 5\" screen ships 40%", "A 5\" screen ships"),
        ("\"Oppenheimer\"-style film wins 20%", "\"Oppenheimer\"-style film wins"),
    ])
    func quotesInALine(line: String, text: String) throws {
        let e = try parser.parse(line)
        #expect(e.text == text)
    }

    /// A typed line keeps the spacing typed inside the claim and the caveat; only the spaces
    /// that separate the claim from the probability and modifiers are dropped.
    @Test func spacingInALineIsKept() throws {
        let e = try parser.parse("Rain  in\tLondon   \"all  day\" 70%  #weather  unless  the   forecast changes")
        #expect(e.text == "Rain  in\tLondon   \"all  day\"")
        #expect(e.caveats == ["unless the   forecast changes"])
        #expect(e.tags == ["weather"])
    }

    @Test(arguments: [
        ("Ryan ships 70 #work", "\"70\" is a bare number: did you mean 70%?", "           ^^"),
        ("Rain tomorrow 150%", "150% is more than 100%: a probability runs from 0% to 100%", "              ^^^^"),
        ("Rain tomorrow -5%", "-5% is negative: a probability runs from 0% to 100%", "              ^^^"),
        (
            "Rain tomorrow 1.2", "1.2 is more than 1: a probability runs from 0 to 1 (did you mean 1.2%?)",
            "              ^^^"
        ),
        (
            "Rain 3:0",
            "odds 3:0 mean certainty: both sides of the odds must be above zero (for certainty write 0% or 100% with --certain)",
            "     ^^^"
        ),
        (
            "Ryan ships 70% by blursday",
            "\"blursday\" is not a date I know: try friday, next friday, tomorrow, 2027-06-30, dec 31, in 3 weeks, june 2027, end of month or Q3 2027",
            "                  ^^^^^^^^"
        ),
        (
            "Ryan ships 70% by 2020-01-01",
            "2020-01-01 is in the past (today is 2026-11-22): a resolve-by date must be today or later",
            "                  ^^^^^^^^^^"
        ),
        (
            "Ryan ships 70% tomorrow",
            "can't read \"tomorrow\" after the probability 70%: after it may come by DATE (by tomorrow), +tags and unless <caveat>; the claim text goes before the probability",
            "               ^^^^^^^^"
        ),
        (
            "Paper accepted 40% in 3 weeks",
            "can't read \"in 3 weeks\" after the probability 40%: after it may come by DATE (by in 3 weeks), +tags and unless <caveat>; the claim text goes before the probability",
            "                   ^^^^^^^^^^"
        ),
        (
            "Rain 70% soonish +work",
            "can't read \"soonish +work\" after the probability 70%: after it may come by DATE (e.g. by friday), +tags and unless <caveat>; the claim text goes before the probability",
            "         ^^^^^^^^^^^^^"
        ),
        (
            "Rain by yesterday 70%",
            "yesterday is in the past (today is 2026-11-22): a resolve-by date must be today or later (if \"by yesterday\" is part of the claim, quote the claim text)",
            "        ^^^^^^^^^"
        ),
        (
            "Rain by 2027-02-30 70%",
            "2027-02-30 is not a real calendar date (if \"by 2027-02-30\" is part of the claim, quote the claim text)",
            "        ^^^^^^^^^^"
        ),
        ("Ryan ships", "no probability found: end the claim with one, e.g. 70%, 0.7, 3:1 or likely", "          ^"),
        ("70%", "the claim text goes before the probability, e.g. Ryan ships by friday 70%", "^^^"),
        ("70% Ryan ships", "the claim text goes before the probability, e.g. Ryan ships by friday 70%", "^^^"),
        (
            "A 3/4 unless B 70%",
            "ambiguous: \"3/4\" and \"70%\" could each be the probability. Quote the claim text (\"…\") or give the probability with --p",
            "               ^^^"
        ),
        (
            "Ryan ships 70% #", "\"#\" is not a tag: a tag is + or # followed by letters, digits, - _ / or .",
            "               ^"
        ),
        (
            "Ryan ships 70% unless", "\"unless\" needs the caveat after it, e.g. unless the eval changes",
            "               ^^^^^^"
        ),
        ("Ryan ships 70% by friday by june", "two resolve-by dates: keep one \"by …\"", "                         ^^"),
        (
            "Ryan ships 100%",
            "100% is certainty: one surprise makes the log score infinite. Add --certain if you mean it, or say 1% / 99%",
            "           ^^^^"
        ),
        ("", "the line is empty: write a claim and a probability, e.g. Ryan ships by friday 70%", "^"),
    ])
    func refusesWithACaret(line: String, message: String, caret: String) {
        do {
            let e = try parser.parse(line)
            Issue.record("accepted: \(e)")
        } catch {
            #expect(error.message == message)
            #expect(error.pointer == "  \(line)\n  \(caret)")
        }
    }

    @Test func certaintyWithFlag() throws {
        #expect(
            try parser.parse("Sun rises 100%", overrides: QuickEntryOverrides(allowCertain: true)).probability?.value
                == 1)
    }
}
