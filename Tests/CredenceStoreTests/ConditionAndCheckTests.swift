import CredenceCore
import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// The one home of the condition rule, the damage check's schedule, and ids across undo.
@Suite struct ConditionAndCheckTests {
    let clock = Clock.fixed(
        ISO8601DateFormatter().date(from: "2026-11-22T12:00:00Z")!, timeZone: TimeZone(identifier: "UTC")!)

    func claims(_ j: Journal, _ n: Int) throws {
        for k in 1...n {
            _ = try j.write { w in (try w.addClaim(text: "Claim \(k)", resolveBy: nil, tags: []), "add \(k)") }
        }
    }

    @Test func aConditionMayNotCloseACircle() throws {
        let j = try Journal.inMemory(clock: clock)
        try claims(j, 4)
        _ = try j.write { w in (try w.addCondition(claim: 2, on: 1, required: true), "if") }
        _ = try j.write { w in (try w.addCondition(claim: 3, on: 2, required: true), "if") }
        #expect(
            throws: JournalError.conditionCycle(
                "claim 1 would depend on itself through claim 3 and claim 2: conditions can't go in a circle")
        ) {
            _ = try j.write { w in (try w.addCondition(claim: 1, on: 3, required: true), "if") }
        }
        #expect(throws: JournalError.conditionCycle("claim 4 would depend on itself: conditions can't go in a circle"))
        {
            _ = try j.write { w in (try w.addCondition(claim: 4, on: 4, required: true), "if") }
        }
        // A chain that does not come back is fine, and an old circle elsewhere ends the walk.
        try j.db.write {
            try $0.execute(
                sql:
                    "DELETE FROM condition; INSERT INTO condition(claim_id, on_claim_id, required_outcome) VALUES (1, 2, 1), (2, 1, 1)"
            )
        }
        _ = try j.write { w in (try w.addCondition(claim: 4, on: 1, required: true), "if") }
        #expect(try j.db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM condition") } == 3)
    }

    func journalFile(claims n: Int) throws -> (Journal, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("j.sqlite").path
        let j = try Journal.open(path: path, access: .write, clock: clock)
        try claims(j, n)
        return (j, path)
    }

    @Test func aLargeJournalIsCheckedOnceADay() throws {
        let (_, path) = try journalFile(claims: 1)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        // A journal too large for the bounded check: pad it past the limit with a big note.
        let j = try Journal.open(path: path, access: .write, clock: clock)
        try j.db.write {
            try $0.execute(
                sql: "UPDATE claim SET notes = ? WHERE id = 1", arguments: [String(repeating: "x", count: 5 << 20)])
        }
        // A journal this process created counts as checked when its first write commits.
        func checkedAt() throws -> Int64? {
            try j.db.read { try Int64.fetchOne($0, sql: "SELECT checked_at FROM journal_check") }
        }
        #expect(try checkedAt() == clock.now().millis)
        // Within the day nothing is read again; a day later the check passes on opening, and
        // only a write that changes something records it.
        let later = Clock.fixed(clock.now().addingTimeInterval(25 * 3600), timeZone: clock.calendar.timeZone)
        let opened = try Journal.open(path: path, access: .write, clock: later)
        #expect(try checkedAt() == clock.now().millis)
        try claims(opened, 1)
        #expect(try checkedAt() == later.now().millis)
        let evenLater = Clock.fixed(later.now().addingTimeInterval(3600), timeZone: clock.calendar.timeZone)
        try claims(try Journal.open(path: path, access: .write, clock: evenLater), 1)
        #expect(try checkedAt() == later.now().millis)
    }

    @Test func idsAreNotGivenTwiceAndStepsKeepTheirOrigin() throws {
        let (j, path) = try journalFile(claims: 2)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        _ = try j.undoLast()
        _ = try j.write { w in (try w.addClaim(text: "After undo", resolveBy: nil, tags: []), "add") }
        #expect(try j.db.read { try Int64.fetchAll($0, sql: "SELECT id FROM claim ORDER BY id") } == [1, 3])
        #expect(try j.undoSteps(limit: 5).map(\.origin).allSatisfy { $0 == Journal.processOrigin })
        #expect(try j.db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 2)
    }

    @Test func aVersion1JournalMigrates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("j.sqlite").path
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(sql: Schema.v1)
            try db.execute(sql: "PRAGMA user_version = 1; PRAGMA application_id = \(Schema.applicationID)")
            try db.execute(
                sql: "INSERT INTO undo_step(description, created_at, marks) VALUES ('add claim 1 “Old”', 0, '{}')")
        }
        try old.close()
        let j = try Journal.open(path: path, access: .write, clock: clock)
        #expect(try j.db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 2)
        // A step from before origins were kept says nothing about whose it was.
        #expect(try j.undoSteps(limit: 1).first?.origin == "")
    }
}
