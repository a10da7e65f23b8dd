import Foundation

/// One bin of the binned reliability diagram (docs/statistics.md §3). Empty bins carry nils, never 0/0.
package struct ReliabilityBin: Sendable, Equatable {
    package let k: Int
    package let lo: Double
    package let hi: Double
    package let n: Int
    package let events: Int
    package let meanForecast: Double?
    package let observedFrequency: Double?
    package let wilson: Interval?
    package let jeffreys: Interval?
}

/// Murphy's decomposition with the within-bin terms, so BS = REL − RES + UNC + WBV − WBC exactly.
package struct MurphyDecomposition: Sendable, Equatable {
    package struct FerroFricker: Sendable, Equatable {
        package let rel: Double, res: Double, unc: Double
    }
    package let rel: Double
    package let res: Double
    package let unc: Double
    package let wbv: Double
    package let wbc: Double
    package let ece: Double
    /// Bias-corrected terms (Ferro & Fricker 2012); at n = 1 they equal the raw ones.
    package let ferroFricker: FerroFricker?
    package let bins: [ReliabilityBin]
}

package enum Binning {
    /// The bin of p among `count` equal-width bins: left-closed, the last closed. Compares with
    /// the edges j/count (correctly rounded, so 3/10 is the literal 0.3) rather than dividing.
    @inlinable package static func bin(of p: Double, count: Int) -> Int {
        var k = max(0, min(count - 1, Int(p * Double(count))))
        while k < count - 1 && Double(k + 1) / Double(count) <= p { k += 1 }
        while k > 0 && Double(k) / Double(count) > p { k -= 1 }
        return k
    }

    package static func murphy(_ s: Sample, bins count: Int = 10) -> MurphyDecomposition? {
        guard s.n > 0, count >= 1 else { return nil }
        var groups = Array(repeating: [CountedForecast](), count: count)
        for c in s.values { groups[bin(of: c.x, count: count)].append(c) }

        let n = Double(s.n), total = s.n, yesTotal = s.events
        var rel = CompensatedSum(), res = CompensatedSum(), wbv = CompensatedSum(), wbc = CompensatedSum()
        var ece = CompensatedSum(), ff = CompensatedSum()
        var bins: [ReliabilityBin] = []
        for (k, members) in groups.enumerated() {
            let nk = members.reduce(0) { $0 + $1.n }, ek = members.reduce(0) { $0 + $1.e }
            let lo = Double(k) / Double(count), hi = Double(k + 1) / Double(count)
            guard nk > 0 else {
                bins.append(
                    ReliabilityBin(
                        k: k, lo: lo, hi: hi, n: 0, events: 0, meanForecast: nil,
                        observedFrequency: nil, wilson: nil, jeffreys: nil))
                continue
            }
            let nkd = Double(nk)
            var forecastSum = CompensatedSum()
            for c in members { forecastSum.add(Double(c.n), times: c.x) }
            var gapSum = forecastSum  // Σ x·n_x − e_k, without cancellation loss
            gapSum.add(-Double(ek))
            let mean = forecastSum.value / nkd, freq = Double(ek) / nkd, gap = gapSum.value / nkd
            rel.add(nkd, times: gap * gap)
            let spread = Double(ek * total - yesTotal * nk) / (nkd * n)  // ō_k − ȳ, exact numerator
            res.add(nkd, times: spread * spread)
            ece.add(nkd * abs(gap))
            for c in members {
                let delta = c.x - mean
                wbv.add(Double(c.n), times: delta * delta)
                var residual = CompensatedSum()  // e_x − n_x·ō_k
                residual.add(Double(c.e))
                residual.add(-Double(c.n), times: freq)
                wbc.add(delta, times: residual.value)
            }
            if nk >= 2 { ff.add(Double(ek * (nk - ek)) / (nkd * Double(nk - 1))) }
            bins.append(
                ReliabilityBin(
                    k: k, lo: lo, hi: hi, n: nk, events: ek, meanForecast: mean,
                    observedFrequency: freq,
                    wilson: BinomialInterval.wilson(events: ek, of: nk),
                    jeffreys: BinomialInterval.jeffreys(events: ek, of: nk)))
        }
        let unc = Double(yesTotal * (total - yesTotal)) / n / n
        let relValue = rel.value / n, resValue = res.value / n
        // At n = 1 no bin has two forecasts (s = 0) and ȳ(1 − ȳ) = 0, so t = 0/0 is taken as its
        // limit 0: the corrected terms are the raw ones.
        let s = ff.value / n, t = total >= 2 ? unc / Double(total - 1) : 0
        let corrected: MurphyDecomposition.FerroFricker? =
            total >= 1 ? .init(rel: relValue - s, res: resValue - s + t, unc: unc + t) : nil
        return MurphyDecomposition(
            rel: relValue, res: resValue, unc: unc, wbv: wbv.value / n,
            wbc: 2 * wbc.value / n, ece: ece.value / n,
            ferroFricker: corrected, bins: bins)
    }
}
