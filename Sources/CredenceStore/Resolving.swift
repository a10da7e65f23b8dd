import CredenceCore
import Foundation
import GRDB

/// How a claim resolved.
package enum ResolutionValue: Sendable, Equatable {
    case yes, no, annulled
    /// A scenario set resolves to the option that happened.
    case option(String)

    var status: ClaimStatus {
        switch self {
        case .yes: return .yes
        case .no: return .no
        case .annulled: return .annulled
        case .option: return .resolved
        }
    }
}

/// What a resolution did, beyond the claim itself.
package struct ResolutionResult: Sendable {
    package let claim: Claim
    package let previous: ClaimStatus
    package let option: String?
    /// Bets on the claim, now settled.
    package let settledBets: [Bet]
    /// Claims annulled because this one went against their condition, with why.
    package let annulled: [(claim: Claim, reason: String)]
}

extension JournalWriter {
    /// Resolves a claim. Re-resolving needs `force`; the history is kept. Bets on it are settled
    /// and claims conditional on it whose condition failed are annulled, all in this transaction.
    package func resolve(
        _ id: ClaimID, as value: ResolutionValue, at time: Date?, note: String?, by forecaster: String?,
        force: Bool, automatic: Bool = false
    ) throws -> ResolutionResult {
        var settled: Set<ClaimID> = [id]
        return try resolve(
            id, as: value, at: time, note: note, by: forecaster, force: force, automatic: automatic, settled: &settled)
    }

    /// `settled`: the claims this resolution has already settled, the one resolved first among
    /// them; the chain of annulments never comes back to them (a circle an older import wrote
    /// must not replace the outcome just typed with an annulment).
    private func resolve(
        _ id: ClaimID, as value: ResolutionValue, at time: Date?, note: String?, by forecaster: String?,
        force: Bool, automatic: Bool, settled seen: inout Set<ClaimID>
    ) throws -> ResolutionResult {
        let claim = try requireClaim(id)
        var optionID: Int64?
        var optionLabel: String?
        switch (value, claim.kind) {
        case (.option(let label), .scenarios):
            guard
                let row = try db.row(
                    "SELECT id, label FROM scenario_option WHERE claim_id = ? AND \(db.dialect.sameName("label", collating: true))",
                    [id, label])
            else {
                let labels = try db.values(
                    String.self, "SELECT label FROM scenario_option WHERE claim_id = ? ORDER BY position", [id])
                throw JournalError.unknownResolutionOption(label, claim: id, options: labels)
            }
            optionID = row["id"]
            optionLabel = row["label"]
        case (.option(let label), .binary):
            throw JournalError.optionForYesNoClaim(label, claim: id)
        case (.yes, .scenarios), (.no, .scenarios):
            let labels = try db.values(
                String.self, "SELECT label FROM scenario_option WHERE claim_id = ? ORDER BY position", [id])
            throw JournalError.yesNoForScenarioSet(id, options: labels)
        default: break
        }
        if claim.status.isResolved && !force { throw JournalError.alreadyResolved(id, claim.status) }
        let at = time ?? now
        if at < claim.createdAt {
            let f = ISO8601DateFormatter()
            throw JournalError.resolvedBeforeCreation(at: f.string(from: at), created: f.string(from: claim.createdAt))
        }
        let status = value.status
        let who = try forecaster.map { try forecasterID($0) }
        try db.execute(
            """
            INSERT INTO resolution(claim_id, status, option_id, resolved_at, recorded_at, note, resolved_by, automatic)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [id, status.rawValue, optionID, at.millis, now.millis, note, who, automatic])
        try db.execute(
            "UPDATE claim SET status = ?, outcome = ?, resolved_at = ?, resolved_option_id = ? WHERE id = ?",
            [status.rawValue, status.outcome.map { $0 ? 1 : 0 }, at.millis, optionID, id])
        try refreshFinal(claim: id)
        try refreshOutcomes(claim: id)
        let settled = try settleBets(claim: id, status: status, at: at)
        var annulled: [(Claim, String)] = []
        try annulDependents(of: id, status: status, at: at, into: &annulled, seen: &seen)
        var updated = claim
        updated.status = status
        updated.resolvedAt = Date(millis: at.millis)
        return ResolutionResult(
            claim: updated, previous: claim.status, option: optionLabel, settledBets: settled, annulled: annulled)
    }

    /// Copies the claim's outcome onto its forecasts (see the schema), writing only rows that change.
    func refreshOutcomes(claim id: ClaimID) throws { try refreshOutcomes(claims: [id]) }

    func refreshOutcomes(claims ids: [ClaimID]) throws {
        let outcome = """
            SELECT CASE WHEN forecast.option_id IS NULL THEN c.outcome
                        WHEN c.status = 'resolved' THEN CASE WHEN forecast.option_id = c.resolved_option_id THEN 1 ELSE 0 END END
            FROM claim c WHERE c.id = forecast.claim_id
            """
        try Queries.forEachChunk(of: ids) { list, arguments in
            try db.statement(
                """
                UPDATE \(db.dialect.writable("forecast")) SET outcome = (\(outcome)) WHERE claim_id IN (\(list)) AND outcome IS DISTINCT FROM (\(outcome))
                """
            ).execute(arguments)
        }
    }

    private func settleBets(claim id: ClaimID, status: ClaimStatus, at: Date) throws -> [Bet] {
        let settlement: Settlement = status == .yes ? .yes : status == .no ? .no : .refunded
        try db.execute(
            """
            UPDATE \(db.dialect.writable("bet")) SET settled_at = ?, settlement = ? WHERE claim_id = ? AND settlement IS DISTINCT FROM ?
                AND \(db.dialect.betState("bet")) = 'accepted'
            """,
            [at.millis, settlement.rawValue, id, settlement.rawValue])
        // A bet still waiting for its counterparty's answer settles nothing.
        return try BetQueries.bets(db, claim: id).filter { $0.state == .accepted }
    }

    /// Claims that count only if this one resolved a certain way, when it did not: annulled, and
    /// so on down the chain.
    private func annulDependents(
        of id: ClaimID, status: ClaimStatus, at: Date, into annulled: inout [(Claim, String)],
        seen: inout Set<ClaimID>
    ) throws {
        let rows = try db.rows("SELECT claim_id, required_outcome FROM condition WHERE on_claim_id = ?", [id])
        for row in rows {
            let dependent: ClaimID = row["claim_id"], required: Bool = row["required_outcome"]
            if status.outcome == required || !seen.insert(dependent).inserted { continue }
            let current = try requireClaim(dependent)
            if current.status == .annulled { continue }
            let what =
                status == .annulled
                ? "was annulled" : status == .resolved ? "resolved to a scenario" : "resolved \(status.rawValue)"
            let reason =
                "condition failed: claim \(id) \(what), and this claim counts only if it resolves \(required ? "yes" : "no")"
            let result = try resolve(
                dependent, as: .annulled, at: max(at, current.createdAt), note: reason, by: nil, force: true,
                automatic: true, settled: &seen)
            annulled.append((result.claim, reason))
            annulled += result.annulled
        }
    }
}
