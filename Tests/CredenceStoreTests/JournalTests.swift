import CredenceCore
import Foundation
import GRDB
import Testing

@testable import CredenceStore

@Suite struct JournalTests {
    let clock = Clock.fixed(
        ISO8601DateFormatter().date(from: "2026-11-22T12:00:00Z")!, timeZone: TimeZone(identifier: "UTC")!)

    func p(_ text: String) -> Probability { try! ProbabilityParser.parse(text, allowCertain: true) }

    @Test func schemaRefusesImpossibleRows() throws {
        let j = try Journal.inMemory(clock: clock)
        try j.db.write { db in
            try db.execute(sql: "INSERT INTO forecaster(name, created_at) VALUES ('me', 0)")
            try db.execute(
                sql: "INSERT INTO claim(uuid, text, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'x', 0)"
            )
        }
        let bad = [
            "INSERT INTO forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (1, 1, 1.5, '150%', 'percent', 0)",
            "INSERT INTO forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (1, 1, 0.5, '50%', 'guess', 0)",
            "INSERT INTO forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (9, 1, 0.5, '50%', 'percent', 0)",
            "INSERT INTO forecast(claim_id, forecaster_id, probability, typed, form, created_at) VALUES (1, 1, 'half', '50%', 'percent', 0)",
            "INSERT INTO claim(uuid, text, created_at) VALUES ('00000000-0000-4000-8000-000000000002', '   ', 0)",
            "INSERT INTO claim(uuid, text, created_at, resolve_by) VALUES ('00000000-0000-4000-8000-000000000003', 'y', 10, 5)",
            "UPDATE claim SET status = 'yes' WHERE id = 1",
            "UPDATE claim SET status = 'yes', resolved_at = 1, outcome = 0 WHERE id = 1",
            "INSERT INTO forecaster(name, created_at) VALUES ('ME', 0)",
        ]
        for sql in bad {
            #expect(throws: DatabaseError.self, "\(sql)") { try j.db.write { try $0.execute(sql: sql) } }
        }
    }

    @Test func finalForecastFollowsResolutionTime() throws {
        let j = try Journal.inMemory(clock: clock)
        let t0 = clock.now()
        let claim = try j.write { w in (try w.addClaim(text: "x", resolveBy: nil, tags: [], createdAt: t0), "add") }
        for (i, text) in ["60%", "70%", "90%"].enumerated() {
            _ = try j.write { w in
                (
                    try w.addForecast(
                        claim: claim.id, forecaster: "me", probability: p(text), reason: nil, caveats: [],
                        at: t0.addingTimeInterval(Double(i) * 3600)), "f"
                )
            }
        }
        _ = try j.write { w in
            (
                try w.addForecast(
                    claim: claim.id, forecaster: "ryan", probability: p("20%"), reason: nil, caveats: [],
                    at: t0.addingTimeInterval(7200)), "f"
            )
        }
        func finals() throws -> [String] {
            try j.claim(claim.id).forecasts.filter(\.isFinal).map { "\($0.forecaster) \($0.typed)" }.sorted()
        }
        #expect(try finals() == ["me 90%", "ryan 20%"])
        _ = try j.write { w in
            (try w.resolve(claim.id, as: .yes, at: t0.addingTimeInterval(5400), note: nil, by: "me", force: false), "r")
        }
        #expect(try finals() == ["me 70%"])  // Ryan's only forecast came after the resolution
        let counts = try j.forecastCounts(ReportSelection(forecaster: nil))
        #expect(counts == [ForecastGroup(name: "", counts: [CountedForecast(x: 0.7, n: 1, e: 1)])])
        var every = ReportSelection(forecaster: "me")
        every.everyForecast = true
        #expect(try j.forecastCounts(every).first?.counts.map(\.x).sorted() == [0.6, 0.7])
    }

    @Test func reportCountsGroupAndFilter() throws {
        let j = try Journal.inMemory(clock: clock)
        let t0 = clock.now()
        let rows: [(String, String, [String], Bool?)] = [
            ("a", "70%", ["work"], true), ("b", "70%", ["work", "ai"], false), ("c", "20%", [], false),
            ("d", "90%", ["ai"], nil),
        ]
        for (text, prob, tags, outcome) in rows {
            _ = try j.write { w -> ((), String) in
                let c = try w.addClaim(text: text, resolveBy: nil, tags: tags, createdAt: t0)
                _ = try w.addForecast(
                    claim: c.id, forecaster: "me", probability: p(prob), reason: nil, caveats: [], at: t0)
                if let outcome {
                    _ = try w.resolve(
                        c.id, as: outcome ? .yes : .no, at: t0.addingTimeInterval(86_400), note: nil, by: nil,
                        force: false)
                }
                return ((), "")
            }
        }
        let all = try j.forecastCounts(ReportSelection(forecaster: "me"))
        #expect(Sample(counts: all[0].counts) == Sample(rows: [(0.7, true), (0.7, false), (0.2, false)]))
        var tagged = ReportSelection(forecaster: "me")
        tagged.tags = ["AI"]
        #expect(try j.forecastCounts(tagged)[0].counts == [CountedForecast(x: 0.7, n: 1, e: 0)])
        let byTag = try j.forecastCounts(ReportSelection(forecaster: nil), by: .tag)
        #expect(Set(byTag.map(\.name)) == ["#work", "#ai", "(untagged)"])
        #expect(try j.forecastCounts(ReportSelection(forecaster: "nobody")).isEmpty)
        let byHorizon = try j.forecastCounts(ReportSelection(forecaster: nil), by: .horizon)
        #expect(byHorizon.map(\.name) == ["≤ 1 week"])
        #expect(byHorizon.map(\.key) == [.horizon(.week)])
        let byCaveats = try j.forecastCounts(ReportSelection(forecaster: nil), by: .caveats)
        #expect(byCaveats.map(\.key) == [.caveats(.zero)] && byCaveats.map(\.name) == ["no caveats"])
    }

    @Test func undoRestoresEveryTable() throws {
        let j = try Journal.inMemory(clock: clock)
        func dump() throws -> String {
            try j.db.read { db in
                try Schema.undoable.map { t in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(t.table) ORDER BY id").description
                }.joined(separator: "\n")
            }
        }
        let empty = try dump()
        let c = try j.write { w in (try w.addClaim(text: "x", resolveBy: nil, tags: ["a", "b"]), "add") }
        _ = try j.write { w in
            (
                try w.addForecast(
                    claim: c.id, forecaster: "me", probability: p("60%"), reason: "r", caveats: ["c1", "c2"]), "f"
            )
        }
        let beforeResolve = try dump()
        _ = try j.write { w in (try w.resolve(c.id, as: .no, at: nil, note: "n", by: "ryan", force: false), "resolve") }
        let beforeEdit = try dump()
        _ = try j.write { w in (try w.edit(c.id, text: "y", notes: "notes"), "edit") }
        let beforeDelete = try dump()
        _ = try j.write { w in (try w.delete(c.id), "delete") }
        #expect(try j.undoLast().description == "delete")
        #expect(try dump() == beforeDelete)
        #expect(try j.undoLast().description == "edit")
        #expect(try dump() == beforeEdit)
        #expect(try j.undoLast().description == "resolve")
        #expect(try dump() == beforeResolve)
        _ = try j.undoLast()
        _ = try j.undoLast()
        #expect(try dump() == empty)
        #expect(throws: JournalError.nothingToUndo) { try j.undoLast() }
    }

    @Test func failedWriteLeavesNoTrace() throws {
        let j = try Journal.inMemory(clock: clock)
        _ = try j.write { w in (try w.addClaim(text: "x", resolveBy: nil, tags: []), "add") }
        #expect(throws: JournalError.unknownClaim(7)) {
            try j.write { w -> ((), String) in
                _ = try w.addClaim(text: "half", resolveBy: nil, tags: ["t"])
                _ = try w.addForecast(claim: 7, forecaster: "me", probability: p("50%"), reason: nil, caveats: [])
                return ((), "never")
            }
        }
        let counts = try j.db.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT (SELECT count(*) FROM claim) + (SELECT count(*) FROM tag) + (SELECT count(*) FROM undo_step)"
            )
        }
        #expect(counts == 2)  // one claim, no tag, one undo step
    }

    @Test func journalPathPrecedence() {
        #expect(Journal.defaultPath(flag: "/a", environment: ["CREDENCE_JOURNAL": "/b"]) == "/a")
        #expect(Journal.defaultPath(flag: nil, environment: ["CREDENCE_JOURNAL": "/b", "XDG_DATA_HOME": "/x"]) == "/b")
        #expect(
            Journal.defaultPath(flag: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"])
                == "/x/credence/journal.sqlite")
        #expect(
            Journal.defaultPath(flag: nil, environment: ["HOME": "/h"]) == "/h/.local/share/credence/journal.sqlite")
    }
}

@Suite struct TimestampParsingTests {
    @Test(arguments: [
        ("2024-03-05 09:07:4", "2024-03-05T09:07:04.000Z"), ("2024-03-05T09:07:04Z", "2024-03-05T09:07:04.000Z"),
        ("2024-03-05T09:07:04.25Z", "2024-03-05T09:07:04.250Z"), ("2024-03-05T09:07+02:00", "2024-03-05T07:07:00.000Z"),
        ("2024-03-05T09:07:04-0530", "2024-03-05T14:37:04.000Z"), ("2024-02-29", "2024-02-29T00:00:00.000Z"),
        (" 2015-01-10T10:00:00.000Z ", "2015-01-10T10:00:00.000Z"),
    ])
    func parses(text: String, iso: String) {
        #expect(Timestamps.parse(text).map { Timestamp.iso($0) } == iso)
    }

    @Test(arguments: [
        "2023-02-29", "2024-13-01", "2024-03-05T25:00", "yesterday", "2024-3-5x", "", "2024-03-05T09:07:04+5",
    ])
    func refuses(text: String) {
        #expect(Timestamps.parse(text) == nil, "\(text)")
    }
}
