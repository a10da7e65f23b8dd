/// How a report splits its forecasts into groups.
package enum ReportGrouping: String, Sendable, CaseIterable {
    case none, forecaster, tag, horizon, caveats, input, word, quarter, year

    /// Groupings whose groups are periods of time, shown oldest first with a trend.
    package var isPeriod: Bool { self == .quarter || self == .year }
}

/// How long before resolution a forecast was made: the groups of `report --by horizon`, in order.
package enum HorizonBucket: Int, CaseIterable, Sendable {
    case week, month, year, longer

    package var label: String {
        switch self {
        case .week: "≤ 1 week"
        case .month: "≤ 1 month"
        case .year: "≤ 1 year"
        case .longer: "> 1 year"
        }
    }

    /// The longest time from forecast to resolution the bucket holds, in milliseconds (a year
    /// of 365 days); nil for the last, which holds the rest.
    package var upperBoundMillis: Int64? {
        switch self {
        case .week: 604_800_000
        case .month: 2_592_000_000
        case .year: 31_536_000_000
        case .longer: nil
        }
    }
}

/// How many caveats a forecast carries: the groups of `report --by caveats` and of `caveats`.
package enum CaveatCount: Int, CaseIterable, Sendable {
    case zero, one, twoOrMore

    package var label: String {
        switch self {
        case .zero: "no caveats"
        case .one: "1 caveat"
        case .twoOrMore: "2+ caveats"
        }
    }
}

/// One group of a report: typed where the grouping has a fixed set of groups, so the store,
/// the report and the caveat audit agree on an enum and not on the wording of a label; the
/// journal's own name (a forecaster, a tag, a word, a period) otherwise.
package enum ReportGroupKey: Hashable, Sendable {
    case named(String)
    case horizon(HorizonBucket)
    case caveats(CaveatCount)

    /// As shown and in JSON.
    package var label: String {
        switch self {
        case .named(let name): name
        case .horizon(let bucket): bucket.label
        case .caveats(let count): count.label
        }
    }

    /// The place in a fixed set's natural order; nil for a named group.
    package var rank: Int? {
        switch self {
        case .named: nil
        case .horizon(let bucket): bucket.rawValue
        case .caveats(let count): count.rawValue
        }
    }
}
