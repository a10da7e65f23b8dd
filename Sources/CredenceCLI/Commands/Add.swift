import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Add: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Log a claim with your forecast.",
        discussion: """
        One line:  <claim> <probability> [by <date>] [#tag …] [unless <caveat> | caveat: <text>]
          credence add Ryan ships by friday 70% #work
          credence add "GPT-6 is released" 3:1 by end of year #ai unless compute runs short
        Probabilities: 70%, 0.7, .7, 7/10, odds 3:1, 1 in 20, or words (likely = 75%, almost certain = 93% …).
        A bare number such as 70 is refused; 0% and 100% need --certain.
        Dates: 2027-06-30, today, tomorrow, friday, next friday, in 3 weeks, june, june 2027, end of month|quarter|year, Q3 2027.
        Flags override the inline forms; put the claim text in quotes when it holds a probability-like word.
        """)

    @Argument(parsing: .allUnrecognized, help: "The quick-entry line.")
    var words: [String] = []

    @Option(name: [.customLong("p"), .customLong("probability")], help: "The probability (instead of an inline one).")
    var probability: String?

    @Option(name: .long, help: ArgumentHelp("Resolve-by date (instead of an inline `by …`).", valueName: "date"))
    var by: String?

    @Option(name: .long, help: "A tag (repeatable).")
    var tag: [String] = []

    @Option(name: .long, help: "A caveat on your forecast (repeatable).")
    var caveat: [String] = []

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is forecasting (default: the owner, `me`).", valueName: "name"))
    var forecaster: String?

    @Option(name: .long, help: "Notes on the claim.")
    var note: String?

    @Option(name: .long, help: "Why you hold this probability.")
    var reason: String?

    @Flag(name: .long, help: "Allow 0% or 100%.")
    var certain = false

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        guard !words.isEmpty else {
            throw CLIError("nothing to add: write a claim and a probability, e.g. credence add Ryan ships by friday 70%", status: ExitStatus.usage)
        }
        let dates = ctx.clock.dates
        let parser = QuickEntryParser(dates: dates)
        let overrides = QuickEntryOverrides(probability: probability != nil, resolveBy: by != nil, allowCertain: certain)
        var entry = try parser.parse(QuickEntryParser.line(fromArguments: words), overrides: overrides)
        if let probability { entry.probability = try ProbabilityParser.parse(probability, allowCertain: certain) }
        if let by {
            entry.resolveBy = try dates.resolveBy(by)
            entry.resolveByText = by
        }
        let tags = uniqueTags(entry.tags + (try parseTags(tag)))
        let caveats = entry.caveats + caveat
        let who = forecaster ?? ctx.owner
        let journal = try ctx.openJournal(options.journal, access: .write)
        let p = entry.probability!
        let (claim, forecast) = try journal.write { w -> ((Claim, Forecast), String) in
            let claim = try w.addClaim(text: entry.text, resolveBy: entry.resolveBy, tags: tags, notes: note, uuid: ctx.makeUUID())
            let forecast = try w.addForecast(claim: claim.id, forecaster: who, probability: p, reason: reason, caveats: caveats)
            return ((claim, forecast), "add claim \(claim.id) “\(claim.text)”")
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        ctx.out.line("Added claim \(f.style.bold(String(claim.id))): \(Format.safe(claim.text))")
        var lines: [(String, String)] = [(Format.safe(forecast.forecaster), p.echo)]
        if let by = claim.resolveBy { lines.append(("by", f.resolveBy(by))) }
        if !tags.isEmpty { lines.append(("tags", Format.tags(tags))) }
        for c in caveats { lines.append(("caveat", Format.safe(c))) }
        if let reason { lines.append(("reason", Format.safe(reason))) }
        let width = lines.map { Format.width($0.0) }.max() ?? 0
        for (label, value) in lines { ctx.out.line("  \(f.style.dim(Format.pad(label, width)))  \(value)") }
    }
}
