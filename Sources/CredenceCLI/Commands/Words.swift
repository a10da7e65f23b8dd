import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct Words: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "words",
        abstract: "What your words mean: how often your “likely”, “almost certain” … came true.",
        discussion: """
              credence words
              credence words --as ryan --json
            For each word of estimative probability you have used (likely = 75%, almost certain = 93% …):
            its value and how often its claims came true, with a Wilson 95% interval. A word is called miscalibrated only when the miscalibration test rejects at the level the words judged share (Benjamini–Hochberg at 5%: on average, words that mean what they say make at most 5% of those called miscalibrated); with fewer than 10 resolved claims a word is shown but not judged.
            """)

    @OptionGroup var record: RecordOptions

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let who = record.who(ctx)
        let (groups, independent) = try record.forecastGroups(by: .word, options, ctx)
        // Strongest words first: the order of the scale, not of use.
        let records = WordRecord.judged(
            groups.map { WordRecord(word: $0.name, counts: $0.counts) }, independentRows: independent
        ).sorted {
            ($0.stated, $0.word) > ($1.stated, $1.word)
        }
        let isOwner = who.map { $0.lowercased() == ctx.owner.lowercased() } ?? false
        let speaker: String? = isOwner ? nil : Format.safe(who ?? "everyone")
        if record.json {
            ctx.out.verbatim(
                JSONValue.object([
                    "forecaster": .string(who),
                    "words": .array(
                        records.map { r in
                            .object([
                                "word": .string(r.word), "stated": .number(r.stated), "n": .int(r.n),
                                "events": .int(r.events),
                                "rate": .number(r.rate),
                                "ci": r.interval.map { .array([.number($0.lower), .number($0.upper)]) } ?? .null,
                                "verdict": .string(r.verdict.rawValue),
                                "test": r.test.map { t in
                                    .object([
                                        "p": .number(t.p), "mcb": .number(t.mcb), "method": .string("corp_resampling"),
                                        "resamples": .int(t.resamples), "alpha": .number(r.alpha),
                                        "words_judged": .int(r.wordsJudged),
                                        "alpha_method": .string(
                                            r.wordsJudged > 1 ? "benjamini_hochberg" : "single"),
                                    ])
                                } ?? .null,
                                "sentence": .string(r.sentence(speaker: speaker)),
                            ])
                        }),
                ]).rendered())
            return
        }
        guard !records.isEmpty else {
            ctx.out.line(
                "No resolved verbal forecasts by \(Format.safe(who ?? "anyone")) yet. Forecast in words (`credence add Rain tomorrow likely`) and this shows what your words turned out to mean."
            )
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let total = records.reduce(0) { $0 + $1.n }
        ctx.out.line(
            f.style.bold(
                "What \(record.whose(ctx)) words mean · \(total.grouped) resolved verbal forecast\(total == 1 ? "" : "s")"
            ))
        ctx.out.line()
        var rows = [["word", "means", "happened", "n", "95% CI", ""]]
        for r in records {
            let ci = r.interval.map { "\(Numbers.percent($0.lower))–\(Numbers.percent($0.upper))" } ?? "—"
            let mark: String
            switch r.verdict {
            case .noEvidence: mark = "no evidence otherwise"
            case .happensLess: mark = "less often than meant"
            case .happensMore: mark = "more often than meant"
            case .tooFew: mark = "too few to judge"
            }
            rows.append([
                Format.safe(r.word), Probability.percentText(r.stated), Numbers.percent(r.rate), String(r.n), ci, mark,
            ])
        }
        for line in Format.table(rows, rightAligned: [1, 2, 3, 4]) { ctx.out.line("  " + line) }
        let judged = records.filter { $0.verdict == .happensLess || $0.verdict == .happensMore }
        ctx.out.line()
        for r in judged.isEmpty ? Array(records.filter { $0.verdict == .noEvidence }.prefix(1)) : judged {
            for line in Format.wrap(
                Format.safe(r.sentence(speaker: speaker)), width: ctx.width(options.width), indent: "  ")
            {
                ctx.out.line(line)
            }
        }
        if judged.isEmpty && records.allSatisfy({ $0.verdict == .tooFew }) {
            ctx.out.line("Too few resolved claims per word to judge yet (\(WordRecord.minimum) each).")
        }
    }
}
