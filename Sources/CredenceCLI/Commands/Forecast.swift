import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct ForecastCommand: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Add or update a forecast on a claim (the history is kept).",
        discussion: "  credence forecast 7 80% --as ryan --reason \"saw the eval\"")

    @Argument(help: "The claim id.")
    var id: String

    @Argument(parsing: .allUnrecognized, help: "The probability: 70%, 0.7, 7/10, 3:1, 1 in 20, likely …")
    var probability: [String] = []

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is forecasting (default: the owner).", valueName: "name"))
    var forecaster: String?

    @Option(name: .long, help: "Why you hold this probability.")
    var reason: String?

    @Option(name: .long, help: "A caveat on this forecast (repeatable).")
    var caveat: [String] = []

    @Flag(name: .long, help: "Allow 0% or 100%.")
    var certain = false

    @Option(
        name: .customLong("option"),
        help: ArgumentHelp(
            "For a scenario set: each option and its probability, name=PROB (repeatable).", valueName: "name=prob"))
    var scenarioOptions: [String] = []

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        if !scenarioOptions.isEmpty {
            guard probability.isEmpty else {
                throw CLIError(
                    "give either one probability or --option for each option, not both", status: ExitStatus.usage)
            }
            let distribution = try scenarioOptions.map { try parseOption($0, allowCertain: certain) }
            let journal = try ctx.openJournal(options.journal, access: .write)
            let who = try ctx.writer(forecaster)
            try journal.write { w in
                (
                    (),
                    try {
                        try w.addDistribution(
                            claim: claimID, forecaster: who, options: distribution, reason: reason, caveats: caveat)
                        return "forecast on scenario set \(claimID) by \(who)"
                    }()
                )
            }
            ctx.out.line(
                "Forecast on scenario set \(claimID) by \(Format.safe(who)): "
                    + distribution.map { "\(Format.safe($0.label)) \($0.p.echo)" }.joined(separator: " · "))
            return
        }
        guard !probability.isEmpty else {
            throw CLIError("a forecast needs a probability: credence forecast \(claimID) 70%", status: ExitStatus.usage)
        }
        let p = try ProbabilityParser.parse(probability.joined(separator: " "), allowCertain: certain)
        let journal = try ctx.openJournal(options.journal, access: .write)
        let who = try ctx.writer(forecaster)
        let (forecast, previous, claim) = try journal.write { w -> ((Forecast, Forecast?, Claim), String) in
            let before = try w.currentForecast(claim: claimID, forecaster: who)
            let f = try w.addForecast(claim: claimID, forecaster: who, probability: p, reason: reason, caveats: caveat)
            let claim = try w.requireClaim(claimID)
            return ((f, before, claim), "forecast \(p.percentText) by \(f.forecaster) on claim \(claimID)")
        }
        let was = previous.map { " (was \(Probability.percentText($0.probability)))" } ?? ""
        ctx.out.line(
            "Forecast on claim \(claimID) “\(Format.safe(claim.text))” by \(Format.safe(forecast.forecaster)): \(p.echo)\(was)"
        )
        if let hint = ctx.referenceHint(journal, forecaster: forecast.forecaster, probability: p.value, claim: claimID)
        {
            let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
            ctx.out.line("  \(f.style.dim("record"))  \(hint)")
        }
    }
}
