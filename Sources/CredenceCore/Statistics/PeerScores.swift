import Foundation

/// Metaculus-style spot peer scores (docs/statistics.md §8): on each claim with N ≥ 2 forecasters,
/// 100·(v_i − mean of the others' v_j), v = mean ln q with p clipped to [0.001, 0.999].
package struct PeerScore: Sendable, Equatable {
    package let mean: Double?
    package let claims: Int
}

package enum PeerScores {
    /// One claim's forecasts: each forecaster's probabilities on it and the outcome.
    package struct Claim<F: Hashable>: Sendable where F: Sendable {
        package let outcome: Bool
        package let forecasts: [(forecaster: F, probabilities: [Double])]
        package init(outcome: Bool, forecasts: [(forecaster: F, probabilities: [Double])]) {
            self.outcome = outcome
            self.forecasts = forecasts
        }
    }

    /// Peer scores summed claim by claim, so a caller reading forecasts grouped by claim (the
    /// leaderboard) never holds more than one claim. O(total forecasts): each claim costs O(N)
    /// through the sum of the v's.
    package struct Tally<F: Hashable & Sendable>: Sendable {
        private var sums: [F: CompensatedSum] = [:], counts: [F: Int] = [:]
        /// Every claim added, scored or not (a claim with one forecaster scores nobody).
        package private(set) var claims = 0

        package init() {}

        package mutating func add(_ claim: Claim<F>) {
            claims += 1
            for f in claim.forecasts where sums[f.forecaster] == nil {
                sums[f.forecaster] = CompensatedSum()
                counts[f.forecaster] = 0
            }
            guard claim.forecasts.count >= 2 else { return }
            let v = claim.forecasts.map { f -> Double in
                var s = CompensatedSum()
                for p in f.probabilities {
                    let c = Scoring.clipMetaculus(p)
                    s.add(claim.outcome ? log(c) : log1p(-c))
                }
                return s.value / Double(f.probabilities.count)
            }
            let total = CompensatedSum.of(v), others = Double(v.count - 1)
            for (i, f) in claim.forecasts.enumerated() {
                sums[f.forecaster]!.add(100 * (v[i] - (total - v[i]) / others))
                counts[f.forecaster]! += 1
            }
        }

        /// Each forecaster's mean over the claims they were scored on (nil: none had a peer).
        package var scores: [F: PeerScore] { means { n in n == 0 ? nil : Double(n) } }

        /// Contest mode: a claim someone skipped scores 0 for them, so every sum is divided by
        /// the number of claims added (nil when there are none).
        package var contestScores: [F: PeerScore] { means { _ in claims == 0 ? nil : Double(claims) } }

        private func means(dividingBy divisor: (Int) -> Double?) -> [F: PeerScore] {
            sums.reduce(into: [:]) { out, entry in
                let n = counts[entry.key]!
                out[entry.key] = PeerScore(mean: divisor(n).map { entry.value.value / $0 }, claims: n)
            }
        }
    }

    package static func compute<F: Hashable & Sendable>(_ claims: [Claim<F>]) -> [F: PeerScore] {
        var tally = Tally<F>()
        for claim in claims { tally.add(claim) }
        return tally.scores
    }
}
