import CredenceCLI
import CredenceReport
import Foundation
import Testing

/// Claim text that could attack a terminal, a page or a spreadsheet, or just strain the layout:
/// stored byte for byte, shown inert, and exported so it comes back exactly.
@Suite struct HostileTextTests {
    static let escape = "Rain \u{1B}[31mred\u{1B}]0;pwned\u{07} \u{1B}[2J tomorrow"
    static let bidi = "\u{202E}evil\u{202C} and \u{200F}שלום"
    static let emoji = "Team 🎉 ships 漢字 👩🏽‍💻 café"
    static let markup = "<script>alert('x')</script> \"q\" & ='1"
    static let texts = [escape, bidi, emoji, markup]

    /// Adds each text through argv as a user would, each with a caveat and a note of the same text.
    func journal() -> Harness {
        let h = Harness()
        for text in Self.texts {
            let r = h.run(["add", text, "--p", "60%", "--caveat", text, "--note", text])
            #expect(r.status == 0, "\(r.err)")
        }
        return h
    }

    static func isInert(_ output: String) -> Bool {
        !output.unicodeScalars.contains { s in
            (s.value < 0x20 && s.value != 0x0A) || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }

    @Test func storedExactly() {
        let h = journal()
        let stored = h.rows("SELECT text, notes FROM claim ORDER BY id")
        #expect(stored.map { $0[0] } == Self.texts)
        #expect(stored.map { $0[1] } == Self.texts)
        #expect(h.rows("SELECT text FROM caveat ORDER BY id").map { $0[0] } == Self.texts)
    }

    @Test func neverReachesTheTerminalRaw() {
        let h = journal()
        h.run("resolve 1 yes")
        let outputs = ["list", "show 1", "show 2", "show 3", "show 4", "due --all", "report --as all", "list --json"]
            .map { h.run($0) }
        for r in outputs {
            #expect(r.status == 0, "\(r.err)")
            #expect(Self.isInert(r.out) && Self.isInert(r.err), "\(r.out)")
        }
        #expect(outputs[1].out.contains("Claim 1  Rain \u{FFFD}[31mred\u{FFFD}]0;pwned\u{FFFD} \u{FFFD}[2J tomorrow\n"))
        // A right-to-left mark in Hebrew text is kept; the overrides that reorder a line are not.
        #expect(outputs[2].out.contains("\u{FFFD}evil\u{FFFD} and \u{200F}שלום"))
        #expect(outputs[3].out.contains(Self.emoji))
    }

    @Test func wideTextKeepsTheListColumnsAligned() {
        let h = journal()
        let rows = h.run("list --width 60").out.split(separator: "\n").dropFirst()
        for row in rows { #expect(TerminalText.width(String(row)) <= 60, "\(row)") }
    }

    /// SQLite text ends at a NUL, so a NUL would silently cut the text short: refused instead.
    @Test func aNULIsRefusedNotTruncated() throws {
        let h = journal()
        let before = h.snapshot()
        let r = h.run(["add", "before\u{0}after", "--p", "60%"])
        #expect(r.status == 64)
        #expect(
            r.err
                == "error: “before\u{FFFD}after” holds a NUL character (shown as \u{FFFD}), which a journal cannot keep: remove it and try again\n"
        )
        let csv = h.directory.appendingPathComponent("nul.csv").path
        try Data("forecaster,question_id,probability,outcome\nme,fine,0.4,\nme,bad\u{0}text,0.5,\n".utf8).write(
            to: URL(fileURLWithPath: csv))
        let a = h.run(["import", csv])
        #expect(a.status == 65)
        #expect(
            a.err.hasPrefix(
                "error: \(csv): line 3: holds a NUL character, which a journal cannot keep (SQLite text ends at one); if this is a text export"
            ), "\(a.err)")
        let json = h.directory.appendingPathComponent("nul.json").path
        let exported = h.run("export --format json").out.replacingOccurrences(of: "Rain \\u001b", with: "Rain \\u0000")
        #expect(exported.contains("Rain \\u0000"))
        try exported.write(toFile: json, atomically: true, encoding: .utf8)
        let b = h.run(["import", json])
        #expect(b.status == 65)
        #expect(
            b.err.contains(
                "claims[0] (text) holds a NUL character, which a journal cannot keep (SQLite text ends at one): remove the \\u0000 and import again"
            ), "\(b.err)")
        #expect(h.snapshot() == before)
    }

    @Test func aMegabyteOfText() throws {
        let h = Harness()
        let big = String(repeating: "All work and no play makes Jack a dull boy. ", count: 24_000)
        #expect(big.utf8.count > 1_000_000)
        let r = h.run(["add", big, "--p", "70%"])
        #expect(r.status == 0)
        #expect(h.rows("SELECT length(text) FROM claim") == [["\(big.trimmingCharacters(in: .whitespaces).count)"]])
        let list = h.run("list --width 80").out
        #expect(list.utf8.count < 400 && list.contains("All work and no play"))
        // Piped, nothing is cut.
        #expect(h.run("list").out.utf8.count > 1_000_000)
        #expect(h.run("show 1").out.utf8.count > 1_000_000)
        // The same through an import file.
        let file = h.directory.appendingPathComponent("big.csv").path
        try "forecaster,question_id,probability,outcome\nme,\"\(big)\",0.4,\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        #expect(h.run(["import", file]).status == 0)
        #expect(h.rows("SELECT count(*) FROM claim WHERE length(text) > 1000000") == [["2"]])
    }

    @Test func exportsComeBackExactly() throws {
        let h = journal()
        for format in ["json", "csv"] {
            let file = h.directory.appendingPathComponent("out.\(format)").path
            #expect(h.run(["export", "--format", format, "-o", file]).status == 0)
            let other = Harness()
            let r = other.run(["import", file])
            #expect(r.status == 0, "\(format): \(r.err)")
            #expect(
                other.rows("SELECT text, notes FROM claim ORDER BY id")
                    == h.rows("SELECT text, notes FROM claim ORDER BY id"), "\(format)")
            #expect(
                other.rows("SELECT text FROM caveat ORDER BY id") == h.rows("SELECT text FROM caveat ORDER BY id"),
                "\(format)")
        }
        let csv = h.run("export --format csv").out
        #expect(csv.contains("\"'<script>") == false && csv.contains("<script>alert('x')</script> \"\"q\"\" & ='1"))
    }

    /// CSV carries text as is into a pipe or file, but never raw onto a screen.
    @Test func csvOnAScreenIsInert() {
        let h = journal()
        #expect(h.run("export --format csv").out.contains("\u{1B}[31m"))
        h.isTerminal = true
        let screen = h.run("export --format csv").out
        #expect(Self.isInert(screen) && screen.contains("Rain \u{FFFD}[31mred"))
        #expect(Self.isInert(h.run("export --format ics").out))
    }

    @Test func pagesEscapeMarkup() throws {
        let h = journal()
        h.run("resolve 4 no")
        for ext in ["svg", "html"] {
            let file = h.directory.appendingPathComponent("r.\(ext)").path
            #expect(h.run(["report", "--as", "all", "-o", file]).status == 0)
            let page = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!page.contains("<script>alert"), "\(ext)")
            #expect(!page.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 }, "\(ext)")
        }
    }
}
