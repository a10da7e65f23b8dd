import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Add: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Log a claim with your forecast.",
        discussion: """
            One line:  <claim> <probability> [by <date>] [+tag …] [unless <caveat> | caveat: <text>]
              credence add Ryan ships by friday 70% +work
              credence add "GPT-6 ships" 3:1 by end of year +ai unless compute runs short
            Probabilities: 70%, 0.7, .7, 7/10, odds 3:1, 1 in 20, or words (likely = 75%, almost certain = 93% …).
            A bare number such as 70 is refused; 0% and 100% need --certain.
            Scenario sets: mutually exclusive options whose probabilities sum to 100%:
              credence add "How does the transition go" --option "slow takeoff=60%" \\
                --option "fast takeoff=25%" --option "no AGI=15%"
            Conditional claims count only if another resolves a given way (P(B | A)):
              # 12 must resolve yes; --if 12=no for no
              credence add "We ship the API by March" 80% --if 12
            Dates: 2027-06-30, today, tomorrow, friday, next friday, in 3 weeks, dec 31, june, june 2027, end of month|quarter|year, Q3 2027. A tag is +work or #work; in the shell type +work (bash and fish read #work as a comment).
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

    @Option(
        name: .customLong("as"), help: ArgumentHelp("Who is forecasting (default: the owner, `me`).", valueName: "name")
    )
    var forecaster: String?

    @Option(name: .long, help: "Notes on the claim.")
    var note: String?

    @Option(name: .long, help: "Why you hold this probability.")
    var reason: String?

    @Flag(name: .long, help: "Allow 0% or 100%.")
    var certain = false

    @Flag(
        name: .long,
        help:
            "On a team journal: members see others' forecasts on this claim only once they forecast it (or it resolves)."
    )
    var blind = false

    @Option(
        name: .customLong("option"),
        help: ArgumentHelp(
            "A scenario option and its probability, name=PROB (repeatable; they must sum to 100%).",
            valueName: "name=prob"))
    var scenarioOptions: [String] = []

    @Option(
        name: .customLong("if"),
        help: ArgumentHelp(
            "Count this claim only if claim ID resolves yes (ID=no: resolves no).", valueName: "id[=yes|no]"))
    var condition: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        guard !words.isEmpty else {
            throw CLIError(
                "nothing to add: write a claim and a probability, e.g. credence add Ryan ships by friday 70%",
                status: ExitStatus.usage)
        }
        // The quick-entry words take whatever the parser did not: a mistyped flag lands here.
        if let flag = words.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw CLIError(
                "unknown option \"\(Format.safe(flag))\" for add: \(Suggestions.flagHint(flag, command: Add.self))`credence add --help` lists them (quote the claim text if it starts with --)",
                status: ExitStatus.usage)
        }
        let dates = ctx.clock.dates
        let parser = QuickEntryParser(dates: dates)
        let scenarios = try scenarioOptions.map { try parseOption($0, allowCertain: certain) }
        if !scenarios.isEmpty && probability != nil {
            throw CLIError("a scenario set takes --option name=PROB for each option, not --p", status: ExitStatus.usage)
        }
        let conditional = try condition.map(parseCondition)
        let overrides = QuickEntryOverrides(
            probability: probability != nil || !scenarios.isEmpty, resolveBy: by != nil, allowCertain: certain)
        var entry = try parser.parse(arguments: words, overrides: overrides)
        if let probability { entry.probability = try ProbabilityParser.parse(probability, allowCertain: certain) }
        if let by {
            entry.resolveBy = try dates.resolveBy(by)
            entry.resolveByText = by
        }
        let tags = uniqueTags(entry.tags + (try parseTags(tag)))
        let caveats = entry.caveats + caveat
        let journal = try ctx.openJournal(options.journal, access: .write)
        let who = try ctx.writer(forecaster)
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        var lines: [(String, String)] = []
        let claim: Claim
        if scenarios.isEmpty {
            let p = entry.probability!
            let (c, forecast) = try journal.write { w -> ((Claim, Forecast), String) in
                if blind { try w.addBlindly() }
                let claim = try w.addClaim(
                    text: entry.text, resolveBy: entry.resolveBy, tags: tags, notes: note, uuid: ctx.makeUUID())
                let forecast = try w.addForecast(
                    claim: claim.id, forecaster: who, probability: p, reason: reason, caveats: caveats)
                if let conditional {
                    try w.addCondition(claim: claim.id, on: conditional.on, required: conditional.required)
                }
                return ((claim, forecast), "add claim \(claim.id) “\(claim.text)”")
            }
            claim = c
            lines.append((Format.safe(forecast.forecaster), p.echo))
        } else {
            claim = try journal.write { w -> (Claim, String) in
                if blind { try w.addBlindly() }
                let claim = try w.addScenarioClaim(
                    text: entry.text, options: scenarios, forecaster: who, resolveBy: entry.resolveBy, tags: tags,
                    notes: note, reason: reason, caveats: caveats, uuid: ctx.makeUUID())
                if let conditional {
                    try w.addCondition(claim: claim.id, on: conditional.on, required: conditional.required)
                }
                return (claim, "add scenario set \(claim.id) “\(claim.text)”")
            }
            lines.append(
                (Format.safe(who), scenarios.map { "\(Format.safe($0.label)) \($0.p.echo)" }.joined(separator: " · ")))
        }
        ctx.out.line(
            "Added \(scenarios.isEmpty ? "claim" : "scenario set") \(f.style.bold(String(claim.id))): \(Format.safe(claim.text))"
        )
        if try journal.isBlind(claim.id) {
            lines.append(
                ("blind", "others see these forecasts once they forecast claim \(claim.id), or once it resolves"))
        }
        if let conditional {
            lines.append(
                (
                    "if",
                    "claim \(conditional.on) resolves \(conditional.required ? "yes" : "no") (otherwise this claim is annulled)"
                ))
        }
        if let by = claim.resolveBy { lines.append(("by", f.resolveBy(by))) }
        if !tags.isEmpty { lines.append(("tags", Format.tags(tags))) }
        for c in caveats { lines.append(("caveat", Format.safe(c))) }
        if let reason { lines.append(("reason", Format.safe(reason))) }
        if let p = entry.probability, scenarios.isEmpty,
            let hint = ctx.referenceHint(journal, forecaster: who, probability: p.value, claim: claim.id)
        {
            lines.append(("record", hint))
        }
        let width = lines.map { Format.width($0.0) }.max() ?? 0
        for (label, value) in lines { ctx.out.line("  \(f.style.dim(Format.pad(label, width)))  \(value)") }
    }
}
