import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct YearlyPaste: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "paste",
        abstract: "Log a pasted list of `claim: NN%` lines as one tagged batch.",
        discussion: """
            One prediction per line, the probability after the last colon or dash or in parentheses:
              The Fed cuts rates at least twice: 70%
              - A new open-weights model tops the leaderboard — 60%
              3. I read 30 books (40%)
            List markers and numbers are dropped; a Markdown heading (## Politics) also tags the predictions under it (#politics) unless --no-sections. Without FILE, lines are read from standard input until a line holding only `.` or the end of input. A bad line refuses the whole list, naming every bad line; a prediction already in the list is left as it was.
            """)

    @Argument(help: "A file holding the list (default: read it from standard input).")
    var file: String?

    @OptionGroup var list: YearlyOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("Whose predictions (default: the owner).", valueName: "name"))
    var forecaster: String?

    @Flag(name: .long, help: "Allow 0% and 100%.")
    var certain = false

    @Flag(name: .long, help: "Do not tag predictions with their section heading.")
    var noSections = false

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let lines = try readList(ctx)
        let (items, errors) = YearlyList.parse(lines, allowCertain: certain)
        if !errors.isEmpty {
            let shown = errors.prefix(20).map { "  line \($0.line): \($0.message)" }.joined(separator: "\n")
            let more = errors.count > 20 ? "\n  … and \(errors.count - 20) more" : ""
            throw CLIError(
                "\(errors.count) line\(errors.count == 1 ? "" : "s") of the list could not be read; nothing was added:\n\(shown)\(more)\nWrite each as `claim: 70%`."
            )
        }
        guard !items.isEmpty else {
            throw CLIError(
                "the list is empty: paste lines such as `The Fed cuts rates twice: 70%`", status: ExitStatus.usage)
        }
        let journal = try ctx.openJournal(options.journal, access: .write)
        let (tag, year) = try list.tag(ctx, journal: nil)
        let who = try ctx.writer(forecaster)
        let calendar = ctx.clock.calendar
        let yearEnd = calendar.date(
            from: DateComponents(year: year, month: 12, day: 31, hour: 23, minute: 59, second: 59))!
        // A past year's list (logged late, to grade it here) gets no resolve-by date: it is due already.
        let endOfYear: Date? = yearEnd >= ctx.clock.now() ? yearEnd : nil
        var inList = ClaimFilter()
        inList.tags = [tag]
        let existing = Set(try journal.list(inList, owner: who).map { $0.claim.text.lowercased() })
        let fresh = items.filter { !existing.contains($0.text.lowercased()) }
        let added: [ClaimID] =
            fresh.isEmpty
            ? []
            : try journal.write { w in
                var ids: [ClaimID] = []
                for item in fresh {
                    let section = noSections ? nil : item.section.flatMap(YearlyList.tag(forSection:))
                    let tags = uniqueTags([tag] + (section.map { [$0] } ?? []))
                    let claim = try w.addClaim(
                        text: item.text, resolveBy: endOfYear, tags: tags, notes: nil, uuid: ctx.makeUUID())
                    _ = try w.addForecast(
                        claim: claim.id, forecaster: who, probability: item.probability, reason: nil, caveats: [])
                    ids.append(claim.id)
                }
                return (ids, "paste \(ids.count) predictions #\(tag)")
            }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        if let first = added.first, let last = added.last {
            let due = endOfYear.map { "due \(f.longDay($0))" } ?? "no resolve-by date, as \(year) is over"
            ctx.out.line(
                "Added \(added.count) prediction\(added.count == 1 ? "" : "s") to #\(Format.safe(tag)) as claims \(first)\(last == first ? "" : "–\(last)"), \(due)."
            )
        }
        let kept = items.count - fresh.count
        if kept > 0 {
            ctx.out.line(
                "\(kept) already in #\(Format.safe(tag)) \(kept == 1 ? "was" : "were") left as \(kept == 1 ? "it was" : "they were")."
            )
        }
        if !added.isEmpty {
            ctx.out.line(
                "At the end of the year, `credence yearly grade\(list.year.map { " --year \($0)" } ?? "")` resolves them in one pass."
            )
        }
    }

    /// The list's lines: the file, or input up to a line holding only `.`.
    func readList(_ ctx: Context) throws -> [String] {
        if let file {
            let bytes = try FileBytes.read(file, to: "read").get()
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        }
        guard let read = ctx.readLine else {
            throw CLIError("give the list as a file: credence yearly paste predictions.md", status: ExitStatus.usage)
        }
        if ctx.isTerminal {
            ctx.err.line("Paste the list, one `claim: NN%` per line; end with a line holding only . (or Ctrl-D).")
        }
        var lines: [String] = []
        while let line = read("… "), line.trimmingCharacters(in: .whitespaces) != "." { lines.append(line) }
        return lines
    }
}
