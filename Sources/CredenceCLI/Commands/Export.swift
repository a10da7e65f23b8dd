import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

extension ExportFormat: ExpressibleByArgument {}

struct Export: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export claims and forecasts as CSV, JSON (the whole journal, lossless) or ICS (a calendar of claims to resolve).",
        discussion: """
              # re-imports into another journal without loss
              credence export -o journal.json
              # one row per forecast; see the README for the columns
              credence export --format csv --tag work
              # an all-day event per open claim on its resolve-by date
              credence export --format ics -o resolve.ics
            """)

    @Option(name: .long, help: "csv, json or ics (default: from the -o file's extension).")
    var format: ExportFormat?

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Only open claims.") var open = false
    @Flag(name: .long, help: "Only resolved claims.") var resolved = false
    @Option(name: .long, help: "Only claims with this tag (repeatable).") var tag: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only claims created on or after this date.", valueName: "date")) var since:
        String?
    @Option(name: .long, help: ArgumentHelp("Only claims created on or before this date.", valueName: "date"))
    var until: String?
    @OptionGroup var options: JournalOptions

    /// --format, else the -o file's extension; the two must agree when both are given.
    func resolvedFormat() throws -> ExportFormat {
        let ext = output.map { ($0 as NSString).pathExtension.lowercased() }
        let inferred = ext.flatMap { ExportFormat(rawValue: $0) }
        switch (format, inferred) {
        case (let f?, let i?) where f != i:
            throw CLIError(
                "--format \(f.rawValue) but \(Format.safe(output!)) ends in .\(i.rawValue): drop one, or make them agree",
                status: ExitStatus.usage)
        case (let f?, _): return f
        case (nil, let i?): return i
        case (nil, nil):
            throw CLIError(
                "which format? give --format csv, json or ics, or an -o file ending in .csv, .json or .ics",
                status: ExitStatus.usage)
        }
    }

    func execute(in ctx: Context) throws {
        guard !(open && resolved) else {
            throw CLIError("choose one of --open and --resolved", status: ExitStatus.usage)
        }
        var filter = ClaimFilter()
        filter.state = open ? .open : resolved ? .resolved : .any
        filter.tags = try parseTags(tag)
        filter.since = try since.map { try ctx.clock.dates.periodStart($0) }
        filter.until = try until.map { try ctx.clock.dates.periodEnd($0) }
        let format = try resolvedFormat()
        let journal = try ctx.openJournal(options.journal, access: .read)
        let sink = try ExportSink(path: output, fallback: ctx.out, onScreen: output == nil && ctx.isTerminal)
        let (count, forecasts) = try journal.export(
            format, filter: filter, owner: ctx.owner, version: Credence.version, write: sink.write)
        try sink.close()
        if let output {
            let what =
                format == .ics
                ? "\(count) open claim\(count == 1 ? "" : "s") with a resolve-by date"
                : "\(count) claim\(count == 1 ? "" : "s") and \(forecasts) forecast\(forecasts == 1 ? "" : "s")"
            ctx.err.line("Exported \(what) to \(output) (\(format.rawValue.uppercased())).")
        }
    }
}

/// Buffers output and writes it in large blocks, to a file (`OutputFile`: whole or not at all,
/// private) or to stdout; a failed write stops the export at once.
final class ExportSink {
    let fallback: OutputSink
    private var buffer = [UInt8]()
    private let file: OutputFile?
    /// Shown on a terminal rather than saved: escape sequences in someone's claim text must not
    /// be obeyed by the terminal (JSON escapes them already; CSV and ICS carry text as is).
    private let onScreen: Bool

    init(path: String?, fallback: OutputSink, onScreen: Bool = false) throws {
        self.fallback = fallback
        self.onScreen = onScreen
        buffer.reserveCapacity(1 << 20)
        file = try path.map { try OutputFile(path: $0) }
    }

    func write(_ s: String) throws {
        buffer.append(contentsOf: onScreen ? Format.safe(s, singleLine: false).utf8 : s.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        if let file {
            try file.write(buffer)
        } else {
            fallback.write(String(decoding: buffer, as: UTF8.self))
            try fallback.checked()
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try file?.commit()
    }
}
