import Foundation

/// A moment's wall-clock fields in a time zone on the Gregorian calendar, by arithmetic. A
/// listing prints a date per row, and Foundation's Calendar spends about 100,000 instructions
/// on each.
package struct CivilTime: Equatable, Sendable {
    package let year: Int, month: Int, day: Int, hour: Int, minute: Int
    /// 1 is Sunday, as Calendar numbers them.
    package let weekday: Int

    package init(_ date: Date, timeZone: TimeZone) {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let (y, m, d) = Timestamp.civil(fromDays: days)
        year = Int(y)
        month = Int(m)
        day = Int(d)
        hour = Int(seconds / 3_600)
        minute = Int(seconds % 3_600 / 60)
        // 1970-01-01 was a Thursday (5).
        weekday = Int((days % 7 + 11) % 7) + 1
    }
}
