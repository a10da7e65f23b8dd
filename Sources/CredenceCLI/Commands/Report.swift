import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

extension ReportGrouping: ExpressibleByArgument {}

struct Report: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Calibration report: scores, reliability diagram, decomposition and a plain verdict.",
        discussion: """
            Scores each forecaster's last forecast before resolution on resolved claims (annulled and open claims are left out); --every-forecast scores every forecast made before resolution instead.
              credence report
              credence report --as all --by forecaster
              credence report --tag work --since 2026-01-01 -o report.html
            --as @team scores the team's forecast, pooled on each claim from everyone's final forecasts (two forecasters or more), like a person:
              credence report --as @team --pool median
            """)

    @OptionGroup var record: RecordOptions

    @OptionGroup var team: TeamPoolOptions

    @Option(name: .long, help: "Number of equal-width bins (default 10, or `bins` in the config).")
    var bins: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "One row per group: tag, forecaster, horizon, caveats, input, word (verbal forecasts only), quarter or year (with a trend).",
            valueName: "group"))
    var by: ReportGrouping?

    @Flag(name: .long, help: "Score every forecast made before resolution, not only each forecaster's last.")
    var everyForecast = false

    @Option(
        name: .long,
        help: "final (default), or time-averaged: also the time-averaged Brier of updated forecasts, per forecaster.")
    var scoring: ScoringRule = .final

    @Flag(name: .long, help: "Print the bin table as CSV.")
    var csv = false

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write the report to a file: .svg (the chart), .html (a self-contained page), .json or .csv.",
            valueName: "file"))
    var output: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let binCount = bins ?? ctx.config.bins
        guard (1...100).contains(binCount) else {
            throw CLIError("--bins must be between 1 and 100", status: ExitStatus.usage)
        }
        let json = record.json
        if json && csv { throw CLIError("choose one of --json and --csv", status: ExitStatus.usage) }
        let who = record.who(ctx)
        let pooled = who == nil
        let since = record.scope.since, until = record.scope.until
        let pool = try team.teamPool(named: record.namesTeam)
        if pool != nil { try refuseForTeam() }
        var selection = try record.selection(ctx, team: pool ?? .standard)
        selection.everyForecast = everyForecast
        let format = try outputFormat()

        let journal = try record.openJournal(options, ctx)
        let whole = try journal.forecastCounts(selection).first
        let counts = whole?.counts ?? []
        let subject = who ?? "everyone"
        guard let analysis = Calibration.analyse(Sample(counts: counts), bins: binCount) else {
            let whose = pooled ? "" : " by \(Format.safe(subject))"
            var message = "No resolved forecasts\(whose) to report yet"
            message += selection.tags.isEmpty && since == nil && until == nil ? "." : " with these filters."
            message += " Resolve claims as they come due (`credence due` lists them)"
            message +=
                pool != nil
                ? ": @team forecasts a claim once two forecasters or more have forecast it."
                : pooled ? "." : ", or try `--as all` for everyone's."
            if json {
                ctx.out.verbatim(
                    JSONValue.object([
                        "n": 0, "selection": .object(selectionJSON(who, selection, binCount)),
                        "message": .string(message),
                    ]).rendered())
            } else {
                ctx.out.line(message)
            }
            return
        }
        var filters = selection.tags.map { "#\($0)" }
        if let since { filters.append("resolved since \(since)") }
        if let until { filters.append("resolved until \(until)") }
        if let pool { filters.append("pooled by \(pool.label) on claims with two forecasters or more") }
        if let k = whole?.scenarioOptionForecasts, k > 0 {
            filters.append("including \(k) scenario-option forecast\(k == 1 ? "" : "s") scored as yes/no")
        }
        let jsonOut = json || format == .json
        func analyse(_ groups: [ForecastGroup], full: Bool) -> [CalibrationReport.Group] {
            let bins = binCount
            return groups.concurrentMap { g in
                Calibration.analyse(Sample(counts: g.counts), bins: bins, full: full)
                    .map { CalibrationReport.Group(name: g.name, analysis: $0) }
            }.compactMap { $0 }
        }
        func analyse(_ grouping: ReportGrouping, full: Bool) throws -> [CalibrationReport.Group] {
            analyse(try journal.forecastCounts(selection, by: grouping), full: full)
        }
        // Group rows show scores and CORP; the band and smooth ECE (a resampling each) only in
        // JSON, which carries everything asked for.
        var groups: [CalibrationReport.Group] = []
        if let by, by != .none {
            groups = analyse(Self.order(try journal.forecastCounts(selection, by: by), by), full: jsonOut)
        }
        // Pooled JSON names each forecaster's figures. Thousands of forecasters would mean
        // thousands of resamplings: their bands and smooth ECE come with --by forecaster, which
        // computes each forecaster once for both lists.
        let forecasters =
            !pooled || !jsonOut ? [] : by == .forecaster ? groups : try analyse(.forecaster, full: false)
        var timeAveraged: TimeAveragedRecord?, byForecaster: [String: TimeAveragedRecord] = [:]
        if scoring == .timeAveraged {
            let histories = try journal.claimHistories(selection)
            timeAveraged = TimeAveragedRecord(histories)
            if pooled {
                byForecaster = Dictionary(grouping: histories, by: \.forecaster).compactMapValues(
                    TimeAveragedRecord.init)
            }
        }
        let report = CalibrationReport(
            subject: subject, filters: filters, everyForecast: everyForecast, analysis: analysis,
            grouping: by == ReportGrouping.none ? nil : by, groups: groups, forecasters: forecasters,
            perQuestionBrier: whole?.perQuestionBrier, timeAveraged: timeAveraged,
            timeAveragedByForecaster: byForecaster,
            // Pooled forecasters share claims, and every forecast of a claim shares its outcome.
            independentRows: try !everyForecast
                && (!pooled
                    || (forecasters.isEmpty
                        ? journal.forecastCounts(selection, by: .forecaster).count : forecasters.count)
                        <= 1)
        )
        let rendered: String
        switch format {
        case .json: rendered = ReportJSON.render(report, selection: selectionJSON(who, selection, binCount))
        case .csv: rendered = ReportCSV.render(report)
        case .svg: rendered = SVGReport.render(report)
        case .html: rendered = HTMLReport.render(report)
        case .text:
            rendered = TextReport(
                report, width: ctx.width(options.width), style: TextStyle(color: ctx.useColor(options.color)),
                clean: { Format.safe($0) }
            ).render()
        }
        if let output {
            try OutputFile.write(rendered, to: output)
            ctx.err.line("Wrote \(output) (\(format.rawValue.uppercased()), \(rendered.utf8.count.grouped) bytes).")
        } else {
            ctx.out.write(format == .json ? rendered + "\n" : rendered)
        }
    }

    func selectionJSON(_ who: String?, _ selection: ReportSelection, _ bins: Int) -> [String: JSONValue] {
        [
            "forecaster": .string(who), "tags": .array(selection.tags.map { .string($0) }),
            "since": .date(selection.since),
            "until": .date(selection.until), "bins": .int(bins), "every_forecast": .bool(everyForecast),
            "scoring": .string(scoring.rawValue),
        ].merging(teamJSON(selection)) { a, _ in a }
    }

    /// How `@team` was pooled, in the selection's JSON.
    func teamJSON(_ selection: ReportSelection) -> [String: JSONValue] {
        guard case .team(let pool) = selection.subject else { return [:] }
        return ["pool": .string(pool.label), "extremize": .number(pool.extremize)]
    }

    /// `@team` has one final forecast per claim: no history, no groups of its own.
    func refuseForTeam() throws {
        let refused = [
            (everyForecast, "--every-forecast"), (scoring == .timeAveraged, "--scoring time-averaged"),
            (by.map { $0 != .none } ?? false, "--by"),
        ].filter { $0.0 }.map { $0.1 }
        guard let first = refused.first else { return }
        throw CLIError(
            "\(first) does not apply to --as @team: the team's forecast is pooled from final forecasts, one per claim; leave \(first) out",
            status: ExitStatus.usage)
    }

    /// What a report is rendered as.
    enum OutputFormat: String {
        case text, json, csv, svg, html
    }

    /// What to produce: from --json/--csv, else from -o's extension, else terminal text.
    func outputFormat() throws -> OutputFormat {
        if record.json { return .json }
        if csv { return .csv }
        guard let output else { return .text }
        let ext = (output as NSString).pathExtension.lowercased()
        let byExtension: [String: OutputFormat] = [
            "svg": .svg, "html": .html, "htm": .html, "json": .json, "csv": .csv, "txt": .text,
        ]
        guard let format = byExtension[ext] else {
            throw CLIError(
                "-o \(output): name the file .svg, .html, .json, .csv or .txt so the format is clear",
                status: ExitStatus.usage)
        }
        return format
    }

    /// Natural order for ordered groupings; by size otherwise.
    static func order(_ groups: [ForecastGroup], _ by: ReportGrouping) -> [ForecastGroup] {
        switch by {
        case .horizon, .caveats: return groups.sorted { ($0.key.rank ?? 99) < ($1.key.rank ?? 99) }
        case .quarter, .year: return groups.sorted { $0.name < $1.name }
        default:
            let sized = groups.map { g in (n: g.counts.reduce(0) { $0 + $1.n }, group: g) }
            return sized.sorted { ($0.n, $1.group.name) > ($1.n, $0.group.name) }.map(\.group)
        }
    }
}
