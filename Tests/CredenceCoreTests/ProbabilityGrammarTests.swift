import Foundation
import Testing

@testable import CredenceCore

@Suite struct ProbabilityGrammarTests {
    @Test(arguments: [
        ("70%", 0.7, InputForm.percent), ("0.7", 0.7, .decimal), (".7", 0.7, .decimal), ("7/10", 0.7, .fraction),
        ("3:1", 0.75, .odds), ("1 in 20", 0.05, .oneIn), ("1   in 20", 0.05, .oneIn), ("likely", 0.75, .verbal),
        ("Almost Certain", 0.93, .verbal), ("unlikely", 0.3, .verbal), ("toss-up", 0.5, .verbal),
        ("72.5%", 0.725, .percent), ("0.1%", 0.001, .percent), ("1:3", 0.25, .odds), ("1.5:1", 0.6, .odds),
        ("99%", 0.99, .percent), ("0.05", 0.05, .decimal),
    ])
    func accepts(text: String, value: Double, form: InputForm) throws {
        let p = try ProbabilityParser.parse(text)
        #expect(p.value == value)
        #expect(p.form == form)
        #expect(p.typed == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    @Test func percentsAreStoredExactlyAsTheirDecimalLiteral() throws {
        for whole in 1...99 {
            #expect(try ProbabilityParser.parse("\(whole)%").value == Double("0.\(whole < 10 ? "0" : "")\(whole)")!)
        }
    }

    @Test(arguments: [
        ("70", "\"70\" is a bare number: did you mean 70%?"),
        ("1", "\"1\" is a bare number: did you mean 1%? (for certainty write 100% with --certain)"),
        ("150%", "150% is more than 100%: a probability runs from 0% to 100%"),
        ("-5%", "-5% is negative: a probability runs from 0% to 100%"),
        ("1.2", "1.2 is more than 1: a probability runs from 0 to 1 (did you mean 1.2%?)"),
        (
            "3:0",
            "odds 3:0 mean certainty: both sides of the odds must be above zero (for certainty write 0% or 100% with --certain)"
        ),
        (
            "0:4",
            "odds 0:4 mean certainty: both sides of the odds must be above zero (for certainty write 0% or 100% with --certain)"
        ),
        ("7/0", "7/0 divides by zero: write a fraction such as 7/10"),
        ("11/10", "11/10 is more than 100%: a probability runs from 0% to 100%"),
        (
            "100%",
            "100% is certainty: one surprise makes the log score infinite. Add --certain if you mean it, or say 1% / 99%"
        ),
        (
            "0%",
            "0% is certainty: one surprise makes the log score infinite. Add --certain if you mean it, or say 1% / 99%"
        ),
        (
            "impossible",
            "impossible is certainty: one surprise makes the log score infinite. Add --certain if you mean it, or say 1% / 99%"
        ),
        ("maybe", "\"maybe\" is not a probability: try 70%, 0.7, 7/10, 3:1, 1 in 20 or a word such as likely"),
        ("70%%", "\"70%%\" is not a probability: try 70%, 0.7, 7/10, 3:1, 1 in 20 or a word such as likely"),
        ("", "\"\" is not a probability: try 70%, 0.7, 7/10, 3:1, 1 in 20 or a word such as likely"),
        ("2 in 1", "2 in 1 is more than 100%: a probability runs from 0% to 100%"),
    ])
    func refuses(text: String, message: String) {
        #expect(throws: (any Error).self) { try ProbabilityParser.parse(text) }
        do {
            _ = try ProbabilityParser.parse(text)
        } catch {
            #expect(error.localizedDescription == message)
        }
    }

    @Test func certaintyWithConsent() throws {
        #expect(try ProbabilityParser.parse("100%", allowCertain: true).value == 1)
        #expect(try ProbabilityParser.parse("0%", allowCertain: true).value == 0)
        #expect(throws: ProbabilityError.bareNumber("0")) { try ProbabilityParser.parse("0", allowCertain: true) }
    }

    @Test func echoShowsWhatWasTyped() throws {
        #expect(try ProbabilityParser.parse("3:1").echo == "75% (typed 3:1)")
        #expect(try ProbabilityParser.parse("70%").echo == "70%")
        #expect(try ProbabilityParser.parse("1 in 3").percentText == "33.33%")
        #expect(try ProbabilityParser.parse("likely").echo == "75% (typed likely)")
    }
}
