import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct Export: CredenceCommand {
    enum FileFormat: String, ExpressibleByArgument, CaseIterable { case csv, json, ics }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export claims and forecasts as CSV, JSON (the whole journal, lossless) or ICS (a calendar of claims to resolve).",
        discussion: """
          credence export --format json -o journal.json      (re-imports into another journal without loss)
          credence export --format csv --tag work            (one row per forecast; see the README for the columns)
          credence export --format ics -o resolve.ics        (an all-day event per open claim on its resolve-by date)
        """)

    @Option(name: .long, help: "csv, json or ics.")
    var format: FileFormat

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Only open claims.") var open = false
    @Flag(name: .long, help: "Only resolved claims.") var resolved = false
    @Option(name: .long, help: "Only claims with this tag (repeatable).") var tag: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only claims created on or after this date.", valueName: "date")) var since: String?
    @Option(name: .long, help: ArgumentHelp("Only claims created on or before this date.", valueName: "date")) var until: String?
    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        guard !(open && resolved) else { throw CLIError("choose one of --open and --resolved", status: ExitStatus.usage) }
        var filter = ClaimFilter()
        filter.state = open || format == .ics ? .open : resolved ? .resolved : .any
        filter.tags = try parseTags(tag)
        filter.since = try since.map { try ctx.clock.dates.periodStart($0) }
        filter.until = try until.map { try ctx.clock.dates.periodEnd($0) }
        let journal = try ctx.openJournal(options.journal, access: .read)
        let sink = try ExportSink(path: output, fallback: ctx.out)
        var count = 0, forecasts = 0
        var exported = Set<String>()
        switch format {
        case .json:
            sink.write(CredenceJSONCodec.header(exportedAt: ctx.clock.now()))
            try journal.forEachInterchangeClaim(filter) { c in
                sink.write(CredenceJSONCodec.claim(c, first: count == 0))
                count += 1
                forecasts += c.forecasts.count
                exported.insert(c.uuid)
            }
            sink.write(CredenceJSONCodec.footer(bets: try journal.interchangeBets().filter { exported.contains($0.claimUUID) }))
        case .csv:
            sink.write(CredenceCSVCodec.header)
            try journal.forEachInterchangeClaim(filter) { c in
                sink.write(CredenceCSVCodec.rows(c))
                count += 1
                forecasts += c.forecasts.count
                exported.insert(c.uuid)
            }
            for bet in try journal.interchangeBets() where exported.contains(bet.claimUUID) { sink.write(CredenceCSVCodec.row(bet)) }
        case .ics:
            let dates = ctx.clock.dates
            sink.write(ICSWriter.header(version: Credence.version))
            try journal.forEachInterchangeClaim(filter) { c in
                guard let by = c.resolveBy else { return }
                let mine = c.forecasts.last { $0.forecaster.lowercased() == ctx.owner.lowercased() && $0.option == nil }
                sink.write(ICSWriter.event(c, day: dates.day(of: by), forecast: mine.map { Probability.percentText($0.probability) }, now: ctx.clock.now()))
                count += 1
            }
            sink.write(ICSWriter.footer())
        }
        try sink.close()
        if let output {
            let what = format == .ics ? "\(count) open claim\(count == 1 ? "" : "s") with a resolve-by date" : "\(count) claim\(count == 1 ? "" : "s") and \(forecasts) forecast\(forecasts == 1 ? "" : "s")"
            ctx.err.line("Exported \(what) to \(output) (\(format.rawValue.uppercased())).")
        }
    }
}

/// Buffers output and writes it in large blocks, to a file (atomically, private) or to stdout.
final class ExportSink {
    let path: String?
    let fallback: OutputSink
    private var buffer = [UInt8]()
    private var handle: FileHandle?
    private var temporary: String?

    init(path: String?, fallback: OutputSink) throws {
        self.path = path
        self.fallback = fallback
        buffer.reserveCapacity(1 << 20)
        if let path {
            let temp = path + ".credence-tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temp, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let h = FileHandle(forWritingAtPath: temp) else {
                throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))", status: ExitStatus.ioError)
            }
            handle = h
            temporary = temp
        }
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        if let handle { handle.write(Data(buffer)) } else { fallback.write(String(decoding: buffer, as: UTF8.self)) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        guard let handle, let temporary, let path else { return }
        try handle.close()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError("cannot write \(path): \(reason)", status: ExitStatus.ioError)
        }
    }
}
