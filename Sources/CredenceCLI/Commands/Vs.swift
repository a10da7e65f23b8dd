import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

extension ScoringRule: ExpressibleByArgument {}

/// Filters `vs`, `leaderboard` and `bets` share.
struct ScopeOptions: ParsableArguments {
    @Option(name: .long, help: "Only claims with this tag (repeatable: all must match).")
    var tag: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only claims resolved on or after this date.", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only claims resolved on or before this date.", valueName: "date"))
    var until: String?

    func scope(_ ctx: Context) throws -> ClaimScope {
        var s = ClaimScope()
        s.tags = try parseTags(tag)
        s.since = try since.map { try ctx.clock.dates.periodStart($0) }
        s.until = try until.map { try ctx.clock.dates.periodEnd($0) }
        return s
    }

    /// The same filters as a report selection, for one forecaster (nil: everyone).
    func selection(forecaster: String?, _ ctx: Context) throws -> ReportSelection {
        let scope = try scope(ctx)
        var s = ReportSelection(forecaster: forecaster)
        (s.tags, s.since, s.until) = (scope.tags, scope.since, scope.until)
        return s
    }
}

/// `--as NAME|all`, the claim filters and `--json`: for commands that read one person's record.
struct RecordOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Whose forecasts (default: the owner); `all` pools everyone.", valueName: "name"))
    var forecaster: String?

    @OptionGroup var scope: ScopeOptions

    @Flag(name: .long, help: "Print it as JSON.")
    var json = false

    /// The forecaster (`@team` for the pool), or nil for everyone (`--as all`).
    func who(_ ctx: Context) -> String? {
        namesTeam ? ForecasterSubject.teamName : forecaster?.lowercased() == "all" ? nil : (forecaster ?? ctx.owner)
    }

    /// `--as @team`: the pool of everyone's final forecasts, not a person.
    var namesTeam: Bool { forecaster.map(ForecasterSubject.isTeam) ?? false }

    /// The journal, to read, once `--as NAME` is known to name somebody in it.
    func openJournal(_ options: JournalOptions, _ ctx: Context) throws -> Journal {
        let journal = try ctx.openJournal(options.journal, access: .read)
        try checkForecaster(ctx, in: journal)
        return journal
    }

    /// The selection's forecasts in groups, and whether they may be judged as independent rows:
    /// pooled forecasters share claims, and every forecast of a claim shares its outcome.
    func forecastGroups(
        by grouping: ReportGrouping, _ options: JournalOptions, _ ctx: Context
    ) throws -> (groups: [ForecastGroup], independentRows: Bool) {
        if namesTeam {
            throw CLIError(
                "--as @team works with report and vs: @team is one number per claim, pooled from everyone's, with no words or caveats of its own",
                status: ExitStatus.usage)
        }
        let journal = try openJournal(options, ctx)
        let groups = try journal.forecastCounts(try selection(ctx), by: grouping)
        let independent = try who(ctx) != nil || journal.forecastCounts(try selection(ctx), by: .forecaster).count <= 1
        return (groups, independent)
    }

    /// Refuses `--as NAME` for somebody who has never forecast in this journal (a typo, most
    /// often), as `vs` does, instead of reporting on nobody. The owner may have no forecasts yet.
    private func checkForecaster(_ ctx: Context, in journal: Journal) throws {
        guard !namesTeam, let who = who(ctx), who.lowercased() != ctx.owner.lowercased(),
            try journal.forecasterExists(who) == nil
        else { return }
        let known = try journal.forecasterNames()
        let hint =
            Suggestions.nearest(who, among: known.map { $0.lowercased() }).map { "did you mean \"\($0)\"? " } ?? ""
        throw CLIError(
            "nobody called \"\(Format.safe(who))\" has forecast in this journal: \(hint)forecasters: \((known + ["all"]).map { Format.safe($0) }.joined(separator: ", "))"
        )
    }

    /// "your", "ryan's" or "everyone's".
    func whose(_ ctx: Context) -> String {
        guard let who = who(ctx) else { return "everyone's" }
        return who.lowercased() == ctx.owner.lowercased() ? "your" : "\(Format.safe(who))'s"
    }

    /// The selection; with `--as @team`, of the pool given.
    func selection(_ ctx: Context, team: TeamPool = .standard) throws -> ReportSelection {
        var s = try scope.selection(forecaster: who(ctx), ctx)
        if namesTeam { s.subject = .team(team) }
        return s
    }
}

struct Vs: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "vs",
        abstract: "Head-to-head: who was more right over the claims two people both forecast.",
        discussion: """
              # you against ryan: the same as vs me ryan
              credence vs ryan
              credence vs ryan sam --tag work --scoring time-averaged --json
            The measure is the mean Brier difference over shared resolved claims, with a paired t-test and a seeded bootstrap interval; the summed log-score difference is the log Bayes factor between the two. Counts of who was closer are shown beside the mean, never instead of it:
            they reward overconfidence (extreme forecasts win small often and lose big rarely).
            --scoring final (default) uses each person's last forecast before resolution; --scoring time-averaged carries every forecast forward until updated, over the window both had a forecast in force.
            """)

    @Argument(help: "One forecaster (with only one name: you against them).") var first: String
    @Argument(help: "The other forecaster.") var second: String?
    @Option(name: .long, help: "final (default) or time-averaged.") var scoring: ScoringRule = .final
    @Flag(name: .long, help: "List every shared claim, not only the latest 20.") var all = false
    @Flag(name: .long, help: "Print JSON.") var json = false
    @OptionGroup var scopeOptions: ScopeOptions
    @OptionGroup var team: TeamPoolOptions
    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        // Opened first: on a team journal the owner is the connected member, known once connected.
        let journal = try ctx.openJournal(options.journal, access: .read)
        let (a, b) = second.map { (ctx.person(first), ctx.person($0)) } ?? (ctx.owner, ctx.person(first))
        guard a.lowercased() != b.lowercased() else {
            throw CLIError("compare two different people, e.g. credence vs me ryan", status: ExitStatus.usage)
        }
        let teamIsA = ForecasterSubject.isTeam(a), teamIsB = ForecasterSubject.isTeam(b)
        if let pool = try team.teamPool(named: teamIsA || teamIsB) {
            try against(pool, person: teamIsA ? b : a, teamFirst: teamIsA, ctx)
            return
        }
        for name in [a, b] where try journal.forecasterExists(name) == nil {
            let known = try journal.forecasterNames()
            throw CLIError(
                "nobody called \"\(name)\" has forecast in this journal\(known.isEmpty ? "" : "; forecasters: \(known.joined(separator: ", "))")"
            )
        }
        let nameA = try journal.forecasterExists(a)!, nameB = try journal.forecasterExists(b)!
        // Text is needed for every claim only when every claim is printed.
        let shared = try journal.sharedClaims(nameA, nameB, scope: try scopeOptions.scope(ctx), withText: json || all)
        try show(shared, nameA, nameB, ctx)
    }

    /// A person against `@team`, the pool of everyone's final forecasts (the person's included).
    func against(_ pool: TeamPool, person: String, teamFirst: Bool, _ ctx: Context) throws {
        if scoring == .timeAveraged {
            throw CLIError(
                "--scoring time-averaged does not apply to @team: its forecast is pooled from final forecasts; leave --scoring out",
                status: ExitStatus.usage)
        }
        let journal = try ctx.openJournal(options.journal, access: .read)
        guard let name = try journal.forecasterExists(person) else {
            let known = try journal.forecasterNames()
            throw CLIError(
                "nobody called \"\(Format.safe(person))\" has forecast in this journal\(known.isEmpty ? "" : "; forecasters: \(known.map { Format.safe($0) }.joined(separator: ", "))")"
            )
        }
        var shared = try journal.sharedClaimsWithTeam(
            name, pool: pool, scope: try scopeOptions.scope(ctx), withText: json || all)
        if teamFirst {
            for i in shared.claims.indices {
                (shared.claims[i].aFinal, shared.claims[i].bFinal) = (shared.claims[i].bFinal, shared.claims[i].aFinal)
            }
        }
        let teamName = ForecasterSubject.teamName
        try show(
            shared, teamFirst ? teamName : name, teamFirst ? name : teamName, ctx,
            note:
                "The \(teamName) forecast is the \(pool.label) of everyone's final forecasts (\(Wording.who(name, owner: ctx.owner)) included) on each claim two forecasters or more forecast.",
            pool: pool)
    }

    /// The comparison of A and B on their shared claims, as text or JSON.
    func show(
        _ shared: SharedClaims, _ nameA: String, _ nameB: String, _ ctx: Context, note: String? = nil,
        pool: TeamPool? = nil
    ) throws {
        let comparison = Comparisons.compare(shared, timeAveragedInterval: scoring == .timeAveraged)
        let sentence = HeadToHeadText.sentence(comparison, scoring: scoring, a: nameA, b: nameB, owner: ctx.owner)
        if json {
            var out = HeadToHeadText.json(comparison, scoring: scoring, a: nameA, b: nameB, sentence: sentence)
            if let pool, case .object(var o) = out {
                (o["pool"], o["extremize"]) = (.string(pool.label), .number(pool.extremize))
                out = .object(o)
            }
            ctx.out.verbatim(out.rendered())
            return
        }
        guard let c = comparison else {
            ctx.out.line(
                "\(Wording.who(nameA, owner: ctx.owner).capitalizedFirst) and \(Wording.who(nameB, owner: ctx.owner)) have no resolved claims in common yet: both need a forecast on a claim before it resolves."
            )
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let you = { (n: String) in Wording.who(n, owner: ctx.owner) }
        ctx.out.line(
            f.style.bold(
                "\(you(nameA).capitalizedFirst) vs \(you(nameB)) on \(c.claims.count.grouped) shared resolved claim\(c.claims.count == 1 ? "" : "s")"
            ))
        let difference = "\(you(nameA)) − \(you(nameB)) (negative: \(you(nameA)) better)"
        ctx.out.line(
            f.style.dim(
                scoring == .final
                    ? "Scoring each one's last forecast before resolution; Brier difference = \(difference)."
                    : "Scoring time-averaged Brier over the window both had a forecast in force; difference = \(difference)."
            ))
        if let note { for line in Format.wrap(note, width: ctx.width(nil)) { ctx.out.line(f.style.dim(line)) } }
        let sets = c.claims.count { $0.claim.scenario != nil }
        if sets > 0 {
            let note =
                "Includes \(Wording.plural(sets, "scenario set")) (out: opt): each scored by its multi-category Brier (Σ over options, 0–2) halved to the 0–1 scale, and by the log score of the option that happened; the columns show the probability each gave to it."
            for line in Format.wrap(note, width: ctx.width(nil)) { ctx.out.line(f.style.dim(line)) }
        }
        ctx.out.line()
        try table(c, ctx: ctx, f: f, a: nameA, b: nameB)
        ctx.out.line()
        for line in summary(c, a: nameA, b: nameB, owner: ctx.owner) { ctx.out.line(line) }
        ctx.out.line()
        ctx.out.line(f.style.bold(sentence))
    }

    func table(_ c: PairComparison, ctx: Context, f: Format, a: String, b: String) throws {
        let rows = all ? c.claims : Array(c.claims.suffix(20))
        let texts = all ? [:] : try ctx.openJournal(options.journal, access: .read).claimTexts(rows.map(\.claim.id))
        // A pooled forecast such as @team's can be wider than a typed one (59.47%).
        let widest = { (p: (SharedClaim) -> Double) in
            rows.map { Probability.percentText(p($0.claim)).count }.max() ?? 0
        }
        let wa = max(5, TerminalText.width(TerminalText.safe(a)), widest(\.aFinal))
        let wb = max(5, TerminalText.width(TerminalText.safe(b)), widest(\.bFinal))
        let idw = max(2, rows.map { String($0.claim.id).count }.max() ?? 2)
        let textWidth = max(12, ctx.width(options.width) - idw - wa - wb - 45)
        ctx.out.line(
            f.style.dim(
                "\(TerminalText.pad("ID", idw, right: true))  \(TerminalText.pad("claim", textWidth))  \(TerminalText.pad(TerminalText.safe(a), wa, right: true))  \(TerminalText.pad(TerminalText.safe(b), wb, right: true))  out  Brier Δ  log Δ bits  closer"
            ))
        for d in rows {
            let diff = scoring == .final ? d.brier : d.timeAveraged
            let logDiff = scoring == .final ? d.logBits : d.timeAveragedLogBits
            let closer = diff.map { $0 < 0 ? a : $0 > 0 ? b : "tie" } ?? "—"
            let text = TerminalText.pad(
                TerminalText.truncate(TerminalText.safe(texts[d.claim.id] ?? d.claim.text), to: textWidth), textWidth)
            ctx.out.line(
                "\(TerminalText.pad(String(d.claim.id), idw, right: true))  \(text)  \(TerminalText.pad(Probability.percentText(d.claim.aFinal), wa, right: true))  \(TerminalText.pad(Probability.percentText(d.claim.bFinal), wb, right: true))  \(d.claim.scenario != nil ? "opt" : d.claim.outcome ? "yes" : " no")  \(TerminalText.pad(diff.map { String(format: "%+.4f", $0) } ?? "—", 7, right: true))  \(TerminalText.pad(logDiff.map { String(format: "%+.2f", $0) } ?? "—", 10, right: true))  \(TerminalText.safe(closer))"
            )
        }
        if rows.count < c.claims.count {
            ctx.out.line(
                f.style.dim(
                    "… and \(c.claims.count - rows.count) earlier claims (--all lists every one, --json gives them all)."
                ))
        }
    }

    func summary(_ c: PairComparison, a: String, b: String, owner: String) -> [String] {
        func who(_ n: String) -> String { Wording.who(n, owner: owner) }
        var out: [String] = []
        let favour = { (d: Double) in
            d < 0
                ? "in \(who(a) == "you" ? "your" : "\(who(a))'s") favour"
                : d > 0 ? "in \(who(b) == "you" ? "your" : "\(who(b))'s") favour" : "even"
        }
        out.append(
            "Mean Brier (final forecasts): \(who(a)) \(String(format: "%.4f", c.brierA)), \(who(b)) \(String(format: "%.4f", c.brierB)); difference \(String(format: "%+.4f", c.brier.meanDiff)) \(favour(c.brier.meanDiff))"
        )
        out.append("  " + Self.tests(c.brier, c.bootstrap))
        let bits = c.logBayesFactorBits
        let leader = bits > 0 ? who(a) : who(b)
        out.append(
            "Log score: \(leader) \(String(format: "%.2f", abs(bits))) bits better in total — \(leader == "you" ? "your" : "\(leader)'s") forecasts gave what happened \(Self.factor(abs(bits))) the probability (the log Bayes factor between the two)"
        )
        out.append(
            "Closer on\(scoring == .final ? "" : " (final forecasts)"): \(who(a)) \(c.brier.winsA.grouped), \(who(b)) \(c.brier.winsB.grouped), ties \(c.brier.ties.grouped)\(c.brier.pSign.map { " (sign test p = \(Numbers.p($0)))" } ?? "") — beside the mean, not instead of it: win counts reward overconfidence"
        )
        if let ta = c.timeAveraged {
            out.append(
                "Time-averaged Brier (each forecast carried forward; common window, \(Wording.plural(ta.n, "claim"))): difference \(String(format: "%+.4f", ta.meanDiff)) \(favour(ta.meanDiff))"
            )
            out.append("  " + Self.tests(ta, c.timeAveragedBootstrap))
        }
        if let log = c.timeAveragedLog {
            out.append(
                "Time-averaged log score (same windows): difference \(String(format: "%+.3f", log.meanDiff / M_LN2)) bits per claim \(favour(log.meanDiff))"
            )
            out.append("  " + Self.tests(log, nil))
        }
        return out
    }

    static func tests(_ p: PairedComparison, _ ci: Interval?) -> String {
        var parts: [String] = []
        if let t = p.t, let pt = p.pT, let df = p.df {
            parts.append("paired t = \(String(format: "%+.2f", t)), \(Numbers.pEquals(pt)) (df \(df))")
        } else {
            parts.append("paired t undefined (\(p.n < 2 ? "one claim" : "every difference equal"))")
        }
        if let ci {
            parts.append(
                "bootstrap 95% CI \(String(format: "%+.4f", ci.lower)) to \(String(format: "%+.4f", ci.upper)) (2,000 resamples, seed \(HeadToHead.seed))"
            )
        }
        return parts.joined(separator: "; ")
    }

    /// 2^bits as a readable factor: "2.4×", "40×", "1.3 million×".
    static func factor(_ bits: Double) -> String {
        let x = pow(2, bits)
        if !x.isFinite || x > 1e12 { return "2^\(String(format: "%.1f", bits))×" }
        if x >= 1e6 { return String(format: "%.1f million×", x / 1e6) }
        if x >= 100 { return "\(Int(x.rounded()).grouped)×" }
        return String(format: "%.1f×", x)
    }
}
