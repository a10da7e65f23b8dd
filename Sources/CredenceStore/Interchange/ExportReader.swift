import CredenceCore
import Foundation
import GRDB

/// A cursor that can look at its next row without taking it, for merging ordered queries.
struct PeekingCursor {
    let cursor: any SQLCursor
    var peeked: SQLRow?

    init(_ cursor: any SQLCursor) throws {
        self.cursor = cursor
        peeked = try cursor.next()?.copy()
    }

    /// Takes every row whose first column equals `key`, in order (rows before it are skipped).
    mutating func take(_ key: Int64) throws -> [SQLRow] {
        var out: [SQLRow] = []
        while let row = peeked {
            let k: Int64 = row[0]
            if k > key { break }
            if k == key { out.append(row) }
            peeked = try cursor.next()?.copy()
        }
        return out
    }
}

extension Journal {
    /// Every claim the filter selects, with everything attached, in id order, one at a time so an
    /// export of a large journal never holds it all in memory.
    package func forEachInterchangeClaim(_ filter: ClaimFilter, _ body: (InterchangeClaim) throws -> Void) throws {
        try read { db in
            let (whereClause, args) = Queries.conditions(filter, now: clock.now(), dialect: db.dialect)
            let claims = try db.cursor(
                """
                SELECT c.id, c.uuid, c.text, c.kind, c.notes, c.created_at, c.resolve_by FROM claim c \(whereClause) ORDER BY c.id
                """, args)
            var options = try PeekingCursor(
                db.cursor("SELECT claim_id, label FROM scenario_option ORDER BY claim_id, position", []))
            var tags = try PeekingCursor(
                db.cursor(
                    """
                    SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id ORDER BY ct.claim_id, ct.id
                    """))
            var conditions = try PeekingCursor(
                db.cursor(
                    """
                    SELECT cd.claim_id, c.uuid, cd.required_outcome FROM condition cd JOIN claim c ON c.id = cd.on_claim_id ORDER BY cd.claim_id
                    """))
            var forecasts = try PeekingCursor(
                db.cursor(
                    """
                    SELECT f.claim_id, f.id, w.name, o.label, f.probability, f.typed, f.form, f.reason, f.created_at
                    FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id LEFT JOIN scenario_option o ON o.id = f.option_id
                    ORDER BY f.claim_id
                    """))
            var resolutions = try PeekingCursor(
                db.cursor(
                    """
                    SELECT r.claim_id, r.status, o.label, r.resolved_at, r.recorded_at, r.note, w.name, r.automatic
                    FROM resolution r LEFT JOIN scenario_option o ON o.id = r.option_id LEFT JOIN forecaster w ON w.id = r.resolved_by
                    ORDER BY r.claim_id, r.id
                    """))
            var caveats: [Int64: [String]] = [:]
            for row in try db.rows("SELECT forecast_id, text FROM caveat ORDER BY forecast_id, id") {
                caveats[row[0], default: []].append(row[1])
            }
            while let row = try claims.next() {
                let id: Int64 = row[0]
                var c = InterchangeClaim(uuid: row[1], id: id, text: row[2], createdAt: Date(millis: row[5]))
                c.kind = ClaimKind(rawValue: row[3]) ?? .binary
                c.notes = row[4]
                c.resolveBy = (row[6] as Int64?).map(Date.init(millis:))
                c.options = try options.take(id).map { $0[1] }
                c.tags = try tags.take(id).map { $0[1] }
                c.condition = try conditions.take(id).first.map { (uuid: $0[1], required: $0[2]) }
                // Within a claim, forecasts go in the order they were entered.
                c.forecasts = try forecasts.take(id).map { (id: $0[1] as Int64, row: $0) }.sorted { $0.id < $1.id }.map(
                    \.row
                ).map { f in
                    InterchangeForecast(
                        forecaster: f[2], option: f[3], probability: f[4], typed: f[5],
                        form: InputForm(rawValue: f[6]) ?? .decimal,
                        reason: f[7], createdAt: Date(millis: f[8]), caveats: caveats[f[1]] ?? [])
                }
                c.resolutions = try resolutions.take(id).map { r in
                    InterchangeResolution(
                        status: ClaimStatus(rawValue: r[1]) ?? .annulled, option: r[2], resolvedAt: Date(millis: r[3]),
                        recordedAt: Date(millis: r[4]), note: r[5], resolvedBy: r[6], automatic: r[7])
                }
                try body(c)
            }
        }
    }

    /// Every bet, with its claim's UUID.
    package func interchangeBets() throws -> [InterchangeBet] {
        try read { db in
            try db.rows(
                """
                SELECT c.uuid, y.name, n.name, b.yes_stake, b.no_stake, b.terms, b.created_at, b.settled_at, b.settlement
                FROM bet b JOIN claim c ON c.id = b.claim_id JOIN forecaster y ON y.id = b.yes_forecaster_id
                JOIN forecaster n ON n.id = b.no_forecaster_id ORDER BY b.id
                """
            ).map { r in
                InterchangeBet(
                    claimUUID: r[0], yesSide: r[1], noSide: r[2], yesStake: r[3], noStake: r[4], terms: r[5],
                    createdAt: Date(millis: r[6]), settledAt: (r[7] as Int64?).map(Date.init(millis:)),
                    settlement: (r[8] as String?).flatMap(Settlement.init(rawValue:)))
            }
        }
    }
}
