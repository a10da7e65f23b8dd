import Foundation
import Testing

@testable import CredenceCore

@Suite struct DateGrammarTests {
    static func grammar(_ iso: String, zone: String = "Europe/London") -> DateGrammar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let f = ISO8601DateFormatter()
        return DateGrammar(now: f.date(from: iso)!, calendar: calendar)
    }

    /// The local day and time of the parsed resolve-by date.
    func local(_ g: DateGrammar, _ text: String) throws -> String {
        let date = try g.resolveBy(text)
        let c = g.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    // Sunday 2026-11-22, midday in London.
    @Test(arguments: [
        ("today", "2026-11-22"), ("tomorrow", "2026-11-23"), ("friday", "2026-11-27"), ("Fri", "2026-11-27"),
        ("next friday", "2026-12-04"), ("sunday", "2026-11-22"), ("in 3 days", "2026-11-25"),
        ("in 2 weeks", "2026-12-06"), ("in a month", "2026-12-22"), ("in 1 year", "2027-11-22"),
        ("june", "2027-06-30"), ("november", "2026-11-30"), ("june 2027", "2027-06-30"), ("feb 2028", "2028-02-29"),
        ("end of month", "2026-11-30"), ("end of quarter", "2026-12-31"), ("end of year", "2026-12-31"),
        ("end of week", "2026-11-22"), ("Q3 2027", "2027-09-30"), ("q1", "2027-03-31"), ("q4", "2026-12-31"),
        ("2027-06-30", "2027-06-30"), ("31 december", "2026-12-31"), ("Dec 31", "2026-12-31"),
        ("december 31", "2026-12-31"), ("december 31st", "2026-12-31"), ("31 dec 2027", "2027-12-31"),
        ("dec 31, 2027", "2027-12-31"), ("22 november", "2026-11-22"), ("21 nov", "2027-11-21"),
        ("feb 29", "2028-02-29"),
    ])
    func forward(text: String, day: String) throws {
        #expect(try local(Self.grammar("2026-11-22T12:00:00Z"), text) == "\(day) 23:59:59")
    }

    @Test func exactTimesKeepTheirTime() throws {
        #expect(try local(Self.grammar("2026-11-22T12:00:00Z"), "2027-01-02T09:30") == "2027-01-02 09:30:00")
    }

    @Test func acrossTheYearBoundary() throws {
        let g = Self.grammar("2026-12-30T10:00:00Z")  // a Wednesday
        #expect(try local(g, "tomorrow") == "2026-12-31 23:59:59")
        #expect(try local(g, "in 3 days") == "2027-01-02 23:59:59")
        #expect(try local(g, "january") == "2027-01-31 23:59:59")
        #expect(try local(g, "december") == "2026-12-31 23:59:59")
        #expect(try local(g, "friday") == "2027-01-01 23:59:59")
        #expect(try local(g, "end of year") == "2026-12-31 23:59:59")
        #expect(try local(g, "q1") == "2027-03-31 23:59:59")
        #expect(try local(g, "end of month") == "2026-12-31 23:59:59")
    }

    @Test func acrossADaylightSavingChange() throws {
        // Saturday 2026-03-07 in New York; clocks go forward at 02:00 on Sunday 2026-03-08.
        let g = Self.grammar("2026-03-07T17:00:00Z", zone: "America/New_York")
        #expect(try local(g, "tomorrow") == "2026-03-08 23:59:59")
        #expect(try local(g, "in 2 days") == "2026-03-09 23:59:59")
        let endOfSunday = try g.resolveBy("tomorrow")
        let startOfSunday = g.startOfDay(Day(year: 2026, month: 3, day: 8))
        #expect(endOfSunday.timeIntervalSince(startOfSunday) == 23 * 3600 - 1)  // a 23-hour day
        #expect(g.calendar.timeZone.secondsFromGMT(for: endOfSunday) == -4 * 3600)
        // And back in the autumn: a 25-hour day.
        let fall = Self.grammar("2026-10-31T16:00:00Z", zone: "America/New_York")
        let end = try fall.resolveBy("tomorrow")
        #expect(end.timeIntervalSince(fall.startOfDay(Day(year: 2026, month: 11, day: 1))) == 25 * 3600 - 1)
    }

    @Test(arguments: [
        (
            "blursday",
            "\"blursday\" is not a date I know: try friday, next friday, tomorrow, 2027-06-30, dec 31, in 3 weeks, june 2027, end of month or Q3 2027"
        ),
        ("2020-01-01", "2020-01-01 is in the past (today is 2026-11-22): a resolve-by date must be today or later"),
        ("2027-02-30", "2027-02-30 is not a real calendar date"),
        ("2027-13-01", "2027-13-01 is not a real calendar date"),
        ("yesterday", "yesterday is in the past (today is 2026-11-22): a resolve-by date must be today or later"),
        ("june 2020", "june 2020 is in the past (today is 2026-11-22): a resolve-by date must be today or later"),
        ("last friday", "last friday is in the past (today is 2026-11-22): a resolve-by date must be today or later"),
        ("3 days ago", "3 days ago is in the past (today is 2026-11-22): a resolve-by date must be today or later"),
        ("dec 31 2025", "dec 31 2025 is in the past (today is 2026-11-22): a resolve-by date must be today or later"),
        ("30 february", "30 february is not a real calendar date"),
        (
            "in -3 days",
            "\"in -3 days\" is not a date I know: try friday, next friday, tomorrow, 2027-06-30, dec 31, in 3 weeks, june 2027, end of month or Q3 2027"
        ),
    ])
    func refuses(text: String, message: String) {
        do {
            _ = try Self.grammar("2026-11-22T12:00:00Z").resolveBy(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.localizedDescription == message)
        }
    }

    @Test func pastInstantsForResolutions() throws {
        let g = Self.grammar("2026-11-22T12:00:00Z")
        #expect(try g.pastInstant("today") == g.now)
        #expect(try g.pastInstant("now") == g.now)
        #expect(try g.pastInstant("yesterday") == g.endOfDay(Day(year: 2026, month: 11, day: 21)))
        #expect(try g.pastInstant("3 days ago") == g.endOfDay(Day(year: 2026, month: 11, day: 19)))
        #expect(try g.pastInstant("friday") == g.endOfDay(Day(year: 2026, month: 11, day: 20)))
        #expect(throws: DateError.inTheFuture("2026-12-01")) { try g.pastInstant("2026-12-01") }
    }

    @Test func pastFormsAndTheirHints() throws {
        let g = Self.grammar("2026-11-22T12:00:00Z")  // a Sunday
        // "last friday" is the most recent Friday before today, not the one before that.
        #expect(try g.pastInstant("last friday") == g.endOfDay(Day(year: 2026, month: 11, day: 20)))
        #expect(try g.pastInstant("last sunday") == g.endOfDay(Day(year: 2026, month: 11, day: 15)))
        #expect(try g.pastInstant("dec 31") == g.endOfDay(Day(year: 2025, month: 12, day: 31)))
        #expect(try g.pastInstant("22 november") == g.now)
        #expect(throws: DateError.inTheFuture("tomorrow")) { try g.pastInstant("tomorrow") }
        #expect(throws: DateError.inTheFuture("in 3 days")) { try g.pastInstant("in 3 days") }
        #expect(throws: DateError.unknownPast("blursday")) { try g.pastInstant("blursday") }
        #expect(throws: DateError.unknownPast("blursday")) { try g.periodStart("blursday") }
        #expect(
            DateError.unknownPast("blursday").localizedDescription
                == "\"blursday\" is not a date I know: try now, today, yesterday, 3 days ago, friday (the last one), last friday, 2026-06-30, dec 31 or june 2026"
        )
    }

    @Test func periods() throws {
        let g = Self.grammar("2026-11-22T12:00:00Z")
        #expect(try g.periodStart("2026") == g.startOfDay(Day(year: 2026, month: 1, day: 1)))
        #expect(try g.periodEnd("2026-02") == g.endOfDay(Day(year: 2026, month: 2, day: 28)))
        #expect(try g.periodStart("june") == g.startOfDay(Day(year: 2026, month: 6, day: 1)))
        #expect(try g.periodStart("december") == g.startOfDay(Day(year: 2025, month: 12, day: 1)))
    }
}
