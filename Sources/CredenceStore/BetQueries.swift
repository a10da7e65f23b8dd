import CredenceCore
import Foundation
import GRDB

enum BetQueries {
    static func select(_ dialect: any SQLDialect) -> String {
        """
        SELECT b.id, b.claim_id, y.name AS yes_name, n.name AS no_name, b.yes_stake, b.no_stake, b.terms, b.created_at,
               b.settled_at, b.settlement, \(dialect.betState("b")) AS state, \(dialect.betProposer("b")) AS proposer
        FROM bet b JOIN forecaster y ON y.id = b.yes_forecaster_id JOIN forecaster n ON n.id = b.no_forecaster_id
        """
    }

    static func bet(from row: SQLRow) -> Bet {
        var bet = Bet(
            id: row["id"], claimID: row["claim_id"], yesSide: row["yes_name"], noSide: row["no_name"],
            yesStake: row["yes_stake"],
            noStake: row["no_stake"], terms: row["terms"], createdAt: Date(millis: row["created_at"]),
            settledAt: (row["settled_at"] as Int64?).map(Date.init(millis:)),
            settlement: (row["settlement"] as String?).flatMap(Settlement.init(rawValue:)))
        bet.state = BetState(rawValue: row["state"]) ?? .accepted
        bet.proposedBy = row["proposer"]
        return bet
    }

    static func bets(_ db: any SQLDatabase, claim id: ClaimID) throws -> [Bet] {
        try db.rows("\(select(db.dialect)) WHERE b.claim_id = ? ORDER BY b.id", [id]).map(bet(from:))
    }

    static func bet(_ db: any SQLDatabase, id: Int64) throws -> Bet? {
        try db.row("\(select(db.dialect)) WHERE b.id = ?", [id]).map(bet(from:))
    }
}

extension Journal {
    /// Every bet a forecaster is party to (or every bet, for nil), oldest first, with its claim.
    package func bets(involving name: String?) throws -> [(bet: Bet, claim: Claim)] {
        try read { db in
            var sql = "\(BetQueries.select(db.dialect)) "
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

extension JournalWriter {
    /// `bet accept N` / `bet decline N` on a team journal: the counterparty's answer (the server
    /// checks that the caller is the one asked, and that the offer is still open).
    package func answerBet(_ id: Int64, accept: Bool) throws -> Bet {
        guard db.dialect.betsAwaitAnswers else {
            throw JournalError.onlyOnTeamJournal(
                "on a journal file a bet is agreed as it is entered, so there is nothing to accept or decline")
        }
        guard let bet = try BetQueries.bet(db, id: id) else { throw JournalError.unknownBet(id) }
        if bet.state != .pending { throw JournalError.betAlreadyAnswered(id, bet.state.rawValue) }
        try db.execute(
            "UPDATE \(db.dialect.writable("bet")) SET state = ? WHERE id = ?", [accept ? "accepted" : "declined", id])
        return try BetQueries.bet(db, id: id)!
    }
}
