import CredenceCLI
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
        #expect(again.out.contains("is already set up (schema 2); nothing changed"))
        h.run("add Rain tomorrow 70%")
        h.sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        for line in ["list", "add Sun 60%", "team init"] {
            let r = h.run(line)
            #expect(r.status == 74, "\(line)")
            #expect(r.err.contains("written by a newer Credence (journal schema 99; this credence reads up to 2)"))
        }
        #expect(h.rows("SELECT count(*) FROM claim") == [["1"]])
        #expect(h.value("SELECT value FROM meta WHERE key = 'schema_version'") == "99")
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
