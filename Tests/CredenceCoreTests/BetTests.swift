import Foundation
import Testing

@testable import CredenceCore

@Suite struct BetTests {
    @Test func stakesFollowTheImpliedProbability() {
        // At 4:1 on yes (80%), a NO stake of 20 is matched by a YES stake of 80.
        let s = BetTerms.stakes(q: 0.8, mySide: false, myStake: 20)
        #expect(abs(s.yes - 80) < 1e-12 && s.no == 20)
        let t = BetTerms.stakes(q: 0.25, mySide: true, myStake: 10)
        #expect(t.yes == 10 && abs(t.no - 30) < 1e-12)
    }

    @Test func theMidpointGivesBothSidesAnEdgeByTheirOwnNumbers() {
        let q = BetTerms.midpoint(0.35, 0.8)
        let s = BetTerms.stakes(q: q, mySide: false, myStake: 20)
        let mine = BetTerms.expectedGain(believing: 0.35, yes: false, yesStake: s.yes, noStake: s.no)
        let theirs = BetTerms.expectedGain(believing: 0.8, yes: true, yesStake: s.yes, noStake: s.no)
        #expect(mine > 0 && theirs > 0 && abs(mine - theirs) < 1e-12)
        #expect(abs(BetTerms.expectedGain(believing: 0.8, yes: true, yesStake: 80, noStake: 20)) < 1e-12)
    }

    /// The side table: my forecast, theirs, the odds → my side, never worth less than zero to me.
    @Test(
        arguments: [
            (0.75, 0.60, 0.80, false),  // the case: at 4:1 my 75% favours NO, whatever Ryan says
            (0.75, 0.60, nil, true),  // no odds: the midpoint 67.5%, and I think YES likelier
            (0.35, 0.80, 0.80, false), (0.90, 0.80, 0.80, true), (0.20, 0.10, 0.25, false), (0.30, 0.10, 0.25, true),
            (0.50, 0.70, nil, false), (0.99, 0.01, 0.5, true),
        ] as [(Double, Double, Double?, Bool)])
    func theSideYourForecastFavours(mine: Double, theirs: Double, odds: Double?, yes: Bool) throws {
        #expect(BetSide.choose(mine: mine, theirs: theirs, price: odds) == .side(yes: yes))
        let q = odds ?? BetTerms.midpoint(mine, theirs)
        let stakes = try #require(BetTerms.stakes(q: q, mySide: yes, myStake: Money(cents: 1000)))
        let gain = BetTerms.expectedGain(
            believing: mine, yes: yes, yesStake: stakes.yes.amount, noStake: stakes.no.amount)
        #expect(gain >= 0)
    }

    @Test func noSideWithoutAReasonToLean() {
        #expect(BetSide.choose(mine: nil, theirs: 0.6, price: 0.8) == .unclear)
        #expect(BetSide.choose(mine: 0.6, theirs: nil, price: nil) == .unclear)
        #expect(BetSide.choose(mine: 0.8, theirs: 0.6, price: 0.8) == .even)
        #expect(BetSide.choose(mine: 0.6, theirs: 0.6, price: nil) == .even)
        #expect(BetSide.fairOdds(0.75) == "3:1 (75%)" && BetSide.fairOdds(0.2) == "1:4 (20%)")
    }

    @Test func stakesAreWholeCents() throws {
        #expect(Money("2.50")?.cents == 250 && Money("20")?.cents == 2000 && Money("12.5")?.cents == 1250)
        #expect(Money("1,250")?.cents == 125_000 && Money("0.01")?.cents == 1)
        for bad in ["", "12.505", "-5", "1e3", "abc", "12.", ".5", "nan"] { #expect(Money(bad) == nil, "\(bad)") }
        #expect(Money(cents: 250).description == "2.50" && Money(cents: 125_000).description == "1,250")
        #expect(Money(cents: 250).amount.description == "2.5")
        // 10 on YES at 80%: the NO side stakes exactly 2.50, not 2.499999999999999.
        let s = try #require(BetTerms.stakes(q: 0.8, mySide: false, myStake: Money(cents: 1000)))
        #expect(s.yes.cents == 4000)
        let t = try #require(BetTerms.stakes(q: 0.8, mySide: true, myStake: Money(cents: 1000)))
        #expect(t.no.cents == 250 && t.no.amount.description == "2.5")
        #expect(BetTerms.stakes(q: 0.999, mySide: true, myStake: Money(cents: 1)) == nil)
    }

    @Test func settlementNets() {
        var bet = Bet(
            id: 1, claimID: 1, yesSide: "ryan", noSide: "me", yesStake: 80, noStake: 20, terms: "", createdAt: .init())
        #expect(bet.net(for: "me") == nil)
        bet.settlement = .yes
        #expect(bet.net(for: "me") == -20 && bet.net(for: "Ryan") == 20 && bet.net(for: "sam") == nil)
        bet.settlement = .no
        #expect(bet.net(for: "me") == 80 && bet.net(for: "ryan") == -80)
        bet.settlement = .refunded
        #expect(bet.net(for: "me") == 0)
        #expect(abs(bet.impliedProbability - 0.8) < 1e-12)
    }

    @Test func scenarioScores() {
        let s = ClaimScore.scenarios([("slow", 0.6), ("fast", 0.25), ("none", 0.15)], happened: "slow")
        #expect(abs(s.brier - (0.16 + 0.0625 + 0.0225)) < 1e-12)
        #expect(abs(s.logNats - -log(0.6)) < 1e-12)
        let b = ClaimScore.binary(0.8, outcome: false)
        #expect(abs(b.brier - 0.64) < 1e-12 && abs(b.logBits - -log2(0.2)) < 1e-12)
    }
}
