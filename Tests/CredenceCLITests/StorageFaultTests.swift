import CredenceCLI
import Foundation
import Testing

/// The journal's storage misbehaving: each gets a clear message, a non-zero exit, and the file is
/// never overwritten or "repaired". Read-only and full disks are real tmpfs mounts (needs root,
/// as in CI; skipped where mounting is not allowed).
@Suite(.serialized) struct StorageFaultTests {
    static let canMount: Bool = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard (try? ProcessTests.shell("mount -t tmpfs -o size=64k tmpfs \(dir) && umount \(dir)"))?.status == 0 else {
            return false
        }
        return true
    }()

    /// A tmpfs of `size` at a fresh directory, for the duration of `body`.
    func withMount(size: String, _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("credence-mount-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let mount = try ProcessTests.shell("mount -t tmpfs -o size=\(size) tmpfs \(dir)")
        try #require(mount.status == 0)
        defer {
            _ = try? ProcessTests.shell("umount \(dir)")
            try? FileManager.default.removeItem(atPath: dir)
        }
        try body(dir)
    }

    @Test(.enabled(if: canMount)) func readOnlyFileSystem() throws {
        try withMount(size: "2m") { (dir: String) throws in
            let h = Harness()
            let journal = "\(dir)/journal.sqlite"
            #expect(h.run(["add", "Rain", "70%", "--journal", journal]).status == 0)
            let remount = try ProcessTests.shell("mount -o remount,ro \(dir)")
            #expect(remount.status == 0)
            let before = FileManager.default.contents(atPath: journal)
            let write = h.run(["add", "More", "60%", "--journal", journal])
            #expect(write.status == 74)
            #expect(
                write.err
                    == "error: the journal \(journal) can't be written, so nothing was: it is on a read-only file system. Remount it read-write, or copy the journal elsewhere and use --journal\n"
            )
            // Reading still works.
            let read = h.run(["list", "--journal", journal])
            #expect(read.status == 0 && read.out.contains("Rain"))
            let create = h.run(["add", "x", "50%", "--journal", "\(dir)/sub/journal.sqlite"])
            #expect(create.status == 74 && create.err.contains("Read-only file system"))
            #expect(FileManager.default.contents(atPath: journal) == before)
        }
    }

    @Test(.enabled(if: canMount)) func fullDisk() throws {
        try withMount(size: "300k") { (dir: String) throws in
            let h = Harness()
            let journal = "\(dir)/journal.sqlite"
            #expect(h.run(["add", "Rain", "70%", "--journal", journal]).status == 0)
            let r = h.run(["import", ReportCommandTests.fixture("journal_1000.csv"), "--journal", journal])
            #expect(r.status == 74)
            #expect(
                r.err
                    == "error: the disk holding \(journal) is full: nothing was written. Free some space and try again\n"
            )
            #expect(h.run(["list", "--journal", journal]).out.contains("Rain"))
            #expect(h.rows("PRAGMA integrity_check", in: journal) == [["ok"]])
            #expect(h.rows("SELECT count(*) FROM forecast", in: journal) == [["1"]])
        }
    }

    @Test(.enabled(if: canMount)) func exportToAFullDisk() throws {
        try withMount(size: "64k") { (dir: String) throws in
            let h = Harness()
            h.run(["import", ReportCommandTests.fixture("journal_1000.csv")])
            let r = h.run(["export", "--format", "json", "-o", "\(dir)/backup.json"])
            #expect(r.status == 74)
            #expect(r.err == "error: could not write to \(dir)/backup.json: No space left on device\n")
            // Nothing under the name, and no temporary file using the last free space.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
        }
    }

    /// 64 bytes flipped at the start of a page in the middle: SQLite would notice only when a
    /// statement read that page; the check before a write notices first.
    @Test func flippedBytesAreFoundBeforeAnyWrite() throws {
        let h = Harness()
        // Without the reference-class hint, `add` reads only the pages it writes.
        let config = h.directory.appendingPathComponent("config/credence")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "reference_hints = off\n".write(
            to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        h.run(["import", ReportCommandTests.fixture("journal_1000.csv")])
        // An import's journal counts as checked for a day; without that record a check that does
        // not finish within its budget (a loaded machine: the whole suite on two cores) runs whole,
        // so damage is found whatever the load.
        h.sql("DELETE FROM journal_check")
        h.sql("PRAGMA wal_checkpoint(TRUNCATE)")
        var data = try #require(FileManager.default.contents(atPath: h.journal))
        let middle = data.count / 2 / 4096 * 4096
        for i in middle..<(middle + 64) { data[i] ^= 0xFF }
        try data.write(to: URL(fileURLWithPath: h.journal))
        let damaged = h.snapshot()
        for line in ["add More 60%", "resolve 1 yes", "forecast 2 30% --as ryan", "delete 3 --yes", "undo"] {
            let r = h.run(line)
            #expect(r.status == 74, "\(line): \(r.err)")
            #expect(r.err.hasPrefix("error: the journal \(h.journal) is damaged"), "\(line): \(r.err)")
        }
        #expect(h.snapshot() == damaged)
        let copy = h.directory.appendingPathComponent("copy.sqlite").path
        let backup = h.run(["backup", copy])
        #expect(
            backup.status == 74 && backup.err.hasPrefix("error: the journal \(h.journal) is damaged"), "\(backup.err)")
        #expect(!FileManager.default.fileExists(atPath: copy))
    }

    @Test func truncatedJournal() throws {
        let h = Harness()
        h.run(["import", ReportCommandTests.fixture("journal_1000.csv")])
        let data = try #require(FileManager.default.contents(atPath: h.journal))
        let cut = data.prefix(data.count / 2)
        try cut.write(to: URL(fileURLWithPath: h.journal))
        for line in ["list", "report --as all", "add More 60%"] {
            let r = h.run(line)
            #expect(r.status == 74, "\(line): \(r.err)")
            #expect(
                r.err
                    == "error: the journal \(h.journal) is damaged (SQLite says: database disk image is malformed); it was not changed. Restore your latest `credence backup` in its place; the damaged file is kept as it was, for salvage with sqlite3's .recover\n",
                "\(line): \(r.err)")
        }
        #expect(FileManager.default.contents(atPath: h.journal) == cut)
    }

    @Test func backupIsAConsistentPrivateCopy() throws {
        let h = Harness()
        h.run(["import", ReportCommandTests.fixture("journal_100.csv")])
        let copy = h.directory.appendingPathComponent("copy.sqlite").path
        let r = h.run(["backup", copy])
        #expect(r.status == 0 && r.out.hasPrefix("Backed up \(h.journal) to \(copy) ("))
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as! NSNumber
        #expect(mode.intValue == 0o600)
        #expect(
            h.run(["report", "--as", "all", "--json", "--journal", copy]).out == h.run("report --as all --json").out)
        let again = h.run(["backup", copy])
        #expect(again.status == 65 && again.err.contains("already exists: a backup never overwrites a file"))
        let missing = Harness()
        #expect(missing.run(["backup", copy + "2"]).status == 74)
    }

    @Test func undoCoversBetsAndSettlements() {
        let h = Harness()
        h.run("add Ryan ships 35%")
        h.run("forecast 1 80% --as ryan")
        h.run("bet 1 --with ryan --stake 20 --odds 4:1")
        h.run("resolve 1 yes")
        #expect(h.rows("SELECT settlement FROM bet") == [["yes"]])
        #expect(h.run("undo").out == "Undid: resolve claim 1 yes (12:00:00, this shell)\n")
        #expect(h.rows("SELECT settlement, settled_at FROM bet") == [["NULL", "NULL"]])
        #expect(h.run("undo").out == "Undid: bet 1 on claim 1 with ryan (12:00:00, this shell)\n")
        #expect(h.rows("SELECT count(*) FROM bet") == [["0"]])
    }
}
