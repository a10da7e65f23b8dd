import CredenceCore
import Foundation

/// iCalendar (RFC 5545): one all-day event per open claim on its resolve-by date, so the
/// reminder to resolve it lives in the user's calendar.
package enum ICSWriter {
    package static func header(version: String) -> String {
        lines([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Credence//Credence \(version)//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Credence: claims to resolve",
        ])
    }

    package static func footer() -> String { lines(["END:VCALENDAR"]) }

    /// - day: the resolve-by date in the user's calendar (an all-day event on it).
    package static func event(_ c: InterchangeClaim, day: Day, forecast: String?, now: Date) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let start = utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        let n = utc.dateComponents([.year, .month, .day], from: utc.date(byAdding: .day, value: 1, to: start)!)
        var description = "Claim \(c.id.map(String.init) ?? "") in Credence."
        if let forecast { description += " Your forecast: \(forecast)." }
        description += " Resolve it with: credence resolve \(c.id.map(String.init) ?? c.uuid) yes|no|annul"
        return lines([
            "BEGIN:VEVENT",
            "UID:\(c.uuid)@credence",
            "DTSTAMP:\(stamp(now))",
            "DTSTART;VALUE=DATE:\(String(format: "%04d%02d%02d", day.year, day.month, day.day))",
            "DTEND;VALUE=DATE:\(String(format: "%04d%02d%02d", n.year!, n.month!, n.day!))",
            "SUMMARY:\(escape("Resolve: " + c.text))",
            "DESCRIPTION:\(escape(description))",
            "CATEGORIES:\((["credence"] + c.tags).map(escape).joined(separator: ","))",
            "END:VEVENT",
        ])
    }

    static func stamp(_ d: Date) -> String {
        var t = time_t(d.timeIntervalSince1970), parts = tm()
        gmtime_r(&t, &parts)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
            parts.tm_min, parts.tm_sec)
    }

    /// TEXT values escape backslash, semicolon, comma and newlines.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(
            of: ",", with: "\\,"
        )
        .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(
            of: "\r", with: "\\n")
    }

    /// CRLF line ends, lines folded at 75 octets without splitting a character.
    static func lines(_ content: [String]) -> String {
        content.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func fold(_ line: String) -> String {
        var out = "", current = 0
        for ch in line {
            let size = String(ch).utf8.count
            if current + size > 75 {
                out += "\r\n "
                current = 1
            }
            out.append(ch)
            current += size
        }
        return out
    }
}
