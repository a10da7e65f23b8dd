import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

/// Filters shared by `list` and `due`.
struct ListFilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only claims with this tag (repeatable: all must match).")
    var tag: [String] = []

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Only claims this forecaster has forecast; show their numbers.", valueName: "name"))
    var forecaster: String?

    @Option(name: .long, help: "Only claims whose text or notes contain this.")
    var search: String?

    @Option(name: .long, help: ArgumentHelp("Only claims created on or after this date.", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only claims created on or before this date.", valueName: "date"))
    var until: String?

    @Option(name: .long, help: "Show at most this many claims.")
    var limit: Int?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func filter(_ ctx: Context, state: ClaimFilter.State) throws -> ClaimFilter {
        var f = ClaimFilter()
        f.state = state
        f.tags = try parseTags(tag)
        f.forecaster = forecaster
        f.search = search
        f.since = try since.map { try ctx.clock.dates.periodStart($0) }
        f.until = try until.map { try ctx.clock.dates.periodEnd($0) }
        if let limit, limit < 1 { throw CLIError("--limit must be at least 1", status: ExitStatus.usage) }
        f.limit = limit
        return f
    }
}

struct List: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List claims, newest first.",
        discussion: "  credence list --open --tag work\n  credence list --search replicat --limit 20 --json")

    @Flag(name: .long, help: "Only open claims.") var open = false
    @Flag(name: .long, help: "Only resolved claims.") var resolved = false
    @Flag(name: .long, help: "Only open claims past their resolve-by date.") var due = false
    @OptionGroup var filters: ListFilterOptions
    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        guard [open, resolved, due].filter({ $0 }).count <= 1 else {
            throw CLIError("choose one of --open, --resolved and --due", status: ExitStatus.usage)
        }
        let state: ClaimFilter.State = open ? .open : resolved ? .resolved : due ? .due : .any
        try ClaimListing.print(
            ctx, journal: try ctx.openJournal(options.journal, access: .read),
            filter: try filters.filter(ctx, state: state),
            json: filters.json, options: options)
    }
}

struct Due: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Open claims past their resolve-by date, longest overdue first: time to resolve them.",
        discussion:
            "Shows the first \(Due.defaultLimit) (and how many more) unless --all or --limit; --json lists them all.")

    static let defaultLimit = 20

    @Flag(name: .long, help: "Show every due claim.") var all = false
    @OptionGroup var filters: ListFilterOptions
    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        var filter = try filters.filter(ctx, state: .due)
        let capped = !all && filter.limit == nil && !filters.json
        if capped { filter.limit = Self.defaultLimit }
        let journal = try ctx.openJournal(options.journal, access: .read)
        try ClaimListing.print(ctx, journal: journal, filter: filter, json: filters.json, options: options)
        if capped {
            let total = try journal.dueCount()
            if total > Self.defaultLimit {
                ctx.out.line(
                    "… and \((total - Self.defaultLimit).grouped) more due: `credence due --all` lists every one.")
            }
        }
    }
}

/// The listing `list` and `due` print.
enum ClaimListing {
    static func print(_ ctx: Context, journal: Journal, filter: ClaimFilter, json: Bool, options: JournalOptions) throws
    {
        let owner = filter.forecaster ?? ctx.owner
        // Rows are written as they are read, in chunks: `list | head` ends at once and memory
        // stays flat on a journal of any size.
        var pending = ""
        func emit(_ text: String) {
            pending += text
            if pending.utf8.count >= 1 << 16 { flush() }
        }
        func flush() {
            ctx.out.write(pending)
            pending = ""
        }
        if json {
            // The same document as JSONValue renders whole: keys sorted, claims indented one level.
            var count = 0
            try journal.eachListed(filter, owner: ctx.owner) { row in
                emit(
                    (count == 0 ? "{\n  \"claims\": [\n    " : ",\n    ") + BrowseJSON.summary(row).rendered(indent: 2))
                if count == 0 { flush() }
                count += 1
            }
            emit(count == 0 ? "{\n  \"claims\": []" : "\n  ]")
            emit(",\n  \"forecaster\": " + JSONValue.string(owner).rendered() + "\n}\n")
            flush()
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let now = ctx.clock.now()
        let idWidth = max(2, try journal.listedIDWidth(filter))
        // Cut to a width only on a terminal or with --width: piped output keeps every character.
        let width = ctx.truncationWidth(options.width)
        let textWidth = width.map { max(10, $0 - idWidth - 34) }
        var count = 0
        try journal.eachListed(filter, owner: ctx.owner, counting: false) { row in
            if count == 0 {
                let header =
                    "\(Format.pad("ID", idWidth, right: true))  \(Format.pad(Format.truncate(Format.safe(owner), to: 6), 6))  \(Format.pad("STATUS", 8))  \(Format.pad("BY", 10))  CLAIM"
                emit(f.style.dim(width.map { Format.truncate(header, to: $0) } ?? header) + "\n")
            }
            let c = row.claim
            // A scenario set shows its options rather than one of them.
            let p =
                c.kind == .scenarios
                ? "\(row.options.count) opt" : row.current.map { Probability.percentText($0.probability) } ?? "—"
            var status = c.status == .annulled ? "annulled" : c.status.rawValue
            if c.status == .open, let by = c.resolveBy, by <= now { status = "due" }
            let styled: String
            switch status {
            case "yes": styled = f.style.green(Format.pad(status, 8))
            case "no": styled = f.style.red(Format.pad(status, 8))
            case "due": styled = f.style.yellow(Format.pad(status, 8))
            default: styled = Format.pad(status, 8)
            }
            let by = c.resolveBy.map { f.day($0) } ?? "—"
            var text = Format.safe(c.text)
            if !row.options.isEmpty {
                text +=
                    " ["
                    + row.options.map { "\(Format.safe($0.label)) \(Probability.percentText($0.probability))" }
                    .joined(separator: " · ") + "]"
            }
            if !row.tags.isEmpty { text += "  " + Format.tags(row.tags) }
            emit(
                "\(Format.pad(String(c.id), idWidth, right: true))  \(Format.pad(p, 6))  \(styled)  \(Format.pad(by, 10))  \(textWidth.map { Format.truncate(text, to: $0) } ?? text)\n"
            )
            if count == 0 { flush() }
            count += 1
        }
        flush()
        if count == 0 {
            ctx.out.line(
                filter.state == .due
                    ? "Nothing is due: no open claim is past its resolve-by date."
                    : "No claims match. `credence add Ryan ships by friday 70%` logs one.")
        }
    }
}

/// JSON shapes of browsing output (documented in the README).
enum BrowseJSON {
    static func claim(_ c: Claim, tags: [String]) -> [String: JSONValue] {
        [
            "id": .int(c.id), "uuid": .string(c.uuid), "text": .string(c.text), "kind": .string(c.kind.rawValue),
            "notes": .string(c.notes), "status": .string(c.status.rawValue), "created_at": .date(c.createdAt),
            "resolve_by": .date(c.resolveBy), "resolved_at": .date(c.resolvedAt),
            "tags": .array(tags.map { .string($0) }),
        ]
    }

    static func summary(_ s: ClaimSummary) -> JSONValue {
        var o = claim(s.claim, tags: s.tags)
        o["forecast"] = s.current.map(forecast) ?? .null
        o["options"] =
            s.claim.kind == .scenarios
            ? .array(s.options.map { ["label": .string($0.label), "probability": .number($0.probability)] }) : .null
        o["forecast_count"] = .int(s.forecastCount)
        return .object(o)
    }

    static func forecast(_ f: Forecast) -> JSONValue {
        [
            "id": .int(f.id), "forecaster": .string(f.forecaster), "probability": .number(f.probability),
            "typed": .string(f.typed), "form": .string(f.form.rawValue), "reason": .string(f.reason),
            "caveats": .array(f.caveats.map { .string($0) }), "created_at": .date(f.createdAt),
            "counts": .bool(f.isFinal),
        ]
    }
}
