import Foundation
import Testing

@testable import CredenceCore

/// docs/statistics.md §14, by hand: forecasters A, B, C on claims q1..q4 with outcomes (1, 0, 0, 1).
@Suite struct WorkedExampleTests {
    let outcomes = [true, false, false, true]
    let a = [0.8, 0.3, 0.6, 0.9], b = [0.6, 0.5, 0.2, 0.7], c = [0.7, 0.7, 0.2, 0.4]

    func sample(_ p: [Double]) -> Sample { Sample(rows: zip(p, outcomes).map { ($0, $1) }) }

    @Test func scores() throws {
        let sa = try #require(Scoring.scores(sample(a)))
        #expect(close(sa.brier, 0.125))
        #expect(close(sa.logLoss.value, 0.400367, rel: 0, abs: 5e-7))
        #expect(close(sa.spherical, 0.859468, rel: 0, abs: 5e-7))
        #expect(close(Scoring.scores(sample(b))!.brier, 0.135))
        #expect(close(Scoring.scores(sample(c))!.brier, 0.245))
        #expect(close(sa.brierTwoCategory, 0.25))
    }

    @Test func corpForC() throws {
        let s = sample(c)
        let corp = try #require(CORP.decompose(s, scores: Scoring.scores(s)!))
        #expect(
            corp.blocks == [
                PAVBlock(xMin: 0.2, xMax: 0.2, n: 1, events: 0), PAVBlock(xMin: 0.4, xMax: 0.7, n: 3, events: 2),
            ])
        #expect(close(corp.brier.recalibrated, 1.0 / 6))
        #expect(close(corp.brier.unc, 0.25))
        #expect(close(corp.brier.dsc, 1.0 / 12))
        #expect(close(corp.brier.mcb, 0.245 - 1.0 / 6))
        #expect(close(corp.brier.mcb! - corp.brier.dsc + corp.brier.unc, 0.245))
    }

    @Test func corpForAAndB() throws {
        for p in [a, b] {
            let s = sample(p), scores = Scoring.scores(s)!
            let corp = try #require(CORP.decompose(s, scores: scores))
            #expect(corp.brier.recalibrated == 0)
            #expect(close(corp.brier.mcb, scores.brier))
            #expect(close(corp.brier.dsc, 0.25))
        }
        let blocks = CORP.pav(sample(a).values)
        #expect(blocks.map(\.xMin) == [0.3, 0.8] && blocks.map(\.xMax) == [0.6, 0.9] && blocks.map(\.cep) == [0, 1])
    }

    @Test func murphyForC() throws {
        let m = try #require(Binning.murphy(sample(c)))
        #expect(close(m.rel, 0.12) && close(m.res, 0.125) && close(m.unc, 0.25))
        #expect(m.wbv == 0 && m.wbc == 0)
        #expect(m.bins[7].n == 2 && close(m.bins[7].meanForecast, 0.7) && m.bins[7].observedFrequency == 0.5)
        #expect(m.bins[2].n == 1 && m.bins[4].n == 1)
        #expect(close(m.ferroFricker!.rel, -0.005))
    }

    @Test func pairs() throws {
        func d(_ x: [Double], _ y: [Double]) -> [Double] {
            (0..<4).map { Scoring.brier(x[$0], outcomes[$0]) - Scoring.brier(y[$0], outcomes[$0]) }
        }
        let ab = try #require(HeadToHead.compare(d(a, b)))
        #expect(close(ab.meanDiff, -0.01, rel: 1e-12, abs: 1e-16))
        #expect((ab.winsA, ab.winsB, ab.ties) == (3, 1, 0))
        #expect(close(ab.sdDiff, (0.1484 / 3).squareRoot()))
        #expect(close(ab.t, -0.089924, rel: 1e-5) && close(ab.pT, 0.9340, rel: 1e-4) && ab.pSign == 0.625)
        let bc = try #require(HeadToHead.compare(d(b, c)))
        #expect((bc.winsA, bc.winsB, bc.ties) == (2, 1, 1))
        #expect(close(bc.pSign, 1.0) && close(bc.t, -1.291884, rel: 1e-6) && close(bc.pT, 0.2869, rel: 1e-3))
    }

    @Test func spiegelhalterForA() throws {
        let z = try #require(Spiegelhalter.test(sample(a)))
        #expect(close(z.z, -0.2 / 0.1584.squareRoot()))
        #expect(close(z.pValue, 0.615303, rel: 0, abs: 5e-7))
        #expect(z.direction == .underconfident)
    }

    @Test func metaculus() throws {
        let baseline = try #require(Scoring.scores(sample(a))).baselineMean
        #expect(close(baseline, 100 * [1.6, 1.4, 0.8, 1.8].map(log2).reduce(0, +) / 4))
        let claims = (0..<4).map { q in
            PeerScores.Claim(outcome: outcomes[q], forecasts: [("A", [a[q]]), ("B", [b[q]]), ("C", [c[q]])])
        }
        let peers = PeerScores.compute(claims)
        #expect(close(peers["A"]!.mean, 16.012, rel: 1e-4) && close(peers["B"]!.mean, 9.175, rel: 1e-3))
        #expect(close(peers["C"]!.mean, -25.186, rel: 1e-4))
        #expect(abs(peers.values.map { $0.mean! }.reduce(0, +)) < 1e-12)
    }

    @Test func smoothECE() throws {
        let sa = try #require(SmoothECE.compute(sample(a)))
        #expect(close(sa.value, 0.188073, rel: 1e-5) && sa.sigma == 194.0 / 1024)
        let pooled = try #require(
            SmoothECE.compute(Sample(rows: (0..<4).flatMap { q in [a[q], b[q], c[q]].map { ($0, outcomes[q]) } })))
        #expect(close(pooled.value, 0.089058, rel: 1e-5) && pooled.sigma == 92.0 / 1024)
    }

    @Test func timeline() throws {
        let alice = TimeAveraged.score(
            [TimedForecast(time: 0, p: 0.6), TimedForecast(time: 4, p: 0.9)], open: 0, close: 10, outcome: true)
        #expect(close(alice?.fromFirst, 0.07))
        let bob = TimeAveraged.score([TimedForecast(time: 5, p: 0.8)], open: 0, close: 10, outcome: true)
        #expect(close(bob?.fromFirst, 0.04) && close(bob?.uniformFill, 0.145))
        // t2's common window [2, 4): Alice 0.3 throughout; Bob 0.5 then 0.1 from t = 3.
        let a2 = TimeAveraged.average([TimedForecast(time: 2, p: 0.3)], open: 0, from: 2, close: 4, outcome: false)!
        let b2 = TimeAveraged.average(
            [TimedForecast(time: 0, p: 0.5), TimedForecast(time: 3, p: 0.1)], open: 0, from: 2, close: 4, outcome: false
        )!
        #expect(close(a2 - b2, -0.04))
        let d = try #require(HeadToHead.compare([0.01 - 0.04, a2 - b2]))
        #expect(close(d.meanDiff, -0.035) && close(d.t, -7.0, rel: 1e-12) && close(d.pT, 0.0903, rel: 1e-3))
    }
}

/// docs/statistics.md §11: every edge case in the table.
@Suite struct EdgeCaseTests {
    @Test func certainForecasts() throws {
        let right = try #require(Scoring.scores(Sample(rows: [(1, true), (0, false)])))
        #expect(right.brier == 0 && right.logLoss.unclipped == 0 && right.spherical == 1 && !right.logLoss.infinite)
        let wrong = try #require(Scoring.scores(Sample(rows: [(1, false), (0.7, true)])))
        #expect(
            wrong.logLoss.infinite && wrong.logLoss.unclipped == nil && wrong.logLoss.nClipped == 1
                && wrong.wrongCertain == 1)
        #expect(close(wrong.logLoss.value, (-log(1e-15) - log(0.7)) / 2))
        let corp = try #require(CORP.decompose(Sample(rows: [(1, false), (0.7, true)]), scores: wrong))
        #expect(corp.log.score == nil && corp.log.mcb == nil)
        #expect(Spiegelhalter.test(Sample(rows: [(1, false), (0.7, true)]))?.wrongCertain == 1)
    }

    @Test func spiegelhalterUndefined() {
        let z = Spiegelhalter.test(Sample(rows: [(0, false), (0.5, true), (1, true)]))!
        #expect(z.z == nil && z.pValue == nil && z.direction == nil)
    }

    @Test func coinflipOneBlock() throws {
        let s = Sample(rows: [(0.5, true), (0.5, false), (0.5, false)])
        let corp = try #require(CORP.decompose(s, scores: Scoring.scores(s)!))
        #expect(corp.blocks.count == 1 && corp.brier.dsc == 0 && corp.log.dsc == 0)
        #expect(close(corp.brier.mcb, (0.5 - 1.0 / 3) * (0.5 - 1.0 / 3)))
    }

    @Test func allOutcomesEqual() throws {
        let s = Sample(rows: [(0.6, true), (0.9, true), (0.2, true)])
        let m = try #require(Binning.murphy(s)), scores = Scoring.scores(s)!
        let corp = try #require(CORP.decompose(s, scores: scores))
        #expect(m.unc == 0 && m.res == 0 && corp.brier.dsc == 0 && corp.brier.unc == 0)
        #expect(close(corp.brier.mcb, scores.brier))
        #expect(m.bins[9].wilson != nil)
    }

    @Test func emptyBinsAndEdges() throws {
        let m = try #require(Binning.murphy(Sample(rows: [(0.3, true), (1.0, false)])))
        #expect(m.bins[3].n == 1 && m.bins[9].n == 1)
        #expect(
            m.bins[0].n == 0 && m.bins[0].meanForecast == nil && m.bins[0].observedFrequency == nil
                && m.bins[0].wilson == nil)
        for (j, p) in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].enumerated() {
            #expect(Binning.bin(of: p, count: 10) == j + 1)
        }
        #expect(Binning.bin(of: 0.29999999999999999, count: 10) == 3)
        #expect(Binning.bin(of: 0.2999999999999999, count: 10) == 2)
    }

    @Test func singleSharedClaimAndEqualDifferences() throws {
        let one = try #require(HeadToHead.compare([0.05]))
        #expect(one.t == nil && one.pT == nil && one.winsB == 1 && one.meanDiff == 0.05)
        let same = try #require(HeadToHead.compare([-0.1, -0.1, -0.1]))
        #expect(same.sdDiff == 0 && same.t == nil && same.pT == nil && same.winsA == 3)
    }

    @Test func noSharedClaimPeer() {
        let peers = PeerScores.compute([PeerScores.Claim(outcome: true, forecasts: [("solo", [0.7])])])
        #expect(peers["solo"] == PeerScore(mean: nil, claims: 0))
    }

    @Test func contestScoresDivideByEveryClaim() throws {
        var tally = PeerScores.Tally<String>()
        tally.add(PeerScores.Claim(outcome: true, forecasts: [("A", [0.9]), ("B", [0.6])]))
        tally.add(PeerScores.Claim(outcome: false, forecasts: [("A", [0.2]), ("C", [0.5])]))
        tally.add(PeerScores.Claim(outcome: true, forecasts: [("B", [0.7])]))
        #expect(tally.claims == 3)
        let plain = tally.scores, contest = tally.contestScores
        let a1 = 100 * (log(0.9) - log(0.6)), a2 = 100 * (log1p(-0.2) - log1p(-0.5))
        #expect(close(plain["A"]!.mean, (a1 + a2) / 2) && plain["A"]!.claims == 2)
        #expect(close(contest["A"]!.mean, (a1 + a2) / 3) && contest["A"]!.claims == 2)
        // B's lone forecast on the third claim has no peer: one scored claim, still over three in a contest.
        #expect(close(plain["B"]!.mean, -a1) && close(contest["B"]!.mean, -a1 / 3) && contest["B"]!.claims == 1)
        #expect(PeerScores.Tally<String>().contestScores.isEmpty)
    }

    @Test func headToHeadVerdictNeedsFiveClaimsAndAClearDifference() throws {
        func pair(_ finals: [(a: Double, b: Double)]) throws -> PairComparison {
            let t = Date(timeIntervalSince1970: 0)
            let claims = finals.enumerated().map { i, f in
                var c = SharedClaim(
                    id: ClaimID(i + 1), text: "c\(i)", outcome: true, createdAt: t, resolvedAt: t + 86_400)
                (c.aFinal, c.bFinal) = (f.a, f.b)
                return c
            }
            return try #require(Comparisons.compare(SharedClaims(claims: claims)))
        }
        func kind(_ finals: [(a: Double, b: Double)]) throws -> HeadToHeadVerdict.Kind {
            HeadToHeadVerdict(try pair(finals), scoring: .final).kind
        }
        #expect(try kind(Array(repeating: (0.9, 0.6), count: 4)) == .withinNoise)
        #expect(try kind(Array(repeating: (0.9, 0.6), count: 5)) == .moreRightEveryTime)
        #expect(try kind(Array(repeating: (0.7, 0.7), count: 5)) == .same)
        let clear = try pair((0..<20).map { (0.9, 0.5 + Double($0) / 200) })
        let verdict = HeadToHeadVerdict(clear, scoring: .final)
        guard case .moreRight(let p, let interval) = verdict.kind else {
            Issue.record("expected a verdict, got \(verdict.kind)")
            return
        }
        #expect(verdict.aIsBetter && p < HeadToHeadVerdict.level && interval.upper < 0)
        // Within noise: A better on average, but by far less than the spread.
        #expect(try kind((0..<6).map { $0 % 2 == 0 ? (0.9, 0.6) : (0.55, 0.6) }) == .withinNoise)
    }

    @Test func emptySampleHasNoStatistics() {
        #expect(Calibration.analyse(Sample(rows: [])) == nil)
    }
}

/// The resampled consistency band is statistical: check it behaves like one.
@Suite struct ConsistencyBandTests {
    /// Every value observed exactly as often as said: the recalibrated curve is the diagonal.
    static let calibrated = Sample(
        counts: stride(from: 5, through: 95, by: 10).map { CountedForecast(x: Double($0) / 100, n: 200, e: 2 * $0) })

    @Test func aCalibratedForecasterStaysInsideTheBand() throws {
        #expect(ConsistencyBands.band(Self.calibrated).method == .discreteAsymptotics)  // n = 2000 > 1000 and ≥ 8K²
        for p in ConsistencyBands.resampled(Self.calibrated, seed: 7) {
            let lower = try #require(p.lower), upper = try #require(p.upper)
            #expect(lower <= p.x && p.x <= upper, "x = \(p.x): [\(lower), \(upper)]")
        }
    }

    @Test func resamplingAgreesWithTheAsymptoticBand() throws {
        // Where the asymptotic band applies, resampling gives a band of the same size (PAV pools
        // neighbours, so it is somewhat narrower).
        for (r, d) in zip(
            ConsistencyBands.resampled(Self.calibrated, seed: 7), ConsistencyBands.discrete(Self.calibrated))
        where (0.2...0.8).contains(r.x) {
            let resampled = r.upper! - r.lower!, asymptotic = d.upper! - d.lower!
            #expect(
                resampled > 0.3 * asymptotic && resampled < 1.3 * asymptotic,
                "x = \(r.x): \(resampled) vs \(asymptotic)")
        }
    }

    @Test func theBandIsReproducible() {
        #expect(
            ConsistencyBands.resampled(Self.calibrated, seed: 1) == ConsistencyBands.resampled(Self.calibrated, seed: 1)
        )
        #expect(
            ConsistencyBands.resampled(Self.calibrated, seed: 1) != ConsistencyBands.resampled(Self.calibrated, seed: 2)
        )
    }
}
