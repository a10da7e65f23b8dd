import CredenceCore
import CredenceReport
import Foundation

/// Words and numbers for bets.
enum BetText {
    /// 20, 12.50, 1,250
    static func amount(_ x: Double) -> String { Money(rounding: x).description }

    /// +45, −0.63, 0: the sign of the amount shown, so a rounding crumb is never "+0".
    static func signed(_ x: Double) -> String {
        let m = Money(rounding: x)
        return m.cents > 0 ? "+\(m)" : m.cents < 0 ? "\(m)" : "0"
    }

    static func settled(_ bet: Bet, owner: String) -> String {
        let yes = Wording.who(bet.yesSide, owner: owner), no = Wording.who(bet.noSide, owner: owner)
        switch bet.settlement {
        case .yes?:
            return "Settled bet \(bet.id): \(yes) \(yes == "you" ? "win" : "wins") \(amount(bet.noStake)) from \(no)."
        case .no?:
            return "Settled bet \(bet.id): \(no) \(no == "you" ? "win" : "wins") \(amount(bet.yesStake)) from \(yes)."
        case .refunded?: return "Refunded bet \(bet.id) between \(yes) and \(no): the claim was annulled."
        case nil: return "Bet \(bet.id) is open."
        }
    }
}
