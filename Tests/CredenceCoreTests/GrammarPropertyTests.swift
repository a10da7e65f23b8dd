import Foundation
import PropertyBased
import Testing

@testable import CredenceCore

/// Random and mutated input to the grammars: never a crash or a hang; always a value or a clear
/// error; what is printed parses back to the same thing.
@Suite struct GrammarPropertyTests {
    static let pieces = [
        "70%", "70", "0.7", ".7", "7/10", "3:1", "3:0", "1", "in", "20", "likely", "almost", "certain", "by", "friday",
        "next", "june", "2027-06-30", "in 3 weeks", "#work", "#", "unless", "caveat:", "\"", "-5%", "150%", "1.2", "",
        "Ryan", "ships", "日本", "🙂", "\u{0}", "\u{1B}[31m", "\u{202E}", "end", "of", "month", "Q3", "x", "%", ":", "/",
    ]
    static let words = Gen<String?>.element(of: pieces).array(of: 0...9).map {
        $0.compactMap { $0 }.joined(separator: " ")
    }
    static let noise = Gen<Character?>.element(of: Array("0123456789%:./ -+#\"abcinylQq\u{0}é🙂\t")).array(of: 0...24)
        .map { String($0.compactMap { $0 }) }
    static let dates = DateGrammar(
        now: Date(timeIntervalSince1970: 1_795_000_000),
        calendar: {
            var c = Calendar(identifier: .gregorian)
            c.timeZone = TimeZone(identifier: "America/New_York")!
            return c
        }())

    static func checkProbability(_ text: String) {
        do {
            let p = try ProbabilityParser.parse(text, allowCertain: true)
            #expect(p.value >= 0 && p.value <= 1 && p.value.isFinite, "\(text)")
            let printed = try ProbabilityParser.parse(p.percentText, allowCertain: true)
            #expect(printed.percentText == p.percentText, "\(text) printed as \(p.percentText)")
        } catch {
            #expect(!error.localizedDescription.isEmpty)
        }
    }

    @Test func probabilities() async {
        await propertyCheck(count: 1000, input: Self.words) { Self.checkProbability($0) }
        await propertyCheck(count: 1000, input: Self.noise) { Self.checkProbability($0) }
    }

    @Test func everyPercentRoundTrips() throws {
        for tenths in 0...1000 {
            let text = tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
            let p = try ProbabilityParser.parse(text, allowCertain: true)
            #expect(try ProbabilityParser.parse(p.percentText, allowCertain: true).value == p.value)
        }
    }

    static func checkDate(_ text: String) {
        do {
            let d = try dates.resolveBy(text)
            #expect(d >= dates.now, "\(text)")
        } catch {
            #expect(!error.localizedDescription.isEmpty)
        }
        _ = try? dates.pastInstant(text)
        _ = try? dates.periodStart(text)
    }

    @Test func dates() async {
        await propertyCheck(count: 1000, input: Self.words) { Self.checkDate($0) }
        await propertyCheck(count: 1000, input: Self.noise) { Self.checkDate($0) }
    }

    static func checkLine(_ line: String) {
        let parser = QuickEntryParser(dates: dates)
        do {
            let e = try parser.parse(line)
            #expect(!e.text.trimmingCharacters(in: .whitespaces).isEmpty, "\(line)")
            #expect(e.probability.map { $0.value >= 0 && $0.value <= 1 } ?? false)
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.range.lowerBound >= 0 && error.range.upperBound <= line.count + 1, "\(line): \(error.range)")
            #expect(error.pointer.contains("^"))
        }
    }

    @Test func quickEntryLines() async {
        await propertyCheck(count: 1000, input: Self.words) { Self.checkLine($0) }
        await propertyCheck(count: 1000, input: Self.noise) { Self.checkLine($0) }
    }

    /// Claim text passed as one argument holding a space comes back exactly, whatever it holds
    /// (quotes, probabilities, dates, escapes); the probability argument is parsed as typed.
    @Test func argumentTextRoundTrips() async {
        let text = Gen<String?>.element(of: Self.pieces).array(of: 1...9).map {
            "a " + $0.compactMap { $0 }.joined(separator: " ") + " z"
        }
        await propertyCheck(count: 1000, input: text, Gen<String?>.element(of: ["70%", "3:1", "likely", ".2"])) {
            text, p in
            let parser = QuickEntryParser(dates: Self.dates)
            let e = try? parser.parse(arguments: [text, p!, "#t"])
            #expect(e?.text == text, "\(text)")
            #expect(e?.tags == ["t"])
            #expect(e?.probability == (try? ProbabilityParser.parse(p!)))
        }
    }

    @Test func aMegabyteOfText() throws {
        let long = String(repeating: "word ", count: 200_000)
        let e = try QuickEntryParser(dates: Self.dates).parse(long + "70%")
        #expect(e.text.count == long.count - 1 && e.probability?.value == 0.7)
    }
}
