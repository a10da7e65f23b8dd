import CredenceCore
import Foundation
import GRDB

/// The writes of one invocation, inside its transaction. Every change it makes is undoable.
package final class JournalWriter {
    let db: any SQLDatabase
    package let now: Date
    private let stepID: Int64

    init(db: any SQLDatabase, now: Date, origin: String) throws {
        self.db = db
        self.now = now
        // The high-water mark of every table's ids: `undo` deletes what this step inserts above them.
        var marks: [String: Int64] = [:]
        if let sql = db.dialect.idMarks {
            marks = try db.rows(sql).reduce(into: [:]) { $0[$1["name"]] = $1["seq"] }
        }
        let json = String(decoding: try JSONEncoder().encode(marks), as: UTF8.self)
        stepID = try db.insert(
            "INSERT INTO undo_step(description, created_at, marks, origin) VALUES ('', ?, ?, ?)",
            [now.millis, json, origin])
        if let sql = db.dialect.stepStarted { try db.execute(sql, [stepID]) }
    }

    func finish(description: String) throws {
        try db.execute("UPDATE undo_step SET description = ? WHERE id = ?", [description, stepID])
        // Keep the last 500 steps; older ones can no longer be undone.
        if db.dialect.prunesUndoSteps { return }
        try db.execute("DELETE FROM undo_op WHERE step_id <= ? - 500", [stepID])
        try db.execute("DELETE FROM undo_step WHERE id <= ? - 500", [stepID])
    }

    // MARK: - Forecasters and tags

    /// The id of a forecaster, created on first use. Names are case-insensitive and stored once.
    package func forecasterID(_ name: String) throws -> Int64 {
        guard let clean = ForecasterName.clean(name) else {
            throw JournalError.invisibleForecasterName
        }
        if ForecasterSubject.isTeam(clean) { throw JournalError.reservedForecasterName(clean) }
        if let id = try db.value(Int64.self, "SELECT id FROM forecaster WHERE \(db.dialect.sameName("name"))", [clean])
        {
            return id
        }
        let (sql, arguments) = db.dialect.insertForecaster(name: clean, at: now.millis)
        return try db.insert(sql, arguments)
    }

    func tagID(_ name: String) throws -> Int64 {
        let find = try db.statement("SELECT id FROM tag WHERE \(db.dialect.sameName("name"))")
        if let id: Int64 = try find.rows([name]).first?[0] { return id }
        // Another member of a team journal may add the same tag at the same moment: theirs, once
        // committed, is the tag (a plain INSERT would fail on the unique name).
        try db.statement("INSERT INTO tag(name) VALUES (?) ON CONFLICT DO NOTHING").execute([name])
        guard let id: Int64 = try find.rows([name]).first?[0] else {
            throw JournalError.notPermitted("the tag \(name) could not be added")
        }
        return id
    }

    // MARK: - Claims

    /// The claims this write adds are blind: on a team journal, members see others' forecasts on
    /// them only once they forecast. A file has one reader, so nobody to hide forecasts from.
    package func addBlindly() throws {
        guard let sql = db.dialect.blindClaims else {
            throw JournalError.onlyOnTeamJournal(
                "--blind is for a team journal: a journal file has one reader, so there is nobody to hide forecasts from; leave out --blind"
            )
        }
        _ = try db.rows(sql)
    }

    /// Adds a claim and returns it.
    package func addClaim(
        text: String, resolveBy: Date?, tags: [String], notes: String? = nil,
        createdAt: Date? = nil, uuid: String = UUID().uuidString.lowercased()
    ) throws -> Claim {
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty else { throw JournalError.emptyText }
        let created = createdAt ?? now
        if let resolveBy, resolveBy < created {
            throw JournalError.resolveByBeforeCreation(
                resolveBy: ISO8601DateFormatter().string(from: resolveBy),
                created: ISO8601DateFormatter().string(from: created))
        }
        let id = try db.insert(
            "INSERT INTO claim(uuid, text, notes, created_at, resolve_by) VALUES (?, ?, ?, ?, ?)",
            [uuid, clean, notes, created.millis, resolveBy?.millis])
        try setTags(id, tags)
        return Claim(
            id: id, uuid: uuid, text: clean, notes: notes, createdAt: Date(millis: created.millis),
            resolveBy: resolveBy.map { Date(millis: $0.millis) })
    }

    func setTags(_ claim: ClaimID, _ tags: [String]) throws {
        for tag in tags {
            try db.execute(
                "INSERT INTO claim_tag(claim_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [claim, try tagID(tag)])
        }
    }

    package func addTags(_ claim: ClaimID, _ tags: [String]) throws {
        _ = try requireClaim(claim)
        try setTags(claim, tags)
    }

    @discardableResult
    package func requireClaim(_ id: ClaimID) throws -> Claim {
        guard let claim = try Queries.claim(db, id) else { throw JournalError.unknownClaim(id) }
        return claim
    }

    /// Replaces a claim's text and notes. Returns false when nothing changed.
    package func edit(_ id: ClaimID, text: String, notes: String?) throws -> Bool {
        let claim = try requireClaim(id)
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty else { throw JournalError.emptyText }
        let cleanNotes = notes.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if clean == claim.text && cleanNotes == claim.notes { return false }
        try db.execute("UPDATE claim SET text = ?, notes = ? WHERE id = ?", [clean, cleanNotes, id])
        return true
    }

    /// Deletes a claim with its forecasts, tags and resolutions (undoable).
    package func delete(_ id: ClaimID) throws -> Claim {
        let claim = try requireClaim(id)
        try db.execute(db.dialect.claimDeletion, [id])
        return claim
    }

    // MARK: - Forecasts

    package func addForecast(
        claim id: ClaimID, forecaster: String, probability: Probability, reason: String?,
        caveats: [String], at time: Date? = nil
    ) throws -> Forecast {
        let claim = try requireClaim(id)
        if claim.status.isResolved { throw JournalError.notResolvedForecastable(id, claim.status) }
        if claim.kind == .scenarios {
            let labels = try db.values(
                String.self, "SELECT label FROM scenario_option WHERE claim_id = ? ORDER BY position", [id])
            throw JournalError.scenarioSetNeedsOptions(id, options: labels)
        }
        let who = try forecasterID(forecaster)
        let created = time ?? now
        let forecastID = try db.insert(
            """
            INSERT INTO \(db.dialect.writable("forecast"))(claim_id, forecaster_id, probability, typed, form, reason, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                id, who, probability.value, probability.typed, probability.form.rawValue, reason, created.millis,
            ])
        for caveat in caveats where !caveat.trimmingCharacters(in: .whitespaces).isEmpty {
            try db.execute(
                "INSERT INTO \(db.dialect.writable("caveat"))(forecast_id, text) VALUES (?, ?)", [forecastID, caveat])
        }
        try refreshFinal(claim: id)
        return Forecast(
            id: forecastID, claimID: id, forecaster: try Queries.forecasterName(db, who),
            probability: probability.value,
            typed: probability.typed, form: probability.form, reason: reason, createdAt: created,
            isFinal: true, caveats: caveats)
    }

    /// A forecaster's latest forecast on a claim, if any.
    package func currentForecast(claim id: ClaimID, forecaster: String) throws -> Forecast? {
        try Queries.forecasts(db, claim: id).last { $0.forecaster.lowercased() == forecaster.lowercased() }
    }

    /// Marks, per forecaster, the forecast that counts: the latest at or before resolution.
    /// Only rows whose flag changes are written, so undo records stay small.
    func refreshFinal(claim id: ClaimID) throws { try refreshFinal(claims: [id]) }

    /// `refreshFinal` for many claims at once: an import merging thousands of claims runs one
    /// statement per `Queries.claimsPerStatement` of them.
    func refreshFinal(claims ids: [ClaimID]) throws {
        try Queries.forEachChunk(of: ids) { list, arguments in
            try db.statement(
                """
                WITH ranked AS (
                    SELECT f.id, row_number() OVER (
                        PARTITION BY f.claim_id, f.forecaster_id, f.option_id ORDER BY f.created_at DESC, f.id DESC) AS rank
                    FROM forecast f JOIN claim c ON c.id = f.claim_id
                    WHERE f.claim_id IN (\(list)) AND (c.resolved_at IS NULL OR f.created_at <= c.resolved_at)
                ), latest AS (SELECT id FROM ranked WHERE rank = 1)
                UPDATE \(db.dialect.writable("forecast")) SET is_final = CASE WHEN id IN (SELECT id FROM latest) THEN 1 ELSE 0 END
                WHERE claim_id IN (\(list)) AND is_final <> CASE WHEN id IN (SELECT id FROM latest) THEN 1 ELSE 0 END
                """
            ).execute(arguments + arguments)
        }
    }
}
