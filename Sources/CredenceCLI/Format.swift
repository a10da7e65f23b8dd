import CredenceCore
import CredenceReport
import Foundation

/// Text for people: dates in the journal's zone, safe strings, widths and colour.
struct Format {
    let calendar: Calendar
    let style: Style

    init(clock: Clock, color: Bool) {
        calendar = clock.calendar
        style = Style(color: color)
    }

    private func parts(_ d: Date) -> DateComponents {
        guard calendar.identifier == .gregorian else {
            return calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: d)
        }
        let c = CivilTime(d, timeZone: calendar.timeZone)
        return DateComponents(
            year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, weekday: c.weekday)
    }

    /// 2026-11-27
    func day(_ d: Date) -> String {
        // Without DateComponents and String(format:): `list` writes one per claim.
        guard calendar.identifier == .gregorian else {
            let c = parts(d)
            return Self.ymd(c.year!, c.month!, c.day!)
        }
        let c = CivilTime(d, timeZone: calendar.timeZone)
        return Self.ymd(c.year, c.month, c.day)
    }

    /// 2026-11-27 from its numbers (a year of four digits or more).
    static func ymd(_ year: Int, _ month: Int, _ day: Int) -> String {
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count < width ? String(repeating: "0", count: width - text.count) + text : text
        }
        return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
    }

    /// 2026-11-22 14:05
    func time(_ d: Date) -> String {
        let c = parts(d)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Fri 27 Nov 2026
    func longDay(_ d: Date) -> String {
        let c = parts(d)
        return "\(Self.weekdays[c.weekday! - 1]) \(c.day!) \(Self.months[c.month! - 1]) \(c.year!)"
    }

    /// A resolve-by date as the echo shows it: the day, and the time unless it is the end of the day.
    func resolveBy(_ d: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute, .second], from: d)
        if c.hour == 23 && c.minute == 59 && c.second == 59 {
            return "\(longDay(d)), end of day (\(calendar.timeZone.identifier))"
        }
        return "\(longDay(d)) \(String(format: "%02d:%02d", c.hour!, c.minute!)) (\(calendar.timeZone.identifier))"
    }

    static func safe(_ s: String, singleLine: Bool = true) -> String { TerminalText.safe(s, singleLine: singleLine) }
    static func width(_ s: String) -> Int { TerminalText.width(s) }
    static func truncate(_ s: String, to width: Int) -> String { TerminalText.truncate(s, to: width) }
    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        TerminalText.pad(s, width, right: right)
    }

    static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        TerminalText.table(rows, rightAligned: rightAligned)
    }
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        TerminalText.wrap(text, width: width, indent: indent)
    }

    static func tags(_ tags: [String]) -> String { tags.map { "#" + safe($0) }.joined(separator: " ") }
}

typealias Style = TextStyle
