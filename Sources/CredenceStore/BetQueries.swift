import CredenceCore
import Foundation
import GRDB

enum BetQueries {
    static let select = """
        SELECT b.id, b.claim_id, y.name AS yes_name, n.name AS no_name, b.yes_stake, b.no_stake, b.terms, b.created_at,
               b.settled_at, b.settlement
        FROM bet b JOIN forecaster y ON y.id = b.yes_forecaster_id JOIN forecaster n ON n.id = b.no_forecaster_id
        """

    static func bet(from row: SQLRow) -> Bet {
        Bet(
            id: row["id"], claimID: row["claim_id"], yesSide: row["yes_name"], noSide: row["no_name"],
            yesStake: row["yes_stake"],
            noStake: row["no_stake"], terms: row["terms"], createdAt: Date(millis: row["created_at"]),
            settledAt: (row["settled_at"] as Int64?).map(Date.init(millis:)),
            settlement: (row["settlement"] as String?).flatMap(Settlement.init(rawValue:)))
    }

    static func bets(_ db: any SQLDatabase, claim id: ClaimID) throws -> [Bet] {
        try db.rows("\(select) WHERE b.claim_id = ? ORDER BY b.id", [id]).map(bet(from:))
    }
}

extension Journal {
    /// Every bet a forecaster is party to (or every bet, for nil), oldest first, with its claim.
    package func bets(involving name: String?) throws -> [(bet: Bet, claim: Claim)] {
        try read { db in
            var sql = "\(BetQueries.select) "
            var args: SQLArguments = []
            if let name {
                sql += "WHERE \(db.dialect.sameName("y.name")) OR \(db.dialect.sameName("n.name")) "
                args += [name, name]
            }
            sql += "ORDER BY b.id"
            return try db.rows(sql, args).map { row in
                let bet = BetQueries.bet(from: row)
                return (bet, try Queries.claim(db, bet.claimID)!)
            }
        }
    }
}
