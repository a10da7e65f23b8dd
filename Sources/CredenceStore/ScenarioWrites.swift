import CredenceCore
import Foundation
import GRDB

extension JournalWriter {
    /// The options of a scenario set must be distinct, at least two, and sum to 100%.
    static func checkDistribution(_ options: [(label: String, p: Probability)]) throws {
        guard options.count >= 2 else {
            throw JournalError.tooFewOptions
        }
        var seen = Set<String>()
        for o in options {
            guard !o.label.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw JournalError.emptyOptionName
            }
            guard seen.insert(o.label.lowercased()).inserted else {
                throw JournalError.repeatedOption(o.label)
            }
        }
        var sum = CompensatedSum()
        for o in options { sum.add(o.p.value) }
        if abs(sum.value - 1) > 1e-9 {
            throw JournalError.optionsDoNotSum(
                sum: sum.value, options: options.map { JournalError.OptionShare(label: $0.label, p: $0.p) })
        }
    }

    /// Adds a scenario set: named, mutually exclusive options with the forecaster's distribution.
    package func addScenarioClaim(
        text: String, options: [(label: String, p: Probability)], forecaster: String, resolveBy: Date?,
        tags: [String], notes: String?, reason: String?, caveats: [String], uuid: String
    ) throws -> Claim {
        try Self.checkDistribution(options)
        var claim = try addClaim(text: text, resolveBy: resolveBy, tags: tags, notes: notes, uuid: uuid)
        try db.execute("UPDATE claim SET kind = 'scenarios' WHERE id = ?", [claim.id])
        claim.kind = .scenarios
        for (i, o) in options.enumerated() {
            try db.execute(
                "INSERT INTO scenario_option(claim_id, label, position) VALUES (?, ?, ?)",
                [claim.id, o.label.trimmingCharacters(in: .whitespaces), i])
        }
        try addDistribution(claim: claim.id, forecaster: forecaster, options: options, reason: reason, caveats: caveats)
        return claim
    }

    /// A forecaster's distribution over a scenario set's options: every option, summing to 100%.
    package func addDistribution(
        claim id: ClaimID, forecaster: String, options: [(label: String, p: Probability)],
        reason: String?, caveats: [String]
    ) throws {
        let claim = try requireClaim(id)
        guard claim.kind == .scenarios else {
            throw JournalError.optionsForYesNoClaim(id)
        }
        if claim.status.isResolved { throw JournalError.notResolvedForecastable(id, claim.status) }
        try Self.checkDistribution(options)
        let known = try db.rows("SELECT id, label FROM scenario_option WHERE claim_id = ? ORDER BY position", [id])
        let byLabel = Dictionary(
            known.map { (($0["label"] as String).lowercased(), $0["id"] as Int64) }, uniquingKeysWith: { a, _ in a })
        let labels = known.map { $0["label"] as String }
        for o in options where byLabel[o.label.lowercased()] == nil {
            throw JournalError.unknownForecastOption(o.label, claim: id, options: labels)
        }
        let missing = labels.filter { l in !options.contains { $0.label.lowercased() == l.lowercased() } }
        if !missing.isEmpty {
            throw JournalError.missingOptionForecasts(id, missing: missing)
        }
        let who = try forecasterID(forecaster)
        for o in options {
            let forecastID = try db.insert(
                """
                INSERT INTO \(db.dialect.writable("forecast"))(claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    id, who, byLabel[o.label.lowercased()]!, o.p.value, o.p.typed, o.p.form.rawValue, reason,
                    now.millis,
                ])
            for caveat in caveats where !caveat.isEmpty {
                try db.execute(
                    "INSERT INTO \(db.dialect.writable("caveat"))(forecast_id, text) VALUES (?, ?)",
                    [forecastID, caveat])
            }
        }
        try refreshFinal(claim: id)
    }

    /// Makes a claim conditional: it counts only if `on` resolves `required`.
    package func addCondition(claim id: ClaimID, on: ClaimID, required: Bool) throws {
        let condition = try requireClaim(on)
        if condition.status.isResolved && condition.status.outcome != required && on != id {
            throw JournalError.conditionNeverMet(on: on, status: condition.status, required: required)
        }
        try insertCondition(claim: id, on: on, required: required)
    }

    /// Records a bet on a binary claim between two forecasters.
    package func addBet(
        claim id: ClaimID, yesSide: String, noSide: String, yesStake: Double, noStake: Double, terms: String
    ) throws -> Bet {
        let claim = try requireClaim(id)
        guard claim.kind == .binary else {
            throw JournalError.betOnScenarioSet(id)
        }
        if claim.status.isResolved {
            throw JournalError.betOnResolvedClaim(id, claim.status)
        }
        guard yesSide.lowercased() != noSide.lowercased() else {
            throw JournalError.betNeedsTwoPeople
        }
        guard yesStake.isFinite, noStake.isFinite, yesStake > 0, noStake > 0 else {
            throw JournalError.nonPositiveStakes
        }
        let y = try forecasterID(yesSide), n = try forecasterID(noSide)
        let betID = try db.insert(
            """
            INSERT INTO \(db.dialect.writable("bet"))(claim_id, yes_forecaster_id, no_forecaster_id, yes_stake, no_stake, terms, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [id, y, n, yesStake, noStake, terms, now.millis])
        // As stored: a team journal's server decides whether it waits for an answer.
        if let stored = try BetQueries.bet(db, id: betID) { return stored }
        return Bet(
            id: betID, claimID: id, yesSide: try Queries.forecasterName(db, y),
            noSide: try Queries.forecasterName(db, n),
            yesStake: yesStake, noStake: noStake, terms: terms, createdAt: now)
    }
}
