import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct Yearly: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yearly",
        abstract: "Yearly prediction lists: paste one in, grade it in one pass, write the post.",
        discussion: """
              # or paste at the prompt, ending with a line holding .
              credence yearly paste predictions.md
              # y / n / t thrown out / s skip / b back / q quit
              credence yearly grade
              # writes predictions-2026.svg beside it
              credence yearly post -o predictions-2026.md
            The list is tagged #predictions-YEAR (this year unless --year or --tag) and due at the end of the year.
            """,
        subcommands: [YearlyPaste.self, YearlyGrade.self, YearlyPostCommand.self])
}

/// Which list: --tag, else #predictions-YEAR.
struct YearlyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The year of the list (default: this year; for grade and post, last year's if this year has no list).")
    var year: Int?

    @Option(name: .long, help: "The list's tag (default: predictions-YEAR).")
    var tag: String?

    static func tag(for year: Int) -> String { "predictions-\(year)" }

    /// The year: --year, else this year, else (when looking back) last year if only it has a list.
    func year(_ ctx: Context, journal: Journal?) throws -> Int {
        if let year {
            guard (1900...9999).contains(year) else {
                throw CLIError("--year \(year) is not a year: write it as 2027", status: ExitStatus.usage)
            }
            return year
        }
        let now = ctx.clock.calendar.component(.year, from: ctx.clock.now())
        guard let journal else { return now }
        let tags = Set(try journal.tagNames().map { $0.lowercased() })
        return !tags.contains(Self.tag(for: now)) && tags.contains(Self.tag(for: now - 1)) ? now - 1 : now
    }

    func tag(_ ctx: Context, journal: Journal?) throws -> (tag: String, year: Int) {
        let y = try year(ctx, journal: journal)
        if let tag { return (try parseTags([tag])[0], y) }
        return (Self.tag(for: y), y)
    }
}
