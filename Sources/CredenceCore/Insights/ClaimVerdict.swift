import Foundation

/// "Who was more right" on one resolved claim: each forecaster's counted probability on what
/// happened, Brier and log score, most right first. `ClaimVerdictText` words it.
package enum ClaimVerdict {
    package struct Entry: Sendable, Equatable {
        package let name: String
        /// The probability given to what happened.
        package let q: Double
        /// What they said, as shown ("80%" or "20% on fast").
        package let said: String
        package let brier: Double
        package let logBits: Double
    }

    /// Every forecaster's final forecast, highest probability on what happened first (ties by
    /// name); empty unless the claim is resolved.
    package static func ranked(_ d: ClaimDetail) -> [Entry] {
        entries(d).sorted { ($0.q, $1.name.lowercased()) > ($1.q, $0.name.lowercased()) }
    }

    static func entries(_ d: ClaimDetail) -> [Entry] {
        let finals = d.finalForecasts
        switch d.claim.status {
        case .yes, .no:
            let outcome = d.claim.status == .yes
            return finals.filter { $0.option == nil }.map { f in
                let s = ClaimScore.binary(f.probability, outcome: outcome)
                return Entry(
                    name: f.forecaster, q: outcome ? f.probability : 1 - f.probability,
                    said: Probability.percentText(f.probability), brier: s.brier, logBits: s.logBits)
            }
        case .resolved:
            guard let happened = d.resolvedOption else { return [] }
            let byForecaster = Dictionary(
                grouping: finals.filter { $0.option != nil }, by: { $0.forecaster.lowercased() })
            return byForecaster.values.compactMap { rows in
                let distribution = d.options.compactMap { o in
                    rows.first { $0.option == o.label }.map { (o.label, $0.probability) }
                }
                let s = ClaimScore.scenarios(distribution, happened: happened)
                let q = distribution.first { $0.0 == happened }?.1 ?? 0
                return Entry(
                    name: rows[0].forecaster, q: q, said: "\(Probability.percentText(q)) on \(happened)",
                    brier: s.brier, logBits: s.logNats / M_LN2)
            }
        default:
            return []
        }
    }
}
