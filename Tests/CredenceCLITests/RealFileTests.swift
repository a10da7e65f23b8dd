import CredenceCLI
import CredenceCore
import Foundation
import Testing

/// Issue 15: files as real exports write them. Each refusal names the line or path, the field and
/// the fix, exits non-zero and leaves the journal as it was (no journal at all for a first import).
@Suite struct RealFileTests {
    static func write(_ h: Harness, _ name: String, _ text: String) -> String {
        let path = h.directory.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static func write(_ h: Harness, _ name: String, bytes: [UInt8]) -> String {
        let path = h.directory.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Runs an import that must be refused, first into no journal, then into an existing one.
    static func refused(_ args: (String) -> [String], _ make: (Harness) -> String) -> String {
        let h = Harness()
        let file = make(h)
        let first = h.run(args(file))
        #expect(first.status == 65, "\(first.err)")
        #expect(first.out == "")
        #expect(!FileManager.default.fileExists(atPath: h.journal), "a refused first import leaves no journal")
        h.run("add Kept claim 60%")
        let before = h.snapshot()
        let again = h.run(args(file))
        #expect(again.status == 65 && again.err == first.err)
        #expect(h.snapshot() == before)
        return first.err
    }

    static let invisible =
        "forecaster,question_id,probability,outcome\nann,q1,0.6,1\n\u{200B},q1,0.3,1\n,q2,0.4,0\nbob,q2,0.5,0\n"

    @Test func anInvisibleForecasterIsRefusedByLineAndField() {
        let err = Self.refused({ ["import", $0] }) { Self.write($0, "pb.csv", Self.invisible) }
        #expect(err.hasPrefix("error: "))
        #expect(
            err.hasSuffix(
                "pb.csv: line 3 (forecaster): the forecaster's name is empty or only invisible characters (such as U+200B ZERO WIDTH SPACE): write the name, or import with --as NAME to take the forecasts with no forecaster as NAME's. Nothing was imported (--skip-bad leaves bad records out)\n"
            ), "\(err)")
    }

    @Test func skipBadLeavesOutRowsWithNoForecaster() {
        let h = Harness()
        let r = h.run(["import", Self.write(h, "pb.csv", Self.invisible), "--skip-bad"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Left out 2 records:\n  line 3 (forecaster): the forecaster's name is empty"))
        #expect(r.out.contains("  line 4 (forecaster): "))
        #expect(
            h.rows("SELECT w.name FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id") == [["ann"], ["bob"]])
    }

    @Test func importAsFillsMissingForecasters() {
        let h = Harness()
        let r = h.run(["import", Self.write(h, "pb.csv", Self.invisible), "--as", "anonymous"])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            h.rows("SELECT w.name FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id ORDER BY f.id")
                == [["ann"], ["anonymous"], ["anonymous"], ["bob"]])
        // --as itself must be a visible name.
        let bad = h.run(["import", Self.write(h, "other.csv", Self.invisible), "--as", "\u{200B}"])
        #expect(bad.status == 64 && bad.err.contains("--as: the forecaster's name is empty"))
    }

    @Test func theStoreAppliesTheSameRule() {
        let h = Harness()
        let r = h.run(["add", "Rain 70%", "--as", "\u{FEFF}\u{200B} "])
        #expect(r.status == 65 && r.err.contains("the forecaster's name is empty or only invisible characters"))
        #expect(!FileManager.default.fileExists(atPath: h.journal) || h.value("SELECT count(*) FROM claim") == "0")
        // Invisible characters at the ends are not part of a name.
        h.run(["add", "Rain 70%", "--as", "\u{200B}Olivia"])
        #expect(h.rows("SELECT name FROM forecaster").contains(["Olivia"]))
    }

    @Test func predictionBookLabelsAndConfidenceTypes() {
        func pb(_ label: String, _ confidence: String) -> String {
            """
            {"user": {"login": "a"}, "predictions": [{"id": 1, "description": "It rains", "created_at": "2015-01-10T10:00:00Z",
             "outcome": true, "responses": [{"confidence": \(confidence), "created_at": "2015-01-10T10:00:00Z", "user_id": 7, "user_label": "\(label)"}]}]}
            """
        }
        let h = Harness()
        let r = h.run(["import", Self.write(h, "a.json", pb("\u{200B}", "70")), "--as", "olivia"])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            h.rows("SELECT w.name, f.typed FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id") == [
                ["olivia", "70%"]
            ])
        let string = Self.refused({ ["import", $0] }) { Self.write($0, "s.json", pb("Bob", "\"70\"")) }
        #expect(
            string.contains(
                "field predictions[0].responses[0].confidence: is a string (\"70\"); PredictionBook writes a number from 0 to 100, or null for a comment"
            ), "\(string)")
        let bool = Self.refused({ ["import", $0] }) { Self.write($0, "b.json", pb("Bob", "true")) }
        #expect(bool.contains("field predictions[0].responses[0].confidence: is true or false;"), "\(bool)")
    }

    @Test(arguments: TestPostgres.engines) func namesThatDifferOnlyInCapitalsAreReported(engine: TestEngine) {
        let h = Harness(engine: engine)
        let csv = "forecaster,question_id,probability,outcome\nOlivia,q1,0.6,1\nolivia,q2,0.3,0\nOLIVIA,q3,0.3,0\n"
        let r = h.run(["import", Self.write(h, "o.csv", csv)])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.contains(
                "Names that differ only in capitals were taken as one forecaster: olivia as Olivia, OLIVIA as Olivia."),
            "\(r.out)")
        #expect(h.rows("SELECT name FROM forecaster WHERE name <> 'me' ORDER BY id") == [["Olivia"]])
        // A name already in the journal is found in any capitals, and is not new.
        let again = h.run([
            "import", Self.write(h, "p.csv", "forecaster,question_id,probability,outcome\nOLIVIA,q9,0.4,0\n"),
        ])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("OLIVIA as Olivia"), "\(again.out)")
        #expect(!again.out.contains("new forecaster"), "\(again.out)")
        #expect(h.rows("SELECT name FROM forecaster WHERE name <> 'me' ORDER BY id") == [["Olivia"]])
    }

    @Test func manyNewForecastersAreCountedNotListed() {
        let h = Harness()
        var csv = "forecaster,question_id,probability,outcome\n"
        for i in 1...3295 { csv += String(format: "acx2023-%04d,q%d,0.5,1\n", i, (i - 1) / 66) }
        let r = h.run(["import", Self.write(h, "acx.csv", csv)])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.hasPrefix(
                "Imported 50 claims and 3,295 forecasts from acx.csv (plain CSV), with 50 resolutions; 3,295 new forecasters (acx2023-0001 … acx2023-3295).\n"
            ), "\(r.out)")
        // Thousands of forecasters on one claim: each one's latest forecast counts.
        #expect(h.value("SELECT count(*) FROM forecast WHERE is_final = 1") == "3295")
    }

    @Test func exponentNotationIsReadAndHexInfNanAreNot() {
        let h = Harness()
        let csv =
            "forecaster,question_id,probability,outcome\nme,q1,7.8456447996187574e-05,0\nme,q2,5E-1,1\nme,q3,1e1%,1\n"
        let r = h.run(["import", Self.write(h, "e.csv", csv)])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            h.rows("SELECT probability, typed, form FROM forecast ORDER BY id") == [
                ["7.845644799618757e-05", "7.8456447996187574e-05", "decimal"], ["0.5", "5E-1", "decimal"],
                ["0.1", "1e1%", "percent"],
            ])
        for bad in ["0x1p-1", "inf", "nan", "+Infinity", "1e", ".", "0.5.1"] {
            let err = Self.refused({ ["import", $0] }) {
                Self.write($0, "x.csv", "forecaster,question_id,probability,outcome\nme,q1,0.5,1\nme,q2,\(bad),1\n")
            }
            #expect(
                err.contains(
                    "line 3 (probability): \"\(bad)\" is not a number in decimal digits: write a probability such as 0.7, 7e-05 or 70%. Nothing was imported"
                ), "\(err)")
        }
        let credence = Self.refused({ ["import", $0] }) {
            Self.write(
                $0, "c.csv",
                CredenceCSVCodecHeader.text
                    + "forecast,u1,,Rain,binary,,2026-01-01T00:00:00.000Z,,,,,,me,,0x1p-1,50%,percent,,,2026-01-01T00:00:00.000Z,,,,,,,,,,,,,\n"
            )
        }
        #expect(credence.contains("line 2 (probability): \"0x1p-1\" is not a probability from 0 to 1"), "\(credence)")
    }

    @Test func invalidUTF8IsRefusedByLine() {
        let err = Self.refused({ ["import", $0] }) {
            Self.write(
                $0, "latin1.csv",
                bytes: Array(
                    "forecaster,question_id,probability,outcome,question\nme,q1,0.5,1,ok\nme,q2,0.5,1,Caf".utf8)
                    + [0xE9] + Array("\n".utf8))
        }
        #expect(
            err.contains(
                "latin1.csv: line 3: the byte 0xE9 at character 16 is not UTF-8 text. Credence stores text byte for byte and does not guess encodings: save the file as UTF-8"
            ), "\(err)")
    }

    @Test func jsonTypeErrorsNameOnePath() {
        let json = """
            {"format":"credence-journal","version":1,"claims":[
            {"uuid":"u1","id":null,"text":"Rain","kind":"binary","notes":null,"created_at":"2026-01-01T00:00:00.000Z","resolve_by":null,"options":[],"tags":[],"condition":null,"forecasts":[{"forecaster":"me","option":null,"probability":"0.5","typed":"50%","form":"percent","reason":null,"created_at":"2026-01-01T00:00:00.000Z","caveats":[]}],"resolutions":[]}
            ],"bets":[]}
            """
        let err = Self.refused({ ["import", $0] }) { Self.write($0, "t.json", json) }
        #expect(err.contains("field claims[0].forecasts[0].probability: is not a number. Nothing"), "\(err)")
    }

    @Test func malformedJSONSaysWhere() {
        let json = "{\"predictions\": [\n  {\"id\": 1,, \"description\": \"x\"}\n]}\n"
        let err = Self.refused({ ["import", $0] }) { Self.write($0, "m.json", json) }
        #expect(err.contains("m.json: line 2: not valid JSON at column "), "\(err)")
        #expect(!err.contains("not a format Credence recognises"))
    }

    @Test func aRepeatedIdWithOtherContentIsRefused() {
        func prediction(_ text: String, _ c: Int) -> String {
            """
            {"id": 5, "description": "\(text)", "created_at": "2015-01-10T10:00:00Z", "outcome": null,
             "responses": [{"confidence": \(c), "created_at": "2015-01-10T10:00:00Z", "user_label": "Bob"}]}
            """
        }
        let differ = "{\"predictions\": [\(prediction("It rains", 70)), \(prediction("It rains", 80))]}"
        let err = Self.refused({ ["import", $0] }) { Self.write($0, "d.json", differ) }
        #expect(
            err.contains(
                "field predictions[1]: names the same claim as predictions[0] (id 6b"
            ) || err.contains("field predictions[1]: names the same claim as predictions[0]"), "\(err)")
        #expect(err.contains("with a different list of forecasts: keep one of the two and import again"), "\(err)")
        // The same record twice is the same claim, imported once.
        let h = Harness()
        let same = "{\"predictions\": [\(prediction("It rains", 70)), \(prediction("It rains", 70))]}"
        let r = h.run(["import", Self.write(h, "s.json", same)])
        #expect(r.status == 0, "\(r.err)")
        #expect(h.value("SELECT count(*) FROM forecast") == "1")
    }

    @Test func onlyRegularFilesAreRead() throws {
        let h = Harness()
        let fifo = h.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, kind) in [
            (fifo, "a pipe (FIFO)"), ("/dev/zero", "a character device"), (h.directory.path, "a directory"),
        ] {
            let r = h.run(["import", path])
            #expect(r.status == 65)
            #expect(
                r.err
                    == "error: cannot import \(path): it is \(kind), not a regular file. Save the data to a file and import that\n"
            )
        }
        #expect(!FileManager.default.fileExists(atPath: h.journal))
    }

    @Test func plainCSVTimesBelongToEachForecast() {
        let h = Harness()
        // The question's first row has no `created`; it resolves in the past.
        let csv = """
            forecaster,question_id,probability,outcome,created,resolved
            ann,q1,0.9,1,,2025-03-01
            bob,q1,0.2,1,2025-01-10,2025-03-01
            ann,q1,0.4,1,2025-01-05,
            bob,q1,0.7,1,2025-02-01,
            """
        let r = h.run(["import", Self.write(h, "t.csv", csv)])
        #expect(r.status == 0, "\(r.err)")
        // The claim is created with its earliest forecast; the blank row takes that time (and, tied
        // with ann's dated row, counts less than the later row of the file).
        #expect(h.value("SELECT created_at FROM claim") == "\(Self.millis("2025-01-05T00:00:00Z"))")
        #expect(
            h.rows(
                "SELECT w.name, f.typed, f.created_at, f.is_final FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id ORDER BY f.id"
            ) == [
                ["ann", "0.9", "\(Self.millis("2025-01-05T00:00:00Z"))", "0"],
                ["bob", "0.2", "\(Self.millis("2025-01-10T00:00:00Z"))", "0"],
                ["ann", "0.4", "\(Self.millis("2025-01-05T00:00:00Z"))", "1"],
                ["bob", "0.7", "\(Self.millis("2025-02-01T00:00:00Z"))", "1"],
            ])
    }

    @Test func pooledJSONGivesEachForecastersBandOnRequest() throws {
        let h = Harness()
        var csv = "forecaster,question_id,probability,outcome\n"
        for q in 0..<40 {
            csv += "ann,q\(q),0.\(q % 9 + 1),\(q % 3 == 0 ? 1 : 0)\nbob,q\(q),0.\(9 - q % 9),\(q % 3 == 0 ? 1 : 0)\n"
        }
        #expect(h.run(["import", Self.write(h, "two.csv", csv)]).status == 0)
        func json(_ line: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(h.run(line).out.utf8)) as! [String: Any]
        }
        let pooled = try json("report --as all --json")
        let ann = (pooled["forecasters"] as! [String: Any])["ann"] as! [String: Any]
        let alone = try json("report --as ann --json")
        #expect(ann["brier"] as? Double == alone["brier"] as? Double)
        #expect((ann["corp"] as! [String: Any])["band"] is NSNull)
        #expect(ann["smooth_ece"] is NSNull)
        let byForecaster = try json("report --as all --by forecaster --json")
        let full = (byForecaster["forecasters"] as! [String: Any])["ann"] as! [String: Any]
        #expect(!((full["corp"] as! [String: Any])["band"] is NSNull))
        #expect(
            (full["corp"] as! NSDictionary) == ((alone["corp"] as! NSDictionary)),
            "with --by forecaster each forecaster's figures are those of its own report")
    }

    /// Repeats of `--tag` and `--caveat` reach the command whole and in order, however many.
    @Test func repeatedTagsAndCaveatsKeepTheirOrder() {
        let h = Harness()
        let r = h.run(
            [
                "add", "Rain 70%", "--tag", "b", "--caveat", "if it is cold", "--tag=a", "--caveat=or windy", "--tag",
                "c",
            ])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            h.rows("SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id ORDER BY ct.id") == [
                ["b"], ["a"], ["c"],
            ])
        #expect(h.rows("SELECT text FROM caveat ORDER BY id") == [["if it is cold"], ["or windy"]])
        #expect(h.run("list --tag a --tag b").out.contains("Rain"))
        #expect(!h.run("list --tag a --tag z").out.contains("Rain"))
        #expect(h.run("export --format json --tag a --tag b").out.contains("Rain"))
        for line in ["report --tag a --tag b", "leaderboard --tag a --tag b", "words --tag a --tag b"] {
            #expect(h.run(line).status == 0, "\(line)")
        }
        // A bad repeat is still refused by name, and a command without the option still says so.
        #expect(
            h.run(["add", "Snow 20%", "--tag", "a", "--tag", "no spaces"]).err.contains("\"no spaces\" is not a tag"))
        let unknown = h.run(["show", "1", "--tag", "a", "--tag", "b"])
        #expect(unknown.status == 64 && unknown.err.contains("--tag"), "\(unknown.err)")
        #expect(h.value("SELECT count(*) FROM claim") == "1")
    }

    @Test func liftingRepeatsLeavesTheFirstAndEverythingAfterTheTerminator() {
        let (kept, _) = RepeatedOptions.lift([
            "add", "x", "--tag", "a", "--tag=b", "--caveat", "-", "--tag", "--", "--tag", "c",
        ])
        #expect(kept == ["add", "x", "--tag", "a", "--caveat", "-", "--tag", "--", "--tag", "c"])
    }

    static func millis(_ iso: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: iso)!.timeIntervalSince1970 * 1000)
    }
}

enum CredenceCSVCodecHeader {
    static let text =
        "record,claim_uuid,claim_id,claim,kind,notes,claim_created_at,resolve_by,options,tags,condition_uuid,condition_requires,forecaster,option,probability,typed,form,reason,caveats,created_at,status,resolved_at,recorded_at,note,resolved_by,automatic,yes,no,yes_stake,no_stake,terms,settled_at,settlement\n"
}
