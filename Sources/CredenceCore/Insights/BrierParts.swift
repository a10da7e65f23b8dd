/// The Brier score's CORP parts computed straight from counts, for bootstrap replicates where
/// the full analysis would be wasted work. Same definitions as `CORP.decompose` (docs/statistics.md §4).
package struct BrierParts: Sendable, Equatable {
    package let brier: Double
    package let mcb: Double
    package let dsc: Double

    package init?(_ values: [CountedForecast]) {
        var n = 0, events = 0
        var score = CompensatedSum(), recalibrated = CompensatedSum()
        for c in values {
            n += c.n
            events += c.e
            score.add(Double(c.e), times: (1 - c.x) * (1 - c.x))
            score.add(Double(c.n - c.e), times: c.x * c.x)
        }
        guard n > 0 else { return nil }
        for b in CORP.pav(Sample(counts: values).values) {
            recalibrated.add(Double(b.events * (b.n - b.events)) / Double(b.n))
        }
        let total = Double(n)
        let s = recalibrated.value / total
        brier = score.value / total
        mcb = brier - s
        dsc = Double(events * (n - events)) / total / total - s
    }
}
