import CredenceCore
import Foundation
import GRDB

/// What an import did, and what it left out and why.
public struct ImportSummary: Sendable, Equatable {
    public var format = ""
    public var claims = 0
    public var mergedClaims = 0
    public var unchangedClaims = 0
    public var forecasts = 0
    public var duplicateForecasts = 0
    public var resolutions = 0
    public var bets = 0
    public var forecasters: [String] = []
    /// Records left out, each with its reason.
    public var skipped: [String] = []
    public var notes: [String] = []
    public init() {}
}

extension JournalWriter {
    /// Stores an interchange document in this transaction. New claims are inserted in bulk; a
    /// claim already here (same UUID) gains only what it lacks — re-importing adds nothing.
    public func store(_ doc: InterchangeDocument) throws -> ImportSummary {
        var summary = ImportSummary()
        summary.skipped = doc.skipped
        summary.notes = doc.notes
        var forecasterIDs: [String: Int64] = [:], exactIDs: [String: Int64] = [:]
        var recent: [(name: String, id: Int64)] = []
        func who(_ name: String) throws -> Int64 {
            // Imports name a few people over and over: a short list beats hashing every row.
            for r in recent where r.name == name { return r.id }
            if let id = exactIDs[name] { return id }
            let key = name.lowercased()
            if let id = forecasterIDs[key] { exactIDs[name] = id; return id }
            let existed = try Int64.fetchOne(db, sql: "SELECT id FROM forecaster WHERE name = ?", arguments: [name])
            let id = try existed ?? forecasterID(name)
            if existed == nil { summary.forecasters.append(name) }
            forecasterIDs[key] = id
            exactIDs[name] = id
            if recent.count < 8 { recent.append((name, id)) }
            return id
        }
        var tagIDs: [String: Int64] = [:]
        func tag(_ name: String) throws -> Int64 {
            if let id = tagIDs[name.lowercased()] { return id }
            let id = try tagID(name)
            tagIDs[name.lowercased()] = id
            return id
        }
        // The claims already here, read once: cheaper than a lookup per claim in the file.
        var existingClaims: [String: (id: ClaimID, status: String)] = [:]
        var takenIDs = Set<ClaimID>()
        for row in try Row.fetchAll(db, sql: "SELECT id, uuid, status FROM claim") {
            existingClaims[row[1]] = (row[0], row[2])
            takenIDs.insert(row[0])
        }
        // Rows go in many at a time; claims are always flushed before the rows that refer to them.
        var claimRows = BatchInsert(db, table: "claim", columns: ["id", "uuid", "text", "kind", "notes", "created_at", "resolve_by",
                                                                  "status", "outcome", "resolved_at"])
        var tagRows = BatchInsert(db, table: "claim_tag", columns: ["claim_id", "tag_id"], orIgnore: true)
        var forecastRows = BatchInsert(db, table: "forecast", columns: ["claim_id", "forecaster_id", "option_id", "probability", "typed",
                                                                        "form", "reason", "created_at", "is_final", "outcome"])
        var resolutionRows = BatchInsert(db, table: "resolution", columns: ["claim_id", "status", "option_id", "resolved_at", "recorded_at",
                                                                            "note", "resolved_by", "automatic"])
        var insertForecast = try BulkStatement(db, """
            INSERT INTO forecast(claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at, is_final, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        func flushAll() throws {
            try claimRows.flush()
            try tagRows.flush()
            try forecastRows.flush()
            try resolutionRows.flush()
        }
        let insertCaveat = try db.cachedStatement(sql: "INSERT INTO caveat(forecast_id, text) VALUES (?, ?)")
        let insertOption = try db.cachedStatement(sql: "INSERT INTO scenario_option(claim_id, label, position) VALUES (?, ?, ?)")
        // A big import keeps more of the journal in memory while it writes (up to 256 MB, so pages
        // are written once, at commit, rather than spilled and rewritten), and builds
        // the forecast indexes once at the end, sorted, instead of row by row. It is all one
        // transaction, so a failure leaves the indexes as they were.
        let bulk = doc.claims.lazy.filter { existingClaims[$0.uuid] == nil }.count > 10_000
        if bulk {
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try db.execute(sql: "DROP INDEX forecast_by_claim; DROP INDEX forecast_final")
        }
        // Ids are given here so rows can be batched. An id a file asks for is kept only above every
        // id this journal has ever used, so `undo` (which removes ids above its mark) removes it too.
        let mark = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'claim'") ?? 0
        var next = max(mark, takenIDs.max() ?? 0) + 1
        func newID(_ wanted: ClaimID?) -> ClaimID {
            if let wanted, wanted > mark, !takenIDs.contains(wanted) { return wanted }
            while takenIDs.contains(next) { next += 1 }
            return next
        }

        var claimIDs: [String: ClaimID] = [:]
        for claim in doc.claims {
            if let existing = existingClaims[claim.uuid] {
                claimIDs[claim.uuid] = existing.id
                try flushAll()   // a merge reads the journal: what is buffered goes in first
                try merge(claim, into: existing.id, currentStatus: ClaimStatus(rawValue: existing.status) ?? .open, who: who, tag: tag, summary: &summary)
                continue
            }
            let id = newID(claim.id)
            takenIDs.insert(id)
            claimIDs[claim.uuid] = id
            // A yes/no/annulled claim goes in with its status; a scenario set's option exists only after it.
            let final = claim.resolutions.last.flatMap { $0.status == .resolved ? nil : $0 }
            existingClaims[claim.uuid] = (id, final?.status.rawValue ?? "open")
            claimRows.add(.int(id), .text(claim.uuid), .text(claim.text), .text(claim.kind.rawValue), .text(claim.notes),
                              .int(claim.createdAt.millis), .int(claim.resolveBy?.millis), .text(final?.status.rawValue ?? "open"),
                              .int(final?.status.outcome.map { $0 ? 1 : 0 }), .int(final?.resolvedAt.millis))
            summary.claims += 1
            var optionIDs: [String: Int64] = [:]
            if !claim.options.isEmpty {
                try claimRows.flush()
                for (i, label) in claim.options.enumerated() {
                    try insertOption.execute(arguments: [id, label, i])
                    optionIDs[label.lowercased()] = db.lastInsertedRowID
                }
            }
            func option(_ label: String?, _ what: String) throws -> Int64? {
                guard let label else { return nil }
                guard let o = optionIDs[label.lowercased()] else {
                    throw JournalError.invalid("claim “\(claim.text)”: \(what) \"\(label)\", which is not one of its options")
                }
                return o
            }
            for t in claim.tags { tagRows.add(.int(id), .int(try tag(t))) }
            let counted = finalIndexes(claim)
            let last = claim.resolutions.last
            for (i, f) in claim.forecasts.enumerated() {
                let o = try option(f.option, "a forecast is for the option")
                // What it is scored against (see the schema): the claim's outcome, or whether its option happened.
                let outcome: Int64? = f.option == nil ? last?.status.outcome.map { $0 ? 1 : 0 }
                    : last?.status == .resolved ? (last?.option?.lowercased() == f.option?.lowercased() ? 1 : 0) : nil
                summary.forecasts += 1
                guard !f.caveats.isEmpty else {
                    forecastRows.add(.int(id), .int(try who(f.forecaster)), .int(o), .double(f.probability), .text(f.typed),
                                         .text(f.form.rawValue), .text(f.reason), .int(f.createdAt.millis), .int(counted.contains(i) ? 1 : 0),
                                         .int(outcome))
                    continue
                }
                // Caveats need the forecast's id: this one goes in on its own, after its claim.
                try flushAll()
                insertForecast.bind(id)
                insertForecast.bind(try who(f.forecaster))
                insertForecast.bind(o)
                insertForecast.bind(f.probability)
                insertForecast.bind(f.typed)
                insertForecast.bind(f.form.rawValue)
                insertForecast.bind(f.reason)
                insertForecast.bind(f.createdAt.millis)
                insertForecast.bind(counted.contains(i))
                insertForecast.bind(outcome)
                try insertForecast.run()
                let forecastID = db.lastInsertedRowID
                for c in f.caveats { try insertCaveat.execute(arguments: [forecastID, c]) }
            }
            for r in claim.resolutions {
                resolutionRows.add(.int(id), .text(r.status.rawValue), .int(try option(r.option, "it resolves to")), .int(r.resolvedAt.millis),
                                       .int(r.recordedAt.millis), .text(r.note), .int(try r.resolvedBy.map(who)), .int(r.automatic ? 1 : 0))
                summary.resolutions += 1
            }
            if let last = claim.resolutions.last, last.status == .resolved {
                try flushAll()
                try db.execute(sql: "UPDATE claim SET status = 'resolved', resolved_at = ?, resolved_option_id = ? WHERE id = ?",
                               arguments: [last.resolvedAt.millis, try option(last.option, "it resolves to"), id])
            }
            if claimRows.isFull || tagRows.isFull || forecastRows.isFull || resolutionRows.isFull { try flushAll() }
        }
        try flushAll()
        if bulk { try db.execute(sql: Schema.forecastIndexes) }
        // Conditions point at other claims, which may come later in the file.
        for claim in doc.claims {
            guard let condition = claim.condition, let id = claimIDs[claim.uuid] else { continue }
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM condition WHERE claim_id = ?", arguments: [id]) != nil
            if exists { continue }
            guard let on = try claimIDs[condition.uuid] ?? ClaimID.fetchOne(db, sql: "SELECT id FROM claim WHERE uuid = ?", arguments: [condition.uuid]) else {
                summary.skipped.append("the condition of “\(claim.text)”: the claim it depends on (\(condition.uuid)) is not in the file or the journal")
                continue
            }
            try db.execute(sql: "INSERT INTO condition(claim_id, on_claim_id, required_outcome) VALUES (?, ?, ?)",
                           arguments: [id, on, condition.required])
        }
        for bet in doc.bets {
            guard let claim = try claimIDs[bet.claimUUID] ?? ClaimID.fetchOne(db, sql: "SELECT id FROM claim WHERE uuid = ?", arguments: [bet.claimUUID]) else {
                summary.skipped.append("a bet between \(bet.yesSide) and \(bet.noSide): its claim (\(bet.claimUUID)) is not in the file or the journal")
                continue
            }
            let y = try who(bet.yesSide), n = try who(bet.noSide)
            let duplicate = try Bool.fetchOne(db, sql: """
                SELECT 1 FROM bet WHERE claim_id = ? AND yes_forecaster_id = ? AND no_forecaster_id = ? AND created_at = ?
                """, arguments: [claim, y, n, bet.createdAt.millis]) != nil
            if duplicate { continue }
            try db.execute(sql: """
                INSERT INTO bet(claim_id, yes_forecaster_id, no_forecaster_id, yes_stake, no_stake, terms, created_at, settled_at, settlement)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [claim, y, n, bet.yesStake, bet.noStake, bet.terms, bet.createdAt.millis, bet.settledAt?.millis,
                                 bet.settlement?.rawValue])
            summary.bets += 1
        }
        return summary
    }

    /// Which forecasts count: per forecaster and option, the latest at or before the resolution
    /// (the later in the file when times are equal).
    func finalIndexes(_ claim: InterchangeClaim) -> Set<Int> {
        let cutoff = claim.resolutions.last?.resolvedAt.millis
        // A handful of forecasts per claim: a linear scan beats hashing lowercased keys.
        var best: [(forecaster: String, option: String?, time: Int64, index: Int)] = []
        for (i, f) in claim.forecasts.enumerated() {
            let t = f.createdAt.millis
            if let cutoff, t > cutoff { continue }
            if let j = best.firstIndex(where: { same($0.forecaster, f.forecaster) && same($0.option, f.option) }) {
                if best[j].time <= t { best[j] = (f.forecaster, f.option, t, i) }
            } else {
                best.append((f.forecaster, f.option, t, i))
            }
        }
        return Set(best.map(\.index))
    }

    private func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a == b || a.lowercased() == b.lowercased()
    }

    /// Adds to an existing claim what the file has and it lacks: forecasts, tags, a resolution.
    private func merge(_ claim: InterchangeClaim, into id: ClaimID, currentStatus: ClaimStatus, who: (String) throws -> Int64,
                       tag: (String) throws -> Int64, summary: inout ImportSummary) throws {
        var changed = false
        let options = try Row.fetchAll(db, sql: "SELECT id, label FROM scenario_option WHERE claim_id = ?", arguments: [id])
        let optionIDs = Dictionary(options.map { (($0["label"] as String).lowercased(), $0["id"] as Int64) }, uniquingKeysWith: { a, _ in a })
        let existing = Set(try Row.fetchAll(db, sql: """
            SELECT lower(w.name) AS who, coalesce(f.option_id, 0) AS option, f.created_at, f.probability, f.typed
            FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE f.claim_id = ?
            """, arguments: [id]).map { "\($0["who"] as String)|\($0["option"] as Int64)|\($0["created_at"] as Int64)|\(($0["probability"] as Double).bitPattern)|\($0["typed"] as String)" })
        for f in claim.forecasts {
            let option = f.option.flatMap { optionIDs[$0.lowercased()] }
            if f.option != nil && option == nil {
                summary.skipped.append("a forecast by \(f.forecaster) on “\(claim.text)”: the option \"\(f.option!)\" is not one of its options")
                continue
            }
            let key = "\(f.forecaster.lowercased())|\(option ?? 0)|\(f.createdAt.millis)|\(f.probability.bitPattern)|\(f.typed)"
            if existing.contains(key) { summary.duplicateForecasts += 1; continue }
            try db.execute(sql: """
                INSERT INTO forecast(claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at, is_final)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, arguments: [id, try who(f.forecaster), option, f.probability, f.typed, f.form.rawValue, f.reason, f.createdAt.millis])
            let forecastID = db.lastInsertedRowID
            for c in f.caveats { try db.execute(sql: "INSERT INTO caveat(forecast_id, text) VALUES (?, ?)", arguments: [forecastID, c]) }
            summary.forecasts += 1
            changed = true
        }
        for t in claim.tags {
            try db.execute(sql: "INSERT OR IGNORE INTO claim_tag(claim_id, tag_id) VALUES (?, ?)", arguments: [id, try tag(t)])
            if db.changesCount > 0 { changed = true }
        }
        if let last = claim.resolutions.last, last.status != currentStatus {
            if currentStatus == .open {
                let option = last.option.flatMap { optionIDs[$0.lowercased()] }
                try db.execute(sql: """
                    INSERT INTO resolution(claim_id, status, option_id, resolved_at, recorded_at, note, resolved_by, automatic)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, last.status.rawValue, option, last.resolvedAt.millis, now.millis, last.note,
                                     try last.resolvedBy.map(who), last.automatic])
                try db.execute(sql: "UPDATE claim SET status = ?, outcome = ?, resolved_at = ?, resolved_option_id = ? WHERE id = ?",
                               arguments: [last.status.rawValue, last.status.outcome.map { $0 ? 1 : 0 }, last.resolvedAt.millis, option, id])
                summary.resolutions += 1
                changed = true
            } else {
                summary.skipped.append("the resolution of “\(claim.text)”: it is \(currentStatus.rawValue) in the journal and \(last.status.rawValue) in the file; the journal's is kept")
            }
        }
        if changed {
            try refreshFinal(claim: id)
            try refreshOutcomes(claim: id)
            summary.mergedClaims += 1
        } else {
            summary.unchangedClaims += 1
        }
    }
}
