import CredenceCLI
import CredenceCore
import Foundation
import Testing

/// The attacks of "Nothing lost, nothing leaked": output that cannot be written, conditions in a
/// circle, escape sequences in errors, private files, ids after undo, and the messages for a
/// journal path that is not a journal file. (Full disks and damaged journals: StorageFaultTests.)
@Suite struct NothingLostTests {
    /// Runs a command with standard output going to `/dev/full`.
    func runToFullDevice(_ h: Harness, _ args: [String]) throws -> (status: Int32, err: String) {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let err = OutputSink()
        let ctx = Context(
            environment: h.environment, clock: h.clock, out: OutputSink(fd: fd, name: "standard output"), err: err,
            isTerminal: false,
            terminalWidth: nil, confirm: nil)
        return (CredenceMain.run(args, context: ctx), err.text)
    }

    @Test func standardOutputOnAFullDeviceIsExit74() throws {
        let h = Harness()
        h.run("add Rain tomorrow 70% #weather")
        h.run("resolve 1 yes")
        for args in [
            ["export", "--format", "json"], ["export", "--format", "csv"], ["list"], ["list", "--json"], ["show", "1"],
            ["report", "--as", "all"], ["report", "--as", "all", "--json"], ["undo", "--list"],
        ] {
            let r = try runToFullDevice(h, args)
            #expect(r.status == 74, "\(args)")
            #expect(r.err == "error: could not write to standard output: No space left on device\n", "\(args)")
        }
    }

    @Test func exportToAFullDeviceIsExit74() {
        let h = Harness()
        h.run("add Rain tomorrow 70%")
        let r = h.run(["export", "--format", "json", "-o", "/dev/full"])
        #expect(r.status == 74)
        #expect(r.err == "error: could not write to /dev/full: No space left on device\n")
        #expect(FileManager.default.fileExists(atPath: "/dev/full"))
    }

    @Test func outputFilesArePrivateAndStaleTemporariesGo() throws {
        let h = Harness()
        h.run("add Rain tomorrow 70%")
        h.run("resolve 1 yes")
        let dir = h.directory.path
        // What a SIGKILLed export of a process long gone leaves behind, and one of a live process.
        let stale = "\(dir)/old.json.credence-tmp-999999999"
        let live = "\(dir)/other.json.credence-tmp-\(getpid())"
        FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        FileManager.default.createFile(atPath: live, contents: Data("busy".utf8))
        for file in ["r.html", "r.svg", "r.csv"] {
            #expect(h.run(["report", "--as", "all", "-o", "\(dir)/\(file)"]).status == 0)
        }
        #expect(h.run(["export", "--format", "json", "-o", "\(dir)/e.json"]).status == 0)
        for file in ["r.html", "r.svg", "r.csv", "e.json"] {
            let mode =
                try FileManager.default.attributesOfItem(atPath: "\(dir)/\(file)")[.posixPermissions] as! NSNumber
            #expect(mode.intValue == 0o600, "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    @Test func conditionsCannotGoInACircle() {
        let h = Harness()
        h.run("add A 60%")
        h.run(["add", "B", "60%", "--if", "1"])
        h.run(["add", "C", "60%", "--if", "2"])
        let before = h.snapshot()
        // There is no way to make an existing claim conditional from the CLI; an import is the way in.
        let json = h.run(["export", "--format", "json"]).out
        let cyclic = json.replacingOccurrences(
            of: "\"condition\":null",
            with: "\"condition\":{\"claim_uuid\":\"00000000-0000-4000-8000-000000000003\",\"requires\":\"yes\"}")
        let file = h.directory.appendingPathComponent("cycle.json").path
        FileManager.default.createFile(atPath: file, contents: Data(cyclic.utf8))
        let r = h.run(["import", file])
        #expect(r.status == 65)
        #expect(
            r.err
                == "error: \(file): claim “A” would depend on itself through claim “C” and claim “B”: conditions can't go in a circle. Nothing was imported: remove the condition that closes the circle from the file and import it again\n"
        )
        #expect(h.snapshot() == before)
        // Into a new journal too: nothing imported.
        let fresh = h.directory.appendingPathComponent("fresh.sqlite").path
        #expect(h.run(["import", file, "--journal", fresh]).status == 65)
        #expect(h.rows("SELECT count(*) FROM claim", in: fresh).first ?? ["0"] == ["0"])
    }

    @Test func aSelfConditionIsNamed() {
        let h = Harness()
        h.run("add A 60%")
        let json = h.run(["export", "--format", "json"]).out.replacingOccurrences(
            of: "\"condition\":null",
            with: "\"condition\":{\"claim_uuid\":\"00000000-0000-4000-8000-000000000001\",\"requires\":\"yes\"}")
        let file = h.directory.appendingPathComponent("self.json").path
        FileManager.default.createFile(atPath: file, contents: Data(json.utf8))
        let fresh = h.directory.appendingPathComponent("fresh.sqlite").path
        let r = h.run(["import", file, "--journal", fresh])
        #expect(r.status == 65)
        #expect(r.err.hasPrefix("error: \(file): claim “A” would depend on itself: conditions can't go in a circle."))
        #expect(!r.err.contains("CHECK constraint"))
    }

    @Test func aCircleAlreadyInAJournalEndsEveryWalk() {
        let h = Harness()
        h.run("add A 60%")
        h.run("add B 60%")
        // As an older credence's import could leave it.
        h.sql("INSERT INTO condition(claim_id, on_claim_id, required_outcome) VALUES (1, 2, 1), (2, 1, 1)")
        let show = h.run("show 1")
        #expect(show.status == 0 && show.out.contains("counts if  claim 2 “B” resolves yes"), "\(show.out)")
        let resolved = h.run("resolve 1 no")
        #expect(resolved.status == 0)
        // The NO just typed stays; only B is annulled.
        #expect(h.rows("SELECT id, status FROM claim ORDER BY id") == [["1", "no"], ["2", "annulled"]])
    }

    func cycleFile(_ h: Harness, claim: Int, on: Int) throws -> String {
        let json = h.run(["export", "--format", "json"]).out
        let uuid = { (n: Int) in String(format: "00000000-0000-4000-8000-%012d", n) }
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var claims = try #require(doc["claims"] as? [[String: Any]])
        claims[claim - 1]["condition"] = ["claim_uuid": uuid(on), "requires": "yes"]
        doc["claims"] = claims
        let file = h.directory.appendingPathComponent("c\(claim)-\(on).json").path
        FileManager.default.createFile(atPath: file, contents: try JSONSerialization.data(withJSONObject: doc))
        return file
    }

    @Test func aConditionMergedIntoAClaimHereIsCounted() throws {
        let h = Harness()
        h.run("add A 60%")
        h.run("add B 60%")
        let file = try cycleFile(h, claim: 2, on: 1)
        let r = h.run(["import", file])
        #expect(r.status == 0)
        #expect(!r.out.contains("Nothing new"), "\(r.out)")
        #expect(r.out.contains("Added 1 condition to claims already in the journal."), "\(r.out)")
        #expect(h.rows("SELECT claim_id, on_claim_id FROM condition") == [["2", "1"]])
    }

    @Test func errorsNeverCarryEscapes() {
        let h = Harness()
        let esc = "\u{1B}"
        let csv = "forecaster,question_id,probability,outcome,question\nevil\(esc)]52;c;aGk=\u{07}name,q1,0.6,1,Q one\n"
        let file = h.directory.appendingPathComponent("hostile.csv").path
        FileManager.default.createFile(atPath: file, contents: Data(csv.utf8))
        #expect(h.run(["import", file]).status == 0)
        for args in [
            ["vs", "me", "nobody"], ["show", "1\(esc)[2J"], ["\(esc)]0;title\u{07}"],
            ["list", "--tag", "\(esc)[31mred"],
            ["list", "--bogus\(esc)[31m"], ["add", "\(esc)[31mbad", "150%"],
        ] {
            let r = h.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(!r.err.contains(esc) && !r.err.contains("\u{07}"), "\(args): \(r.err.debugDescription)")
        }
        // The stored name is still named, made visible.
        #expect(h.run(["vs", "me", "nobody"]).err.contains("evil\u{FFFD}]52;c;aGk=\u{FFFD}name"))
    }

    @Test func undoSaysWhatWhenAndWhoseAndListsTheSteps() {
        let h = Harness()
        h.run("add Ryan ships 70%")
        h.advance(days: 1.0 / 24)
        h.run("forecast 1 80% --as ryan")
        let list = h.run("undo --list")
        #expect(
            list.out == """
                Newest first; `credence undo` reverts the first:
                  13:00:00  this shell  forecast 80% by ryan on claim 1
                  12:00:00  this shell  add claim 1 “Ryan ships”

                """)
        // A change another process made says so.
        h.sql("UPDATE undo_step SET origin = 'shell:1'")
        h.advance(days: 1)
        #expect(h.run("undo").out == "Undid: forecast 80% by ryan on claim 1 (2026-11-22 13:00:00, another process)\n")
        #expect(h.run("undo").out.hasPrefix("Undid: add claim 1 “Ryan ships” (2026-11-22 12:00:00, another process)"))
        #expect(h.run("undo --list").out == "Nothing to undo: the journal has no recorded changes.\n")
        #expect(h.run("add Next 50%").out.hasPrefix("Added claim 2:"))
    }

    @Test func aJournalPathThatIsNoJournalFileIsNamed() throws {
        let h = Harness()
        let dir = h.directory.appendingPathComponent("adir").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = h.run(["list", "--journal", dir])
        #expect(r.status == 74)
        #expect(
            r.err
                == "error: cannot open the journal at \(dir): it is a directory, not a journal file. Point --journal at a file, e.g. \(dir)/journal.sqlite\n"
        )
        let link = h.directory.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/nonexistent/j.sqlite")
        let dangling = h.run(["add", "x", "50%", "--journal", link])
        #expect(dangling.status == 74)
        #expect(dangling.err.contains("it is a symbolic link to /nonexistent/j.sqlite, which does not exist"))
        #expect(!dangling.err.contains("read-only"))
        let empty = h.directory.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data(), attributes: [.posixPermissions: 0o644])
        #expect(h.run(["list", "--journal", empty]).status == 0)
        #expect(FileManager.default.contents(atPath: empty) == Data())
        let adopted = h.run(["add", "x", "50%", "--journal", empty])
        #expect(adopted.status == 0)
        #expect(
            adopted.err
                == "note: \(empty) was an empty file (mode 644); it is now a new journal, private to you (mode 600)\n")
        let mode = try FileManager.default.attributesOfItem(atPath: empty)[.posixPermissions] as! NSNumber
        #expect(mode.intValue == 0o600)
    }
}
