import CredenceCore
import Foundation
import GRDB

/// Which resolved forecasts a report scores.
package struct ReportSelection: Sendable, Equatable {
    package var subject: ForecasterSubject
    /// The person, or nil for everyone's rows or `@team`.
    package var forecaster: String? { subject.person }
    package var tags: [String] = []
    /// Claims resolved in [since, until].
    package var since: Date?
    package var until: Date?
    /// Score every forecast made before resolution, not only each forecaster's last.
    package var everyForecast = false

    /// nil pools every forecaster.
    package init(forecaster: String?) { subject = forecaster.map { .person($0) } ?? .everyone }

    package init(_ subject: ForecasterSubject) { self.subject = subject }

    /// The claim filters alone.
    var scope: ClaimScope {
        var scope = ClaimScope()
        (scope.tags, scope.since, scope.until) = (tags, since, until)
        return scope
    }
}

extension ReportSelection {
    /// The forecaster, tag and resolution-date filters as SQL over `forecast f` and `claim c`;
    /// nil when the forecaster is not in the journal (nothing can match).
    func clauses(_ db: any SQLDatabase, _ args: inout SQLArguments) throws -> [String]? {
        var out: [String] = []
        if let who = forecaster {
            guard
                let id = try db.value(
                    Int64.self, "SELECT id FROM forecaster WHERE \(db.dialect.sameName("name"))", [who])
            else { return nil }
            out.append("f.forecaster_id = ?")
            args += [id]
        }
        return out + scope.clauses(&args, dialect: db.dialect)
    }
}

/// A group's forecasts as counts per distinct probability: the input the statistics need.
package struct ForecastGroup: Sendable, Equatable {
    package let key: ReportGroupKey
    package var name: String { key.label }
    package let counts: [CountedForecast]
    /// How many of the forecasts are options of scenario sets, scored as yes/no forecasts.
    package var scenarioOptionForecasts = 0
    /// With scenario options included (the whole selection only): the mean Brier per question on
    /// GJ Open's 0–2 scale, a binary forecast counting 2(p − y)² and a scenario set the
    /// multi-category Σ over its options. Twice the mean over rows would count a set's options
    /// as separate questions.
    package var perQuestionBrier: Double?

    package init(key: ReportGroupKey, counts: [CountedForecast], scenarioOptionForecasts: Int = 0) {
        self.key = key
        self.counts = counts
        self.scenarioOptionForecasts = scenarioOptionForecasts
    }

    package init(name: String, counts: [CountedForecast], scenarioOptionForecasts: Int = 0) {
        self.init(key: .named(name), counts: counts, scenarioOptionForecasts: scenarioOptionForecasts)
    }
}

extension Journal {
    /// One aggregate query: `GROUP BY group, probability` with counts of YES outcomes, over
    /// resolved binary claims (annulled and open claims are left out). The math then runs on the
    /// K distinct values, not the n rows (docs/statistics.md §12).
    package func forecastCounts(_ s: ReportSelection, by grouping: ReportGrouping = .none) throws -> [ForecastGroup] {
        if case .team(let pool) = s.subject {
            // @team has one forecast per claim, final forecasts only; the commands refuse the rest.
            precondition(grouping == .none && !s.everyForecast, "@team is reported whole, on final forecasts")
            let counts = pool.counts(try finalForecastsByClaim(scope: s.scope))
            return counts.isEmpty ? [] : [ForecastGroup(key: .named(""), counts: counts)]
        }
        return try read { db in
            var joins = ""
            // Binary claims, and each option of a resolved scenario set as a yes/no forecast: the
            // forecast's own outcome column says which (NULL while open or annulled). Without
            // filters on the claim, the query reads the forecast_final index alone, in order.
            var needsClaim = s.everyForecast || !s.tags.isEmpty || s.since != nil || s.until != nil
            var clauses = [
                "f.outcome IS NOT NULL", s.everyForecast ? "f.created_at <= c.resolved_at" : "f.is_final = 1",
            ]
            var args: SQLArguments = []
            guard let filters = try s.clauses(db, &args) else { return [] }
            clauses += filters
            let group: String
            switch grouping {
            case .none: group = "''"
            case .forecaster:
                // By id, named afterwards: the forecast_final index is in forecaster order, so
                // SQLite groups as it scans instead of sorting every row by name.
                group = "f.forecaster_id"
            case .tag:
                joins = "LEFT JOIN claim_tag gt ON gt.claim_id = f.claim_id LEFT JOIN tag g ON g.id = gt.tag_id"
                group = "coalesce('#' || g.name, '(untagged)')"
            case .horizon:
                needsClaim = true
                // The buckets' numbers, which `groupKey` reads back as the enum.
                let bounded = HorizonBucket.allCases.compactMap { bucket in
                    bucket.upperBoundMillis.map { "WHEN c.resolved_at - f.created_at <= \($0) THEN \(bucket.rawValue)" }
                }
                group = "CASE \(bounded.joined(separator: " ")) ELSE \(HorizonBucket.longer.rawValue) END"
            case .caveats:
                group = """
                    CASE (SELECT count(*) FROM caveat cv WHERE cv.forecast_id = f.id)
                         WHEN 0 THEN \(CaveatCount.zero.rawValue) WHEN 1 THEN \(CaveatCount.one.rawValue)
                         ELSE \(CaveatCount.twoOrMore.rawValue) END
                    """
            case .input: group = "f.form"
            case .word:
                clauses.append("f.form = 'verbal'")
                group = "lower(trim(f.typed))"
            case .quarter, .year:
                needsClaim = true
                group = try periodCase(db, grouping, clauses: clauses, arguments: args)
            }
            var rows = try RawQuery(
                db,
                """
                SELECT \(group) AS g, f.probability AS p, count(*) AS n, sum(f.outcome) AS e, count(f.option_id) AS o
                FROM forecast f \(needsClaim ? "JOIN claim c ON c.id = f.claim_id" : "") \(joins)
                WHERE \(clauses.joined(separator: " AND "))
                GROUP BY \(grouping == .none ? "p" : "g, p")
                """, args)
            let names: [Int64: String] =
                grouping == .forecaster
                ? Dictionary(
                    try db.rows("SELECT id, name FROM forecaster").map { ($0[0], $0[1]) },
                    uniquingKeysWith: { a, _ in a })
                : [:]
            var groups: [ReportGroupKey: [CountedForecast]] = [:], options: [ReportGroupKey: Int] = [:]
            var order: [ReportGroupKey] = []
            while try rows.step() {
                let key: ReportGroupKey
                switch grouping {
                case .forecaster: key = .named(names[rows.int(0)] ?? "?")
                case .horizon, .caveats: key = Self.groupKey(rows.int(0).databaseValue, grouping)
                default: key = Self.groupKey(rows.optionalText(0)?.databaseValue ?? .null, grouping)
                }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(
                    CountedForecast(x: rows.double(1), n: Int(rows.int(2)), e: Int(rows.int(3))))
                options[key, default: 0] += Int(rows.int(4))
            }
            var result = order.map {
                ForecastGroup(key: $0, counts: groups[$0]!, scenarioOptionForecasts: options[$0]!)
            }
            if grouping == .none, let whole = result.first, whole.scenarioOptionForecasts > 0 {
                // Options of one set forecast together share the forecast's time.
                let row = try db.row(
                    """
                    SELECT sum(CASE WHEN f.option_id IS NULL THEN 2 * (f.probability - f.outcome) * (f.probability - f.outcome)
                                    ELSE (f.probability - f.outcome) * (f.probability - f.outcome) END),
                           count(*) - count(f.option_id),
                           count(DISTINCT CASE WHEN f.option_id IS NOT NULL
                                 THEN f.claim_id || ',' || f.forecaster_id || ',' || f.created_at END)
                    FROM forecast f \(needsClaim ? "JOIN claim c ON c.id = f.claim_id" : "")
                    WHERE \(clauses.joined(separator: " AND "))
                    """, args)
                if let row, let total = row[0] as Double?, let binary = row[1] as Int?, let sets = row[2] as Int?,
                    binary + sets > 0
                {
                    result[0].perQuestionBrier = total / Double(binary + sets)
                }
            }
            return result
        }
    }

    /// Every forecaster's forecast histories on the resolved binary claims of a selection, for
    /// time-averaged scoring (docs/statistics.md §10): one scan in (forecaster, claim, entry) order.
    package func claimHistories(_ s: ReportSelection) throws -> [ClaimHistory] {
        precondition(s.subject.person != nil || s.subject == .everyone, "@team has no histories")
        return try read { db in
            var args: SQLArguments = []
            guard let filters = try s.clauses(db, &args) else { return [] }
            let clauses = ["c.outcome IS NOT NULL", "f.option_id IS NULL"] + filters
            var rows = try RawQuery(
                db,
                """
                SELECT w.name, f.claim_id, f.probability, f.created_at, c.created_at, c.resolved_at, c.outcome,
                       f.forecaster_id
                FROM forecast f JOIN claim c ON c.id = f.claim_id JOIN forecaster w ON w.id = f.forecaster_id
                WHERE \(clauses.joined(separator: " AND ")) ORDER BY f.forecaster_id, f.claim_id, f.id
                """, args)
            var out: [ClaimHistory] = []
            var current: (forecaster: Int64, claim: Int64)?
            while try rows.step() {
                let key = (forecaster: rows.int(7), claim: rows.int(1))
                let forecast = TimedForecast(time: Double(rows.int(3)) / 1000, p: rows.double(2))
                if let c = current, c == key {
                    out[out.count - 1].history.append(forecast)
                    continue
                }
                current = key
                out.append(
                    ClaimHistory(
                        forecaster: rows.text(0), open: Double(rows.int(4)) / 1000, close: Double(rows.int(5)) / 1000,
                        outcome: rows.int(6) == 1, history: [forecast]))
            }
            return out
        }
    }

    /// The key of a group column's value: the number of a fixed set's case, else the name.
    static func groupKey(_ value: DatabaseValue, _ grouping: ReportGrouping) -> ReportGroupKey {
        switch grouping {
        case .horizon:
            guard let raw = Int.fromDatabaseValue(value), let bucket = HorizonBucket(rawValue: raw) else { break }
            return .horizon(bucket)
        case .caveats:
            guard let raw = Int.fromDatabaseValue(value), let count = CaveatCount(rawValue: raw) else { break }
            return .caveats(count)
        default:
            guard let name = String.fromDatabaseValue(value) else { break }
            return .named(name)
        }
        // The CASE expressions above produce nothing else: a mismatch is a bug in this file.
        preconditionFailure("a report group of \(grouping.rawValue) came back as \(value)")
    }

    /// A CASE expression naming the quarter or year, in the journal clock's time zone, that each
    /// claim's resolution falls in: the boundaries come from the calendar (SQLite knows only UTC
    /// and the process's zone), over just the span the selection covers.
    func periodCase(
        _ db: any SQLDatabase, _ grouping: ReportGrouping, clauses: [String], arguments: SQLArguments
    ) throws -> String {
        let span = try db.row(
            """
            SELECT min(c.resolved_at), max(c.resolved_at) FROM forecast f JOIN claim c ON c.id = f.claim_id
            WHERE \(clauses.joined(separator: " AND "))
            """, arguments)
        guard let first: Int64 = span?[0], let last: Int64 = span?[1] else { return "''" }
        let periods = Periods(clock.calendar, by: grouping == .year ? .year : .quarter)
            .covering(Date(millis: first), Date(millis: last))
        guard periods.count > 1 else { return "'\(periods[0].name)'" }
        let cases = periods.dropLast().map { "WHEN c.resolved_at < \($0.end.millis) THEN '\($0.name)'" }.joined(
            separator: " ")
        return "CASE \(cases) ELSE '\(periods.last!.name)' END"
    }
}
