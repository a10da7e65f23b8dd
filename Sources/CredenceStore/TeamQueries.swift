import CredenceCore
import Foundation
import GRDB

/// A resolved binary claim and every forecaster's forecast that counts on it, read for `@team`.
struct TeamClaimRow {
    let claim: SharedClaim
    /// Forecaster id and probability, in forecaster order; several rows of one forecaster
    /// (imports) are averaged to one (docs/statistics.md §0, §9).
    var forecasts: [(forecaster: Int64, p: Double)] = []

    /// One probability per forecaster.
    var perForecaster: [(forecaster: Int64, p: Double)] {
        var out: [(forecaster: Int64, p: Double)] = [], rows = 0
        for f in forecasts {
            if let last = out.last, last.forecaster == f.forecaster {
                rows += 1
                // A running mean over this forecaster's rows.
                out[out.count - 1].p += (f.p - last.p) / Double(rows)
            } else {
                out.append(f)
                rows = 1
            }
        }
        return out
    }
}

extension Journal {
    /// Each resolved binary claim in scope with every forecaster's final forecast on it, for
    /// `@team`'s report (scenario sets are not pooled: §16 defines a probability of YES).
    package func finalForecastsByClaim(scope: ClaimScope) throws -> [ClaimForecasts] {
        try teamClaimRows(scope: scope, withText: false).map {
            ClaimForecasts(claim: $0.claim.id, outcome: $0.claim.outcome, forecasts: $0.perForecaster.map(\.p))
        }
    }

    /// The resolved binary claims where `person` has a final forecast and `@team` has a pool
    /// (two forecasters or more, the person among them): A is the person, B the team. No
    /// histories, so no time-averaged scores: the commands refuse that mode for `@team`.
    package func sharedClaimsWithTeam(
        _ person: String, pool: TeamPool, scope: ClaimScope, withText: Bool = true
    ) throws -> SharedClaims {
        let id = try read { db in
            try db.value(Int64.self, "SELECT id FROM forecaster WHERE \(db.dialect.sameName("name"))", [person])
        }
        guard let id else { return SharedClaims() }
        var out: [SharedClaim] = []
        for row in try teamClaimRows(scope: scope, withText: withText) {
            let finals = row.perForecaster
            guard let mine = finals.first(where: { $0.forecaster == id }), let team = pool.pool(finals.map(\.p))
            else { continue }
            var claim = row.claim
            (claim.aFinal, claim.bFinal) = (mine.p, team)
            out.append(claim)
        }
        return SharedClaims(claims: out)
    }

    /// One scan of the final forecasts on resolved binary claims, in (claim, forecaster) order.
    func teamClaimRows(scope: ClaimScope, withText: Bool) throws -> [TeamClaimRow] {
        try read { db in
            var args: SQLArguments = []
            let extra = scope.clauses(&args, dialect: db.dialect).map { "AND " + $0 }.joined(separator: " ")
            var rows = try RawQuery(
                db,
                """
                SELECT c.id, \(withText ? "c.text" : "''"), c.outcome, c.created_at, c.resolved_at,
                       f.forecaster_id, f.probability
                FROM forecast f JOIN claim c ON c.id = f.claim_id
                WHERE f.is_final = 1 AND f.option_id IS NULL AND c.outcome IS NOT NULL \(extra)
                ORDER BY c.id, f.forecaster_id, f.id
                """, args)
            var out: [TeamClaimRow] = []
            while try rows.step() {
                let id: ClaimID = rows.int(0)
                if out.last?.claim.id != id {
                    out.append(
                        TeamClaimRow(
                            claim: SharedClaim(
                                id: id, text: withText ? rows.text(1) : "", outcome: rows.int(2) == 1,
                                createdAt: Date(millis: rows.int(3)), resolvedAt: Date(millis: rows.int(4)))))
                }
                out[out.count - 1].forecasts.append((rows.int(5), rows.double(6)))
            }
            return out
        }
    }
}
