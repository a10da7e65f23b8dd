import Foundation

/// "Now" and the calendar, injected so every date rule can be pinned in tests.
package struct Clock: Sendable {
    package let now: @Sendable () -> Date
    package let calendar: Calendar

    package init(now: @escaping @Sendable () -> Date, calendar: Calendar) {
        self.now = now
        self.calendar = calendar
    }

    package static func system(timeZone: TimeZone = .current) -> Clock {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return Clock(now: { Date() }, calendar: calendar)
    }

    package static func fixed(_ date: Date, timeZone: TimeZone) -> Clock {
        var clock = system(timeZone: timeZone)
        clock = Clock(now: { date }, calendar: clock.calendar)
        return clock
    }

    package var dates: DateGrammar { DateGrammar(now: now(), calendar: calendar) }
}
