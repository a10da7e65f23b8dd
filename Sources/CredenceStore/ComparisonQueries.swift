import CredenceCore
import Foundation
import GRDB
import PostgresNIO

/// One forecaster's counted forecast on one resolved claim, for the leaderboard.
package struct ScoredForecast: Sendable {
    package let claim: ClaimID
    package let forecaster: Int
    /// The forecast of YES; for a scenario set, the probability of the option that happened
    /// (with `outcome` true), which is all its log score needs.
    package let p: Double
    package let outcome: Bool
    /// Brier on the 0–1 scale: (p − y)² for a binary claim, half the multi-category Brier for a set.
    package let brier: Double
    /// A scenario set's row (`p` the probability of what happened), not a yes/no forecast.
    package var scenario = false
}

/// Filters shared by comparisons: claims with all these tags, resolved in [since, until].
package struct ClaimScope: Sendable {
    package var tags: [String] = []
    package var since: Date?
    package var until: Date?
    package init() {}

    func clauses(_ args: inout SQLArguments, dialect: any SQLDialect) -> [String] {
        var out: [String] = []
        for tag in tags {
            out.append(
                "EXISTS (SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND \(dialect.sameName("t.name")))"
            )
            args += [tag]
        }
        if let since {
            out.append("c.resolved_at >= ?")
            args += [since.millis]
        }
        if let until {
            out.append("c.resolved_at <= ?")
            args += [until.millis]
        }
        return out
    }
}

extension Journal {
    package func forecasterExists(_ name: String) throws -> String? {
        try read { db in
            try db.value(String.self, "SELECT name FROM forecaster WHERE \(db.dialect.sameName("name"))", [name])
        }
    }

    /// The resolved binary claims where both forecasters have a forecast that counts, by claim id.
    /// Two plain scans joined in memory, far cheaper than a join in SQL: the resolved claims in
    /// scope, then both people's forecasts in table (entry) order, which give the histories and,
    /// through `is_final`, the forecast that counts for each.
    /// - withText: the claims' text too (without it, `text` is empty: ask `claimTexts` for the few shown).
    package func sharedClaims(_ a: String, _ b: String, scope: ClaimScope, withText: Bool = true) throws -> SharedClaims
    {
        try read { db in
            guard
                let ida = try db.value(
                    Int64.self, "SELECT id FROM forecaster WHERE \(db.dialect.sameName("name"))", [a]),
                let idb = try db.value(
                    Int64.self, "SELECT id FROM forecaster WHERE \(db.dialect.sameName("name"))", [b])
            else { return SharedClaims() }
            // Claim ids are dense small integers: arrays indexed by id beat dictionaries here.
            let maxID = Int(try db.value(Int64.self, "SELECT max(id) FROM claim") ?? 0)
            var args: SQLArguments = []
            let extra = scope.clauses(&args, dialect: db.dialect)
            var claims = try RawQuery(
                db,
                """
                SELECT c.id, \(withText ? "c.text" : "''"), c.outcome, c.created_at, c.resolved_at FROM claim c
                WHERE c.outcome IS NOT NULL \(extra.map { "AND " + $0 }.joined(separator: " ")) ORDER BY c.id
                """, args)
            var resolved: [SharedClaim] = []
            resolved.reserveCapacity(maxID)
            var position = [Int32](repeating: -1, count: maxID + 1)
            while try claims.step() {
                let id: ClaimID = claims.int(0)
                position[Int(id)] = Int32(resolved.count)
                resolved.append(
                    SharedClaim(
                        id: id, text: withText ? claims.text(1) : "", outcome: claims.int(2) == 1,
                        createdAt: Date(millis: claims.int(3)), resolvedAt: Date(millis: claims.int(4))))
            }
            var history = try RawQuery(
                db,
                """
                SELECT claim_id, forecaster_id, probability, created_at, is_final FROM forecast
                WHERE forecaster_id IN (?, ?) AND option_id IS NULL ORDER BY id
                """, [ida, idb])
            // Each forecast before resolution, keyed 2·claim (A) or 2·claim + 1 (B), in entry
            // order; a stable counting sort then lays every history out in one array.
            var keys: [Int32] = [], entries: [TimedForecast] = []
            var starts = [Int](repeating: 0, count: 2 * resolved.count + 1)
            while try history.step() {
                let claim = Int(history.int(0))
                guard claim <= maxID, position[claim] >= 0 else { continue }
                let i = Int(position[claim])
                let millis = history.int(3), p = history.double(2), isA = history.int(1) == ida
                if history.int(4) == 1 { if isA { resolved[i].aFinal = p } else { resolved[i].bFinal = p } }
                guard millis <= resolved[i].resolvedAt.millis else { continue }
                let key = 2 * i + (isA ? 0 : 1)
                keys.append(Int32(key))
                entries.append(TimedForecast(time: Double(millis) / 1000, p: p))
                starts[key + 1] += 1
            }
            for k in 1..<starts.count { starts[k] += starts[k - 1] }
            var next = starts
            var histories = [TimedForecast](repeating: TimedForecast(time: 0, p: 0), count: entries.count)
            for (key, forecast) in zip(keys, entries) {
                histories[next[Int(key)]] = forecast
                next[Int(key)] += 1
            }
            for i in resolved.indices {
                resolved[i].aHistory = starts[2 * i]..<starts[2 * i + 1]
                resolved[i].bHistory = starts[2 * i + 1]..<starts[2 * i + 2]
            }
            var both = resolved.filter { !$0.aFinal.isNaN && !$0.bFinal.isNaN }
            let scenarios = try sharedScenarioSets(db, ida, idb, scope: scope, withText: withText)
            if !scenarios.isEmpty {
                both += scenarios
                both.sort { $0.id < $1.id }
            }
            return SharedClaims(claims: both, histories: histories)
        }
    }

    /// Resolved scenario sets both forecast, scored on their final forecasts per option: the
    /// multi-category Brier and the probability each gave to what happened (0 if they left that
    /// option out). No histories: time averages are defined for binary claims (docs/statistics.md §10).
    func sharedScenarioSets(
        _ db: any SQLDatabase, _ ida: Int64, _ idb: Int64, scope: ClaimScope, withText: Bool
    ) throws -> [SharedClaim] {
        var args: SQLArguments = [ida, idb]
        let extra = scope.clauses(&args, dialect: db.dialect)
        var rows = try RawQuery(
            db,
            """
            SELECT c.id, \(withText ? "c.text" : "''"), c.created_at, c.resolved_at, o.label, f.forecaster_id,
                   sum((f.probability - f.outcome) * (f.probability - f.outcome)),
                   max(CASE WHEN f.outcome = 1 THEN f.probability ELSE 0 END)
            FROM forecast f JOIN claim c ON c.id = f.claim_id JOIN scenario_option o ON o.id = c.resolved_option_id
            WHERE f.forecaster_id IN (?, ?) AND f.option_id IS NOT NULL AND f.is_final = 1 AND c.status = 'resolved'
            \(extra.map { "AND " + $0 }.joined(separator: " "))
            GROUP BY c.id, c.text, c.created_at, c.resolved_at, o.label, f.forecaster_id ORDER BY c.id
            """, args)
        var out: [SharedClaim] = []
        var pending: (id: ClaimID, brier: Double, q: Double, isA: Bool)?
        while try rows.step() {
            let id: ClaimID = rows.int(0), isA = rows.int(5) == ida
            let brier = rows.double(6), q = rows.double(7)
            guard let first = pending, first.id == id else {
                pending = (id, brier, q, isA)
                continue
            }
            pending = nil
            var claim = SharedClaim(
                id: id, text: withText ? rows.text(1) : "", outcome: true,
                createdAt: Date(millis: rows.int(2)), resolvedAt: Date(millis: rows.int(3)))
            let (a, b) = first.isA ? ((first.brier, first.q), (brier, q)) : ((brier, q), (first.brier, first.q))
            (claim.aFinal, claim.bFinal) = (a.1, b.1)
            claim.scenario = ScenarioScores(happened: rows.text(4), brierA: a.0, brierB: b.0)
            out.append(claim)
        }
        return out
    }

    /// The text of some claims, by id.
    package func claimTexts(_ ids: [ClaimID]) throws -> [ClaimID: String] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            try db.rows("SELECT id, text FROM claim WHERE id IN (\(ids.map(String.init).joined(separator: ",")))")
                .reduce(into: [:]) { $0[$1[0]] = $1[1] }
        }
    }

    /// Every counted forecast on resolved binary claims in scope, grouped by claim, with the
    /// forecasters' names by index.
    package func scoredForecasts(scope: ClaimScope) throws -> (names: [String], forecasts: [ScoredForecast]) {
        try read { db in
            var args: SQLArguments = []
            let extra = scope.clauses(&args, dialect: db.dialect)
            var index: [Int64: Int] = [:], names: [String] = []
            for row in try db.rows("SELECT id, name FROM forecaster ORDER BY id") {
                index[row[0]] = names.count
                names.append(row[1])
            }
            // Binary claims and scenario sets (one row per forecaster and set, scored over its
            // options). Read in the index's order and sorted here by claim, so the leaderboard
            // reads each claim's group in one pass: SQLite's ORDER BY over the union sorted in a
            // temporary B-tree, and the sets' branch, driven by the sets' claims, no longer scans
            // every counted forecast (1.6 s → 0.9 s in the sqlite3 shell on 300,000 of them).
            var out: [ScoredForecast] = []
            let scope = extra.map { "AND " + $0 }.joined(separator: " ")
            let binary = """
                FROM forecast f JOIN claim c ON c.id = f.claim_id
                WHERE f.is_final = 1 AND f.option_id IS NULL AND c.outcome IS NOT NULL \(scope)
                """
            let sets = """
                SELECT f.claim_id, f.forecaster_id,
                       max(CASE WHEN f.outcome = 1 THEN f.probability ELSE 0 END), 1,
                       sum((f.probability - f.outcome) * (f.probability - f.outcome)) / 2, 1
                FROM forecast f
                WHERE f.claim_id IN (SELECT c.id FROM claim c WHERE c.kind = 'scenarios' AND c.status = 'resolved' \(scope))
                    AND f.is_final = 1 AND f.option_id IS NOT NULL
                GROUP BY f.claim_id, f.forecaster_id
                """
            func add(claim: Int64, forecaster: Int64, p: Double, outcome: Bool, setBrier: Double?) {
                out.append(
                    ScoredForecast(
                        claim: claim, forecaster: index[forecaster]!, p: p, outcome: outcome,
                        brier: setBrier ?? Scoring.brier(p, outcome), scenario: setBrier != nil))
            }
            var rows: RawQuery
            if let postgres = db as? PostgresDatabase {
                // A row per claim, its forecasters and numbers as arrays: the server sends a tenth
                // of the rows, each decoded whole (the same doubles; the arithmetic stays here).
                for row in try postgres.rawRows(
                    "SELECT f.claim_id, c.outcome, array_agg(f.forecaster_id), array_agg(f.probability) \(binary) GROUP BY f.claim_id, c.outcome",
                    args)
                {
                    let claim = try row[0].decode(Int64.self), outcome = try row[1].decode(Int64.self) == 1
                    for (who, p) in zip(try row[2].decode([Int64].self), try row[3].decode([Double].self)) {
                        add(claim: claim, forecaster: who, p: p, outcome: outcome, setBrier: nil)
                    }
                }
                rows = try RawQuery(db, sets, args)
            } else {
                rows = try RawQuery(
                    db,
                    "SELECT f.claim_id, f.forecaster_id, f.probability, c.outcome, 0, 0 \(binary) UNION ALL \(sets)",
                    args + args)
            }
            while try rows.step() {
                add(
                    claim: rows.int(0), forecaster: rows.int(1), p: rows.double(2), outcome: rows.int(3) == 1,
                    setBrier: rows.int(5) == 1 ? rows.double(4) : nil)
            }
            // Forecasters are indexed in id order, so this is the order of (claim, forecaster id).
            out.sort { ($0.claim, $0.forecaster) < ($1.claim, $1.forecaster) }
            return (names, out)
        }
    }
}
