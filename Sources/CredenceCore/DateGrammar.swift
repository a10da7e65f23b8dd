import Foundation

package enum DateError: Error, Equatable, Sendable {
    case unknown(String)
    /// Not a date, where a date in the past was wanted (`--at`, `--since`, `--until`).
    case unknownPast(String)
    case notARealDate(String)
    case inThePast(String, today: String)
    case inTheFuture(String)
}

extension DateError: LocalizedError {
    package var errorDescription: String? {
        switch self {
        case .unknown(let t):
            return
                "\"\(t)\" is not a date I know: try friday, next friday, tomorrow, 2027-06-30, dec 31, in 3 weeks, june 2027, end of month or Q3 2027"
        case .unknownPast(let t):
            return
                "\"\(t)\" is not a date I know: try now, today, yesterday, 3 days ago, friday (the last one), last friday, 2026-06-30, dec 31 or june 2026"
        case .notARealDate(let t):
            return "\(t) is not a real calendar date"
        case .inThePast(let t, let today):
            return "\(t) is in the past (today is \(today)): a resolve-by date must be today or later"
        case .inTheFuture(let t):
            return "\(t) is in the future: a resolution can't happen later than now"
        }
    }
}

/// A calendar day in the journal's time zone.
package struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int, month: Int, day: Int
    package init(year: Int, month: Int, day: Int) { (self.year, self.month, self.day) = (year, month, day) }
    package static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    package var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}

/// What a date expression means before a direction turns it into an instant.
enum DateMeaning {
    case day(Day)
    case span(Day, Day)  // first and last day, both inclusive
    case instant(Date)
}

/// The date grammar of DESIGN §3, with "now", the calendar and the time zone injected.
package struct DateGrammar: Sendable {
    package let now: Date
    package let calendar: Calendar

    package init(now: Date, calendar: Calendar) {
        self.now = now
        self.calendar = calendar
    }

    package var today: Day { day(of: now) }

    // MARK: - Entry points

    /// A resolve-by date: forward-looking, the end of the named day in the local zone.
    package func resolveBy(_ text: String) throws(DateError) -> Date {
        let result: Date
        switch try meaning(text, forward: true) {
        case .day(let d): result = endOfDay(d)
        case .span(_, let last): result = endOfDay(last)
        case .instant(let i): result = i
        }
        if result < now { throw .inThePast(text, today: today.description) }
        return result
    }

    /// When something happened (resolve --at): never later than now; a bare day means its end,
    /// or now if that day is today.
    package func pastInstant(_ text: String) throws(DateError) -> Date {
        let result: Date
        switch try pastMeaning(text) {
        case .day(let d), .span(_, let d): result = d == today ? now : endOfDay(d)
        case .instant(let i): result = i
        }
        if result > now { throw .inTheFuture(text) }
        return result
    }

    /// The first instant of a period (`--since`).
    package func periodStart(_ text: String) throws(DateError) -> Date {
        switch try pastMeaning(text) {
        case .day(let d), .span(let d, _): return startOfDay(d)
        case .instant(let i): return i
        }
    }

    /// The last instant of a period (`--until`).
    package func periodEnd(_ text: String) throws(DateError) -> Date {
        switch try pastMeaning(text) {
        case .day(let d), .span(_, let d): return endOfDay(d)
        case .instant(let i): return i
        }
    }

    /// A backward-looking meaning, whose "not a date" hint lists past forms.
    private func pastMeaning(_ text: String) throws(DateError) -> DateMeaning {
        do {
            return try meaning(text, forward: false)
        } catch {
            if case .unknown(let t) = error { throw .unknownPast(t) }
            throw error
        }
    }

    // MARK: - Calendar helpers

    package func day(of date: Date) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    package func startOfDay(_ d: Day) -> Date {
        calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day))!
    }

    /// One second before the next day starts, so "by friday" includes all of Friday.
    package func endOfDay(_ d: Day) -> Date {
        startOfDay(adding(1, .day, to: d)).addingTimeInterval(-1)
    }

    func adding(_ n: Int, _ unit: Calendar.Component, to d: Day) -> Day {
        day(of: calendar.date(byAdding: unit, value: n, to: noon(d))!)
    }

    private func noon(_ d: Day) -> Date {
        calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: 12))!
    }

    private func lastDay(year: Int, month: Int) -> Day {
        let first = Day(year: year, month: month, day: 1)
        return adding(-1, .day, to: adding(1, .month, to: first))
    }

    private func weekday(_ d: Day) -> Int { calendar.component(.weekday, from: noon(d)) }

    // MARK: - Parsing

    static let weekdays: [String: Int] = [
        "sunday": 1, "sun": 1, "monday": 2, "mon": 2, "tuesday": 3, "tue": 3, "tues": 3,
        "wednesday": 4, "wed": 4, "thursday": 5, "thu": 5, "thur": 5, "thurs": 5,
        "friday": 6, "fri": 6, "saturday": 7, "sat": 7,
    ]
    static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december",
        ]
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["sept"] = 9
        return table
    }()
    static let units: [String: Calendar.Component] = [
        "day": .day, "days": .day, "week": .weekOfYear, "weeks": .weekOfYear,
        "month": .month, "months": .month, "year": .year, "years": .year,
    ]

    func meaning(_ text: String, forward: Bool) throws(DateError) -> DateMeaning {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { throw .unknown(text) }
        let t = today
        // Every form is read in both directions; one pointing the wrong way is then refused as
        // in the past or in the future, never mistaken for something else.
        switch words {
        case ["today"]: return .day(t)
        case ["now"] where !forward: return .instant(now)
        case ["tomorrow"]: return .day(adding(1, .day, to: t))
        case ["yesterday"]: return .day(adding(-1, .day, to: t))
        default: break
        }
        if words.count == 1, let iso = try isoDate(words[0], original: text) { return iso }
        if let wd = Self.weekdays[words.last!], words.count <= 2 {
            // friday: the coming one (forward) or the most recent one (backward), today included;
            // next friday: a week after the coming one; last friday: the most recent before today.
            if words.count == 2 && words[0] != "next" && words[0] != "last" { throw .unknown(text) }
            let step = words.count == 2 ? (words[0] == "next" ? 1 : -1) : (forward ? 1 : -1)
            var d = words.count == 2 && step < 0 ? adding(-1, .day, to: t) : t
            while weekday(d) != wd { d = adding(step, .day, to: d) }
            return .day(words.count == 2 && step > 0 ? adding(7, .day, to: d) : d)
        }
        if let day = try dayOfMonth(words, original: text, forward: forward) { return .day(day) }
        if words.count == 3, words[0] == "in", let unit = Self.units[words[2]],
            let n = count(words[1])
        {
            return .day(adding(n, unit, to: t))
        }
        if words.count == 3, words[2] == "ago", let unit = Self.units[words[1]],
            let n = count(words[0])
        {
            return .day(adding(-n, unit, to: t))
        }
        if let m = Self.months[words[0]], words.count <= 2 {
            var year = t.year
            if words.count == 2 {
                guard let y = Int(words[1]), words[1].count == 4 else { throw .unknown(text) }
                year = y
            } else if forward && lastDay(year: year, month: m) < t {
                year += 1
            } else if !forward && m > t.month {
                year -= 1
            }
            return .span(Day(year: year, month: m, day: 1), lastDay(year: year, month: m))
        }
        if words.count == 3, words[0] == "end", words[1] == "of" {
            switch words[2] {
            case "week":
                var d = t
                while weekday(d) != 1 { d = adding(1, .day, to: d) }  // ISO weeks end on Sunday
                return .day(d)
            case "month": return .day(lastDay(year: t.year, month: t.month))
            case "quarter": return .day(lastDay(year: t.year, month: ((t.month - 1) / 3) * 3 + 3))
            case "year": return .day(Day(year: t.year, month: 12, day: 31))
            default: throw .unknown(text)
            }
        }
        if let q = quarter(words[0]), words.count <= 2 {
            var year = t.year
            if words.count == 2 {
                guard let y = Int(words[1]), words[1].count == 4 else { throw .unknown(text) }
                year = y
            } else if forward && lastDay(year: year, month: q * 3) < t {
                year += 1
            } else if !forward && (q - 1) * 3 + 1 > t.month {
                year -= 1
            }
            return .span(Day(year: year, month: (q - 1) * 3 + 1, day: 1), lastDay(year: year, month: q * 3))
        }
        throw .unknown(text)
    }

    /// `31 december`, `dec 31`, `december 31st`, `31 dec 2027`, `dec 31, 2027`. Without a year: the
    /// next such day (forward) or the last one (backward), today included.
    private func dayOfMonth(_ words: [String], original: String, forward: Bool) throws(DateError) -> Day? {
        guard (2...3).contains(words.count) else { return nil }
        let m: Int, dayWord: String
        if let month = Self.months[words[0]] {
            (m, dayWord) = (month, words[1])
        } else if let month = Self.months[words[1]] {
            (m, dayWord) = (month, words[0])
        } else {
            return nil
        }
        var digits = Substring(dayWord)
        if digits.hasSuffix(",") { digits = digits.dropLast() }
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy(\.isNumber), let d = Int(digits) else { return nil }
        let t = today
        var year = t.year
        if words.count == 3 {
            guard let y = Int(words[2]), words[2].count == 4 else { throw .unknown(original) }
            year = y
        }
        func real(_ y: Int) -> Day? {
            (1...lastDay(year: y, month: m).day).contains(d) ? Day(year: y, month: m, day: d) : nil
        }
        if words.count == 3 || (m == 2 && d == 29) {
            if words.count == 2 {
                // 29 February without a year: the next (or last) leap year's.
                var y = t.year
                while real(y) == nil || (forward ? real(y)! < t : real(y)! > t) { y += forward ? 1 : -1 }
                return real(y)
            }
            guard let day = real(year) else { throw .notARealDate(original) }
            return day
        }
        guard let candidate = real(year) else { throw .notARealDate(original) }
        if forward && candidate < t { return real(year + 1) }
        if !forward && candidate > t { return real(year - 1) }
        return candidate
    }

    private func count(_ word: String) -> Int? {
        if ["a", "an", "one"].contains(word) { return 1 }
        guard let n = Int(word), n >= 0, n <= 10_000 else { return nil }
        return n
    }

    private func quarter(_ word: String) -> Int? {
        guard word.count == 2, word.first == "q", let q = Int(word.dropFirst()), (1...4).contains(q) else { return nil }
        return q
    }

    /// 2027, 2027-06, 2027-06-30, 2027-06-30T14:00[:05][Z|±hh:mm]
    private func isoDate(_ word: String, original: String) throws(DateError) -> DateMeaning? {
        let parts = word.split(separator: "t", maxSplits: 1)
        let fields = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count), fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            fields[0].count == 4, fields.dropFirst().allSatisfy({ $0.count == 2 })
        else { return nil }
        let y = Int(fields[0])!
        if fields.count == 1 {
            return parts.count == 1 ? .span(Day(year: y, month: 1, day: 1), Day(year: y, month: 12, day: 31)) : nil
        }
        let m = Int(fields[1])!
        guard (1...12).contains(m) else { throw .notARealDate(original) }
        if fields.count == 2 {
            return parts.count == 1 ? .span(Day(year: y, month: m, day: 1), lastDay(year: y, month: m)) : nil
        }
        let d = Int(fields[2])!
        guard d >= 1, d <= lastDay(year: y, month: m).day else { throw .notARealDate(original) }
        let day = Day(year: y, month: m, day: d)
        guard parts.count == 2 else { return .day(day) }
        return .instant(try time(String(parts[1]), on: day, original: original))
    }

    private func time(_ text: String, on day: Day, original: String) throws(DateError) -> Date {
        var clock = Substring(text)
        var zone = calendar.timeZone
        if clock.hasSuffix("z") {
            zone = TimeZone(identifier: "UTC")!
            clock = clock.dropLast()
        } else if let signIndex = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = clock[clock.index(after: signIndex)...].split(separator: ":")
            guard offset.count == 2, let h = Int(offset[0]), let m = Int(offset[1]),
                let tz = TimeZone(secondsFromGMT: (clock[signIndex] == "-" ? -1 : 1) * (h * 3600 + m * 60))
            else { throw .unknown(original) }
            zone = tz
            clock = clock[..<signIndex]
        }
        let hms = clock.split(separator: ":").map { Int($0) }
        guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }),
            (0...23).contains(hms[0]!), (0...59).contains(hms[1]!), (0...59).contains(hms.count == 3 ? hms[2]! : 0)
        else { throw .unknown(original) }
        var cal = calendar
        cal.timeZone = zone
        return cal.date(
            from: DateComponents(
                year: day.year, month: day.month, day: day.day,
                hour: hms[0], minute: hms[1], second: hms.count == 3 ? hms[2] : 0))!
    }
}
