import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Import: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import forecasts from a file, in one transaction: every record or none.",
        discussion: """
        The plain CSV: forecaster,question_id,probability,outcome[,question,created,resolved]
        (one claim per question_id; probability from 0 to 1; outcome 1, 0 or blank for open).
        Importing the same file again adds nothing: its claims are recognised and left alone.
        """)

    @Argument(help: "The file to import.")
    var file: String

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            let reason = FileManager.default.fileExists(atPath: file) ? "it cannot be read" : "no such file"
            throw CLIError("cannot import \(file): \(reason)", status: ExitStatus.ioError)
        }
        let journal = try ctx.openJournal(options.journal, access: .write)
        let dates = ctx.clock.dates
        let summary: ImportSummary
        do {
            summary = try journal.write { w in
                let s = try w.importPlainCSV(Array(data), file: file, dates: dates)
                return (s, "import \((file as NSString).lastPathComponent): \(s.claims) claims, \(s.forecasts) forecasts")
            }
        } catch let e as ImportError {
            throw CLIError("error in \(e.localizedDescription)")
        }
        let name = (file as NSString).lastPathComponent
        if summary.claims == 0 && summary.alreadyImported > 0 {
            ctx.out.line("Nothing new in \(Format.safe(name)): its \(summary.alreadyImported) claims (\(summary.alreadyImportedForecasts) forecasts) were imported before.")
            return
        }
        var line = "Imported \(summary.claims) claim\(summary.claims == 1 ? "" : "s") and \(summary.forecasts) forecast\(summary.forecasts == 1 ? "" : "s")"
        if !summary.forecasters.isEmpty {
            line += " by \(summary.forecasters.count) forecaster\(summary.forecasters.count == 1 ? "" : "s") (\(summary.forecasters.map { Format.safe($0) }.joined(separator: ", ")))"
        }
        line += " from \(Format.safe(name)): \(summary.resolved) resolved, \(summary.claims - summary.resolved) open."
        ctx.out.line(line)
        if summary.alreadyImported > 0 {
            ctx.out.line("Skipped \(summary.alreadyImported) claim\(summary.alreadyImported == 1 ? "" : "s") (\(summary.alreadyImportedForecasts) forecasts) already imported from this file.")
        }
    }
}
