import CredenceCore
import Foundation
import Testing

@testable import CredenceStore

/// Property: for random journals with every kind of record, export then import into an empty
/// journal gives the same journal (its export is identical), and importing again adds nothing.
@Suite struct RoundTripTests {
    static let clock = Clock.fixed(
        Date(timeIntervalSince1970: 1_795_000_000), timeZone: TimeZone(identifier: "Europe/Berlin")!)

    /// Text with the characters that break naive codecs.
    static let pieces = [
        "Ryan ships", "a, b", "\"quoted\"", "line\nbreak", "=SUM(A1)", "+1", "-2", "@here", "'apostrophe", "日本語",
        "emoji 🙂", "tab\there", "back\\slash", "semi;colon", "", "x",
    ]

    static func text(_ rng: inout SeededGenerator, nonEmpty: Bool = true) -> String {
        var s = (0..<(1 + rng.below(3))).map { _ in pieces[rng.below(pieces.count)] }.joined(separator: " ")
        if nonEmpty && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { s = "claim" }
        return s
    }

    static func document(seed: UInt64) -> InterchangeDocument {
        var rng = SeededGenerator(seed: seed)
        var doc = InterchangeDocument()
        let people = ["me", "ryan", "Sam O'Neil", "=evil"]
        for i in 0..<(3 + rng.below(12)) {
            let created = Date(millis: 1_700_000_000_000 + Int64(rng.below(10_000_000)) * 1000 + Int64(rng.below(1000)))
            var c = InterchangeClaim(
                uuid: StableID.uuid(["test", String(seed), String(i)]), id: rng.below(3) == 0 ? nil : ClaimID(i + 1),
                text: text(&rng), createdAt: created)
            c.notes = rng.below(2) == 0 ? nil : text(&rng, nonEmpty: true)
            c.resolveBy = rng.below(2) == 0 ? nil : created.addingTimeInterval(Double(rng.below(1_000_000)))
            c.tags = Array(Set((0..<rng.below(3)).map { _ in ["work", "ai", "x/y", "t.1"][rng.below(4)] })).sorted()
            let scenario = rng.below(4) == 0
            if scenario {
                c.kind = .scenarios
                c.options = ["slow, maybe", "fast", "none \"at all\""]
            }
            for _ in 0..<(rng.below(5)) {
                let who = people[rng.below(people.count)]
                let at = created.addingTimeInterval(Double(rng.below(500_000)) + Double(rng.below(1000)) / 1000)
                let p = Double(rng.below(10_001)) / 10_000
                let caveats = (0..<rng.below(3)).map { _ in text(&rng) }
                if scenario {
                    for option in c.options {
                        c.forecasts.append(
                            InterchangeForecast(
                                forecaster: who, option: option, probability: 1.0 / 3, typed: "33.3%", form: .percent,
                                createdAt: at, caveats: caveats))
                    }
                } else {
                    c.forecasts.append(
                        InterchangeForecast(
                            forecaster: who, probability: p, typed: "\(p)",
                            form: [.decimal, .odds, .verbal][rng.below(3)],
                            reason: rng.below(2) == 0 ? nil : text(&rng), createdAt: at, caveats: caveats))
                }
            }
            for _ in 0..<rng.below(3) {
                let at = created.addingTimeInterval(Double(300_000 + rng.below(600_000)))
                let status: ClaimStatus =
                    scenario ? (rng.below(3) == 0 ? .annulled : .resolved) : [.yes, .no, .annulled][rng.below(3)]
                c.resolutions.append(
                    InterchangeResolution(
                        status: status, option: status == .resolved ? c.options[rng.below(3)] : nil,
                        resolvedAt: at, recordedAt: at.addingTimeInterval(5),
                        note: rng.below(2) == 0 ? nil : text(&rng),
                        resolvedBy: rng.below(2) == 0 ? nil : people[rng.below(people.count)],
                        automatic: rng.below(5) == 0))
            }
            c.resolutions.sort { $0.recordedAt < $1.recordedAt }
            if i > 0 && rng.below(3) == 0 { c.condition = (doc.claims[rng.below(i)].uuid, rng.below(2) == 0) }
            if c.kind == .binary && rng.below(3) == 0 {
                doc.bets.append(
                    InterchangeBet(
                        claimUUID: c.uuid, yesSide: "me", noSide: "ryan", yesStake: Double(rng.below(100) + 1) / 3,
                        noStake: Double(rng.below(100) + 1), terms: text(&rng), createdAt: created,
                        settledAt: c.resolutions.last?.resolvedAt,
                        settlement: c.resolutions.last.map {
                            $0.status == .yes ? .yes : $0.status == .no ? .no : .refunded
                        }))
            }
            doc.claims.append(c)
        }
        return doc
    }

    func exported(_ j: Journal, _ format: ExportFormat) throws -> String {
        var out = ""
        try j.export(format, filter: ClaimFilter(), owner: "me", version: "test") { out += $0 }
        return format == .json ? String(out.drop { $0 != "\n" }) : out  // the first line holds the export time
    }

    @Test(arguments: [ExportFormat.json, .csv])
    func exportImportIsLossless(format: ExportFormat) throws {
        for seed in 1...40 as ClosedRange<UInt64> {
            let a = try Journal.inMemory(clock: Self.clock)
            _ = try a.write { w in (try w.store(Self.document(seed: seed)), "seed") }
            var first = ""
            try a.export(format, filter: ClaimFilter(), owner: "me", version: "test") { first += $0 }
            let b = try Journal.inMemory(clock: Self.clock)
            let (_, doc) = try Interchange.read(
                ImportRequest(
                    bytes: Array(first.utf8), namespace: "x", owner: "me", dates: Self.clock.dates,
                    now: Self.clock.now()))
            let summary = try b.write { w in (try w.store(doc), "import") }
            #expect(summary.skipped.isEmpty, "seed \(seed): \(summary.skipped)")
            #expect(try exported(a, format) == exported(b, format), "seed \(seed) differs after a round trip")
            #expect(try a.integrityCheck() == "ok" && b.integrityCheck() == "ok")
            let again = try b.write { w in (try w.store(doc), "again") }
            #expect(
                again.claims == 0 && again.forecasts == 0 && again.bets == 0 && again.resolutions == 0,
                "seed \(seed): re-import added \(again)")
        }
    }

    @Test func theExportedJournalHasEveryKindOfRecord() throws {
        let j = try Journal.inMemory(clock: Self.clock)
        for seed in 1...40 as ClosedRange<UInt64> {
            _ = try j.write { w in (try w.store(Self.document(seed: seed)), "seed") }
        }
        let counts = try j.readSQLite { db in
            try ["claim", "forecast", "caveat", "claim_tag", "resolution", "condition", "bet", "scenario_option"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
            }
        }
        #expect(counts.allSatisfy { $0 > 0 }, "\(counts)")
    }
}
