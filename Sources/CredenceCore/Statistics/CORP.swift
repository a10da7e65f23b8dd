import Foundation

/// A block of the PAV solution: consecutive distinct forecasts sharing one recalibrated value.
package struct PAVBlock: Sendable, Equatable {
    package let xMin: Double
    package let xMax: Double
    package let n: Int
    package let events: Int
    /// Conditional event probability, events/n.
    package var cep: Double { Double(events) / Double(n) }
}

/// S̄ = MCB − DSC + UNC for one proper score (docs/statistics.md §4).
package struct CORPTerms: Sendable, Equatable {
    /// nil for the log score when the log loss is infinite.
    package let score: Double?
    package let mcb: Double?
    package let dsc: Double
    package let unc: Double
    package let recalibrated: Double
}

package struct CORPDecomposition: Sendable, Equatable {
    package let distinctForecasts: Int
    package let blocks: [PAVBlock]
    package let brier: CORPTerms
    package let log: CORPTerms
}

package enum CORP {
    /// Pool-adjacent-violators on distinct forecast values with their counts. Ties are already
    /// pooled by `Sample`; blocks with equal means merge too, so block CEPs strictly increase.
    package static func pav(_ values: [CountedForecast]) -> [PAVBlock] {
        var stack: [(first: Int, last: Int, n: Int, e: Int)] = []
        stack.reserveCapacity(values.count)
        for (j, v) in values.enumerated() {
            var cur = (first: j, last: j, n: v.n, e: v.e)
            while let top = stack.last, top.e * cur.n >= cur.e * top.n {
                cur = (top.first, cur.last, top.n + cur.n, top.e + cur.e)
                stack.removeLast()
            }
            stack.append(cur)
        }
        return stack.map { PAVBlock(xMin: values[$0.first].x, xMax: values[$0.last].x, n: $0.n, events: $0.e) }
    }

    /// −c ln c − (1−c) ln(1−c), with H(0) = H(1) = 0.
    static func entropy(_ e: Int, _ n: Int) -> Double {
        if e == 0 || e == n { return 0 }
        let c = Double(e) / Double(n)
        return -(c * log(c) + (1 - c) * log1p(-c))
    }

    package static func decompose(_ s: Sample, scores: Scores) -> CORPDecomposition? {
        guard s.n > 0 else { return nil }
        let blocks = pav(s.values)
        let n = Double(s.n)
        // Brier, from integer counts; UNC uses the same expression as a one-block S_rc so a
        // constant forecaster gets DSC = 0 exactly.
        var brierRc = CompensatedSum(), logRc = CompensatedSum()
        for b in blocks {
            brierRc.add(Double(b.events * (b.n - b.events)) / Double(b.n))
            logRc.add(Double(b.n) / n, times: entropy(b.events, b.n))
        }
        let brierUnc = Double(s.events * (s.n - s.events)) / n / n
        let brierS = brierRc.value / n
        let brier = CORPTerms(
            score: scores.brier, mcb: scores.brier - brierS, dsc: brierUnc - brierS,
            unc: brierUnc, recalibrated: brierS)
        let logUnc = entropy(s.events, s.n), logS = logRc.value
        let exact = scores.logLoss.unclipped
        let logTerms = CORPTerms(
            score: exact, mcb: exact.map { $0 - logS }, dsc: logUnc - logS,
            unc: logUnc, recalibrated: logS)
        return CORPDecomposition(distinctForecasts: s.values.count, blocks: blocks, brier: brier, log: logTerms)
    }

    /// The recalibrated (PAV) value of each distinct forecast, in the order of `values`.
    package static func recalibrated(_ values: [CountedForecast], blocks: [PAVBlock]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(values.count)
        var b = 0
        for v in values {
            while v.x > blocks[b].xMax { b += 1 }
            out.append(blocks[b].cep)
        }
        return out
    }
}
