import Foundation
import Testing

@testable import CredenceCore

/// `@team`'s pools (docs/statistics.md §16) against values worked by hand: odds multiply, so the
/// mean of log-odds is the geometric mean of odds.
@Suite struct TeamPoolTests {
    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func meanLogOddsIsTheGeometricMeanOfOdds() {
        let pool = TeamPool.standard
        // Odds 1/4 and 4: geometric mean 1.
        #expect(Self.close(pool.pool([0.2, 0.8]), 0.5))
        // Odds 1 and 9: geometric mean 3, so 3/4.
        #expect(Self.close(pool.pool([0.5, 0.9]), 0.75))
        // Odds 1/9, 1, 9, 9: geometric mean 9^(1/4) = √3.
        #expect(Self.close(pool.pool([0.1, 0.5, 0.9, 0.9]), 3.0.squareRoot() / (1 + 3.0.squareRoot())))
        // Odds 1/4, 1/4, 4: geometric mean 4^(−1/3).
        #expect(Self.close(pool.pool([0.2, 0.2, 0.8]), 1 / (1 + cbrt(4.0))))
        // The order of the forecasters does not matter.
        #expect(pool.pool([0.9, 0.1, 0.9, 0.5]) == pool.pool([0.1, 0.5, 0.9, 0.9]))
    }

    @Test func logitKeepsEachForecastWithinATenthOfAPercent() {
        let pool = TeamPool.standard
        // 0% and 100% are read as 0.1% and 99.9%: they cancel instead of giving NaN.
        #expect(Self.close(pool.pool([0, 1]), 0.5))
        #expect(Self.close(pool.pool([0, 0]), 0.001, 1e-15))
        #expect(Self.close(pool.pool([1, 1]), 0.999, 1e-15))
        // One certain forecaster does not decide the pool: odds 1/999 and 9, mean logit ln(9/999)/2.
        #expect(Self.close(pool.pool([0, 0.9]), 1 / (1 + (999.0 / 9).squareRoot())))
        // Symmetric: pooling the complements gives the complement.
        let ps = [0.03, 0.41, 0.77, 0.999]
        #expect(Self.close(pool.pool(ps.map { 1 - $0 }), 1 - pool.pool(ps)!, 1e-15))
    }

    @Test func extremizingMultipliesTheMeanLogOdds() {
        // Mean logit ln 3; d = 2 gives ln 9, so 0.9.
        #expect(Self.close(TeamPool.meanLogOdds(extremize: 2).pool([0.5, 0.9]), 0.9))
        // d = 1.5: odds 3^1.5.
        let odds = pow(3, 1.5)
        #expect(Self.close(TeamPool.meanLogOdds(extremize: 1.5).pool([0.5, 0.9]), odds / (1 + odds)))
        // d = 1 is the plain mean; a pool at ½ stays at ½ whatever d.
        #expect(TeamPool.meanLogOdds(extremize: 1).pool([0.5, 0.9]) == TeamPool.standard.pool([0.5, 0.9]))
        #expect(Self.close(TeamPool.meanLogOdds(extremize: 1.7).pool([0.2, 0.8]), 0.5))
    }

    @Test func meanAndMedianOfProbabilities() {
        #expect(Self.close(TeamPool.mean.pool([0.5, 0.9]), 0.7))
        #expect(Self.close(TeamPool.mean.pool([0.1, 0.5, 0.9, 0.9]), 0.6))
        #expect(Self.close(TeamPool.mean.pool([0, 1]), 0.5))
        #expect(TeamPool.median.pool([0.2, 0.8, 0.2]) == 0.2)
        #expect(Self.close(TeamPool.median.pool([0.9, 0.1, 0.5, 0.9]), 0.7))
        #expect(Self.close(TeamPool.median.pool([0.2, 0.4]), 0.3))
        #expect(TeamPool.median.pool([0, 1, 1]) == 1)
    }

    @Test func oneForecasterIsNotATeam() {
        for pool in [TeamPool.standard, .mean, .median] {
            #expect(pool.pool([]) == nil)
            #expect(pool.pool([0.7]) == nil)
            #expect(pool.pool([0.7, 0.7]) != nil)
        }
    }

    @Test func methodsFromTheCommandLine() {
        #expect(TeamPoolMethod.logOdds.pool(extremize: nil) == .success(.standard))
        #expect(TeamPoolMethod.logOdds.pool(extremize: 1.5) == .success(.meanLogOdds(extremize: 1.5)))
        #expect(TeamPoolMethod.mean.pool(extremize: nil) == .success(.mean))
        #expect(TeamPoolMethod.median.pool(extremize: nil) == .success(.median))
        // Extremizing is defined on log-odds only: refused elsewhere, never ignored.
        #expect(TeamPoolMethod.mean.pool(extremize: 1.5) == .failure(.extremizeNeedsLogOdds(.mean)))
        for bad in [0, -1, Double.infinity, Double.nan] {
            guard case .failure(.badExtremize) = TeamPoolMethod.logOdds.pool(extremize: bad) else {
                Issue.record("--extremize \(bad) was accepted")
                continue
            }
        }
        #expect(TeamPool.standard.label == "mean log-odds")
        #expect(TeamPool.meanLogOdds(extremize: 1.5).label == "mean log-odds, extremized ×1.5")
        #expect(TeamPool.meanLogOdds(extremize: 2).label == "mean log-odds, extremized ×2")
    }

    @Test func countsAreOnePooledForecastPerClaim() {
        let claims = [
            ClaimForecasts(claim: 1, outcome: true, forecasts: [0.5, 0.5]),
            ClaimForecasts(claim: 2, outcome: false, forecasts: [0.5, 0.5, 0.5]),
            ClaimForecasts(claim: 3, outcome: true, forecasts: [0.5, 0.9]),
            // One forecaster: no team forecast, so the claim is not scored for @team.
            ClaimForecasts(claim: 4, outcome: true, forecasts: [0.7]),
        ]
        let counts = TeamPool.standard.counts(claims)
        #expect(counts.map(\.n) == [2, 1])
        #expect(counts.map(\.e) == [1, 1])
        #expect(counts[0].x == 0.5)
        #expect(Self.close(counts[1].x, 0.75))
        let medians = TeamPool.median.counts(claims).map(\.x)
        #expect(medians.count == 2 && medians[0] == 0.5 && Self.close(medians[1], 0.7))
    }
}
