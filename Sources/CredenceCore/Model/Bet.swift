import Foundation

/// How a bet ended.
package enum Settlement: String, Sendable, Codable {
    /// YES happened: the YES side takes the NO side's stake.
    case yes
    /// NO happened: the NO side takes the YES side's stake.
    case no
    /// The claim was annulled: both stakes go back.
    case refunded
}

/// Whether a bet stands. On a journal file a bet is agreed as it is entered; on a team journal a
/// bet with a member waits for that member to accept it, and only an accepted bet settles.
package enum BetState: String, Sendable {
    case pending, accepted, declined
}

/// An agreement between two forecasters on a binary claim. Each side stakes an amount; the
/// winner takes the loser's stake.
package struct Bet: Sendable, Equatable {
    package var id: Int64
    package var claimID: ClaimID
    package var yesSide: String
    package var noSide: String
    package var yesStake: Double
    package var noStake: Double
    /// How the odds were set, in words ("at 4:1 (80%)", "midpoint of 35% and 80%").
    package var terms: String
    package var createdAt: Date
    package var settledAt: Date?
    package var settlement: Settlement?
    package var state: BetState = .accepted
    /// Who offered it, on a team journal (its counterparty is the one to accept).
    package var proposedBy: String?

    /// The side a pending bet waits for.
    package var awaiting: String? {
        guard state == .pending, let proposedBy else { return nil }
        return proposedBy.lowercased() == yesSide.lowercased() ? noSide : yesSide
    }

    package init(
        id: Int64, claimID: ClaimID, yesSide: String, noSide: String, yesStake: Double, noStake: Double, terms: String,
        createdAt: Date, settledAt: Date? = nil, settlement: Settlement? = nil
    ) {
        self.id = id
        self.claimID = claimID
        self.yesSide = yesSide
        self.noSide = noSide
        self.yesStake = yesStake
        self.noStake = noStake
        self.terms = terms
        self.createdAt = createdAt
        self.settledAt = settledAt
        self.settlement = settlement
    }

    /// The stakes to the cent (a journal from before stakes were kept in cents may hold a binary
    /// fraction such as 2.499999999999999).
    package var yesMoney: Money { Money(rounding: yesStake) }
    package var noMoney: Money { Money(rounding: noStake) }

    /// The implied probability of YES: the YES side's share of the pot.
    package var impliedProbability: Double { yesStake / (yesStake + noStake) }

    /// What a forecaster gained (+) or lost (−) on this bet; nil while open or if not a party.
    package func net(for name: String) -> Double? {
        guard let settlement else { return nil }
        let who = name.lowercased()
        let isYes = yesSide.lowercased() == who, isNo = noSide.lowercased() == who
        guard isYes || isNo else { return nil }
        switch settlement {
        case .refunded: return 0
        case .yes: return isYes ? noStake : -noStake
        case .no: return isNo ? yesStake : -yesStake
        }
    }
}

/// Bet terms from odds or from two stated probabilities.
package enum BetTerms {
    /// Stakes when one side risks `stake` at implied probability `q` of YES: the YES side puts up
    /// q of the pot and the NO side 1 − q, so each stake is proportional to that share.
    package static func stakes(q: Double, mySide yes: Bool, myStake: Double) -> (yes: Double, no: Double) {
        yes ? (myStake, myStake * (1 - q) / q) : (myStake * q / (1 - q), myStake)
    }

    /// Fair odds between two stated probabilities: their midpoint. Each side then expects to gain
    /// by their own numbers: at price q, YES is worth p − q per unit of pot to someone who believes p.
    package static func midpoint(_ a: Double, _ b: Double) -> Double { (a + b) / 2 }

    /// Expected gain for someone who believes p, on a bet with these stakes.
    package static func expectedGain(believing p: Double, yes: Bool, yesStake: Double, noStake: Double) -> Double {
        yes ? p * noStake - (1 - p) * yesStake : (1 - p) * yesStake - p * noStake
    }
}

/// A named, mutually exclusive option of a scenario set.
package struct ScenarioOption: Sendable, Equatable {
    package var id: Int64
    package var label: String
    package var position: Int
    package init(id: Int64, label: String, position: Int) {
        self.id = id
        self.label = label
        self.position = position
    }
}

/// "This claim counts only if claim `on` resolves `required`."
package struct Condition: Sendable, Equatable {
    package var on: ClaimID
    package var required: Bool
    package init(on: ClaimID, required: Bool) {
        self.on = on
        self.required = required
    }
}

/// Per-claim scores for "who was more right".
package enum ClaimScore {
    /// Brier (0–1) and log score in bits (−log₂ q) of a binary forecast.
    package static func binary(_ p: Double, outcome: Bool) -> (brier: Double, logBits: Double) {
        let q = outcome ? p : 1 - p
        return ((1 - q) * (1 - q), -log2(max(q, Scoring.logGuard)))
    }

    /// Multi-category Brier on the 0–2 scale, Σ (p_o − 1{o happened})², and the log score in nats.
    package static func scenarios(
        _ distribution: [(label: String, p: Double)], happened: String
    ) -> (brier: Double, logNats: Double) {
        var brier = CompensatedSum()
        var q = 0.0
        for (label, p) in distribution {
            let hit = label.lowercased() == happened.lowercased()
            brier.add((p - (hit ? 1 : 0)) * (p - (hit ? 1 : 0)))
            if hit { q = p }
        }
        return (brier.value, -log(max(q, Scoring.logGuard)))
    }
}

/// Which side of a bet someone takes, and why.
package enum BetSide {
    package enum Choice: Equatable, Sendable {
        /// Take this side (true: YES).
        case side(yes: Bool)
        /// The side can't be chosen: nobody's forecast says which way to lean.
        case unclear
        /// At these odds neither side gains by your own forecast: it is the fair price.
        case even
    }

    /// The side a forecaster who believes `mine` should take at price `q`: YES when they think
    /// YES likelier than the price says, NO when less likely, so the expected gain by their own
    /// forecast is never negative. Without a price (the midpoint of both forecasts), the side
    /// their forecast favours against the other's.
    package static func choose(mine: Double?, theirs: Double?, price q: Double?) -> Choice {
        guard let mine else { return .unclear }
        if let q {
            if mine == q { return .even }
            return .side(yes: mine > q)
        }
        guard let theirs else { return .unclear }
        if mine == theirs { return .even }
        return .side(yes: mine > theirs)
    }

    /// The odds on YES that make a bet worth zero to someone who believes p: p : 1 − p.
    package static func fairOdds(_ p: Double) -> String {
        let percent = Probability.percentText(p)
        guard p > 0, p < 1 else { return percent }
        let ratio = p / (1 - p)
        let text = ratio >= 1 ? "\(OddsText.number(ratio)):1" : "1:\(OddsText.number(1 / ratio))"
        return "\(text) (\(percent))"
    }
}

enum OddsText {
    /// 3, 1.5, 2.33
    static func number(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        return String(format: "%.2f", r).replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
    }
}

extension BetTerms {
    /// Stakes in whole cents: `mine` is what one side risks; the other side's stake is the
    /// nearest cent to what price q implies. Nil when that rounds to nothing.
    package static func stakes(q: Double, mySide yes: Bool, myStake mine: Money) -> (yes: Money, no: Money)? {
        let other = Money(rounding: yes ? mine.amount * (1 - q) / q : mine.amount * q / (1 - q))
        guard other.cents > 0 else { return nil }
        return yes ? (mine, other) : (other, mine)
    }
}
