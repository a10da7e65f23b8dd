import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

extension InterchangeFormat: ExpressibleByArgument {}

struct Import: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import forecasts from Fatebook, PredictionBook, augur, Credence or a plain CSV, in one transaction.",
        discussion: """
            The format is recognised from the content; --format names it: plain, fatebook, predictionbook, augur or credence. Importing the same file again adds nothing; a newer export of the same questions adds only what is new. A malformed record is an error naming its line (or JSON field) and nothing is imported, unless --skip-bad, which leaves bad records out and lists them.
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
            "Whose forecasts: all of a single-person format's (augur; default: the owner), and in other formats those with no forecaster.",
            valueName: "name"))
    var forecaster: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let given = try forecaster.map { raw -> String in
            guard let name = ForecasterName.clean(raw) else {
                throw CLIError("--as: \(ForecasterName.emptyMessage): give a visible name", status: ExitStatus.usage)
            }
            return name
        }
        if ctx.teamStanding?.writesForOthers == false {
            throw CLIError(
                "on a team journal only an admin imports (an import keeps the file's times and names): the team's owner, or a member added with `team add NAME --admin`, imports it",
                status: ExitStatus.notPermitted)
        }
        let bytes = try FileBytes.read(file, to: "import").get()
        let name = (file as NSString).lastPathComponent
        let (found, summary): (InterchangeFormat, ImportSummary)
        do {
            let request = ImportRequest(
                bytes: bytes, format: format, namespace: name, owner: given ?? ctx.owner, missingForecaster: given,
                skipBad: skipBad, dates: ctx.clock.dates, now: ctx.clock.now())
            (found, summary) = try Interchange.importFile(
                request, journal: ctx.journalPath(options.journal), clock: ctx.clock
            ) { s in
                "import \(name): \(Wording.plural(s.claims, "claim")), \(Wording.plural(s.forecasts, "forecast"))"
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

    /// How many names a summary lists before it gives a count instead.
    static let namesShown = 5

    /// "new forecasters: ann, bob", or past a handful "3,295 new forecasters (acx-0001 … acx-3295)".
    static func newForecasters(_ names: [String]) -> String {
        if names.count <= namesShown {
            return
                "new forecaster\(names.count == 1 ? "" : "s"): \(names.map { Format.safe($0) }.joined(separator: ", "))"
        }
        // The range of the names in order, whatever order the file introduced them in.
        let sorted = names.sorted { $0.lowercased() < $1.lowercased() }
        return
            "\(Wording.plural(names.count, "new forecaster")) (\(Format.safe(sorted.first!)) … \(Format.safe(sorted.last!)))"
    }

    /// ", with 2 resolutions, 1 bet and 1 condition" (" and 1 bet" alone).
    static func extras(_ s: ImportSummary) -> String {
        if s.resolutions == 0 && s.conditions == 0 { return s.bets > 0 ? " and \(Wording.plural(s.bets, "bet"))" : "" }
        let parts = [
            Wording.plural(s.resolutions, "resolution"), Wording.plural(s.bets, "bet"),
            Wording.plural(s.conditions, "condition"),
        ]
        .filter { !$0.hasPrefix("0 ") }
        return ", with "
            + (parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!)
    }

    static func describe(_ s: ImportSummary, file: String, format: InterchangeFormat) -> [String] {
        var out: [String] = []
        let name = Format.safe(file)
        if s.claims > 0 || s.mergedClaims == 0 && s.unchangedClaims == 0 {
            var line =
                "Imported \(Wording.plural(s.claims, "claim")) and \(Wording.plural(s.forecasts, "forecast")) from \(name) (\(format.name))"
            line += extras(s)
            if !s.forecasters.isEmpty { line += "; " + newForecasters(s.forecasters) }
            out.append(line + ".")
        }
        if s.claims == 0 && (s.mergedClaims > 0 || s.unchangedClaims > 0) && (s.bets > 0 || s.conditions > 0) {
            let added = [Wording.plural(s.bets, "bet"), Wording.plural(s.conditions, "condition")].filter {
                !$0.hasPrefix("0 ")
            }
            out.append("Added \(added.joined(separator: " and ")) to claims already in the journal.")
        }
        if !s.caseMerges.isEmpty {
            let shown = s.caseMerges.prefix(Self.namesShown).map { "\(Format.safe($0.name)) as \(Format.safe($0.as))" }
            let more = s.caseMerges.count - shown.count
            out.append(
                "Names that differ only in capitals were taken as one forecaster: \(shown.joined(separator: ", "))\(more > 0 ? " and \(more.grouped) more" : "")."
            )
        }
        if s.mergedClaims > 0 {
            out.append(
                "Merged new forecasts or resolutions into \(Wording.plural(s.mergedClaims, "claim")) already in the journal."
            )
        }
        if s.unchangedClaims > 0 || s.duplicateForecasts > 0 {
            out.append(
                "Already here, unchanged: \(Wording.plural(s.unchangedClaims, "claim"))\(s.duplicateForecasts > 0 ? " (\(Wording.plural(s.duplicateForecasts, "forecast")) skipped as duplicates)" : "")."
            )
        }
        if s.claims == 0 && s.mergedClaims == 0 && s.unchangedClaims > 0 && s.bets == 0 && s.conditions == 0 {
            out.insert("Nothing new in \(name): everything in it was imported before.", at: 0)
        }
        if !s.skipped.isEmpty {
            out.append("Left out \(Wording.plural(s.skipped.count, "record")):")
            out += s.skipped.map { "  " + Format.safe($0) }
        }
        out += s.notes.map { Format.safe($0, singleLine: false) }
        return out
    }
}
