import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

extension ColorChoice: ExpressibleByArgument {}

/// Options every command takes.
struct JournalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The journal file, or a team journal's postgres://USER@HOST/DB (default: $CREDENCE_JOURNAL, else the config's journal, else $XDG_DATA_HOME/credence/journal.sqlite).",
            valueName: "path-or-url"))
    var journal: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Colour (NO_COLOR and TERM=dumb turn auto off).", valueName: "when"))
    var color: ColorChoice?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Fit every line to this many columns (default: the terminal's; piped output is never cut).",
            valueName: "columns"))
    var width: Int?

    @Flag(name: .customLong("no-pager"), help: "Print long output straight to the terminal, not through $PAGER.")
    var noPager = false
}

/// A Credence command: parsed by argument-parser, run against the invocation's context.
protocol CredenceCommand: ParsableCommand {
    func execute(in ctx: Context) throws
}

extension CredenceCommand {
    func run() throws {
        let ctx = Context.current ?? Context.process()
        // Every human-readable line fits the terminal (or --width); piped output stays whole.
        ctx.out.fitWidth = ctx.truncationWidth(journalOptions?.width)
        defer { ctx.out.fitWidth = nil }
        // On a team journal "me" is the connected member: known before the command names anyone.
        // (`team init` opens a database that has no journal yet.)
        if !(self is TeamInit), PostgresURL.isPostgres(ctx.journalPath(journalOptions?.journal)) {
            _ = try ctx.openJournal(journalOptions?.journal, access: .read)
        }
        try execute(in: ctx)
    }

    /// The options every command takes, found on the command itself.
    var journalOptions: JournalOptions? {
        for child in Mirror(reflecting: self).children {
            if let group = child.value as? OptionGroup<JournalOptions> { return group.wrappedValue }
        }
        return nil
    }
}

/// A claim id as people type it: `7` or `#7`.
func parseClaimID(_ text: String) throws -> ClaimID {
    let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
    guard let id = ClaimID(digits), id > 0 else {
        throw CLIError("\"\(text)\" is not a claim id: ids are whole numbers such as 7; `credence list` shows them")
    }
    return id
}

/// Tags given as flags: a leading + or # is optional; the rest must be a valid tag.
func parseTags(_ raw: [String]) throws -> [String] {
    try raw.map { tag in
        let bare = QuickEntryParser.isTagMarked(tag) ? String(tag.dropFirst()) : tag
        guard QuickEntryParser.isValidTag(bare) else {
            throw CLIError("\"\(tag)\" is not a tag: a tag is letters, digits, - _ / or . (e.g. --tag work)")
        }
        return bare
    }
}

/// Merges tags without case-insensitive repeats, keeping the first spelling.
func uniqueTags(_ tags: [String]) -> [String] {
    var seen = Set<String>()
    return tags.filter { seen.insert($0.lowercased()).inserted }
}

/// `--option "label=PROB"`: one option of a scenario set with its probability.
func parseOption(_ text: String, allowCertain: Bool) throws -> (label: String, p: Probability) {
    guard let eq = text.lastIndex(of: "=") else {
        throw CLIError(
            "--option \"\(text)\": write the option's name and probability as name=PROB, e.g. --option \"slow takeoff=60%\"",
            status: ExitStatus.usage)
    }
    let label = text[..<eq].trimmingCharacters(in: .whitespaces)
    guard !label.isEmpty else { throw CLIError("--option \"\(text)\": the option has no name") }
    return (
        label,
        try ProbabilityParser.parse(
            String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces), allowCertain: allowCertain)
    )
}

/// `--if ID`, `--if ID=yes`, `--if ID=no`: the claim counts only if claim ID resolves that way.
func parseCondition(_ text: String) throws -> Condition {
    let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    let id = try parseClaimID(parts[0])
    guard parts.count == 2 else { return Condition(on: id, required: true) }
    switch parts[1].lowercased() {
    case "yes", "y", "true": return Condition(on: id, required: true)
    case "no", "n", "false": return Condition(on: id, required: false)
    default: throw CLIError("--if \(text): the condition is ID, ID=yes or ID=no", status: ExitStatus.usage)
    }
}
