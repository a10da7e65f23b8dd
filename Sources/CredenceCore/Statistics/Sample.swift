/// All forecasts at one probability value: how many, and how many of their claims came true.
package struct CountedForecast: Sendable, Hashable, Codable {
    package var x: Double
    package var n: Int
    package var e: Int
    package init(x: Double, n: Int, e: Int) { (self.x, self.n, self.e) = (x, n, e) }
}

/// The sufficient statistics of a set of binary forecasts (docs/statistics.md §12): the distinct forecast
/// values in increasing order with their counts. Every single-forecaster statistic runs on this,
/// so cost is O(K) after one aggregate, not O(n).
package struct Sample: Sendable, Equatable {
    package let values: [CountedForecast]
    package let n: Int
    package let events: Int

    /// `values` may arrive unsorted and with repeats (for example one group per SQL row).
    package init(counts: [CountedForecast]) {
        var merged: [CountedForecast] = []
        merged.reserveCapacity(counts.count)
        for c in counts.sorted(by: { $0.x < $1.x }) where c.n > 0 {
            if let last = merged.last, last.x == c.x {
                merged[merged.count - 1].n += c.n
                merged[merged.count - 1].e += c.e
            } else {
                merged.append(c)
            }
        }
        values = merged
        n = merged.reduce(0) { $0 + $1.n }
        events = merged.reduce(0) { $0 + $1.e }
    }

    package init(rows: [(p: Double, y: Bool)]) {
        var table: [Double: CountedForecast] = [:]
        for r in rows {
            table[r.p, default: CountedForecast(x: r.p, n: 0, e: 0)].n += 1
            if r.y { table[r.p]!.e += 1 }
        }
        self.init(counts: Array(table.values))
    }

    package var isEmpty: Bool { n == 0 }
    package var baseRate: Double? { n == 0 ? nil : Double(events) / Double(n) }
}
