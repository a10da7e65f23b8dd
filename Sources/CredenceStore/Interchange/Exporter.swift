import CredenceCore
import Foundation

/// The formats `export` writes.
package enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json, ics
}

extension Journal {
    /// Writes the claims a filter selects in a format, piece by piece through `write`.
    /// ICS holds only open claims with a resolve-by date. Returns how many claims and forecasts went out.
    @discardableResult
    package func export(
        _ format: ExportFormat, filter: ClaimFilter, owner: String, version: String,
        write: (String) throws -> Void
    ) throws -> (claims: Int, forecasts: Int) {
        var claims = 0, forecasts = 0
        var exported = Set<String>()
        let now = clock.now()
        switch format {
        case .json:
            try write(CredenceJSONCodec.header(exportedAt: now))
            try forEachInterchangeClaim(filter) { c in
                try write(CredenceJSONCodec.claim(c, first: claims == 0))
                claims += 1
                forecasts += c.forecasts.count
                exported.insert(c.uuid)
            }
            try write(CredenceJSONCodec.footer(bets: try interchangeBets().filter { exported.contains($0.claimUUID) }))
        case .csv:
            try write(CredenceCSVCodec.header)
            try forEachInterchangeClaim(filter) { c in
                try write(CredenceCSVCodec.rows(c))
                claims += 1
                forecasts += c.forecasts.count
                exported.insert(c.uuid)
            }
            for bet in try interchangeBets() where exported.contains(bet.claimUUID) {
                try write(CredenceCSVCodec.row(bet))
            }
        case .ics:
            var open = filter
            open.state = .open
            let dates = clock.dates
            try write(ICSWriter.header(version: version))
            try forEachInterchangeClaim(open) { c in
                guard let by = c.resolveBy else { return }
                let mine = c.forecasts.last { $0.forecaster.lowercased() == owner.lowercased() && $0.option == nil }
                try write(
                    ICSWriter.event(
                        c, day: dates.day(of: by), forecast: mine.map { Probability.percentText($0.probability) },
                        now: now))
                claims += 1
            }
            try write(ICSWriter.footer())
        }
        return (claims, forecasts)
    }
}
