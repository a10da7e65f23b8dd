import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

extension InterchangeFormat: ExpressibleByArgument {}

struct Import: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import forecasts from Fatebook, PredictionBook, augur, Credence or a plain CSV, in one transaction.",
        discussion: """
            The format is recognised from the content; --format names it: plain, fatebook, predictionbook,
            augur or credence. Importing the same file again adds nothing; a newer export of the same
            questions adds only what is new. A malformed record is an error naming its line (or JSON
            field) and nothing is imported, unless --skip-bad, which leaves bad records out and lists them.
            """)

    @Argument(help: "The file to import.")
    var file: String

    @Option(name: .long, help: "The file's format (default: recognised from its content).")
    var format: InterchangeFormat?

    @Flag(name: .long, help: "Leave out malformed records (listed) instead of refusing the file.")
    var skipBad = false

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Whose forecasts, for single-person formats such as augur (default: the owner).", valueName: "name"))
    var forecaster: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let bytes = try FileBytes.read(file, to: "import").get()
        let name = (file as NSString).lastPathComponent
        let (found, summary): (InterchangeFormat, ImportSummary)
        do {
            (found, summary) = try Interchange.importFile(
                bytes, format: format, namespace: name, owner: forecaster ?? ctx.owner,
                dates: ctx.clock.dates, now: ctx.clock.now(), skipBad: skipBad,
                journal: ctx.journalPath(options.journal), clock: ctx.clock
            ) { s in
                "import \(name): \(s.claims) claims, \(s.forecasts) forecasts"
            }
        } catch JournalError.conditionCycle(let message) {
            throw CLIError(
                "\(file): \(message). Nothing was imported: remove the condition that closes the circle from the file and import it again"
            )
        } catch let e as InterchangeError {
            throw CLIError(
                "\(file): \(e.localizedDescription). Nothing was imported\(e.isRecord && !skipBad ? " (--skip-bad leaves bad records out)" : "")"
            )
        }
        for line in Self.describe(summary, file: name, format: found) { ctx.out.line(line) }
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n.grouped) \(word)\(n == 1 ? "" : "s")" }

    /// ", with 2 resolutions, 1 bet and 1 condition" (" and 1 bet" alone).
    static func extras(_ s: ImportSummary) -> String {
        if s.resolutions == 0 && s.conditions == 0 { return s.bets > 0 ? " and \(plural(s.bets, "bet"))" : "" }
        let parts = [plural(s.resolutions, "resolution"), plural(s.bets, "bet"), plural(s.conditions, "condition")]
            .filter { !$0.hasPrefix("0 ") }
        return ", with "
            + (parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!)
    }

    static func describe(_ s: ImportSummary, file: String, format: InterchangeFormat) -> [String] {
        var out: [String] = []
        let name = Format.safe(file)
        if s.claims > 0 || s.mergedClaims == 0 && s.unchangedClaims == 0 {
            var line =
                "Imported \(plural(s.claims, "claim")) and \(plural(s.forecasts, "forecast")) from \(name) (\(format.name))"
            line += extras(s)
            if !s.forecasters.isEmpty {
                line +=
                    "; new forecaster\(s.forecasters.count == 1 ? "" : "s"): \(s.forecasters.map { Format.safe($0) }.joined(separator: ", "))"
            }
            out.append(line + ".")
        }
        if s.claims == 0 && (s.mergedClaims > 0 || s.unchangedClaims > 0) && (s.bets > 0 || s.conditions > 0) {
            let added = [plural(s.bets, "bet"), plural(s.conditions, "condition")].filter { !$0.hasPrefix("0 ") }
            out.append("Added \(added.joined(separator: " and ")) to claims already in the journal.")
        }
        if s.mergedClaims > 0 {
            out.append(
                "Merged new forecasts or resolutions into \(plural(s.mergedClaims, "claim")) already in the journal.")
        }
        if s.unchangedClaims > 0 || s.duplicateForecasts > 0 {
            out.append(
                "Already here, unchanged: \(plural(s.unchangedClaims, "claim"))\(s.duplicateForecasts > 0 ? " (\(plural(s.duplicateForecasts, "forecast")) skipped as duplicates)" : "")."
            )
        }
        if s.claims == 0 && s.mergedClaims == 0 && s.unchangedClaims > 0 && s.bets == 0 && s.conditions == 0 {
            out.insert("Nothing new in \(name): everything in it was imported before.", at: 0)
        }
        if !s.skipped.isEmpty {
            out.append("Left out \(plural(s.skipped.count, "record")):")
            out += s.skipped.map { "  " + Format.safe($0) }
        }
        out += s.notes.map { Format.safe($0, singleLine: false) }
        return out
    }
}
