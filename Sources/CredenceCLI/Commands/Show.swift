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

    @OptionGroup var team: TeamPoolOptions
    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let claimID = try parseClaimID(id)
        let pool = try team.teamPool(named: true) ?? .standard
        let journal = try ctx.openJournal(options.journal, access: .read)
        let detail = try journal.claim(claimID)
        let people = Self.latestByForecaster(detail)
        let teamForecast = pool.pool(people)
        if json {
            var o = BrowseJSON.claim(detail.claim, tags: detail.tags)
            o["team"] =
                teamForecast.map { p -> JSONValue in
                    [
                        "probability": .number(p), "pool": .string(pool.label), "extremize": .number(pool.extremize),
                        "forecasters": .int(people.count),
                    ]
                } ?? .null
            o["forecasts"] = .array(detail.forecasts.map(BrowseJSON.forecast))
            o["options"] = .array(detail.options.map { .string($0.label) })
            o["resolved_option"] = .string(detail.resolvedOption)
            o["condition"] =
                detail.condition.map { ["claim_id": .int($0.on), "requires": .string($0.required ? "yes" : "no")] }
                ?? .null
            o["bets"] = .array(
                detail.bets.map { b in
                    [
                        "id": .int(b.id), "yes": .string(b.yesSide), "no": .string(b.noSide),
                        "yes_stake": .number(b.yesMoney.amount),
                        "no_stake": .number(b.noMoney.amount), "terms": .string(b.terms),
                        "settlement": .string(b.settlement?.rawValue),
                    ]
                })
            o["resolutions"] = .array(
                detail.resolutions.map { r in
                    [
                        "status": .string(r.status.rawValue), "resolved_at": .date(r.resolvedAt),
                        "recorded_at": .date(r.recordedAt),
                        "note": .string(r.note), "resolved_by": .string(r.resolvedBy), "automatic": .bool(r.automatic),
                        "option": .string(r.option),
                    ]
                })
            ctx.out.verbatim(JSONValue.object(o).rendered())
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        let c = detail.claim
        ctx.out.line("\(f.style.bold("Claim \(c.id)"))  \(Format.safe(c.text))")
        var facts: [(String, String)] = []
        switch c.status {
        case .open:
            let due =
                c.resolveBy.map {
                    $0 <= ctx.clock.now()
                        ? f.style.yellow(" · due since \(f.longDay($0))") : " · resolve by \(f.longDay($0))"
                } ?? ""
            facts.append(("status", "open" + due))
        default:
            let outcome =
                detail.resolvedOption.map { "“\(Format.safe($0))”" }
                ?? (c.status == .annulled ? "annulled" : c.status.rawValue.uppercased())
            facts.append(("status", "\(outcome) at \(f.time(c.resolvedAt!))"))
            if let by = c.resolveBy { facts.append(("resolve by", f.longDay(by))) }
        }
        facts.append(("created", f.time(c.createdAt)))
        if !detail.options.isEmpty {
            facts.append(("options", detail.options.map { Format.safe($0.label) }.joined(separator: " · ")))
        }
        var link = detail.condition
        var first = true
        // The seen set ends the walk at a circle an older version let an import write.
        var seen: Set<ClaimID> = [c.id]
        while let condition = link, seen.insert(condition.on).inserted, let on = try? journal.claim(condition.on) {
            let state = on.claim.status == .open ? "open" : on.claim.status.rawValue
            let holds = on.claim.status.outcome == condition.required ? " ✓" : on.claim.status.isResolved ? " ✗" : ""
            facts.append(
                (
                    first ? "counts if" : "",
                    "\(first ? "" : "which counts if ")claim \(on.claim.id) “\(Format.safe(on.claim.text))” resolves \(condition.required ? "yes" : "no") (now \(state)\(holds))"
                ))
            first = false
            link = on.condition
        }
        for bet in detail.bets {
            let status = bet.settlement.map { $0 == .refunded ? "refunded" : "settled \($0.rawValue)" } ?? "open"
            facts.append(
                (
                    "bet #\(bet.id)",
                    "\(Format.safe(bet.yesSide)) YES \(BetText.amount(bet.yesStake)) vs \(Format.safe(bet.noSide)) NO \(BetText.amount(bet.noStake)), \(bet.terms) (\(status))"
                ))
        }
        if detail.team.blind {
            facts.append(
                (
                    "blind",
                    c.status == .open
                        ? "members see others' forecasts once they forecast it, or once it resolves"
                        : "resolved, so every forecast is shown"
                ))
        }
        if !detail.tags.isEmpty { facts.append(("tags", Format.tags(detail.tags))) }
        if let notes = c.notes { facts.append(("notes", Format.safe(notes))) }
        facts.append(("uuid", c.uuid))
        let w = facts.map { $0.0.count }.max()!
        for (k, v) in facts { ctx.out.line("  \(f.style.dim(Format.pad(k, w)))  \(v)") }

        ctx.out.line()
        ctx.out.line(f.style.bold("Forecasts"))
        if detail.forecasts.isEmpty && detail.team.hiddenForecasts == 0 { ctx.out.line("  none") }
        if detail.team.hiddenForecasts > 0 {
            ctx.out.line(
                "  \(Wording.plural(detail.team.hiddenForecasts, "forecast")) by others, hidden until you forecast: credence forecast \(c.id) PROB"
            )
        }
        let nameWidth = detail.forecasts.map { Format.width(Format.safe($0.forecaster)) }.max() ?? 0
        // A scenario set's distribution is one line: the options entered together.
        var shownDistributions = Set<String>()
        for fc in detail.forecasts where fc.option != nil {
            let key = "\(fc.forecaster.lowercased())|\(fc.createdAt.timeIntervalSince1970)"
            guard shownDistributions.insert(key).inserted else { continue }
            let parts = detail.forecasts.filter {
                $0.forecaster.lowercased() == fc.forecaster.lowercased() && $0.createdAt == fc.createdAt
                    && $0.option != nil
            }
            var line =
                "  \(f.time(fc.createdAt))  \(Format.pad(Format.safe(fc.forecaster), nameWidth))  "
                + parts.map { "\(Format.safe($0.option!)) \(Probability.percentText($0.probability))" }.joined(
                    separator: " · ")
            if !fc.isFinal {
                line = f.style.dim(line + " (updated)")
            } else if c.status.isResolved && c.status != .annulled {
                line += " ← counts"
            }
            ctx.out.line(line)
        }
        for fc in detail.forecasts where fc.option == nil {
            let p = Probability(value: fc.probability, typed: fc.typed, form: fc.form).echo
            var line =
                "  \(f.time(fc.createdAt))  \(Format.pad(Format.safe(fc.forecaster), nameWidth))  \(Format.pad(p, 9))"
            if !fc.isFinal {
                line = f.style.dim(line + " (updated)")
            } else if c.status.isResolved && c.status != .annulled {
                line += " ← counts"
            }
            if detail.team.importedForecasts.contains(fc.id) { line += "  (imported)" }
            ctx.out.line(TerminalText.trimmingTrailingSpaces(line))
            for caveat in fc.caveats { ctx.out.line("      caveat: \(Format.safe(caveat))") }
            if let reason = fc.reason { ctx.out.line("      reason: \(Format.safe(reason))") }
        }
        if let teamForecast {
            let line =
                "  \(Format.pad(ForecasterSubject.teamName, 16))  \(Format.pad(Probability.percentText(teamForecast), 9))  (\(pool.label) of \(people.count) forecasters' \(c.status.isResolved ? "final" : "latest") forecasts)"
            ctx.out.line(f.style.dim(line))
        }
        let verdict = ClaimVerdictText.lines(detail, owner: ctx.owner, style: f.style)
        if !verdict.isEmpty {
            ctx.out.line()
            for line in verdict { ctx.out.line(line) }
        }
        if !detail.resolutions.isEmpty {
            ctx.out.line()
            ctx.out.line(f.style.bold("Resolution history"))
            for (i, r) in detail.resolutions.enumerated() {
                let current = i == detail.resolutions.count - 1 ? "" : f.style.dim(" (replaced)")
                var line =
                    "  \(f.time(r.resolvedAt))  \(r.status == .annulled ? "annulled" : r.status == .resolved ? "resolved to “\(Format.safe(r.option ?? "?"))”" : r.status.rawValue)\(current)"
                if let by = r.resolvedBy { line += "  by \(Format.safe(by))" }
                if r.automatic { line += "  (automatic)" }
                ctx.out.line(line)
                if let note = r.note { ctx.out.line("      note: \(Format.safe(note))") }
            }
        }
    }

    /// Each forecaster's forecast that counts on a yes/no claim (their mean if several rows), for `@team`.
    static func latestByForecaster(_ detail: ClaimDetail) -> [Double] {
        var rows: [String: [Double]] = [:]
        for fc in detail.forecasts where fc.option == nil && fc.isFinal {
            rows[fc.forecaster.lowercased(), default: []].append(fc.probability)
        }
        return rows.keys.sorted().map { CompensatedSum.of(rows[$0]!) / Double(rows[$0]!.count) }
    }
}
