import CredenceCore
import Foundation

/// Text for people: dates in the journal's zone, safe strings, widths and colour.
struct Format {
    let calendar: Calendar
    let style: Style

    init(clock: Clock, color: Bool) {
        calendar = clock.calendar
        style = Style(enabled: color)
    }

    private func parts(_ d: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: d)
    }

    /// 2026-11-27
    func day(_ d: Date) -> String {
        let c = parts(d)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
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

    /// User text made safe for a terminal: control characters (escape sequences, NUL) and
    /// bidirectional overrides are shown as U+FFFD instead of being obeyed.
    static func safe(_ s: String, singleLine: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x0A where !singleLine, 0x09 where !singleLine: out.append(scalar)
            case 0x0A, 0x09, 0x0D: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Columns a string takes in a terminal (wide East Asian characters and emoji take two).
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) || s.properties.generalCategory == .nonspacingMark
            || s.properties.generalCategory == .enclosingMark || s.properties.generalCategory == .format { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) { return 2 }
        return 1
    }

    /// Cuts a string to fit `width` columns, ending in … when cut.
    static func truncate(_ s: String, to width: Int) -> String {
        guard Self.width(s) > width else { return s }
        var out = "", used = 0
        for ch in s {
            let w = Self.width(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let gap = max(0, width - Self.width(s))
        return right ? String(repeating: " ", count: gap) + s : s + String(repeating: " ", count: gap)
    }

    static func tags(_ tags: [String]) -> String { tags.map { "#" + safe($0) }.joined(separator: " ") }
}

/// ANSI styling that disappears when colour is off.
struct Style {
    let enabled: Bool
    private func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap("1", s) }
    func dim(_ s: String) -> String { wrap("2", s) }
    func red(_ s: String) -> String { wrap("31", s) }
    func green(_ s: String) -> String { wrap("32", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }
    func blue(_ s: String) -> String { wrap("34", s) }
    func cyan(_ s: String) -> String { wrap("36", s) }
}

