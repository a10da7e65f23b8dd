import Foundation

/// Timestamps as other tools write them: ISO 8601 with `T` or a space, optional seconds and
/// fractions, unpadded fields (Fatebook writes `2024-03-05 09:07:4`), and `Z` or an offset.
/// Without a zone they are UTC. Parsed from the bytes: imports read millions of them.
enum Timestamps {
    static func parse(_ raw: String) -> Date? {
        var raw = raw
        return raw.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0, end = bytes.count
        while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        while end > i && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        func digits(_ maxCount: Int) -> Int? {
            var value = 0, count = 0
            while i < end && count < maxCount, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
                count += 1
            }
            return count == 0 ? nil : value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < end && bytes[i] == c else { return false }
            i += 1
            return true
        }
        let start = i
        guard let y = digits(4), i - start == 4, expect(0x2D), let m = digits(2), expect(0x2D), let d = digits(2),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        var h = 0, mi = 0, seconds = 0, millis = 0.0, offset = 0
        if i < end {
            guard bytes[i] == 0x54 || bytes[i] == 0x74 || bytes[i] == 0x20 else { return nil }  // T, t or space
            i += 1
            guard let hh = digits(2), expect(0x3A), let mm = digits(2), hh <= 23, mm <= 59 else { return nil }
            (h, mi) = (hh, mm)
            if expect(0x3A) {
                guard let ss = digits(2), ss <= 60 else { return nil }
                seconds = ss
                if expect(0x2E) {
                    let from = i
                    guard let fraction = digits(9) else { return nil }
                    millis = Double(fraction) / pow(10, Double(i - from)) * 1000
                    while i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
                }
            }
            if i < end {
                if bytes[i] == 0x5A || bytes[i] == 0x7A {  // Z
                    i += 1
                } else if bytes[i] == 0x2B || bytes[i] == 0x2D {  // + or -
                    let sign = bytes[i] == 0x2D ? -1 : 1
                    i += 1
                    let from = i
                    guard let oh = digits(2), i - from == 2 else { return nil }
                    _ = expect(0x3A)
                    let om = digits(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == end, d <= daysIn(month: m, year: y) else { return nil }
        let days = daysFromCivil(y, m, d)
        let whole = Double(days * 86_400 + h * 3600 + mi * 60 + seconds - offset)
        return Date(timeIntervalSince1970: (whole * 1000 + millis).rounded() / 1000)
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
