import Foundation

/// Metaculus-style spot peer scores (docs/statistics.md §8): on each claim with N ≥ 2 forecasters,
/// 100·(v_i − mean of the others' v_j), v = mean ln q with p clipped to [0.001, 0.999].
public struct PeerScore: Sendable, Equatable {
    public let mean: Double?
    public let claims: Int
}

public enum PeerScores {
    /// One claim's forecasts: each forecaster's probabilities on it and the outcome.
    public struct Claim<F: Hashable>: Sendable where F: Sendable {
        public let outcome: Bool
        public let forecasts: [(forecaster: F, probabilities: [Double])]
        public init(outcome: Bool, forecasts: [(forecaster: F, probabilities: [Double])]) {
            self.outcome = outcome
            self.forecasts = forecasts
        }
    }

    /// O(total forecasts): each claim costs O(N) through the sum of the v's.
    public static func compute<F: Hashable & Sendable>(_ claims: [Claim<F>]) -> [F: PeerScore] {
        var sums: [F: CompensatedSum] = [:], counts: [F: Int] = [:]
        for claim in claims {
            for f in claim.forecasts where sums[f.forecaster] == nil {
                sums[f.forecaster] = CompensatedSum()
                counts[f.forecaster] = 0
            }
            guard claim.forecasts.count >= 2 else { continue }
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
        return sums.reduce(into: [:]) { out, entry in
            let n = counts[entry.key]!
            out[entry.key] = PeerScore(mean: n == 0 ? nil : entry.value.value / Double(n), claims: n)
        }
    }
}
