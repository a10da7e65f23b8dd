import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct Caveats: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "caveats",
        abstract: "Caveat audit: are your caveated forecasts better calibrated than your bare ones?",
        discussion: """
              credence caveats
              credence caveats --as ryan --tag work --json
            Compares forecasts with no caveats, one, and two or more (and any against none) by Brier, miscalibration (MCB) and discrimination (DSC) from the CORP decomposition, and by overconfidence (mean confidence minus hit rate, forecasts folded at 50%). Intervals are 95% Poisson-bootstrap intervals from 1,000 seeded replicates; the sentence at the end says whether the difference in MCB is larger than that noise.
            """)

    @OptionGroup var record: RecordOptions

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let who = record.who(ctx)
        let (groups, independentRows) = try record.forecastGroups(by: .caveats, options, ctx)
        func sample(_ count: CaveatCount) -> Sample {
            Sample(counts: groups.first { $0.key == .caveats(count) }?.counts ?? [])
        }
        let audit = CaveatAudit(
            none: sample(.zero), one: sample(.one), more: sample(.twoOrMore), bins: ctx.config.bins,
            independentRows: independentRows)
        let sentence = audit.sentence(whose: record.whose(ctx))
        if record.json {
            ctx.out.verbatim(Self.json(audit, forecaster: who, sentence: sentence).rendered())
            return
        }
        let total = audit.groups.reduce(0) { $0 + $1.sample.n }
        guard total > 0 else {
            ctx.out.line(
                "No resolved forecasts by \(Format.safe(who ?? "anyone")) to audit yet. Add caveats with `unless …`, `caveat: …` or --caveat, and resolve claims as they come due."
            )
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        ctx.out.line(
            f.style.bold(
                "Caveat audit of \(Format.safe(who ?? "everyone")) · \(total.grouped) resolved forecast\(total == 1 ? "" : "s")"
            ))
        ctx.out.line()
        let header = [
            "caveats", "n", "said", "happened", "Brier", "MCB", "miscalibration", "DSC", "overconfidence (95% CI)",
        ]
        var rows = [header]
        for g in audit.groups + [audit.caveated].compactMap({ $0 }) where g.sample.n > 0 {
            let s = g.sample
            let said = g.meanForecast
            rows.append([
                g.caveats == .zero ? "none" : g.name,
                s.n.grouped, Numbers.percent(said), Numbers.percent(s.baseRate),
                Numbers.score(g.analysis.scores.brier), Numbers.score(g.mcb), Verdict.short(g.verdict),
                Numbers.score(g.dsc),
                Self.points(g.overconfidence) + " (" + Self.pointsRange(g.overconfidenceInterval) + ")",
            ])
        }
        for line in Format.table(rows, rightAligned: [1, 2, 3, 4, 5, 7]) { ctx.out.line("  " + line) }
        ctx.out.line()
        for line in Format.wrap(sentence, width: ctx.width(options.width)) { ctx.out.line(line) }
        for line in Format.wrap(
            "MCB: the miscalibration part of the Brier score (CORP); miscalibration: whether a calibrated forecaster could show that much MCB (p from 1,000 simulations seeded from the data; each group at 5% shared among the groups tested). DSC: discrimination. Overconfidence: mean confidence minus hit rate, in percentage points, with a bias-corrected bootstrap interval.",
            width: ctx.width(options.width))
        {
            ctx.out.line(f.style.dim(line))
        }
    }

    static func points(_ x: Double) -> String { String(format: "%+.1f pts", x * 100) }

    static func pointsRange(_ i: Interval?) -> String {
        i.map { String(format: "%+.1f to %+.1f", $0.lower * 100, $0.upper * 100) } ?? "—"
    }

    static func json(_ audit: CaveatAudit, forecaster: String?, sentence: String) -> JSONValue {
        func interval(_ i: Interval?) -> JSONValue {
            i.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null
        }
        func group(_ g: CaveatAudit.Group) -> JSONValue {
            let s = g.sample
            return .object([
                "name": .string(g.name), "n": .int(s.n), "events": .int(s.events),
                "mean_forecast": .number(g.meanForecast),
                "base_rate": .number(s.baseRate), "brier": .number(g.analysis.scores.brier),
                "mcb": .number(g.mcb), "miscalibration_p": .number(g.miscalibrationP), "dsc": .number(g.dsc),
                "verdict": .string(Verdict.sentence(g.verdict)), "verdict_test": ReportJSON.verdictTest(g.verdict),
                "overconfidence": .number(g.overconfidence), "overconfidence_ci": interval(g.overconfidenceInterval),
                "spiegelhalter_z": .number(g.analysis.spiegelhalter.z),
                "spiegelhalter_p": .number(g.analysis.spiegelhalter.pValue),
            ])
        }
        return .object([
            "forecaster": .string(forecaster),
            "groups": .array(audit.groups.map(group)),
            "any_caveat": audit.caveated.map(group) ?? .null,
            "difference": .object(["mcb": .number(audit.difference), "p": .number(audit.differenceP)]),
            "finding": .string(audit.finding.rawValue),
            "sentence": .string(sentence),
            "simulation": .object([
                "method": .string("poisson"), "replicates": .int(PoissonBootstrap.replicates),
                "seed": .string("from the data"),
                "miscalibration_test": .object([
                    "method": .string("corp_resampling"), "resamples": .int(MiscalibrationTests.resamples),
                ]),
            ]),
        ])
    }
}
