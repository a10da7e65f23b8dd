import CredenceCore
import Foundation
import GRDB

extension Journal {
    /// A forecaster's resolved final forecasts in a confidence band, optionally on claims with a
    /// tag: how many, and how many came true. Open, annulled and scenario-option forecasts are
    /// left out. Cheap enough to run on every `add`: with a tag it starts from the tag's claims,
    /// without one it reads a range of the forecast_final index.
    package func referenceRecords(
        forecaster: String, band: ConfidenceBand, claim: ClaimID
    ) throws -> (tagged: [ReferenceRecord], overall: ReferenceRecord) {
        try read { db in
            guard
                let who = try db.value(
                    Int64.self, "SELECT id FROM forecaster WHERE \(db.dialect.sameName("name"))", [forecaster])
            else {
                return ([], ReferenceRecord(band: band, tag: nil, n: 0, events: 0))
            }
            let tags = try Queries.tags(db, claims: [claim])[claim] ?? []
            return (
                try tags.map { try Self.referenceRecord(db, forecaster: who, band: band, tag: $0) },
                try Self.referenceRecord(db, forecaster: who, band: band, tag: nil)
            )
        }
    }

    static func referenceRecord(
        _ db: any SQLDatabase, forecaster who: Int64, band: ConfidenceBand, tag: String?
    ) throws -> ReferenceRecord {
        let upper = band.includesUpper ? "f.probability <= ?" : "f.probability < ?"
        let filter =
            "f.forecaster_id = ? AND f.is_final = 1 AND f.outcome IS NOT NULL AND f.option_id IS NULL AND f.probability >= ? AND \(upper)"
        // Cached statements: `add` asks once per tag of the claim, and a claim can have thousands.
        let row: SQLRow?
        if let tag {
            row = try db.statement(
                """
                SELECT count(*), coalesce(sum(f.outcome), 0) FROM tag t
                JOIN claim_tag ct ON ct.tag_id = t.id JOIN forecast f ON f.claim_id = ct.claim_id
                WHERE \(db.dialect.sameName("t.name")) AND \(filter)
                """
            ).rows([tag, who, band.lower, band.upper]).first
        } else {
            row = try db.statement(
                "SELECT count(*), coalesce(sum(f.outcome), 0) FROM forecast f \(db.dialect.indexedBy("forecast_final")) WHERE \(filter)"
            ).rows([who, band.lower, band.upper]).first
        }
        return ReferenceRecord(band: band, tag: tag, n: row?[0] ?? 0, events: row?[1] ?? 0)
    }
}
