import Foundation

/// ISO 8601 in UTC with milliseconds (`2026-11-22T12:00:00.000Z`), written without Foundation's
/// formatters: exports write millions of them.
package enum Timestamp {
    /// - milliseconds: false drops `.000` when the time has none.
    package static func iso(_ date: Date, milliseconds: Bool = true) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = ms / 86_400_000, rest = ms % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        let (y, m, d) = civil(fromDays: days)
        let seconds = rest / 1000, milli = rest % 1000
        // Written straight into the string's storage: export formats two of these per forecast.
        return String(unsafeUninitializedCapacity: 24) { out in
            var at = 0
            func put(_ value: Int64, _ width: Int) {
                var v = value
                for i in stride(from: width - 1, through: 0, by: -1) {
                    out[at + i] = UInt8(0x30 + v % 10)
                    v /= 10
                }
                at += width
            }
            func char(_ c: UInt8) {
                out[at] = c
                at += 1
            }
            put(y, 4)
            char(0x2D)
            put(m, 2)
            char(0x2D)
            put(d, 2)
            char(0x54)
            put(seconds / 3600, 2)
            char(0x3A)
            put(seconds / 60 % 60, 2)
            char(0x3A)
            put(seconds % 60, 2)
            if milliseconds || milli != 0 {
                char(0x2E)
                put(milli, 3)
            }
            char(0x5A)
            return at
        }
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
    package static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
