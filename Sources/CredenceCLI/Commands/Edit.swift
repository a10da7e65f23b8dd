import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Edit: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a claim's text and notes in $EDITOR.",
        discussion: "The text comes first; notes go below the line `--- notes ---`. An unchanged file changes nothing.")

    @Argument(help: "The claim id.")
    var id: String

    @OptionGroup var options: JournalOptions

    static let separator = "--- notes ---"

    static func document(text: String, notes: String?) -> String {
        """
        \(text)
        \(separator)
        \(notes ?? "")
        # Edit the claim text above the line and notes below it. Lines starting with # are ignored.
        # Save and quit to apply; leave it unchanged to change nothing.

        """
    }

    static func parse(_ document: String) -> (text: String, notes: String?) {
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
        let split = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == separator }
        let textLines = split.map { lines[..<$0] } ?? lines[...]
        let noteLines = split.map { lines[($0 + 1)...] } ?? []
        let text = textLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let notes = noteLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (text, notes.isEmpty ? nil : notes)
    }

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        let journal = try ctx.openJournal(options.journal, access: .write)
        let claim = try journal.claim(claimID).claim
        let editor =
            ctx.environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ctx.environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "credence-claim-\(claimID)-\(getpid()).txt")
        let original = Self.document(text: claim.text, notes: claim.notes)
        // Private, like the journal: it holds the claim's text and notes.
        try OutputFile.write(original, to: file.path)
        defer { try? FileManager.default.removeItem(at: file) }

        let status = try ChildProcess.run("/bin/sh", ["-c", "\(editor) \"$1\"", "credence-edit", file.path])
        guard status == 0 else {
            throw CLIError(
                "the editor (\(editor)) exited with status \(status): nothing was changed", status: ExitStatus.failure)
        }
        let edited = try String(contentsOf: file, encoding: .utf8)
        let (text, notes) = Self.parse(edited)
        guard edited != original, text != claim.text || notes != claim.notes else {
            ctx.out.line("Claim \(claimID) unchanged.")
            return
        }
        guard !text.isEmpty else { throw CLIError("the claim text is empty: nothing was changed") }
        let changed = try journal.write { w in (try w.edit(claimID, text: text, notes: notes), "edit claim \(claimID)")
        }
        ctx.out.line(changed ? "Updated claim \(claimID): \(Format.safe(text))" : "Claim \(claimID) unchanged.")
    }
}
