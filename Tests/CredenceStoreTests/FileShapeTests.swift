import CredenceCore
import Foundation
import Testing

@testable import CredenceStore

/// The rules issue 15 put in one place: names, decimal numbers, UTF-8 and the final forecasts.
@Suite struct FileShapeTests {
    @Test func theNameRule() {
        #expect(ForecasterName.clean("Olivia") == "Olivia")
        #expect(ForecasterName.clean("  Olivia Smith\t") == "Olivia Smith")
        #expect(ForecasterName.clean("\u{200B}Olivia\u{FEFF}") == "Olivia")
        #expect(ForecasterName.clean("Émile") == "Émile")
        #expect(ForecasterName.clean("a\u{200B}b") == "a\u{200B}b", "only the ends are trimmed")
        for blank in [
            "", " ", "\u{200B}", "\u{FEFF}\u{200C}\u{200D}", "\u{2060}", "\u{00A0}\u{3000}", "\u{200E}\u{200F}",
        ] {
            #expect(ForecasterName.clean(blank) == nil, "\(blank.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func decimalNumbers() {
        #expect(DecimalText.parse("7.8456447996187574e-05") == 7.8456447996187574e-05)
        #expect(DecimalText.parse("5E-1") == 0.5)
        #expect(DecimalText.parse(".5") == 0.5)
        #expect(DecimalText.parse("5.") == 5)
        #expect(DecimalText.parse("+0.25") == 0.25)
        for bad in ["0x1p-1", "inf", "-inf", "nan", "NaN", "Infinity", "1e", "e5", ".", "", " 1", "1 ", "1,5", "1e+"] {
            #expect(DecimalText.parse(bad) == nil, "\(bad)")
        }
        #expect(DecimalText.percent("12.5") == 0.125)
        #expect(DecimalText.percent("7e1") == 0.7)
        #expect(DecimalText.percent("0x10") == nil)
    }

    @Test func utf8IsCheckedToTheByte() {
        #expect(Interchange.firstInvalidUTF8(Array("plain ascii, long enough for words\n".utf8)) == nil)
        #expect(Interchange.firstInvalidUTF8(Array("café ☕️ 𝄞 ok".utf8)) == nil)
        // Overlong, surrogate, truncated and stray bytes, each after 9 ASCII bytes.
        for bad: [UInt8] in [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
        ] {
            #expect(Interchange.firstInvalidUTF8(Array("123456789".utf8) + bad + Array("abc".utf8)) == 9, "\(bad)")
        }
        #expect(Interchange.place(of: 9, in: Array("ab\ncdé\nxyz".utf8) + [0xFF]).line == 3)
    }

    @Test func stableIDsAreUnchanged() {
        // Computed by the first implementation: re-importing an old file must find its claims.
        #expect(StableID.uuid(["plain-csv", "x.csv", "q1"]) == "db7009ac-46ca-85ae-8b61-8d8ca0e9902b")
        #expect(StableID.uuid(["a"]).utf8.count == 36)
    }

    @Test func finalForecastsPerForecasterAndOption() {
        var claim = InterchangeClaim(uuid: "u", text: "t", createdAt: Date(millis: 0))
        // Many forecasters (hashed) and few (scanned) give the same answer.
        for n in [4, 400] {
            claim.forecasts = (0..<(2 * n)).map { i in
                InterchangeForecast(
                    forecaster: "f\(i % n)", probability: 0.5, typed: "0.5", form: .decimal,
                    createdAt: Date(millis: Int64(i < n ? 10 : 5)))
            }
            let who = (0..<(2 * n)).map { Int64($0 % n) }
            let counted = ClaimImporter.finalIndexes(claim, who: who, option: Array(repeating: nil, count: 2 * n))
            // The first round is later in time than the second: it counts, despite the file's order.
            #expect(counted == (0..<(2 * n)).map { $0 < n }, "n = \(n)")
        }
    }
}
