import CredenceCore
import Foundation
import GRDB

/// Which claims a listing shows.
package struct ClaimFilter: Sendable, Equatable {
    package enum State: Sendable { case any, open, resolved, due }
    package var state: State = .any
    package var tags: [String] = []
    package var forecaster: String?
    package var search: String?
    package var since: Date?
    package var until: Date?
    package var limit: Int?
    package init() {}
}

/// The SQL behind browsing: list, show, due. Pure functions of a database connection.
enum Queries {
    static let claimColumns =
        "c.id, c.uuid, c.text, c.kind, c.notes, c.created_at, c.resolve_by, c.status, c.resolved_at"

    /// A row that starts with `claimColumns`, read by position: a lookup by name scans the
    /// columns for each value, which `list` on 100,000 claims felt.
    static func claim(from row: some ColumnReader) -> Claim {
        Claim(
            id: row.int(0), uuid: row.text(1), text: row.text(2), kind: ClaimKind(rawValue: row.text(3)) ?? .binary,
            notes: row.optionalText(4), createdAt: Date(millis: row.int(5)),
            resolveBy: row.optionalInt(6).map(Date.init(millis:)),
            status: ClaimStatus(rawValue: row.text(7)) ?? .open, resolvedAt: row.optionalInt(8).map(Date.init(millis:)))
    }
    static let claimColumnCount = claimColumns.split(separator: ",").count

    static func claim(_ db: any SQLDatabase, _ id: ClaimID) throws -> Claim? {
        try db.row("SELECT \(claimColumns) FROM claim c WHERE c.id = ?", [id]).map(
            claim(from:))
    }

    static func forecasterName(_ db: any SQLDatabase, _ id: Int64) throws -> String {
        try db.value(String.self, "SELECT name FROM forecaster WHERE id = ?", [id]) ?? "?"
    }

    static func tags(_ db: any SQLDatabase, claims ids: [ClaimID]) throws -> [ClaimID: [String]] {
        guard !ids.isEmpty else { return [:] }
        // The ids as a range when they are one (a listing's batch usually is): one index range
        // scan, measured 0.17 s faster than IN lists on `list` of 100,000 claims.
        let (lo, hi) = (ids.min()!, ids.max()!)
        let contiguous = Int(hi - lo) + 1 == ids.count && Set(ids).count == ids.count
        // A range's statement is prepared once for every batch of a listing.
        var rows = try RawQuery(
            db,
            """
            SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
            WHERE \(contiguous ? "ct.claim_id BETWEEN ? AND ?" : "ct.claim_id IN (\(ids.map(String.init).joined(separator: ",")))")
            ORDER BY ct.id
            """, contiguous ? [lo, hi] : [], cached: contiguous)
        var tags: [ClaimID: [String]] = [:]
        while try rows.step() { tags[rows.int(0), default: []].append(rows.text(1)) }
        return tags
    }

    static let claimsPerStatement = 256

    /// Runs `body` with "?, ?, …" and the ids for each chunk of `ids`, the last chunk padded with
    /// its last id so that every statement has one of a few shapes (and stays cached).
    static func forEachChunk(of ids: [ClaimID], _ body: (String, SQLArguments) throws -> Void) throws {
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(start + claimsPerStatement, ids.count)]
            // 1, 2, 4, … ids per statement: at most nine statements to cache.
            var size = 1
            while size < chunk.count { size *= 2 }
            let padded = Array(chunk) + Array(repeating: chunk.last!, count: size - chunk.count)
            try body(
                Array(repeating: "?", count: size).joined(separator: ", "),
                padded.map { $0 as (any DatabaseValueConvertible)? })
            start += chunk.count
        }
    }

    /// Each scenario set's options with the forecaster's latest probability of each, in order.
    static func optionProbabilities(
        _ db: any SQLDatabase, claims ids: [ClaimID], forecaster: String
    ) throws -> [ClaimID: [OptionProbability]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try db.rows(
            """
            SELECT o.claim_id, o.label, (
                SELECT f.probability FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id
                WHERE f.option_id = o.id AND \(db.dialect.sameName("w.name")) ORDER BY f.is_final DESC, f.created_at DESC, f.id DESC
                LIMIT 1) AS p
            FROM scenario_option o WHERE o.claim_id IN (\(ids.map(String.init).joined(separator: ",")))
            ORDER BY o.claim_id, o.position
            """, [forecaster])
        var out: [ClaimID: [OptionProbability]] = [:]
        for row in rows {
            guard let p: Double = row["p"] else { continue }
            out[row["claim_id"], default: []].append(OptionProbability(label: row["label"], probability: p))
        }
        return out
    }

    static func forecasts(_ db: any SQLDatabase, claim id: ClaimID) throws -> [Forecast] {
        let rows = try db.rows(
            """
            SELECT f.id, f.claim_id, w.name, f.probability, f.typed, f.form, f.reason, f.created_at, f.is_final, o.label,
                   (SELECT \(db.dialect.joinedByUnitSeparator("text")) FROM (SELECT text FROM caveat WHERE forecast_id = f.id ORDER BY id) cv) AS caveats
            FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id LEFT JOIN scenario_option o ON o.id = f.option_id
            WHERE f.claim_id = ? ORDER BY f.created_at, f.id, o.position
            """, [id])
        return rows.map(forecast(from:))
    }

    static func forecast(from row: SQLRow) -> Forecast {
        let caveats =
            (row["caveats"] as String?)?.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            ?? []
        return Forecast(
            id: row["id"], claimID: row["claim_id"], forecaster: row["name"], probability: row["probability"],
            typed: row["typed"], form: InputForm(rawValue: row["form"]) ?? .decimal, reason: row["reason"],
            createdAt: Date(millis: row["created_at"]), isFinal: row["is_final"], caveats: caveats, option: row["label"]
        )
    }

    static func resolutions(_ db: any SQLDatabase, claim id: ClaimID) throws -> [Resolution] {
        try db.rows(
            """
            SELECT r.id, r.status, r.resolved_at, r.recorded_at, r.note, w.name, r.automatic, o.label
            FROM resolution r LEFT JOIN forecaster w ON w.id = r.resolved_by
            LEFT JOIN scenario_option o ON o.id = r.option_id WHERE r.claim_id = ? ORDER BY r.id
            """, [id]
        ).map { row in
            Resolution(
                id: row["id"], status: ClaimStatus(rawValue: row["status"]) ?? .annulled,
                resolvedAt: Date(millis: row["resolved_at"]), recordedAt: Date(millis: row["recorded_at"]),
                note: row["note"], resolvedBy: row["name"], automatic: row["automatic"], option: row["label"])
        }
    }

    /// Builds the WHERE clause of a claim filter.
    static func conditions(_ filter: ClaimFilter, now: Date, dialect: any SQLDialect) -> (String, SQLArguments) {
        var clauses: [String] = []
        var args: SQLArguments = []
        switch filter.state {
        case .any: break
        case .open: clauses.append("c.status = 'open'")
        case .resolved: clauses.append("c.status <> 'open'")
        case .due:
            clauses.append("c.status = 'open' AND c.resolve_by IS NOT NULL AND c.resolve_by <= ?")
            args += [now.millis]
        }
        for tag in filter.tags {
            clauses.append(
                "EXISTS (SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND \(dialect.sameName("t.name")))"
            )
            args += [tag]
        }
        if let who = filter.forecaster {
            clauses.append(
                "EXISTS (SELECT 1 FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE f.claim_id = c.id AND \(dialect.sameName("w.name")))"
            )
            args += [who]
        }
        if let search = filter.search {
            clauses.append("(\(dialect.like("c.text", "?")) OR \(dialect.like("c.notes", "?")))")
            let pattern =
                "%"
                + search.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            args += [pattern, pattern]
        }
        if let since = filter.since {
            clauses.append("c.created_at >= ?")
            args += [since.millis]
        }
        if let until = filter.until {
            clauses.append("c.created_at <= ?")
            args += [until.millis]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), args)
    }
}

extension Journal {
    package func claim(_ id: ClaimID) throws -> ClaimDetail {
        try read { db in
            guard let claim = try Queries.claim(db, id) else { throw JournalError.unknownClaim(id) }
            let options = try db.rows(
                "SELECT id, label, position FROM scenario_option WHERE claim_id = ? ORDER BY position", [id]
            ).map { ScenarioOption(id: $0["id"], label: $0["label"], position: $0["position"]) }
            let resolvedOption = try db.value(
                String.self,
                """
                SELECT o.label FROM claim c JOIN scenario_option o ON o.id = c.resolved_option_id WHERE c.id = ?
                """, [id])
            let condition = try db.row("SELECT on_claim_id, required_outcome FROM condition WHERE claim_id = ?", [id])
                .map { Condition(on: $0["on_claim_id"], required: $0["required_outcome"]) }
            var detail = ClaimDetail(
                claim: claim, tags: try Queries.tags(db, claims: [id])[id] ?? [],
                forecasts: try Queries.forecasts(db, claim: id),
                resolutions: try Queries.resolutions(db, claim: id),
                options: options, resolvedOption: resolvedOption, condition: condition,
                bets: try BetQueries.bets(db, claim: id))
            if engine == .postgres { detail.team = try Self.teamFacts(db, claim: id) }
            return detail
        }
    }

    /// Claims matching a filter, newest first (due claims: soonest due first), with the
    /// `owner`'s current forecast on each.
    package func list(_ filter: ClaimFilter, owner: String) throws -> [ClaimSummary] {
        var all: [ClaimSummary] = []
        try eachListed(filter, owner: owner) { all.append($0) }
        return all
    }

    /// The width of the widest id `list` will show, so a streamed listing can align its first row.
    package func listedIDWidth(_ filter: ClaimFilter) throws -> Int {
        try read { db in
            let (whereClause, args) = Queries.conditions(filter, now: clock.now(), dialect: db.dialect)
            let order = filter.state == .due ? "c.resolve_by, c.id" : "c.id DESC"
            let limit = filter.limit.map { " LIMIT \($0)" } ?? ""
            return try db.value(
                Int.self,
                "SELECT max(\(db.dialect.digits("id"))) FROM (SELECT c.id FROM claim c \(whereClause) ORDER BY \(order)\(limit)) listed",
                args) ?? 0
        }
    }

    /// The claims `list` shows, in its order, handed over as they are read (their tags a batch at
    /// a time): `list | head` stops at once and memory stays flat however many claims there are.
    /// - counting: false leaves `forecastCount` 0, for a listing that does not show it (a count
    ///   per claim is a fifth of the query on 100,000 claims).
    package func eachListed(
        _ filter: ClaimFilter, owner: String, counting: Bool = true, _ body: (ClaimSummary) throws -> Void
    ) throws {
        try read { db in
            let (whereClause, args) = Queries.conditions(filter, now: clock.now(), dialect: db.dialect)
            let order = filter.state == .due ? "c.resolve_by, c.id" : "c.id DESC"
            let limit = filter.limit.map { " LIMIT \($0)" } ?? ""
            let who = filter.forecaster ?? owner
            let whoID = try db.value(
                Int64.self, "SELECT id FROM forecaster WHERE \(db.dialect.sameName("name"))", [who])
            // The forecast shown: the one that counts, else the latest. Two index searches in
            // (claim, forecaster, time) order instead of a sort per claim: half the query's time.
            var rows = try RawQuery(
                db,
                """
                SELECT \(Queries.claimColumns),
                       \(counting ? "(SELECT count(*) FROM forecast f WHERE f.claim_id = c.id)" : "0") AS forecast_count,
                       cur.id AS f_id, cur.probability AS f_p, cur.typed AS f_typed, cur.form AS f_form,
                       cur.created_at AS f_at, cur.reason AS f_reason
                FROM claim c
                LEFT JOIN forecast cur ON cur.id = coalesce(
                    (SELECT f.id FROM forecast f WHERE f.claim_id = c.id AND f.forecaster_id = ? AND f.is_final = 1
                     ORDER BY f.created_at DESC, f.id DESC LIMIT 1),
                    (SELECT f.id FROM forecast f WHERE f.claim_id = c.id AND f.forecaster_id = ?
                     ORDER BY f.created_at DESC, f.id DESC LIMIT 1))
                \(whereClause) ORDER BY \(order)\(limit)
                """, [whoID, whoID] + args)
            var batch: [ClaimSummary] = []
            var size = 1
            func hand() throws {
                let tags = try Queries.tags(db, claims: batch.map(\.claim.id))
                let sets = batch.filter { $0.claim.kind == .scenarios }.map(\.claim.id)
                let options = try Queries.optionProbabilities(db, claims: sets, forecaster: who)
                for var summary in batch {
                    summary.tags = tags[summary.claim.id] ?? []
                    if summary.claim.kind == .scenarios {
                        summary.options = options[summary.claim.id] ?? []
                        summary.current = nil
                    }
                    try body(summary)
                }
                batch.removeAll(keepingCapacity: true)
            }
            while try rows.step() {
                let claim = Queries.claim(from: rows)
                // The columns after the claim's, in the order selected.
                let k = Int32(Queries.claimColumnCount)
                var current: Forecast?
                if let fid = rows.optionalInt(k + 1) {
                    current = Forecast(
                        id: fid, claimID: claim.id, forecaster: who, probability: rows.double(k + 2),
                        typed: rows.text(k + 3), form: InputForm(rawValue: rows.text(k + 4)) ?? .decimal,
                        reason: rows.optionalText(k + 6), createdAt: Date(millis: rows.int(k + 5)), isFinal: true,
                        caveats: [])
                }
                batch.append(ClaimSummary(claim: claim, tags: [], current: current, forecastCount: Int(rows.int(k))))
                // The first row goes out at once; later ones a few hundred at a time.
                if batch.count >= size {
                    try hand()
                    size = 256
                }
            }
            try hand()
        }
    }

    /// How many open claims are past their resolve-by date.
    package func dueCount() throws -> Int {
        try read { db in
            try db.value(
                Int.self, "SELECT count(*) FROM claim WHERE status = 'open' AND resolve_by <= ?", [clock.now().millis])
                ?? 0
        }
    }

    package func forecasterNames() throws -> [String] {
        try read { db in try db.values(String.self, "SELECT name FROM forecaster ORDER BY \(db.dialect.nocase("name"))")
        }
    }

    package func tagNames() throws -> [String] {
        try read { db in try db.values(String.self, "SELECT name FROM tag ORDER BY \(db.dialect.nocase("name"))") }
    }

    /// Runs SQLite's integrity check; "ok" when the file is sound.
    package func integrityCheck() throws -> String {
        try read { db in try db.values(String.self, "PRAGMA integrity_check").joined(separator: "\n") }
    }
}

extension Journal {
    /// What TAB completion offers: recent claims with their text, tags and names.
    package func completionData(
        limit: Int = 500
    ) throws -> (claims: [(id: String, text: String)], tags: [String], forecasters: [String]) {
        try read { db in
            let claims = try db.rows("SELECT id, text FROM claim ORDER BY id DESC LIMIT ?", [limit])
                .map { (id: String($0["id"] as Int64), text: $0["text"] as String) }
            return (
                claims, try db.values(String.self, "SELECT name FROM tag ORDER BY \(db.dialect.nocase("name"))"),
                try db.values(String.self, "SELECT name FROM forecaster ORDER BY \(db.dialect.nocase("name"))")
            )
        }
    }
}
