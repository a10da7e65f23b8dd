import CredenceCLI
import Foundation
import Testing

/// Issue 2's list: each bad input gets a clear message, a non-zero status, and leaves the
/// journal exactly as it was.
@Suite struct BadInputTests {
    static let cases: [(String, Int32, String)] = [
        ("add Rain 70", 65, "error: \"70\" is a bare number: did you mean 70%?\n  Rain 70\n       ^^\n"),
        (
            "add Rain 150%", 65,
            "error: 150% is more than 100%: a probability runs from 0% to 100%\n  Rain 150%\n       ^^^^\n"
        ),
        ("add Rain -5%", 65, "error: -5% is negative: a probability runs from 0% to 100%\n  Rain -5%\n       ^^^\n"),
        (
            "add Rain 1.2", 65,
            "error: 1.2 is more than 1: a probability runs from 0 to 1 (did you mean 1.2%?)\n  Rain 1.2\n       ^^^\n"
        ),
        (
            "add Rain 3:0", 65,
            "error: odds 3:0 mean certainty: both sides of the odds must be above zero (for certainty write 0% or 100% with --certain)\n  Rain 3:0\n       ^^^\n"
        ),
        (
            "add Rain 70% by blursday", 65,
            "error: \"blursday\" is not a date I know: try friday, next friday, tomorrow, 2027-06-30, dec 31, in 3 weeks, june 2027, end of month or Q3 2027\n  Rain 70% by blursday\n              ^^^^^^^^\n"
        ),
        (
            "add Rain 70% --by 2026-11-01", 65,
            "error: 2026-11-01 is in the past (today is 2026-11-22): a resolve-by date must be today or later\n"
        ),
        ("forecast 42 70%", 65, "error: there is no claim 42: `credence list` shows the ids\n"),
        ("show 42", 65, "error: there is no claim 42: `credence list` shows the ids\n"),
        ("resolve 1 maybe", 65, "error: \"maybe\" is not an outcome: use yes, no or annul\n"),
        (
            "resolve 1 no", 65,
            "error: claim 1 is already resolved (yes): add --force to resolve it again (the history is kept)\n"
        ),
        (
            "add '' 70%", 65,
            "error: the claim text is empty: write what you predict before the probability\n  \"\" 70%\n  ^^\n"
        ),
        ("add '   ' --p 70%", 65, "error: the claim text is empty: write what you predict\n     \n     ^\n"),
        (
            "forecast abc 70%", 65,
            "error: \"abc\" is not a claim id: ids are whole numbers such as 7; `credence list` shows them\n"
        ),
        ("forecast 1 70", 65, "error: \"70\" is a bare number: did you mean 70%?\n"),
        (
            "add Sun rises 100%", 65,
            "error: 100% is certainty: one surprise makes the log score infinite. Add --certain if you mean it, or say 1% / 99%\n  Sun rises 100%\n            ^^^^\n"
        ),
        (
            "resolve 2 yes --at 2026-11-01", 65,
            "error: the resolution time 2026-11-01T23:59:59Z is before the claim was created (2026-11-22T12:00:00Z)\n"
        ),
    ]

    @Test(arguments: cases)
    func refusedAndUnchanged(line: String, status: Int32, message: String) {
        let h = Harness()
        h.run("add Settled claim 60%")
        h.run("resolve 1 yes")
        h.run("add Open claim 40%")
        let before = h.snapshot()
        let dump = h.rows("SELECT * FROM claim") + h.rows("SELECT * FROM forecast") + h.rows("SELECT * FROM resolution")
        let r = h.run(line)
        #expect(r.status == status)
        #expect(r.err == message)
        #expect(r.out == "")
        #expect(h.snapshot() == before)
        #expect(
            h.rows("SELECT * FROM claim") + h.rows("SELECT * FROM forecast") + h.rows("SELECT * FROM resolution")
                == dump)
    }

    @Test func missingReadOnlyDirectory() {
        let h = Harness()
        let r = h.run(["add", "Rain", "70%", "--journal", "/proc/credence-missing/journal.sqlite"])
        #expect(r.status == 74)
        #expect(
            r.err
                == "error: cannot create the journal at /proc/credence-missing/journal.sqlite: cannot create the directory /proc/credence-missing: No such file or directory. Choose another place with --journal PATH or CREDENCE_JOURNAL\n"
        )
    }

    @Test func fileThatIsNotSQLite() throws {
        let h = Harness()
        let path = h.directory.appendingPathComponent("notes.txt").path
        let text = String(repeating: "my precious notes\n", count: 200)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for line in [["add", "Rain", "70%"], ["list"], ["undo"]] {
            let r = h.run(line + ["--journal", path])
            #expect(r.status == 74)
            #expect(
                r.err
                    == "error: \(path) is not a Credence journal (not an SQLite database). Point --journal at a journal file, or move this file aside; it was not changed\n"
            )
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func otherProgramsDatabaseIsNotTouched() throws {
        let h = Harness()
        let path = h.directory.appendingPathComponent("other.sqlite").path
        try GRDBFixture.makeForeignDatabase(path)
        let before = FileManager.default.contents(atPath: path)
        let r = h.run(["list", "--journal", path])
        #expect(r.status == 74 && r.err.contains("is not a Credence journal (an SQLite database of another program)"))
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func newerSchemaIsRefused() throws {
        let h = Harness()
        h.run("add Rain 70%")
        try GRDBFixture.setUserVersion(h.journal, 99)
        let before = h.snapshot()
        let r = h.run("list")
        #expect(r.status == 74)
        #expect(
            r.err
                == "error: \(h.journal) was written by a newer Credence (journal schema 99; this credence reads up to 2). Upgrade credence to open it; the file was not changed\n"
        )
        #expect(h.snapshot() == before)
    }

    @Test func unknownCommandAndUsage() {
        let h = Harness()
        let r = h.run("lsit")
        #expect(
            r.status == 64
                && r.err
                    == "error: unknown command \"lsit\": did you mean `list`? `credence --help` lists the commands\n"
        )
        #expect(h.run("add").status == 64)
        #expect(h.run("list --frobnicate").status == 64)
        #expect(!FileManager.default.fileExists(atPath: h.journal))
    }

    @Test func readingAMissingJournalCreatesNothing() {
        let h = Harness()
        let r = h.run("list")
        #expect(r.status == 0 && r.out.hasPrefix("No claims match."))
        #expect(!FileManager.default.fileExists(atPath: h.journal))
    }

    @Test func journalIsPrivate() throws {
        let h = Harness()
        let path = h.directory.appendingPathComponent("deep/er/journal.sqlite").path
        h.run(["add", "Rain", "70%", "--journal", path])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as! NSNumber).intValue == 0o600)
        let dir = try FileManager.default.attributesOfItem(atPath: h.directory.appendingPathComponent("deep").path)
        #expect((dir[.posixPermissions] as! NSNumber).intValue == 0o700)
    }
}
