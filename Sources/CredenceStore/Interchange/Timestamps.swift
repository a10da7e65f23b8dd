import Foundation

/// Timestamps as other tools write them: ISO 8601 with `T` or a space, optional seconds and
/// fractions, unpadded fields (Fatebook writes `2024-03-05 09:07:4`), and `Z` or an offset.
/// Without a zone they are UTC.
enum Timestamps {
    static func parse(_ raw: String) -> Date? {
        let s = raw.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return nil }
        var body = Substring(s)
        var offset = 0
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body = body.dropLast()
        } else if let sign = body.lastIndex(where: { $0 == "+" || $0 == "-" }), body.distance(from: body.startIndex, to: sign) > 10 {
            let zone = body[body.index(after: sign)...].replacingOccurrences(of: ":", with: "")
            guard zone.count == 4 || zone.count == 2, let z = Int(zone) else { return nil }
            let minutes = zone.count == 4 ? (z / 100) * 60 + z % 100 : z * 60
            offset = (body[sign] == "-" ? -1 : 1) * minutes * 60
            body = body[..<sign]
        }
        let parts = body.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, let y = Int(date[0]), let m = Int(date[1]), let d = Int(date[2]),
              (1...12).contains(m), (1...31).contains(d), date[0].count == 4 else { return nil }
        var h = 0, mi = 0, sec = 0.0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(time.count), let hh = Int(time[0]), let mm = Int(time[1]), (0...23).contains(hh), (0...59).contains(mm)
            else { return nil }
            h = hh
            mi = mm
            if time.count == 3 {
                guard let ss = Double(time[2]), ss >= 0, ss < 61 else { return nil }
                sec = ss
            }
        }
        var t = tm()
        t.tm_year = Int32(y - 1900)
        t.tm_mon = Int32(m - 1)
        t.tm_mday = Int32(d)
        t.tm_hour = Int32(h)
        t.tm_min = Int32(mi)
        let whole = timegm(&t)
        // timegm normalises 31 February into March; a real date survives the round trip.
        guard t.tm_mday == Int32(d), t.tm_mon == Int32(m - 1) else { return nil }
        let millis = (Double(whole) + sec) * 1000 - Double(offset) * 1000
        return Date(timeIntervalSince1970: millis.rounded() / 1000)
    }
}
