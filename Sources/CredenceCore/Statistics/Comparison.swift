import Foundation

/// A resolved binary claim two forecasters both forecast, with both histories.
package struct SharedClaim: Sendable {
    package let id: ClaimID
    package let text: String
    package let outcome: Bool
    package let createdAt: Date
    package let resolvedAt: Date
    /// Where each forecaster's forecasts made before resolution (entry order, times in seconds)
    /// sit in `SharedClaims.histories`.
    package var aHistory: Range<Int> = 0..<0
    package var bHistory: Range<Int> = 0..<0
    /// The forecast that counts for each (the last at or before resolution).
    package var aFinal: Double = .nan
    package var bFinal: Double = .nan
    /// For a scenario set: what happened and each one's multi-category Brier (0–2 scale). Then
    /// `outcome` is true and `aFinal`/`bFinal` are the probabilities given to what happened, so
    /// the log score needs nothing else.
    package var scenario: ScenarioScores?

    /// The Brier score on the 0–1 scale: (p − y)² for a binary claim, half the multi-category
    /// Brier for a scenario set (the two agree on a binary claim written as two options).
    package var brierA: Double { scenario.map { $0.brierA / 2 } ?? Scoring.brier(aFinal, outcome) }
    package var brierB: Double { scenario.map { $0.brierB / 2 } ?? Scoring.brier(bFinal, outcome) }

    package init(id: ClaimID, text: String, outcome: Bool, createdAt: Date, resolvedAt: Date) {
        self.id = id
        self.text = text
        self.outcome = outcome
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
    }
}

/// A resolved scenario set's scores for two forecasters.
package struct ScenarioScores: Sendable, Equatable {
    package let happened: String
    /// Σ over the options of (p − 1{it happened})², 0–2.
    package let brierA: Double
    package let brierB: Double
    package init(happened: String, brierA: Double, brierB: Double) {
        (self.happened, self.brierA, self.brierB) = (happened, brierA, brierB)
    }
}

/// Two forecasters' shared claims with every history in one array: two arrays per claim cost
/// 600,000 allocations at 300,000 claims, and ~20 ms just to free them.
package struct SharedClaims: Sendable {
    package var claims: [SharedClaim]
    package var histories: [TimedForecast]

    package init(claims: [SharedClaim] = [], histories: [TimedForecast] = []) {
        self.claims = claims
        self.histories = histories
    }
}

/// One claim's differences, A minus B (negative: A better).
package struct ClaimDifference: Sendable {
    package let claim: SharedClaim
    package let brier: Double
    /// log₂ q_B − log₂ q_A, in bits: positive when B gave what happened more probability… so
    /// negative favours A, like the Brier difference.
    package let logBits: Double
    /// The time-averaged Brier difference on the common window; nil when one of them had no
    /// forecast in force before resolution.
    package let timeAveraged: Double?
    /// The time-averaged log-score difference on the same window, in bits (negative favours A).
    package let timeAveragedLogBits: Double?
    package var closer: Int { brier < 0 ? -1 : brier > 0 ? 1 : 0 }
}

/// Head-to-head of two forecasters over their shared claims (docs/statistics.md §9, §10).
package struct PairComparison: Sendable {
    package let claims: [ClaimDifference]
    package let brierA: Double
    package let brierB: Double
    package let brier: PairedComparison
    package let bootstrap: Interval?
    /// Σ (log₂ q_A − log₂ q_B): the log₂ Bayes factor of A's forecasts over B's (positive favours A).
    package let logBayesFactorBits: Double
    /// The log-loss difference in nats with the guard of docs/statistics.md §2, as in the vectors.
    package let logLoss: PairedComparison
    /// Time-averaged Brier on the common windows, over the claims where both had a forecast in force.
    package let timeAveraged: PairedComparison?
    package let timeAveragedBootstrap: Interval?
    /// The time-averaged log-loss difference in nats on the common windows.
    package let timeAveragedLog: PairedComparison?
}

package enum Comparisons {
    /// - timeAveragedInterval: also bootstrap the time-averaged difference (when it is the headline).
    package static func compare(
        _ all: SharedClaims, seed: UInt64 = HeadToHead.seed, timeAveragedInterval: Bool = false
    ) -> PairComparison? {
        let shared = all.claims
        guard !shared.isEmpty else { return nil }
        // The bootstrap is most of the work: it starts first, on the other cores, and everything
        // else here is computed while it runs.
        let brierD = shared.map { $0.brierA - $0.brierB }
        let headline = Background { HeadToHead.bootstrap(brierD, seed: seed) }
        var diffs: [ClaimDifference] = [], logD: [Double] = []
        diffs.reserveCapacity(shared.count)
        logD.reserveCapacity(shared.count)
        var taD: [Double] = [], taLogD: [Double] = []
        taD.reserveCapacity(shared.count)
        var sumA = CompensatedSum(), sumB = CompensatedSum(), bayes = CompensatedSum()
        all.histories.withUnsafeBufferPointer { histories in
            for c in shared {
                let a = c.brierA, b = c.brierB
                let la = Scoring.logLoss(c.aFinal, c.outcome), lb = Scoring.logLoss(c.bFinal, c.outcome)
                sumA.add(a)
                sumB.add(b)
                bayes.add((lb - la) / M_LN2)
                let ta = timeAveragedDifference(c, histories, withLog: timeAveragedInterval)
                if let ta {
                    taD.append(ta.brier)
                    if let log = ta.log { taLogD.append(log) }
                }
                diffs.append(
                    ClaimDifference(
                        claim: c, brier: a - b, logBits: (la - lb) / M_LN2, timeAveraged: ta?.brier,
                        timeAveragedLogBits: ta?.log.map { $0 / M_LN2 }))
                logD.append(la - lb)
            }
        }
        let n = Double(shared.count)
        let brier = HeadToHead.compare(brierD)!, logLoss = HeadToHead.compare(logD)!,
            timeAveraged = HeadToHead.compare(taD)
        let timeAveragedBootstrap = timeAveragedInterval ? HeadToHead.bootstrap(taD, seed: seed) : nil
        return PairComparison(
            claims: diffs, brierA: sumA.value / n, brierB: sumB.value / n, brier: brier,
            bootstrap: headline.value, logBayesFactorBits: bayes.value,
            logLoss: logLoss, timeAveraged: timeAveraged,
            timeAveragedBootstrap: timeAveragedBootstrap, timeAveragedLog: HeadToHead.compare(taLogD))
    }

    /// A − B time-averaged Brier and, when asked (it doubles the work), log loss (nats, 10⁻¹⁵
    /// guard) over the window both had a forecast in force (docs/statistics.md §10).
    static func timeAveragedDifference(
        _ c: SharedClaim, _ histories: UnsafeBufferPointer<TimedForecast>, withLog: Bool
    ) -> (brier: Double, log: Double?)? {
        let open = c.createdAt.timeIntervalSince1970, close = c.resolvedAt.timeIntervalSince1970
        let a = UnsafeBufferPointer(rebasing: histories[c.aHistory]),
            b = UnsafeBufferPointer(rebasing: histories[c.bHistory])
        guard let fa = TimeAveraged.firstTime(a, open: open, close: close),
            let fb = TimeAveraged.firstTime(b, open: open, close: close)
        else { return nil }
        let start = max(fa, fb), outcome = c.outcome
        guard let ta = TimeAveraged.average(a, open: open, from: start, close: close, outcome: outcome),
            let tb = TimeAveraged.average(b, open: open, from: start, close: close, outcome: outcome)
        else { return nil }
        let log = { (p: Double) in Scoring.logLoss(p, outcome) }
        guard withLog,
            let la = TimeAveraged.average(a, open: open, from: start, close: close, outcome: outcome, loss: log),
            let lb = TimeAveraged.average(b, open: open, from: start, close: close, outcome: outcome, loss: log)
        else { return (ta - tb, nil) }
        return (ta - tb, la - lb)
    }
}

/// A value computed on another thread; `value` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async(group: done) { self.result = work() }
    }

    var value: T {
        done.wait()
        return result!
    }
}
