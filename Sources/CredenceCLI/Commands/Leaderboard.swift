import ArgumentParser
import CredenceCore
import CredenceReport
import CredenceStore
import Foundation

struct Leaderboard: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Every forecaster ranked by mean peer score, with Brier, n and coverage beside it.",
        discussion: """
            Peer score (Metaculus-style): on each resolved claim with two or more forecasters, 100 × (your ln q minus the mean ln q of the others), with p kept in [0.1%, 99.9%]; positive beats the crowd.
            Peer scores sum to zero on every claim. --contest scores a claim you skipped as 0 and divides by the number of claims in the contest (use --tag to name the contest's claims). A scenario set counts as one claim: q is the probability on the option that happened, and its Brier is the multi-category Brier halved to the 0–1 scale.
            """)

    @Flag(name: .long, help: "Contest mode: skipped claims score 0; divide by the number of claims.")
    var contest = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var scopeOptions: ScopeOptions
    @OptionGroup var team: TeamPoolOptions
    @OptionGroup var options: JournalOptions

    struct Row {
        let name: String
        var brierSum = CompensatedSum()
        var forecasts = 0
        /// Every forecaster with a forecast here has one.
        var peer: PeerScore?
    }

    /// `@team`'s row: scored on the yes/no claims it pools, never in the people's peer means.
    struct TeamRow {
        var brierSum = CompensatedSum(), peerSum = CompensatedSum()
        var forecasts = 0
    }

    func execute(in ctx: Context) throws {
        let pool = try team.teamPool(named: true) ?? .standard
        var teamRow = TeamRow()
        let journal = try ctx.openJournal(options.journal, access: .read)
        let (names, forecasts) = try journal.scoredForecasts(scope: try scopeOptions.scope(ctx))
        var rows = names.map { Row(name: $0) }
        var tally = PeerScores.Tally<Int>()
        // Forecasts arrive grouped by claim: one pass, O(total forecasts), whatever the number of people.
        var start = 0
        while start < forecasts.count {
            var end = start
            while end < forecasts.count && forecasts[end].claim == forecasts[start].claim { end += 1 }
            let group = forecasts[start..<end]
            tally.add(
                PeerScores.Claim(outcome: group.first!.outcome, forecasts: group.map { ($0.forecaster, [$0.p]) }))
            for f in group {
                rows[f.forecaster].brierSum.add(f.brier)
                rows[f.forecaster].forecasts += 1
            }
            let people = Self.perForecaster(group.filter { !$0.scenario })
            if let p = pool.pool(people) {
                let outcome = group.first!.outcome
                teamRow.brierSum.add(Scoring.brier(p, outcome))
                teamRow.peerSum.add(TeamPool.peerScore(team: p, people: people, outcome: outcome))
                teamRow.forecasts += 1
            }
            start = end
        }
        let claims = tally.claims
        let peers = contest ? tally.contestScores : tally.scores
        for i in rows.indices { rows[i].peer = peers[i] }
        rows = rows.filter { $0.forecasts > 0 }
        rows.sort {
            ($0.peer?.mean ?? -.infinity, $1.name.lowercased()) > ($1.peer?.mean ?? -.infinity, $0.name.lowercased())
        }
        // Contest mode divides by every claim, as for a person.
        let teamPeer =
            teamRow.forecasts == 0 ? nil : teamRow.peerSum.value / Double(contest ? claims : teamRow.forecasts)
        let teamBrier = teamRow.forecasts == 0 ? nil : teamRow.brierSum.value / Double(teamRow.forecasts)
        if json {
            ctx.out.verbatim(
                JSONValue.object([
                    "team": teamRow.forecasts == 0
                        ? .null
                        : .object([
                            "name": .string(ForecasterSubject.teamName), "pool": .string(pool.label),
                            "extremize": .number(pool.extremize), "peer_mean": .number(teamPeer),
                            "peer_claims": .int(teamRow.forecasts), "n": .int(teamRow.forecasts),
                            "brier": .number(teamBrier),
                            "coverage": .number(claims > 0 ? Double(teamRow.forecasts) / Double(claims) : nil),
                        ]),
                    "contest": .bool(contest), "claims": .int(claims),
                    "forecasters": .array(
                        rows.enumerated().map { i, r in
                            [
                                "rank": .int(i + 1), "name": .string(r.name), "peer_mean": .number(r.peer?.mean),
                                "peer_claims": .int(r.peer?.claims ?? 0),
                                "n": .int(r.forecasts), "brier": .number(r.brierSum.value / Double(r.forecasts)),
                                "coverage": .number(claims > 0 ? Double(r.forecasts) / Double(claims) : nil),
                            ]
                        }),
                ]).rendered())
            return
        }
        guard !rows.isEmpty else {
            ctx.out.line("No resolved forecasts to rank yet.")
            return
        }
        let f = Format(clock: ctx.clock, color: ctx.useColor(options.color))
        ctx.out.line(
            f.style.bold(
                "Leaderboard · \(claims) resolved claim\(claims == 1 ? "" : "s")\(contest ? " · contest mode (skipped claims score 0)" : "")"
            ))
        let w = max(10, rows.prefix(200).map { TerminalText.width(TerminalText.safe($0.name)) }.max()!)
        ctx.out.line(
            f.style.dim("rank  \(TerminalText.pad("forecaster", w))  peer score  with peers       n   Brier  coverage"))
        for (i, r) in rows.enumerated() {
            let peer = r.peer?.mean.map { String(format: "%+.1f", $0) } ?? "—"
            ctx.out.line(
                "\(TerminalText.pad(String(i + 1), 4, right: true))  \(TerminalText.pad(TerminalText.safe(r.name), w))  \(TerminalText.pad(peer, 10, right: true))  \(TerminalText.pad(String(r.peer?.claims ?? 0), 10, right: true))  \(TerminalText.pad(String(r.forecasts), 6, right: true))  \(String(format: "%.4f", r.brierSum.value / Double(r.forecasts)))  \(TerminalText.pad(Numbers.percent(Double(r.forecasts) / Double(claims)), 8, right: true))"
            )
        }
        guard let teamPeer, let teamBrier else { return }
        let n = teamRow.forecasts
        ctx.out.line(
            f.style.dim(
                "   ·  \(TerminalText.pad(ForecasterSubject.teamName, w))  \(TerminalText.pad(String(format: "%+.1f", teamPeer), 10, right: true))  \(TerminalText.pad(String(n), 10, right: true))  \(TerminalText.pad(String(n), 6, right: true))  \(String(format: "%.4f", teamBrier))  \(TerminalText.pad(Numbers.percent(Double(n) / Double(claims)), 8, right: true))"
            ))
        let note =
            "The \(ForecasterSubject.teamName) row is the \(pool.label) of everyone's final forecasts on each yes/no claim two forecasters or more forecast: not a person, so not ranked, and left out of everyone's peer score."
        for line in Format.wrap(note, width: ctx.width(options.width)) { ctx.out.line(f.style.dim(line)) }
    }

    /// One probability per forecaster on a claim (their mean if several rows): rows arrive in
    /// forecaster order within a claim.
    static func perForecaster(_ rows: [ScoredForecast]) -> [Double] {
        var means: [Double] = [], last = -1, count = 0
        for f in rows {
            if f.forecaster == last {
                count += 1
                means[means.count - 1] += (f.p - means[means.count - 1]) / Double(count)
            } else {
                (last, count) = (f.forecaster, 1)
                means.append(f.p)
            }
        }
        return means
    }
}
