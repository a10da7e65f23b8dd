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
        var forecasterIDs: [String: Int64] = [:]
        func who(_ name: String) throws -> Int64 {
            let key = name.lowercased()
            if let id = forecasterIDs[key] { return id }
            let existed = try Int64.fetchOne(db, sql: "SELECT id FROM forecaster WHERE name = ?", arguments: [name])
            let id = try existed ?? forecasterID(name)
            if existed == nil { summary.forecasters.append(name) }
            forecasterIDs[key] = id
            return id
        }
        var tagIDs: [String: Int64] = [:]
        func tag(_ name: String) throws -> Int64 {
            if let id = tagIDs[name.lowercased()] { return id }
            let id = try tagID(name)
            tagIDs[name.lowercased()] = id
            return id
        }
        let findClaim = try db.cachedStatement(sql: "SELECT id, status FROM claim WHERE uuid = ?")
        let idTaken = try db.cachedStatement(sql: "SELECT 1 FROM claim WHERE id = ?")
        let insertClaim = try db.cachedStatement(sql: """
            INSERT INTO claim(id, uuid, text, kind, notes, created_at, resolve_by, status, outcome, resolved_at, resolved_option_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'open', NULL, NULL, NULL)
            """)
        let insertOption = try db.cachedStatement(sql: "INSERT INTO scenario_option(claim_id, label, position) VALUES (?, ?, ?)")
        let insertTag = try db.cachedStatement(sql: "INSERT OR IGNORE INTO claim_tag(claim_id, tag_id) VALUES (?, ?)")
        let insertForecast = try db.cachedStatement(sql: """
            INSERT INTO forecast(claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at, is_final)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertCaveat = try db.cachedStatement(sql: "INSERT INTO caveat(forecast_id, text) VALUES (?, ?)")
        let insertResolution = try db.cachedStatement(sql: """
            INSERT INTO resolution(claim_id, status, option_id, resolved_at, recorded_at, note, resolved_by, automatic)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let setStatus = try db.cachedStatement(sql: "UPDATE claim SET status = ?, outcome = ?, resolved_at = ?, resolved_option_id = ? WHERE id = ?")

        var claimIDs: [String: ClaimID] = [:]
        for claim in doc.claims {
            if let existing = try Row.fetchOne(findClaim, arguments: [claim.uuid]) {
                let id: ClaimID = existing["id"]
                claimIDs[claim.uuid] = id
                try merge(claim, into: id, currentStatus: ClaimStatus(rawValue: existing["status"]) ?? .open, who: who, tag: tag, summary: &summary)
                continue
            }
            var explicit: ClaimID?
            if let wanted = claim.id, try Bool.fetchOne(idTaken, arguments: [wanted]) == nil { explicit = wanted }
            try insertClaim.execute(arguments: [explicit, claim.uuid, claim.text, claim.kind.rawValue, claim.notes, claim.createdAt.millis,
                                                claim.resolveBy?.millis])
            let id = db.lastInsertedRowID
            claimIDs[claim.uuid] = id
            summary.claims += 1
            var optionIDs: [String: Int64] = [:]
            for (i, label) in claim.options.enumerated() {
                try insertOption.execute(arguments: [id, label, i])
                optionIDs[label.lowercased()] = db.lastInsertedRowID
            }
            for t in claim.tags { try insertTag.execute(arguments: [id, try tag(t)]) }
            let final = finalIndexes(claim)
            for (i, f) in claim.forecasts.enumerated() {
                let option = try f.option.map { label -> Int64 in
                    guard let o = optionIDs[label.lowercased()] else {
                        throw JournalError.invalid("claim “\(claim.text)”: a forecast is for the option \"\(label)\", which the claim does not have")
                    }
                    return o
                }
                try insertForecast.execute(arguments: [id, try who(f.forecaster), option, f.probability, f.typed, f.form.rawValue, f.reason,
                                                       f.createdAt.millis, final.contains(i)])
                summary.forecasts += 1
                if !f.caveats.isEmpty {
                    let forecastID = db.lastInsertedRowID
                    for c in f.caveats { try insertCaveat.execute(arguments: [forecastID, c]) }
                }
            }
            for r in claim.resolutions {
                let option = try r.option.map { label -> Int64 in
                    guard let o = optionIDs[label.lowercased()] else {
                        throw JournalError.invalid("claim “\(claim.text)” resolves to \"\(label)\", which is not one of its options")
                    }
                    return o
                }
                try insertResolution.execute(arguments: [id, r.status.rawValue, option, r.resolvedAt.millis, r.recordedAt.millis, r.note,
                                                         try r.resolvedBy.map(who), r.automatic])
                summary.resolutions += 1
            }
            if let last = claim.resolutions.last {
                try setStatus.execute(arguments: [last.status.rawValue, last.status.outcome.map { $0 ? 1 : 0 }, last.resolvedAt.millis,
                                                  try last.option.map { optionIDs[$0.lowercased()]! }, id])
            }
        }
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
        var best: [String: (Int64, Int)] = [:]
        for (i, f) in claim.forecasts.enumerated() {
            let t = f.createdAt.millis
            if let cutoff, t > cutoff { continue }
            let key = f.forecaster.lowercased() + "\u{1F}" + (f.option?.lowercased() ?? "")
            if let current = best[key], current.0 > t { continue }
            best[key] = (t, i)
        }
        return Set(best.values.map(\.1))
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
            summary.mergedClaims += 1
        } else {
            summary.unchangedClaims += 1
        }
    }
}
