import CredenceCore
import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// A large Credence CSV is written while it is still being read. Here the streaming path is forced
/// on small files (threshold 0, two claims a batch) and must give what reading the whole file
/// first gives, refuse what it refuses, and leave a journal, new or old, as it was on a refusal.
@Suite struct StreamingImportTests {
    static let clock = RoundTripTests.clock

    /// A fresh directory, removed at the end of the test.
    final class Directory {
        let path: String
        init() throws {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("credence-stream-\(UUID().uuidString)")
                .path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    }

    /// Credence's CSV export of a random document.
    static func csv(seed: UInt64) throws -> String {
        let j = try Journal.inMemory(clock: clock)
        _ = try j.write { w in (try w.store(RoundTripTests.document(seed: seed)), "seed") }
        var out = ""
        try j.export(.csv, filter: ClaimFilter(), owner: "me", version: "test") { out += $0 }
        return out
    }

    @discardableResult
    static func importing(
        _ text: String, into path: String, streaming: Bool, skipBad: Bool = false
    ) throws -> ImportSummary {
        let request = ImportRequest(
            bytes: Array(text.utf8), namespace: "f", owner: "me", skipBad: skipBad, dates: clock.dates,
            now: clock.now(), streamAbove: streaming ? 0 : .max, batch: 2)
        return try Interchange.importFile(request, journal: path, clock: clock) { _ in "import" }.1
    }

    /// One bad record (which --skip-bad could leave out).
    static func record(_ e: InterchangeError) -> InterchangeError {
        var e = e
        e.isRecord = true
        return e
    }

    static func dump(_ path: String) throws -> String {
        let j = try Journal.open(path: path, access: .read, clock: clock)
        var out = ""
        try j.export(.csv, filter: ClaimFilter(), owner: "me", version: "test") { out += $0 }
        try j.export(.json, filter: ClaimFilter(), owner: "me", version: "test") {
            out += String($0.drop { $0 != "\n" })
        }
        return out
    }

    @Test func streamingStoresWhatReadingWholeStores() throws {
        for seed in 1...25 as ClosedRange<UInt64> {
            let dir = try Directory(), text = try Self.csv(seed: seed)
            let streamed = try Self.importing(text, into: dir.path + "/a.sqlite", streaming: true)
            let whole = try Self.importing(text, into: dir.path + "/b.sqlite", streaming: false)
            #expect(streamed == whole, "seed \(seed)")
            #expect(try Self.dump(dir.path + "/a.sqlite") == Self.dump(dir.path + "/b.sqlite"), "seed \(seed)")
            // The new journal was written under a temporary name and linked into place: nothing else is left.
            #expect(dir.entries == ["a.sqlite", "b.sqlite"], "seed \(seed): \(dir.entries)")
            // Into a directory that does not exist yet (read whole first, then created).
            try Self.importing(text, into: dir.path + "/new/c.sqlite", streaming: true)
            #expect(try Self.dump(dir.path + "/new/c.sqlite") == Self.dump(dir.path + "/b.sqlite"), "seed \(seed)")
            let mode =
                try FileManager.default.attributesOfItem(atPath: dir.path + "/a.sqlite")[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let j = try Journal.open(path: dir.path + "/a.sqlite", access: .read, clock: Self.clock)
            #expect(try j.readSQLite { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
            #expect(try j.integrityCheck() == "ok")
            #expect(try j.readSQLite { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty, "seed \(seed)")
            // Into an existing journal the same file adds nothing.
            let again = try Self.importing(text, into: dir.path + "/a.sqlite", streaming: true)
            #expect(
                again.claims == 0 && again.forecasts == 0 && again.resolutions == 0 && again.bets == 0,
                "seed \(seed): \(again)")
        }
    }

    /// The reader hands on each batch of claims once it has read past them, keeps the rest, and
    /// stops at a row for a claim it has already handed on.
    @Test func theReaderHandsOnClaimsItHasPassed() throws {
        let seed = try #require(
            (1...50 as ClosedRange<UInt64>).first { RoundTripTests.document(seed: $0).claims.count >= 10 })
        let text = try Self.csv(seed: seed)
        var policy = RecordPolicy(skipBad: false)
        let whole = try CredenceCSVCodec.read(Array(text.utf8), policy: &policy)
        #expect(whole.claims.count >= 10)
        var batches: [[InterchangeClaim]] = []
        let rest = try CredenceCSVCodec.read(
            Array(text.utf8), policy: &policy, sink: ClaimSink(batch: 3) { batches.append($0) })
        #expect(batches.map(\.count).allSatisfy { $0 == 3 } && !batches.isEmpty)
        #expect(rest.claims.count >= 1 && rest.claims.count <= 3)
        #expect(batches.flatMap { $0 } + rest.claims == whole.claims)
        #expect(rest.bets == whole.bets)

        var lines = text.split(separator: "\n").map(String.init)
        lines.append(lines[1])  // the first claim's first row again, at the end
        #expect(throws: ClaimsNotTogether(line: lines.count)) {
            try CredenceCSVCodec.read(
                Array(lines.joined(separator: "\n").utf8), policy: &policy, sink: ClaimSink(batch: 3) { _ in })
        }
    }

    /// Rows of one claim apart (another tool may write them so): the import starts over, reading first.
    @Test func aClaimWhoseRowsAreApartStartsOver() throws {
        let dir = try Directory()
        var lines = try Self.csv(seed: 7).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstForecast = try #require(lines.firstIndex { $0.hasPrefix("forecast,") })
        let moved = lines.remove(at: firstForecast)
        lines.insert(moved, at: lines.count - 1)  // before the final empty string of the trailing newline
        let text = lines.joined(separator: "\n")
        try Self.importing(text, into: dir.path + "/existing.sqlite", streaming: false)  // a journal that exists
        try Self.importing(text, into: dir.path + "/whole.sqlite", streaming: false)
        let streamed = try Self.importing(text, into: dir.path + "/streamed.sqlite", streaming: true)
        #expect(streamed.forecasts > 0)
        #expect(try Self.dump(dir.path + "/streamed.sqlite") == Self.dump(dir.path + "/whole.sqlite"))
        let fresh = try Self.csv(seed: 8)
        try Self.importing(fresh, into: dir.path + "/existing.sqlite", streaming: true)
        try Self.importing(fresh, into: dir.path + "/whole.sqlite", streaming: false)
        #expect(try Self.dump(dir.path + "/existing.sqlite") == Self.dump(dir.path + "/whole.sqlite"))
        #expect(dir.entries == ["existing.sqlite", "streamed.sqlite", "whole.sqlite"])
    }

    /// The last line is bad: refused with its line number, after the writer has stored claims before it.
    @Test func aBadLastLineLeavesEveryJournalAsItWas() throws {
        let dir = try Directory()
        let text = try Self.csv(seed: 3)
        let lines = text.split(separator: "\n").count
        let bad =
            text
            + "forecast,\(StableID.uuid(["bad"])),,Late claim,binary,,2025-01-01T00:00:00.000Z,,,,,,me,,1.5,150%,percent,,,2025-01-01T00:00:00.000Z,,,,,,,,,,,,,\n"
        let existing = dir.path + "/existing.sqlite"
        try Self.importing(try Self.csv(seed: 4), into: existing, streaming: false)
        let before = try Data(contentsOf: URL(fileURLWithPath: existing))
        for path in [existing, dir.path + "/new.sqlite", dir.path + "/sub/dir/new.sqlite"] {
            #expect(
                throws: Self.record(
                    InterchangeError(line: lines + 1, field: "probability", "\"1.5\" is not a probability from 0 to 1"))
            ) {
                try Self.importing(bad, into: path, streaming: true)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == before)
        #expect(dir.entries.filter { !$0.hasPrefix("existing.sqlite") } == [], "\(dir.entries)")
        // With --skip-bad both paths keep the same records and name the same one left out.
        let streamed = try Self.importing(bad, into: dir.path + "/s.sqlite", streaming: true, skipBad: true)
        let whole = try Self.importing(bad, into: dir.path + "/w.sqlite", streaming: false, skipBad: true)
        #expect(streamed == whole && streamed.skipped.count == 1, "\(streamed.skipped)")
    }

    /// What the file says wrong is what the user hears, even when the writer failed first on a
    /// claim before it (as when the whole file is read before anything is written).
    @Test func aBadRecordOutranksAnEarlierRefusedClaim() throws {
        let dir = try Directory()
        let header = CredenceCSVCodec.header
        let options = "\"[\"\"a\"\",\"\"b\"\"]\""
        var text =
            header
            + "forecast,\(StableID.uuid(["s"])),,Which,scenarios,,2025-01-01T00:00:00.000Z,,\(options),,,,me,c,0.5,50%,percent,,,2025-01-01T00:00:00.000Z,,,,,,,,,,,,,\n"
        for i in 0..<20 {
            text +=
                "forecast,\(StableID.uuid(["c", String(i)])),,Claim \(i),binary,,2025-01-01T00:00:00.000Z,,,,,,me,,0.5,50%,percent,,,2025-01-01T00:00:00.000Z,,,,,,,,,,,,,\n"
        }
        #expect(throws: JournalError.self) { try Self.importing(text, into: dir.path + "/a.sqlite", streaming: true) }
        let bad =
            text
            + "forecast,\(StableID.uuid(["z"])),,Late,binary,,2025-01-01T00:00:00.000Z,,,,,,me,,0.5,50%,carrier pigeon,,,2025-01-01T00:00:00.000Z,,,,,,,,,,,,,\n"
        #expect(
            throws: Self.record(
                InterchangeError(line: 23, field: "form", "\"carrier pigeon\" is not a known input form"))
        ) {
            try Self.importing(bad, into: dir.path + "/a.sqlite", streaming: true)
        }
        #expect(dir.entries == [])
    }

    /// A journal created at the path while a new one was being written is never replaced: the
    /// new one is not linked, and is removed.
    /// The plain CSV streams too: rows of a question together, apart (read again whole), with
    /// bad rows left out and a question whose dates are refused, the same as reading it first.
    @Test func thePlainCSVStreamsAsItReadsWhole() throws {
        var rows = ["forecaster,question_id,probability,outcome,created,resolved"]
        for q in 0..<9 {
            for who in ["ann", "bob", "cy"] {
                rows.append("\(who),q\(q),0.\(q + 1)\(who.count),\(q % 2),2026-0\(q % 3 + 1)-0\(who.count),2026-06-01")
            }
        }
        rows[5] = "ann,q1,1.7,1,2026-01-01,2026-06-01"  // no probability: left out with --skip-bad
        rows[19] = "ann,q6,0.4,0,2026-01-03,2025-06-01"  // q6 now resolves before its earliest forecast
        let together = rows.joined(separator: "\n") + "\n"
        let apart =
            ([rows[0]] + rows.dropFirst().sorted { $0.split(separator: ",")[0] < $1.split(separator: ",")[0] })
            .joined(separator: "\n") + "\n"
        for text in [together, apart] {
            let dir = try Directory()
            let streamed = try Self.importing(text, into: dir.path + "/a.sqlite", streaming: true, skipBad: true)
            let whole = try Self.importing(text, into: dir.path + "/b.sqlite", streaming: false, skipBad: true)
            #expect(streamed == whole)
            #expect(streamed.claims == 8 && streamed.forecasts == 23 && streamed.skipped.count == 2, "\(streamed)")
            #expect(try Self.dump(dir.path + "/a.sqlite") == Self.dump(dir.path + "/b.sqlite"))
            #expect(dir.entries == ["a.sqlite", "b.sqlite"])
            // Without --skip-bad both refuse the file with the same first error and write nothing.
            func refusal(_ streaming: Bool) -> String {
                do {
                    try Self.importing(text, into: dir.path + "/c.sqlite", streaming: streaming)
                    return "imported"
                } catch { return "\(error)" }
            }
            #expect(refusal(true) == refusal(false) && refusal(true).contains("line"), "\(refusal(true))")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/c.sqlite"))
        }
    }

    @Test func aJournalThatAppearedMeanwhileIsKept() throws {
        let dir = try Directory(), path = dir.path + "/j.sqlite"
        let target = try #require(try ImportTarget(path: path, clock: Self.clock))
        #expect(target.temporary != nil && dir.entries.count == 1)
        _ = try target.journal.write { w in (try w.store(RoundTripTests.document(seed: 1)), "import") }
        try Self.importing(try Self.csv(seed: 2), into: path, streaming: false)
        let before = try Self.dump(path)
        #expect(try target.complete() == false)
        #expect(try Self.dump(path) == before)
        #expect(dir.entries == ["j.sqlite"])
    }

    /// A killed import leaves its temporary journal; the next import into that path removes it,
    /// but never one whose process is still running.
    @Test func leftoversOfAKilledImportAreRemoved() throws {
        let dir = try Directory()
        let gone = try ChildPID.finished()
        for name in [
            ".j.sqlite.importing-\(gone)-1", ".j.sqlite.importing-\(gone)-1-wal", ".j.sqlite.importing-\(getpid())-2",
        ] {
            #expect(FileManager.default.createFile(atPath: dir.path + "/" + name, contents: Data("x".utf8)))
        }
        try Self.importing(try Self.csv(seed: 5), into: dir.path + "/j.sqlite", streaming: true)
        #expect(dir.entries == [".j.sqlite.importing-\(getpid())-2", "j.sqlite"])
    }

    /// Past 10,000 new claims the forecast indexes are dropped and rebuilt at the end; claims the
    /// journal already has are merged after that rebuild, and the indexes are back.
    @Test func aBulkImportMergesAndRebuildsItsIndexes() throws {
        let dir = try Directory(), path = dir.path + "/j.sqlite"
        func row(_ i: Int, _ who: String, _ p: String, _ at: String) -> String {
            "forecast,\(StableID.uuid(["bulk", String(i)])),,Claim \(i),binary,,2025-01-01T00:00:00.000Z,,,,,,\(who),,\(p),\(p),decimal,,,\(at),,,,,,,,,,,,,\n"
        }
        try Self.importing(
            CredenceCSVCodec.header + (0..<3).map { row($0, "me", "0.5", "2025-01-01T00:00:00.000Z") }.joined(),
            into: path, streaming: false)
        var text = CredenceCSVCodec.header
        for i in 0..<3 { text += row(i, "ryan", "0.25", "2025-01-02T00:00:00.000Z") }
        for i in 3..<(ClaimImporter.bulkThreshold + 10) { text += row(i, "me", "0.75", "2025-01-01T00:00:00.000Z") }
        let s = try Self.importing(text, into: path, streaming: true)
        #expect(
            s.claims == ClaimImporter.bulkThreshold + 7 && s.mergedClaims == 3
                && s.forecasts == ClaimImporter.bulkThreshold + 10)
        let j = try Journal.open(path: path, access: .read, clock: Self.clock)
        let indexes = try j.readSQLite {
            try String.fetchAll(
                $0, sql: "SELECT name FROM sqlite_schema WHERE tbl_name = 'forecast' AND type = 'index' ORDER BY name")
        }
        #expect(indexes == ["forecast_by_claim", "forecast_final"])
        let merged = try j.readSQLite { try Int.fetchOne($0, sql: "SELECT count(*) FROM forecast WHERE claim_id <= 3") }
        #expect(merged == 6)
        #expect(try j.integrityCheck() == "ok")
        #expect(try j.readSQLite { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }
}

/// The id of a process that has exited and been reaped, so no process has it now.
enum ChildPID {
    static func finished() throws -> pid_t {
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { free(argv[0]) }
        guard posix_spawn(&pid, "/bin/true", nil, nil, &argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }
}
