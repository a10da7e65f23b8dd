import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct Show: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a claim with its forecasts and resolution history.")

    @Argument(help: "The claim id.")
    var id: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        let journal = try ctx.openJournal(options.journal, access: .read)
        let detail = try journal.claim(claimID)
        if json {
            var o = BrowseJSON.claim(detail.claim, tags: detail.tags)
            o["forecasts"] = .array(detail.forecasts.map(BrowseJSON.forecast))
            o["resolutions"] = .array(detail.resolutions.map { r in
                ["status": .string(r.status.rawValue), "resolved_at": .date(r.resolvedAt), "recorded_at": .date(r.recordedAt),
                 "note": .string(r.note), "resolved_by": .string(r.resolvedBy), "automatic": .bool(r.automatic)]
            })
            ctx.out.line(JSONValue.object(o).rendered())
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let c = detail.claim
        ctx.out.line("\(f.style.bold("Claim \(c.id)"))  \(Format.safe(c.text))")
        var facts: [(String, String)] = []
        switch c.status {
        case .open:
            let due = c.resolveBy.map { $0 <= ctx.clock.now() ? f.style.yellow(" · due since \(f.longDay($0))") : " · resolve by \(f.longDay($0))" } ?? ""
            facts.append(("status", "open" + due))
        default:
            facts.append(("status", "\(c.status == .annulled ? "annulled" : c.status.rawValue.uppercased()) at \(f.time(c.resolvedAt!))"))
            if let by = c.resolveBy { facts.append(("resolve by", f.longDay(by))) }
        }
        facts.append(("created", f.time(c.createdAt)))
        if !detail.tags.isEmpty { facts.append(("tags", Format.tags(detail.tags))) }
        if let notes = c.notes { facts.append(("notes", Format.safe(notes))) }
        facts.append(("uuid", c.uuid))
        let w = facts.map { $0.0.count }.max()!
        for (k, v) in facts { ctx.out.line("  \(f.style.dim(Format.pad(k, w)))  \(v)") }

        ctx.out.line()
        ctx.out.line(f.style.bold("Forecasts"))
        if detail.forecasts.isEmpty { ctx.out.line("  none") }
        let nameWidth = detail.forecasts.map { Format.width(Format.safe($0.forecaster)) }.max() ?? 0
        for fc in detail.forecasts {
            let p = Probability(value: fc.probability, typed: fc.typed, form: fc.form).echo
            var line = "  \(f.time(fc.createdAt))  \(Format.pad(Format.safe(fc.forecaster), nameWidth))  \(Format.pad(p, 9))"
            if !fc.isFinal { line = f.style.dim(line + " (updated)") } else if c.status.isResolved { line += " ← counts" }
            ctx.out.line(line.replacingOccurrences(of: " +$", with: "", options: .regularExpression))
            for caveat in fc.caveats { ctx.out.line("      caveat: \(Format.safe(caveat))") }
            if let reason = fc.reason { ctx.out.line("      reason: \(Format.safe(reason))") }
        }
        if !detail.resolutions.isEmpty {
            ctx.out.line()
            ctx.out.line(f.style.bold("Resolution history"))
            for (i, r) in detail.resolutions.enumerated() {
                let current = i == detail.resolutions.count - 1 ? "" : f.style.dim(" (replaced)")
                var line = "  \(f.time(r.resolvedAt))  \(r.status == .annulled ? "annulled" : r.status.rawValue)\(current)"
                if let by = r.resolvedBy { line += "  by \(Format.safe(by))" }
                if r.automatic { line += "  (automatic)" }
                ctx.out.line(line)
                if let note = r.note { ctx.out.line("      note: \(Format.safe(note))") }
            }
        }
    }
}
