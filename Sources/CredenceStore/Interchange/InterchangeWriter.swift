import CredenceCore
import Foundation
import GRDB

/// What an import did, and what it left out and why.
package struct ImportSummary: Sendable, Equatable {
    package var format = ""
    package var claims = 0
    package var mergedClaims = 0
    package var unchangedClaims = 0
    package var forecasts = 0
    package var duplicateForecasts = 0
    package var resolutions = 0
    package var bets = 0
    /// Conditions added, to new claims or to claims already here.
    package var conditions = 0
    package var forecasters: [String] = []
    /// Names this import took as a forecaster already named with other capitals: "olivia" as "Olivia".
    package var caseMerges: [CaseMerge] = []
    /// Records left out, each with its reason.
    package var skipped: [String] = []
    package var notes: [String] = []
    package init() {}

    package struct CaseMerge: Sendable, Equatable {
        package let name: String
        package let `as`: String
    }
}

extension JournalWriter {
    /// Stores an interchange document in this transaction. New claims are inserted in bulk; a
    /// claim already here (same UUID) gains only what it lacks — re-importing adds nothing.
    package func store(_ doc: InterchangeDocument) throws -> ImportSummary {
        let importer = try ClaimImporter(self)
        for claim in doc.claims { try importer.add(claim) }
        return try importer.finish(bets: doc.bets, skipped: doc.skipped, notes: doc.notes)
    }
}

/// Stores claims one at a time, as a file is read, within one writer's transaction; `finish`
/// adds what needs every claim first (merges, conditions, bets) and says what was done.
final class ClaimImporter {
    private let w: JournalWriter
    private var db: any SQLDatabase { w.db }
    private var summary = ImportSummary()
    /// Forecasters this import created, in order (kept apart from `summary`, which a merge holds).
    private var newForecasters: [String] = []
    /// Kept apart from `summary` too: `who` adds to it during a merge.
    private var caseMerges: [ImportSummary.CaseMerge] = []
    /// By lowercased name: the id and the name it was first seen as; by the name exactly as written.
    private var forecasterIDs: [String: (id: Int64, name: String)] = [:], exactIDs: [String: Int64] = [:]
    private var recent: [(name: String, id: Int64)] = []
    private var tagIDs: [String: Int64] = [:]
    /// The claims already here, read once (cheaper than a lookup per claim in the file), and
    /// each claim of the file as it is stored.
    private var claims: [ClaimKey: (id: ClaimID, status: ClaimStatus)] = [:]
    /// Ids this import gave; the journal's own are all at or below `highest`.
    private var givenIDs = Set<ClaimID>()
    private var highest: ClaimID = 0
    /// Claims already in the journal, merged at the end (a merge reads the forecast index by
    /// claim, which a bulk import drops while it writes).
    private var merges: [(claim: InterchangeClaim, id: ClaimID, status: ClaimStatus)] = []
    /// Conditions point at other claims, which may come later in the file.
    private var conditions: [(uuid: String, text: String, on: String, required: Bool)] = []
    // Rows go in many at a time; claims are always flushed before the rows that refer to them.
    private var claimRows: BatchInsert, tagRows: BatchInsert, forecastRows: BatchInsert, resolutionRows: BatchInsert
    private let insertForecast: any SQLStatement
    private let insertCaveat: any SQLStatement, insertOption: any SQLStatement
    private let mark: Int64
    private var next: Int64
    /// Whether the forecast indexes were dropped, to be built once at the end.
    private var bulk = false
    /// About how many forecasts the journal held (the highest id: no count of a big table).
    private let forecastsBefore: Int
    /// New claims past which a bulk import is worth it.
    static let bulkThreshold = 10_000

    init(_ w: JournalWriter) throws {
        self.w = w
        let db = w.db
        // A SELECT of a setting: read, so it counts as no change.
        if let sql = db.dialect.importStarted { _ = try db.rows(sql) }
        // Up to 256 MB of pages in memory while this transaction writes (allocated only as used),
        // so each page it changes is written once, at commit, rather than spilled to the log and
        // written again: a merge of 3,000 claims into a 100,000-claim journal changes about 20,000
        // pages spread over the whole file.
        if let sqlite = db as? SQLiteDatabase { try sqlite.db.execute(sql: "PRAGMA cache_size = -262144") }
        // Read through the C API: a 100,000-claim journal's rows, each through GRDB, cost more
        // than a small import's whole work.
        let count = try db.value(Int.self, "SELECT count(*) FROM claim") ?? 0
        claims.reserveCapacity(count)
        var rows = try RawQuery(db, "SELECT id, uuid, status FROM claim")
        while try rows.step() {
            let id = rows.int(0)
            let key = rows.withText(1) { ClaimKey(utf8: $0) }
            claims[key] = (id, rows.withText(2) { ClaimStatus(utf8: $0) })
            highest = max(highest, id)
        }
        claimRows = BatchInsert(
            w.db, table: "claim",
            columns: [
                "id", "uuid", "text", "kind", "notes", "created_at", "resolve_by",
                "status", "outcome", "resolved_at",
            ])
        tagRows = BatchInsert(w.db, table: "claim_tag", columns: ["claim_id", "tag_id"], orIgnore: true)
        forecastRows = BatchInsert(
            w.db, table: "forecast",
            columns: [
                "claim_id", "forecaster_id", "option_id", "probability", "typed",
                "form", "reason", "created_at", "is_final", "outcome",
            ])
        resolutionRows = BatchInsert(
            w.db, table: "resolution",
            columns: [
                "claim_id", "status", "option_id", "resolved_at", "recorded_at",
                "note", "resolved_by", "automatic",
            ])
        insertForecast = try db.statement(
            """
            INSERT INTO \(db.dialect.writable("forecast"))(claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at, is_final, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertCaveat = try db.statement("INSERT INTO \(db.dialect.writable("caveat"))(forecast_id, text) VALUES (?, ?)")
        insertOption = try db.statement("INSERT INTO scenario_option(claim_id, label, position) VALUES (?, ?, ?)")
        // Ids are given here so rows can be batched. An id a file asks for is kept only above every
        // id this journal has ever used, so `undo` (which removes ids above its mark) removes it too.
        mark = try db.value(Int64.self, db.dialect.highestID("claim")) ?? 0
        forecastsBefore = try db.value(Int.self, "SELECT max(id) FROM forecast") ?? 0
        next = max(mark, highest) + 1
    }

    private func who(_ name: String) throws -> Int64 {
        // Imports name a few people over and over: a short list beats hashing every row.
        for r in recent where r.name == name { return r.id }
        if let id = exactIDs[name] { return id }
        let key = name.lowercased()
        if let known = forecasterIDs[key] {
            exactIDs[name] = known.id
            caseMerges.append(.init(name: name, as: known.name))
            return known.id
        }
        // The journal's names are case-insensitive (each engine's spelling, which its index serves):
        // this finds "Olivia" for "olivia".
        let existed = try db.row("SELECT id, name FROM forecaster WHERE \(db.dialect.sameName("name"))", [name])
        let id: Int64
        if let existed {
            id = existed[0]
            let stored: String = existed[1]
            if stored != name { caseMerges.append(.init(name: name, as: stored)) }
            forecasterIDs[key] = (id, stored)
        } else {
            id = try w.forecasterID(name)
            newForecasters.append(name)
            forecasterIDs[key] = (id, name)
        }
        exactIDs[name] = id
        if recent.count < 8 { recent.append((name, id)) }
        return id
    }

    private func tag(_ name: String) throws -> Int64 {
        let key = name.lowercased()
        if let id = tagIDs[key] { return id }
        let id = try w.tagID(name)
        tagIDs[key] = id
        return id
    }

    private func newID(_ wanted: ClaimID?) throws -> ClaimID {
        if let wanted, wanted > mark, !givenIDs.contains(wanted),
            try wanted > highest || db.value(Bool.self, "SELECT 1 FROM claim WHERE id = ?", [wanted]) == nil
        {
            return wanted
        }
        while givenIDs.contains(next) { next += 1 }
        return next
    }

    private func flushAll() throws {
        try claimRows.flush()
        try tagRows.flush()
        try forecastRows.flush()
        try resolutionRows.flush()
    }

    /// A big import keeps more of the journal in memory while it writes (up to 256 MB, so pages
    /// are written once, at commit, rather than spilled and rewritten), and builds the forecast
    /// indexes once at the end, sorted, instead of row by row. It is all one transaction, so a
    /// failure leaves the indexes as they were.
    private func startBulk() throws {
        try flushAll()
        guard let db = db as? SQLiteDatabase else { return }
        let sqlite = db.db
        // This SQLite zeroes freed pages, each one journalled first: dropping the indexes of a
        // million forecasts would copy 50 MB to be zeroed, for pages the rebuild reuses at once.
        let secure = try Int.fetchOne(sqlite, sql: "PRAGMA secure_delete") ?? 0
        try sqlite.execute(sql: "PRAGMA secure_delete = OFF; DROP INDEX forecast_by_claim; DROP INDEX forecast_final")
        try sqlite.execute(sql: "PRAGMA secure_delete = \(secure)")
        bulk = true
    }

    /// Stores one claim of the file (the file names each claim once).
    func add(_ claim: InterchangeClaim) throws {
        if let condition = claim.condition {
            conditions.append((claim.uuid, claim.text, condition.uuid, condition.required))
        }
        let key = ClaimKey(claim.uuid)
        if let existing = claims[key] {
            merges.append((claim, existing.id, existing.status))
            return
        }
        // Rebuilding the indexes costs in proportion to the whole table: worth it once this import
        // has brought at least as many forecasts as the journal had (a new journal: at once).
        if !bulk && db.engine == .sqlite && summary.claims >= Self.bulkThreshold && summary.forecasts >= forecastsBefore
        {
            try startBulk()
        }
        let id = try newID(claim.id)
        givenIDs.insert(id)
        // A yes/no/annulled claim goes in with its status; a scenario set's option exists only after it.
        let final = claim.resolutions.last.flatMap { $0.status == .resolved ? nil : $0 }
        // A file naming a claim twice (other tools' exports can) merges the second into the first.
        claims[key] = (id, final?.status ?? .open)
        claimRows.add(
            .int(id), .text(claim.uuid), .text(claim.text), .text(claim.kind.rawValue), .text(claim.notes),
            .int(claim.createdAt.millis), .int(claim.resolveBy?.millis), .text(final?.status.rawValue ?? "open"),
            .int(final?.status.outcome.map { $0 ? 1 : 0 }), .int(final?.resolvedAt.millis))
        summary.claims += 1
        var optionIDs: [String: Int64] = [:]
        if !claim.options.isEmpty {
            try claimRows.flush()
            for (i, label) in claim.options.enumerated() {
                optionIDs[label.lowercased()] = try insertOption.insert([id, label, i])
            }
        }
        func option(_ label: String?, _ what: String) throws -> Int64? {
            guard let label else { return nil }
            guard let o = optionIDs[label.lowercased()] else {
                throw JournalError.importedUnknownOption(claimText: claim.text, what: what, label: label)
            }
            return o
        }
        for t in claim.tags { tagRows.add(.int(id), .int(try tag(t))) }
        let whos = try claim.forecasts.map { try who($0.forecaster) }
        let options = try claim.forecasts.map { try option($0.option, "a forecast is for the option") }
        let counted = Self.finalIndexes(claim, who: whos, option: options)
        let last = claim.resolutions.last
        for (i, f) in claim.forecasts.enumerated() {
            let o = options[i]
            // What it is scored against (see the schema): the claim's outcome, or whether its option happened.
            let outcome: Int64? =
                f.option == nil
                ? last?.status.outcome.map { $0 ? 1 : 0 }
                : last?.status == .resolved ? (last?.option?.lowercased() == f.option?.lowercased() ? 1 : 0) : nil
            summary.forecasts += 1
            guard !f.caveats.isEmpty else {
                forecastRows.add(
                    .int(id), .int(whos[i]), .int(o), .double(f.probability), .text(f.typed),
                    .text(f.form.rawValue), .text(f.reason), .int(f.createdAt.millis),
                    .int(counted[i] ? 1 : 0),
                    .int(outcome))
                continue
            }
            // Caveats need the forecast's id: this one goes in on its own, after its claim.
            try flushAll()
            let forecastID = try insertForecast.insert([
                id, whos[i], o, f.probability, f.typed, f.form.rawValue, f.reason, f.createdAt.millis, counted[i],
                outcome,
            ])
            for c in f.caveats { try insertCaveat.execute([forecastID, c]) }
        }
        for r in claim.resolutions {
            resolutionRows.add(
                .int(id), .text(r.status.rawValue), .int(try option(r.option, "it resolves to")),
                .int(r.resolvedAt.millis),
                .int(r.recordedAt.millis), .text(r.note), .int(try r.resolvedBy.map(who)), .int(r.automatic ? 1 : 0))
            summary.resolutions += 1
        }
        if let last = claim.resolutions.last, last.status == .resolved {
            try flushAll()
            try db.execute(
                "UPDATE claim SET status = 'resolved', resolved_at = ?, resolved_option_id = ? WHERE id = ?",
                [last.resolvedAt.millis, try option(last.option, "it resolves to"), id])
        }
        if claimRows.isFull || tagRows.isFull || forecastRows.isFull || resolutionRows.isFull { try flushAll() }
    }

    /// A claim as an import's refusal names it: by its text, as the file has it.
    private func claimName(_ id: ClaimID) throws -> String {
        let text = try db.value(String.self, "SELECT text FROM claim WHERE id = ?", [id]) ?? "?"
        return "claim “\(text.count > 60 ? text.prefix(59) + "…" : text)”"
    }

    /// Writes what is buffered, rebuilds dropped indexes, then merges, conditions and bets.
    func finish(bets: [InterchangeBet], skipped: [String], notes: [String]) throws -> ImportSummary {
        try flushAll()
        if bulk { try db.execute(Schema.forecastIndexes) }
        // Claims went in with the ids given here: the engine's own counter moves past them.
        if let sql = db.dialect.idsGiven("claim") { _ = try db.rows(sql) }
        var changed: [ClaimID] = []
        for m in merges {
            if try w.merge(
                m.claim, into: m.id, currentStatus: m.status, who: who, tag: tag,
                summary: &summary)
            {
                changed.append(m.id)
            }
        }
        // Which forecasts count, and their outcomes, for every changed claim at once.
        try w.refreshFinal(claims: changed)
        try w.refreshOutcomes(claims: changed)
        for c in conditions {
            guard let id = claims[ClaimKey(c.uuid)]?.id else { continue }
            let exists =
                try db.value(Bool.self, "SELECT 1 FROM condition WHERE claim_id = ?", [id]) != nil
            if exists { continue }
            guard
                let on = try claims[ClaimKey(c.on)]?.id
                    ?? db.value(ClaimID.self, "SELECT id FROM claim WHERE uuid = ?", [c.on])
            else {
                summary.skipped.append(
                    "the condition of “\(c.text)”: the claim it depends on (\(c.on)) is not in the file or the journal")
                continue
            }
            try w.insertCondition(claim: id, on: on, required: c.required, name: claimName)
            summary.conditions += 1
        }
        for bet in bets {
            guard
                let claim = try claims[ClaimKey(bet.claimUUID)]?.id
                    ?? db.value(ClaimID.self, "SELECT id FROM claim WHERE uuid = ?", [bet.claimUUID])
            else {
                summary.skipped.append(
                    "a bet between \(bet.yesSide) and \(bet.noSide): its claim (\(bet.claimUUID)) is not in the file or the journal"
                )
                continue
            }
            let y = try who(bet.yesSide), n = try who(bet.noSide)
            let duplicate =
                try db.value(
                    Bool.self,
                    """
                    SELECT 1 FROM bet WHERE claim_id = ? AND yes_forecaster_id = ? AND no_forecaster_id = ? AND created_at = ?
                    """, [claim, y, n, bet.createdAt.millis]) != nil
            if duplicate { continue }
            try db.execute(
                """
                INSERT INTO \(db.dialect.writable("bet"))(claim_id, yes_forecaster_id, no_forecaster_id, yes_stake, no_stake, terms, created_at, settled_at, settlement)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    claim, y, n, bet.yesStake, bet.noStake, bet.terms, bet.createdAt.millis, bet.settledAt?.millis,
                    bet.settlement?.rawValue,
                ])
            summary.bets += 1
        }
        summary.skipped = skipped + summary.skipped
        summary.notes = notes
        summary.forecasters = newForecasters
        summary.caseMerges = caseMerges
        return summary
    }
}

extension ClaimImporter {
    /// Which forecasts count: per forecaster and option, the latest at or before the resolution
    /// (the later in the file when times are equal). Forecasters and options are compared by id,
    /// which is already case-insensitive; a claim with thousands of forecasters is hashed.
    static func finalIndexes(_ claim: InterchangeClaim, who: [Int64], option: [Int64?]) -> [Bool] {
        let cutoff = claim.resolutions.last?.resolvedAt.millis ?? .max
        let forecasts = claim.forecasts
        var counted = [Bool](repeating: false, count: forecasts.count)
        var best: [ForecastKey: Int] = [:]
        var few: [(key: ForecastKey, index: Int)] = []
        for i in forecasts.indices {
            let t = forecasts[i].createdAt.millis
            if t > cutoff { continue }
            let key = ForecastKey(who: who[i], option: option[i] ?? 0)
            if forecasts.count <= 8 {
                if let j = few.firstIndex(where: { $0.key == key }) {
                    if forecasts[few[j].index].createdAt.millis <= t { few[j].index = i }
                } else {
                    few.append((key, i))
                }
            } else if let j = best[key], forecasts[j].createdAt.millis > t {
                continue
            } else {
                best[key] = i
            }
        }
        for (_, i) in few { counted[i] = true }
        for i in best.values { counted[i] = true }
        return counted
    }

    struct ForecastKey: Hashable {
        let who: Int64
        let option: Int64
    }
}

extension JournalWriter {
    /// Adds to an existing claim what the file has and it lacks: forecasts, tags, a resolution.
    /// True when it changed, and so needs `refreshFinal` and `refreshOutcomes` (run by the caller,
    /// once for every claim merged).
    func merge(
        _ claim: InterchangeClaim, into id: ClaimID, currentStatus: ClaimStatus, who: (String) throws -> Int64,
        tag: (String) throws -> Int64, summary: inout ImportSummary
    ) throws -> Bool {
        var changed = false
        // Cached statements: an import can merge thousands of claims.
        let options = try db.statement("SELECT id, label FROM scenario_option WHERE claim_id = ?").rows([id])
        let optionIDs = Dictionary(
            options.map { (($0["label"] as String).lowercased(), $0["id"] as Int64) }, uniquingKeysWith: { a, _ in a })
        let existing = Set(
            try db.statement(
                """
                SELECT lower(w.name) AS who, coalesce(f.option_id, 0) AS option, f.created_at, f.probability, f.typed
                FROM forecast f JOIN forecaster w ON w.id = f.forecaster_id WHERE f.claim_id = ?
                """
            ).rows([id]).map {
                "\($0["who"] as String)|\($0["option"] as Int64)|\($0["created_at"] as Int64)|\(($0["probability"] as Double).bitPattern)|\($0["typed"] as String)"
            })
        for f in claim.forecasts {
            let option = f.option.flatMap { optionIDs[$0.lowercased()] }
            if f.option != nil && option == nil {
                summary.skipped.append(
                    "a forecast by \(f.forecaster) on “\(claim.text)”: the option \"\(f.option!)\" is not one of its options"
                )
                continue
            }
            let key =
                "\(f.forecaster.lowercased())|\(option ?? 0)|\(f.createdAt.millis)|\(f.probability.bitPattern)|\(f.typed)"
            if existing.contains(key) {
                summary.duplicateForecasts += 1
                continue
            }
            let forecastID = try db.statement(
                """
                INSERT INTO \(db.dialect.writable("forecast"))(claim_id, forecaster_id, option_id, probability, typed, form, reason, created_at, is_final)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                """
            ).insert([
                id, try who(f.forecaster), option, f.probability, f.typed, f.form.rawValue, f.reason,
                f.createdAt.millis,
            ])
            for c in f.caveats {
                try db.statement("INSERT INTO \(db.dialect.writable("caveat"))(forecast_id, text) VALUES (?, ?)")
                    .execute([forecastID, c])
            }
            summary.forecasts += 1
            changed = true
        }
        for t in claim.tags {
            let added = try db.statement("INSERT INTO claim_tag(claim_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .execute([id, try tag(t)])
            if added > 0 { changed = true }
        }
        if let last = claim.resolutions.last, last.status != currentStatus {
            if currentStatus == .open {
                let option = last.option.flatMap { optionIDs[$0.lowercased()] }
                try db.execute(
                    """
                    INSERT INTO resolution(claim_id, status, option_id, resolved_at, recorded_at, note, resolved_by, automatic)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        id, last.status.rawValue, option, last.resolvedAt.millis, now.millis, last.note,
                        try last.resolvedBy.map(who), last.automatic,
                    ])
                try db.execute(
                    "UPDATE claim SET status = ?, outcome = ?, resolved_at = ?, resolved_option_id = ? WHERE id = ?",
                    [
                        last.status.rawValue, last.status.outcome.map { $0 ? 1 : 0 }, last.resolvedAt.millis, option,
                        id,
                    ])
                summary.resolutions += 1
                changed = true
            } else {
                summary.skipped.append(
                    "the resolution of “\(claim.text)”: it is \(currentStatus.rawValue) in the journal and \(last.status.rawValue) in the file; the journal's is kept"
                )
            }
        }
        if changed {
            summary.mergedClaims += 1
        } else {
            summary.unchangedClaims += 1
        }
        return changed
    }
}
