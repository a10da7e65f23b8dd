import CredenceCLI
import CredenceStore
import Foundation
import Testing

/// The team journal's own commands and connections, on the test server: members connect as their
/// own roles from their own processes (here: their own connections), and "me" is whoever connects.
@Suite(.enabled(if: TestPostgres.engines.contains(.postgres))) struct TeamJournalTests {
    /// `url` connecting as another role.
    static func url(_ url: String, user: String, password: String) -> String {
        let rest = url[url.range(of: "@")!.upperBound...]
        return "postgres://\(user):\(password)@\(rest)"
    }

    @Test func initIsSafeTwiceAndANewerSchemaIsRefusedUntouched() {
        let h = Harness(engine: .postgres)
        let again = h.run("team init")
        #expect(again.status == 0)
        #expect(again.out.contains("is already set up (schema 3); nothing changed"))
        h.run("add Rain tomorrow 70%")
        h.sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        for line in ["list", "add Sun 60%", "team init"] {
            let r = h.run(line)
            #expect(r.status == 74, "\(line)")
            #expect(r.err.contains("written by a newer Credence (journal schema 99; this credence reads up to 3)"))
        }
        #expect(h.rows("SELECT count(*) FROM claim") == [["1"]])
        #expect(h.value("SELECT value FROM meta WHERE key = 'schema_version'") == "99")
    }

    /// A journal an older credence set up (schema 2) is refused until its owner migrates it, then
    /// keeps its record and its rules; the helpers the rules call are version 3's (PL/pgSQL, whose
    /// plans are kept, and the clock inlinable SQL).
    @Test func aSchemaTwoJournalMigratesWithItsRecordAndRules() throws {
        guard let admin = TestPostgres.adminURL else {
            Issue.record("no test server")
            return
        }
        let name = "credence_test_v2_\(UUID().uuidString.prefix(8).lowercased())_\(getpid())"
        TestPostgres.psql(admin, "CREATE DATABASE \(name)")
        let url = TestPostgres.url(admin, database: name)
        let h = Harness(engine: .postgres)
        h.environment["CREDENCE_JOURNAL"] = url
        do {  // closed at the end of the scope, as by the credence that made it
            let old = try Journal.openTeam(url: url, clock: h.clock)
            #expect(try old.teamInit(through: 2) == .created(version: 2))
        }
        TestPostgres.execute(
            "INSERT INTO claim(uuid, text, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Rain tomorrow', 1790000000000)",
            in: url)
        let refused = h.run("list")
        #expect(refused.status == 74)
        #expect(refused.err.contains("its schema is version 2 and this credence needs 3"), "\(refused.err)")
        let migrated = h.run("team init")
        #expect(migrated.out.contains("from schema 2 to 3."), "\(migrated.out) \(migrated.err)")
        #expect(h.run("list").out.contains("Rain tomorrow"))
        #expect(
            TestPostgres.rows(
                "SELECT p.proname, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'credence' AND p.proname IN ('caller_id', 'importing', 'is_admin', 'hidden_claims', 'server_ms') ORDER BY 1",
                in: url) == [
                    ["caller_id", "plpgsql"], ["hidden_claims", "plpgsql"], ["importing", "plpgsql"],
                    ["is_admin", "plpgsql"], ["server_ms", "sql"],
                ])
        // Roles are the cluster's: this test's own names.
        let ryanRole = "ryan_\(name.suffix(12))", samRole = "sam_\(name.suffix(12))"
        #expect(h.run("team add \(ryanRole) --password pw").status == 0)
        #expect(h.run("team add \(samRole) --password pw").status == 0)
        let ryan = Self.url(url, user: ryanRole, password: "pw")
        #expect(h.run(["forecast", "1", "30%", "--journal", ryan]).status == 0)
        // The server's rule, not only the client's: Ryan at psql cannot forecast as Sam.
        let asSam = TeamTrustTests.psql(
            ryan,
            "INSERT INTO credence.forecast(claim_id, forecaster_id, probability, typed, form, created_at) SELECT 1, id, 0.9, '90%', 'percent', 0 FROM credence.forecaster WHERE role_name = '\(samRole)'"
        )
        #expect(
            !asSam.ok && asSam.err.contains("you forecast only as yourself (\(ryanRole)), not as \(samRole)"),
            "\(asSam.err)")
        #expect(TestPostgres.rows("SELECT count(*) FROM forecast", in: url) == [["1"]])
    }

    @Test func twoMembersEachAsThemselves() throws {
        let h = Harness(engine: .postgres)
        let added = h.run("team add Ryan --password ryan-secret --resolver")
        #expect(added.status == 0, "\(added.err)")
        #expect(
            added.out.hasPrefix(
                "Added Ryan (resolver) to the team journal.\nRyan connects with:\n  --journal postgres://ryan@"))
        #expect(!added.out.contains("ryan-secret"), "a password chosen by the admin is not printed back")
        let ryan = Self.url(h.journal, user: "ryan", password: "ryan-secret")

        #expect(h.run("add \"The probe replicates on 70B\" 35% by june").status == 0)
        let theirs = h.run(["forecast", "1", "80%", "--journal", ryan])
        #expect(theirs.status == 0, "\(theirs.err)")
        #expect(theirs.out == "Forecast on claim 1 “The probe replicates on 70B” by Ryan: 80%\n")
        // Each sees the other's number; "me" is whoever connected.
        #expect(h.run("show 1").out.contains("me    35%"))
        #expect(h.run(["list", "--journal", ryan]).out.contains("80%"))
        h.advance(days: 30)
        let resolved = h.run(["resolve", "1", "yes", "--journal", ryan])
        #expect(resolved.status == 0, "\(resolved.err)")
        // Ryan resolved it: to him, he is "you" and the owner is the forecaster named me.
        #expect(resolved.out.contains("You were more right than Me: 80% on what happened against Me's 35%"))
        #expect(h.run("vs me ryan").out.contains("Ryan"))
        let members = h.run("team list").out
        #expect(members.contains("Ryan") && members.contains("ryan") && members.contains("resolve"))
        #expect(h.rows("SELECT name, role_name FROM forecaster ORDER BY id") == [["Ryan", "ryan"], ["me", "me"]])
    }

    @Test func removedMembersCannotConnectAndTheirForecastsStay() {
        let h = Harness(engine: .postgres)
        h.run("team add sam --password sam-pw")
        let sam = Self.url(h.journal, user: "sam", password: "sam-pw")
        h.run("add Snow 20%")
        #expect(h.run(["forecast", "1", "30%", "--journal", sam]).status == 0)
        let removed = h.run("team remove sam")
        #expect(removed.out == "Removed sam's login (sam); their forecasts stay in the team's record.\n")
        let refused = h.run(["list", "--journal", sam])
        #expect(refused.status == 74)
        #expect(refused.err.contains("refused") && refused.err.contains("sam"), "\(refused.err)")
        #expect(h.rows("SELECT count(*) FROM forecast") == [["2"]])
        #expect(h.run("team list").out.contains("removed"))
        #expect(
            h.run("team remove nobody").err
                == "error: nobody is not a member of this team: `credence team list` shows who is\n")
    }

    @Test func addingMembersNeedsCreateRole() {
        let h = Harness(engine: .postgres)
        h.run("team add ana --password ana-pw")
        let ana = Self.url(h.journal, user: "ana", password: "ana-pw")
        let r = h.run(["team", "add", "bo", "--journal", ana])
        #expect(r.status == 77)
        #expect(r.err.contains("creating a login needs the CREATEROLE privilege"), "\(r.err)")
        #expect(h.rows("SELECT count(*) FROM forecaster WHERE name = 'bo'") == [["0"]])
        let bad = h.run("team add 'Ana Lu'")
        #expect(bad.err.contains("cannot be a login name"))
    }

    @Test func wrongPasswordsAndUnreachableServersSaySo() {
        let h = Harness(engine: .postgres)
        let wrong = h.run(["list", "--journal", Self.url(h.journal, user: "me", password: "not-it")])
        #expect(wrong.status == 74)
        #expect(wrong.err.contains("password authentication failed for user \"me\""), "\(wrong.err)")
        let start = Date()
        let closed = h.run(["list", "--journal", "postgres://me:x@127.0.0.1:1/none"])
        #expect(closed.status == 74 && Date().timeIntervalSince(start) < 5.5)
        #expect(closed.err.hasPrefix("error: cannot reach the team journal's server at 127.0.0.1:1:"), "\(closed.err)")
    }

    @Test func aURLIsNeverAFile() throws {
        let h = Harness()
        let cwd = FileManager.default.currentDirectoryPath
        let r = h.run(["add", "x", "50%", "--journal", "postgres://me@127.0.0.1:1/db"])
        #expect(r.status == 74)
        #expect(!FileManager.default.fileExists(atPath: cwd + "/postgres:"))
        let bad = h.run(["list", "--journal", "postgresql://me@127.0.0.1"])
        #expect(bad.status == 65 && bad.err.contains("no database name"), "\(bad.err)")
        let mode = h.run(["list", "--journal", "postgres://me@127.0.0.1/db?sslmode=sometimes"])
        #expect(mode.err.contains("sslmode=sometimes is not a mode"))
        let file = h.run("team list")
        #expect(file.status == 64 && file.err.contains("team commands manage a team journal"))
    }

    /// The server ends the session mid-import: the command fails (never hangs) and leaves nothing
    /// half-written.
    @Test func aConnectionDroppedMidImportLeavesNothing() throws {
        let h = Harness(engine: .postgres)
        var csv = "forecaster,question_id,probability,outcome\n"
        for i in 0..<20_000 { csv += "m\(i % 50),q\(i / 10),0.\(i % 9 + 1),\((i / 10) % 2)\n" }
        let file = h.directory.appendingPathComponent("big.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let database = String(h.journal.split(separator: "/").last!)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Harness.Result?
        nonisolated(unsafe) let importer = h
        Thread {
            result = importer.run(["import", file.path])
            done.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.6)
        TestPostgres.psql(
            TestPostgres.adminURL!,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()",
            tuples: true)
        #expect(done.wait(timeout: .now() + 60) == .success, "the import hung after its connection was dropped")
        let forecasts = h.rows("SELECT count(*) FROM forecast")
        if result?.status == 0 {
            #expect(forecasts == [["20000"]], "it finished before the drop: all of it")
        } else {
            #expect(result?.status == 74, "\(result?.err ?? "")")
            #expect(forecasts == [["0"]], "\(result?.err ?? "")")
        }
    }
}
