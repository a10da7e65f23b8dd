import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct YearlyPostCommand: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Write a graded yearly list as a Markdown post, with its calibration chart as SVG.",
        discussion: """
              # and predictions-2026.svg beside it
              credence yearly post -o predictions-2026.md
            The post has the tally, Brier and log scores, the table by confidence level folded at 50% and as written (each with Wilson 95% intervals), the chart, and every prediction marked came true, did not, thrown out or still open. Without -o the Markdown goes to standard output.
            """)

    @OptionGroup var list: YearlyOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("Whose predictions (default: the owner).", valueName: "name"))
    var forecaster: String?

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write the post here (.md); the chart goes beside it as .svg.", valueName: "file"))
    var output: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        if let output, !["md", "markdown"].contains((output as NSString).pathExtension.lowercased()) {
            throw CLIError(
                "-o \(output): name the post .md (the chart is written beside it as .svg)", status: ExitStatus.usage)
        }
        let journal = try ctx.openJournal(options.journal, access: .read)
        let (tag, year) = try list.tag(ctx, journal: journal)
        let who = forecaster ?? ctx.owner
        var filter = ClaimFilter()
        filter.tags = [tag]
        let claims = try journal.list(filter, owner: who).sorted { $0.claim.id < $1.claim.id }
        guard !claims.isEmpty else {
            throw CLIError(
                "#\(tag) has no predictions: `credence yearly paste` logs a list (or name another with --tag / --year)")
        }
        let entries = claims.map { c -> CredenceReport.YearlyPost.Entry in
            let outcome: CredenceReport.YearlyPost.Outcome
            switch c.claim.status {
            case .yes: outcome = .yes
            case .no: outcome = .no
            case .annulled: outcome = .thrownOut
            default: outcome = .open
            }
            return CredenceReport.YearlyPost.Entry(
                text: c.claim.text, probability: c.current?.probability, outcome: outcome)
        }
        let title =
            list.tag == nil ? "Predictions for \(year): how they turned out" : "#\(tag): how the predictions turned out"
        let chartPath = output.map {
            (($0 as NSString).deletingPathExtension as NSString).appendingPathExtension("svg")!
        }
        var post = CredenceReport.YearlyPost(
            title: title, entries: entries, chart: chartPath.map { ($0 as NSString).lastPathComponent })
        guard let analysis = post.analysis else {
            post = CredenceReport.YearlyPost(title: title, entries: entries, chart: nil)
            try write(post.render(), chart: nil, to: output, chartPath: nil, ctx)
            return
        }
        let report = CalibrationReport(subject: who, filters: ["#\(tag)"], everyForecast: false, analysis: analysis)
        try write(post.render(), chart: SVGReport.render(report), to: output, chartPath: chartPath, ctx)
    }

    func write(_ markdown: String, chart: String?, to output: String?, chartPath: String?, _ ctx: Context) throws {
        guard let output else {
            ctx.out.write(markdown)
            return
        }
        if let chart, let chartPath { try OutputFile.write(chart, to: chartPath) }
        try OutputFile.write(markdown, to: output)
        ctx.err.line("Wrote \(output)\(chartPath != nil && chart != nil ? " and \(chartPath!)" : "").")
    }
}
