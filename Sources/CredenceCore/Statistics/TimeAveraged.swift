import Foundation

/// One forecast in a claim's history, in the order it was entered.
package struct TimedForecast: Sendable, Equatable {
    package let time: Double
    package let p: Double
    package init(time: Double, p: Double) { (self.time, self.p) = (time, p) }
}

package struct TimeAveragedBrier: Sendable, Equatable {
    /// ∫ (p(t) − y)² dt over [t_first, close) divided by its length (Good Judgment-like).
    package let fromFirst: Double
    /// The same over [open, close), counting the time before the first forecast as p = ½.
    package let uniformFill: Double
    package let firstForecastTime: Double
    /// Forecasts entered before close.
    package let forecasts: Int
}

/// Time-averaged Brier for updated forecasts (docs/statistics.md §10).
package enum TimeAveraged {
    package static func score(
        _ history: [TimedForecast], open: Double, close: Double, outcome: Bool
    ) -> TimeAveragedBrier? {
        let counted = history.filter { $0.time < close }
        guard let first = counted.map({ max($0.time, open) }).min(), close > open, first < close,
            let fromFirst = average(history, open: open, from: first, close: close, outcome: outcome)
        else { return nil }
        let uniform = (fromFirst * (close - first) + 0.25 * (first - open)) / (close - open)
        return TimeAveragedBrier(
            fromFirst: fromFirst, uniformFill: uniform, firstForecastTime: first, forecasts: counted.count)
    }

    /// When the first forecast starts to count: max(time, open) of the earliest before close.
    package static func firstTime<History: Collection<TimedForecast>>(
        _ history: History, open: Double, close: Double
    ) -> Double? {
        var first: Double?
        for f in history where f.time < close { first = min(first ?? .infinity, max(f.time, open)) }
        return first
    }

    /// Mean of (p(t) − y)² over [start, close); p(t) is the latest forecast at or before t, and at
    /// equal times the one entered later. nil if nothing is in force at `start`. `loss` replaces
    /// the Brier term, for the time-averaged log score.
    package static func average<History: Collection<TimedForecast>>(
        _ history: History, open: Double, from start: Double, close: Double, outcome: Bool,
        loss: ((Double) -> Double)? = nil
    ) -> Double? {
        guard close > start else { return nil }
        let y = outcome ? 1.0 : 0.0
        let score = loss ?? { ($0 - y) * ($0 - y) }
        // Histories usually arrive in time order (the journal stores them so): integrate in place.
        if zip(history, history.dropFirst()).allSatisfy({ $0.time <= $1.time }) {
            var integral = CompensatedSum()
            var inForce: (time: Double, p: Double)?
            for f in history where f.time < close {
                let t = max(f.time, open)
                if let current = inForce {
                    let lo = max(current.time, start), hi = min(t, close)
                    if hi > lo { integral.add(hi - lo, times: score(current.p)) }
                } else if t > start {
                    return nil  // nothing in force at the start of the window
                }
                inForce = (t, f.p)
            }
            guard let last = inForce else { return nil }
            let lo = max(last.time, start)
            if close > lo { integral.add(close - lo, times: score(last.p)) }
            return integral.value / (close - start)
        }
        // Stable sort by effective time keeps entry order among equal times.
        let timeline = history.enumerated()
            .filter { $0.element.time < close }
            .map { (time: max($0.element.time, open), p: $0.element.p, order: $0.offset) }
            .sorted { ($0.time, $0.order) < ($1.time, $1.order) }
        guard let firstTime = timeline.first?.time, firstTime <= start else { return nil }
        var integral = CompensatedSum()
        for (i, f) in timeline.enumerated() {
            let segmentEnd = i + 1 < timeline.count ? timeline[i + 1].time : close
            let lo = max(f.time, start), hi = min(segmentEnd, close)
            if hi > lo { integral.add(hi - lo, times: score(f.p)) }
        }
        return integral.value / (close - start)
    }
}

/// One forecaster's forecasts on one resolved binary claim, in entry order, with its window.
package struct ClaimHistory: Sendable {
    package let forecaster: String
    package let open: Double
    package let close: Double
    package let outcome: Bool
    package var history: [TimedForecast]
    package init(forecaster: String, open: Double, close: Double, outcome: Bool, history: [TimedForecast]) {
        (self.forecaster, self.open, self.close, self.outcome, self.history) = (
            forecaster, open, close, outcome, history
        )
    }
}

/// A forecaster's time-averaged Brier (docs/statistics.md §10): the unweighted mean over their claims.
package struct TimeAveragedRecord: Sendable, Equatable {
    package let claims: Int
    package let fromFirst: Double
    package let uniformFill: Double

    /// nil when no claim had a forecast in force before it closed.
    package init?(_ histories: [ClaimHistory]) {
        var first = CompensatedSum(), uniform = CompensatedSum(), n = 0
        for h in histories {
            guard let s = TimeAveraged.score(h.history, open: h.open, close: h.close, outcome: h.outcome) else {
                continue
            }
            first.add(s.fromFirst)
            uniform.add(s.uniformFill)
            n += 1
        }
        guard n > 0 else { return nil }
        (claims, fromFirst, uniformFill) = (n, first.value / Double(n), uniform.value / Double(n))
    }
}
