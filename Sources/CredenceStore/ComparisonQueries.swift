import CredenceCore
import Foundation
import GRDB

/// One scored forecast for the leaderboard.
public struct ScoredForecast: Sendable {
    public let claim: ClaimID
    public let forecaster: Int
    public let p: Double
    public let outcome: Bool
}

/// Filters shared by comparisons: claims with all these tags, resolved in [since, until].
public struct ClaimScope: Sendable {
    public var tags: [String] = []
    public var since: Date?
    public var until: Date?
    public init() {}

    func clauses(_ args: inout StatementArguments) -> [String] {
        var out: [String] = []
        for tag in tags {
            out.append("EXISTS (SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.name = ?)")
            args += [tag]
        }
        if let since { out.append("c.resolved_at >= ?"); args += [since.millis] }
        if let until { out.append("c.resolved_at <= ?"); args += [until.millis] }
        return out
    }
}

extension Journal {
    public func forecasterExists(_ name: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT name FROM forecaster WHERE name = ?", arguments: [name]) }
    }

    /// The resolved binary claims where both forecasters have a forecast that counts, by claim id.
    public func sharedClaims(_ a: String, _ b: String, scope: ClaimScope) throws -> [SharedClaim] {
        try read { db in
            guard let ida = try Int64.fetchOne(db, sql: "SELECT id FROM forecaster WHERE name = ?", arguments: [a]),
                  let idb = try Int64.fetchOne(db, sql: "SELECT id FROM forecaster WHERE name = ?", arguments: [b]) else { return [] }
            var args: StatementArguments = [ida, idb, ida, idb]
            let extra = scope.clauses(&args)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.claim_id, f.forecaster_id, f.probability, f.created_at, f.is_final, c.outcome, c.text,
                       c.created_at AS opened, c.resolved_at
                FROM forecast f JOIN claim c ON c.id = f.claim_id
                WHERE f.forecaster_id IN (?, ?) AND f.option_id IS NULL AND f.created_at <= c.resolved_at AND c.outcome IS NOT NULL
                  AND f.claim_id IN (SELECT claim_id FROM forecast WHERE forecaster_id = ? AND is_final = 1
                                     INTERSECT SELECT claim_id FROM forecast WHERE forecaster_id = ? AND is_final = 1)
                  \(extra.map { "AND " + $0 }.joined(separator: " "))
                ORDER BY f.claim_id, f.created_at, f.id
                """, arguments: args)
            var out: [SharedClaim] = []
            while let row = try rows.next() {
                let id: ClaimID = row[0]
                if out.last?.id != id {
                    out.append(SharedClaim(id: id, text: row[6], outcome: row[5], createdAt: Date(millis: row[7]), resolvedAt: Date(millis: row[8])))
                }
                let forecast = TimedForecast(time: Double(row[3] as Int64) / 1000, p: row[2])
                let final: Bool = row[4]
                if (row[1] as Int64) == ida {
                    out[out.count - 1].a.append(forecast)
                    if final { out[out.count - 1].aFinal = forecast.p }
                } else {
                    out[out.count - 1].b.append(forecast)
                    if final { out[out.count - 1].bFinal = forecast.p }
                }
            }
            return out
        }
    }

    /// Every counted forecast on resolved binary claims in scope, grouped by claim, with the
    /// forecasters' names by index.
    public func scoredForecasts(scope: ClaimScope) throws -> (names: [String], forecasts: [ScoredForecast]) {
        try read { db in
            var args: StatementArguments = []
            let extra = scope.clauses(&args)
            var index: [Int64: Int] = [:], names: [String] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM forecaster ORDER BY id") {
                index[row[0]] = names.count
                names.append(row[1])
            }
            var out: [ScoredForecast] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.claim_id, f.forecaster_id, f.probability, c.outcome
                FROM forecast f JOIN claim c ON c.id = f.claim_id
                WHERE f.is_final = 1 AND f.option_id IS NULL AND c.outcome IS NOT NULL \(extra.map { "AND " + $0 }.joined(separator: " "))
                ORDER BY f.claim_id
                """, arguments: args)
            while let row = try rows.next() {
                out.append(ScoredForecast(claim: row[0], forecaster: index[row[1]]!, p: row[2], outcome: row[3]))
            }
            return (names, out)
        }
    }
}
