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
