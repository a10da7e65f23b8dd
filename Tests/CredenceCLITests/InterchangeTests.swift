import CredenceCLI
import CredenceCore
import Foundation
import Testing

/// Importers against fixture files with the awkward cases, export formats, and round trips.
@Suite struct InterchangeTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)").path
    }

    @Test(arguments: TestPostgres.engines) func fatebookExport(engine: TestEngine) {
        let h = Harness(engine: engine)
        let r = h.run(["import", Self.fixture("fatebook-forecasts.csv")])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.hasPrefix(
                "Imported 5 claims and 9 forecasts from fatebook-forecasts.csv (Fatebook CSV), with 4 resolutions; new forecasters: Alice, Bob.\n"
            ))
        #expect(
            r.out.contains(
                "on 2 questions against ours (each forecaster's final and time-averaged): 1 agree, 1 differ:\n  “Does the demo work first time?”: Fatebook says 0.5000, ours 1.6200\n"
            ))
        // Unpadded seconds, the question's creation time as part of its identity, newlines in notes.
        #expect(
            h.rows("SELECT text, created_at, status, notes FROM claim WHERE id = 1") == [
                [
                    "Will the paper be accepted?", "1709629624000", "yes",
                    "Submitted to the workshop.\nSecond line of notes, with a comma.\n\nComments on Fatebook:\nAlice: looks good\nBob: reviewers are harsh\n\nAsked on Fatebook by Alice.",
                ]
            ])
        #expect(
            h.rows(
                "SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = 1 ORDER BY ct.id")
                == [["research"], ["papers"]])
        // Other people's forecasts on a shared question, with history.
        #expect(
            h.rows(
                "SELECT w.name, f.typed, f.is_final FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE claim_id = 1 ORDER BY f.id"
            )
                == [["Alice", "0.7", "0"], ["Bob", "0.4", "1"], ["Alice", "0.8", "1"]])
        #expect(h.rows("SELECT status FROM claim WHERE text LIKE 'Does it rain%'") == [["annulled"]])
        // Multiple choice: a scenario set resolved to the option marked YES.
        #expect(
            h.rows("SELECT c.kind, o.label FROM claim c JOIN scenario_option o ON o.id = c.resolved_option_id") == [
                ["scenarios", "PyTorch"]
            ])
        #expect(h.rows("SELECT status FROM claim WHERE text = 'Is the grant renewed?'") == [["open"]])
        let again = h.run(["import", Self.fixture("fatebook-forecasts.csv")])
        #expect(again.out.hasPrefix("Nothing new in fatebook-forecasts.csv: everything in it was imported before.\n"))
        #expect(h.rows("SELECT count(*) FROM forecast") == [["9"]])
    }

    @Test(arguments: TestPostgres.engines) func aLaterFatebookExportMerges(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["import", Self.fixture("fatebook-forecasts.csv")])
        var text = try String(contentsOfFile: Self.fixture("fatebook-forecasts.csv"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "Is the grant renewed?,,Alice,0.65,2024-06-01 09:00:00,Alice,2024-06-01 09:00:00,2025-01-31,,,",
            with:
                "Is the grant renewed?,,Alice,0.65,2024-06-01 09:00:00,Alice,2024-06-01 09:00:00,2025-01-31,YES,2025-01-20 10:00:00,"
        )
        text +=
            "Is the grant renewed?,,Bob,0.5,2024-07-01 09:00:00,Alice,2024-06-01 09:00:00,2025-01-31,YES,2025-01-20 10:00:00,,,,,false,,funding\n"
        let later = h.directory.appendingPathComponent("fatebook-forecasts.csv").path
        try text.write(toFile: later, atomically: true, encoding: .utf8)
        let r = h.run(["import", later])
        #expect(r.out.contains("Merged new forecasts or resolutions into 1 claim already in the journal."))
        #expect(h.rows("SELECT status FROM claim WHERE text = 'Is the grant renewed?'") == [["yes"]])
        #expect(h.rows("SELECT count(*) FROM forecast") == [["10"]])
    }

    @Test(arguments: TestPostgres.engines) func fatebookMalformedRecords(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        var text = try String(contentsOfFile: Self.fixture("fatebook-forecasts.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "2024-05-01 09:00:00,Alice", with: "yesterday-ish,Alice")
        let path = h.directory.appendingPathComponent("fb.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let strict = h.run(["import", path])
        #expect(strict.status == 65)
        #expect(
            strict.err
                == "error: \(path): line 12 (Forecast created at): \"yesterday-ish\" is not a timestamp. Nothing was imported (--skip-bad leaves bad records out)\n"
        )
        #expect(h.rows("SELECT count(*) FROM claim") == [] || h.rows("SELECT count(*) FROM claim") == [["0"]])
        let lenient = h.run(["import", path, "--skip-bad"])
        #expect(lenient.status == 0)
        #expect(
            lenient.out.contains(
                "Left out 1 record:\n  line 12 (Forecast created at): \"yesterday-ish\" is not a timestamp\n"))
        #expect(h.rows("SELECT count(*) FROM claim") == [["4"]])
    }

    @Test(arguments: TestPostgres.engines) func predictionBookJSON(engine: TestEngine) {
        let h = Harness(engine: engine)
        let r = h.run(["import", Self.fixture("predictionbook.json")])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.contains(
                "Left out 1 record:\n  prediction 104 “A prediction I took back”: withdrawn on PredictionBook"))
        #expect(r.out.contains("1 response without a confidence kept as comments in the claims' notes."))
        #expect(
            h.rows("SELECT uuid, status, resolved_at FROM claim ORDER BY id") == [
                ["2f1c6a3e-1111-4a4a-8b8b-000000000101", "yes", "1433160000000"],
                ["2f1c6a3e-1111-4a4a-8b8b-000000000102", "no", "1430481600000"],
                ["2f1c6a3e-1111-4a4a-8b8b-000000000103", "open", "NULL"],
            ])
        #expect(
            h.rows(
                "SELECT w.name, f.typed, f.reason, f.created_at FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE claim_id = 1 ORDER BY f.id"
            ) == [
                ["Alice", "70%", "Votes look there.", "1420884000000"], ["Bob", "40%", "NULL", "1420967100000"],
                ["Alice", "85%", "NULL", "1425193200000"],
            ])
        #expect(
            h.value("SELECT notes FROM claim WHERE id = 1")
                == "Comments on PredictionBook:\nBob, 2015-01-11T09:00:00.000Z: I disagree, the whip count is soft.")
        #expect(
            h.run(["import", Self.fixture("predictionbook.json")]).out.hasPrefix("Nothing new in predictionbook.json"))
    }

    @Test(arguments: TestPostgres.engines) func augurCSVAndJSON(engine: TestEngine) {
        let h = Harness(engine: engine)
        #expect(h.run(["import", Self.fixture("augur.csv"), "--as", "alice"]).status == 0)
        #expect(
            h.rows(
                "SELECT c.text, c.status, w.name, f.probability FROM claim c JOIN forecast f ON f.claim_id = c.id JOIN forecaster w ON w.id = f.forecaster_id ORDER BY c.id"
            ) == [
                ["The library ships version 2 this quarter", "yes", "alice", "0.6"],
                ["The benchmark improves by 5%, at least", "no", "alice", "0.35"],
                ["The conference moves online", "annulled", "alice", "0.1"],
                ["We hire a second engineer", "open", "alice", "0.5"],
            ])
        #expect(
            h.rows(
                "SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = 1 ORDER BY ct.id")
                == [["work"], ["release"]])
        #expect(h.run(["import", Self.fixture("augur.json")]).status == 0)
        #expect(
            h.rows("SELECT c.text, c.status, c.notes FROM claim c WHERE c.id > 4 ORDER BY id") == [
                ["The API stays backwards compatible", "open", "NULL"],
                ["The migration finishes in May", "no", "slipped"],
            ])
    }

    @Test(arguments: TestPostgres.engines) func formatCanBeForcedAndUnknownFilesAreRefused(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        let path = h.directory.appendingPathComponent("x.txt").path
        try "hello,world\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = h.run(["import", path])
        #expect(r.status == 65 && r.err.contains("this is not a format Credence recognises"))
        let forced = h.run(["import", path, "--format", "augur"])
        #expect(forced.status == 65 && forced.err.contains("augur's CSV has a \"id\" column"))
        #expect(
            h.run(["import", "/nonexistent/file.csv"]).err
                == "error: cannot import /nonexistent/file.csv: no such file\n")
        let directory = h.run(["import", h.directory.path])
        #expect(
            directory.status == 65
                && directory.err
                    == "error: cannot import \(h.directory.path): it is a directory, not a regular file. Save the data to a file and import that\n"
        )
    }

    @Test(arguments: TestPostgres.engines) func icsHasAnEventPerOpenClaimWithADate(engine: TestEngine) {
        let h = Harness(engine: engine)
        h.run("add Ryan ships, finally; really by friday 70% #work #team")
        h.run("add No date 40%")
        h.run("add Done 40% by tomorrow")
        h.run("resolve 3 yes")
        let ics = h.run("export --format ics").out
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(ics.contains("DTSTART;VALUE=DATE:20261127\r\nDTEND;VALUE=DATE:20261128\r\n"))
        #expect(ics.contains("SUMMARY:Resolve: Ryan ships\\, finally\\; really\r\n"))
        #expect(ics.contains("CATEGORIES:credence,work,team\r\n"))
        #expect(ics.contains("UID:00000000-0000-4000-8000-000000000001@credence\r\n"))
        #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test(arguments: TestPostgres.engines) func csvNeutralisesFormulas(engine: TestEngine) throws {
        let h = Harness(engine: engine)
        h.run(["add", "=HYPERLINK(\"http://x\") wins", "--p", "60%", "--caveat", "@mention", "--tag", "t"])
        h.run(["forecast", "1", "30%", "--as", "+ryan", "--reason=-1 is the score"])
        let csv = h.run("export --format csv").out
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\") wins\","))
        #expect(csv.contains(",'+ryan,"))
        #expect(csv.contains(",'-1 is the score,"))
        // And the quote comes off again on import.
        let file = h.directory.appendingPathComponent("out.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let other = Harness(engine: engine)
        #expect(other.run(["import", file]).status == 0)
        #expect(other.rows("SELECT text FROM claim") == [["=HYPERLINK(\"http://x\") wins"]])
        #expect(other.rows("SELECT name FROM forecaster ORDER BY id") == [["me"], ["+ryan"]])
    }
}
