import CredenceCLI
import Foundation
import GRDB
import Testing

/// Journals written by earlier releases, committed as files (Fixtures/journals/): today's
/// Credence must open them, read them as it read them then, and write to them. Each was made by
/// that release's own binary through its commands with a pinned clock (`CREDENCE_NOW`); each
/// session file is what today's binary printed for it, in the form of the golden files.
/// The tests work on a copy: the committed file is never opened for writing.
@Suite struct StoredJournalTests {
    static func fixture(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/journals/\(name)")
    }

    /// A harness whose journal is a copy of the fixture.
    static func harness(copying name: String) throws -> Harness {
        let h = Harness()
        try FileManager.default.copyItem(at: fixture(name), to: URL(fileURLWithPath: h.journal))
        return h
    }

    /// Runs the session's command lines in `h` and writes down what they did, as the golden files do.
    static func replay(_ session: String, in h: Harness) -> String {
        var out = ""
        for line in session.split(separator: "\n", omittingEmptySubsequences: false)
        where line.hasPrefix("$ credence ") {
            out += line + "\n"
            let r = h.run(String(line.dropFirst("$ credence ".count)))
            out += r.out
            for e in r.err.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out += "! \(e)\n" }
            if r.status != 0 { out += "[exit \(r.status)]\n" }
        }
        return out
    }

    /// The schema version of a committed journal, read without opening it for writing.
    static func userVersion(of url: URL) throws -> Int? {
        var configuration = Configuration()
        configuration.readonly = true
        let db = try DatabaseQueue(path: url.path, configuration: configuration)
        defer { try? db.close() }
        return try db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
    }

    static func check(journal: String, session: String) throws -> Harness {
        let committed = try Data(contentsOf: fixture(journal))
        let expected = try String(contentsOf: fixture(session), encoding: .utf8)
        let h = try harness(copying: journal)
        let actual = replay(expected, in: h)
        // As for the golden sessions: re-recorded on purpose, then reviewed in the diff.
        if ProcessInfo.processInfo.environment["CREDENCE_UPDATE_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/journals/\(session)")
            try actual.write(to: source, atomically: true, encoding: .utf8)
        }
        #expect(actual == expected, "\(session) differs:\n\(GoldenTests.diff(expected, actual))")
        #expect(try Data(contentsOf: fixture(journal)) == committed, "the committed \(journal) was changed")
        return h
    }

    /// A version 2 journal (claims, forecasts with caveats and reasons, tags, a resolution, a
    /// scenario set, a bet, an undone add): list, show, report and bets read it as they did, and
    /// a forecast added to it reads back.
    @Test func aVersion2JournalReadsAndTakesWrites() throws {
        let h = try Self.check(journal: "journal-v2.sqlite", session: "journal-v2.session.txt")
        #expect(h.value("PRAGMA user_version") == "2")
        #expect(h.value("SELECT count(*) FROM forecast WHERE forecaster_id = 2 AND claim_id = 2") == "2")
        #expect(h.value("SELECT text FROM caveat ORDER BY id DESC LIMIT 1") == "after the delay")
        // The undone add left its id behind: the next claim is 5, not 4.
        #expect(h.run("add 'After the fixture' 40%").out.hasPrefix("Added claim 5:"))
        #expect(h.value("PRAGMA integrity_check") == "ok")
    }

    /// A version 1 journal, made by the release before migration 2 (242238a): today's Credence
    /// migrates it when it opens it (undo steps gain their origin, empty for the old ones), and
    /// the session reads and writes it as it did. Version 1's undo gave an undone claim's id
    /// again, so its next claim is 4.
    @Test func aVersion1JournalOpensMigratesAndTakesWrites() throws {
        #expect(try Self.userVersion(of: Self.fixture("journal-v1.sqlite")) == 1)
        let h = try Self.check(journal: "journal-v1.sqlite", session: "journal-v1.session.txt")
        #expect(h.value("PRAGMA user_version") == "2")
        let origins = h.rows("SELECT origin FROM undo_step ORDER BY id").map(\.[0])
        #expect(origins.count == 11 && origins.prefix(9).allSatisfy(\.isEmpty) && !origins[9].isEmpty)
        #expect(h.value("PRAGMA integrity_check") == "ok")
        #expect(h.value("PRAGMA foreign_key_check") == nil)
    }
}
