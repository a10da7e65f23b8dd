import Foundation

/// Calendar quarters or years in a given time zone, named "2026 Q3" or "2026" so that names
/// sort in time order.
package struct Periods: Sendable {
    package enum Length: Sendable { case quarter, year }
    package struct Period: Sendable, Equatable {
        package let name: String
        package let start: Date
        package let end: Date
    }

    let calendar: Calendar
    let length: Length

    package init(_ calendar: Calendar, by length: Length) {
        self.calendar = calendar
        self.length = length
    }

    package func period(containing date: Date) -> Period {
        let parts = calendar.dateComponents([.year, .month], from: date)
        let year = parts.year!, quarter = (parts.month! - 1) / 3
        let startMonth = length == .year ? 1 : quarter * 3 + 1
        let start = calendar.date(from: DateComponents(year: year, month: startMonth, day: 1))!
        let end = calendar.date(byAdding: .month, value: length == .year ? 12 : 3, to: start)!
        return Period(name: length == .year ? "\(year)" : "\(year) Q\(quarter + 1)", start: start, end: end)
    }

    /// Every period from the one holding `first` to the one holding `last`, in order.
    package func covering(_ first: Date, _ last: Date) -> [Period] {
        var out = [period(containing: first)]
        while out.last!.end <= last { out.append(period(containing: out.last!.end)) }
        return out
    }
}
