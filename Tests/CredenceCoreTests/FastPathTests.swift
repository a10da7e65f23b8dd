import Foundation
import Testing

@testable import CredenceCore

/// The hand-written fast paths agree with the straightforward ones.
@Suite struct FastPathTests {
    @Test func isoTimestampsMatchFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let millis = Int64(rng.below(8_000_000_000_000)) - 2_000_000_000_000  // 1906 … 2223
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            #expect(Timestamp.iso(date) == formatter.string(from: date), "\(millis)")
        }
        #expect(Timestamp.iso(Date(timeIntervalSince1970: 0), milliseconds: false) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.iso(Date(timeIntervalSince1970: 951_782_400.5)) == "2000-02-29T00:00:00.500Z")
    }

    @Test func timeAveragingInPlaceMatchesTheSortedPath() {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<500 {
            let open = Double(rng.below(100)), close = open + 1 + Double(rng.below(100))
            let history = (0..<(1 + rng.below(6))).map { _ in
                TimedForecast(
                    time: open - 5 + Double(rng.below(Int(close - open) + 10)), p: Double(rng.below(101)) / 100)
            }
            let sorted = history.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
                .map(\.element)
            let outcome = rng.below(2) == 0
            guard let start = TimeAveraged.firstTime(sorted, open: open, close: close) else { continue }
            // `sorted` takes the in-place path; a reversed copy of equal times forces the sorting path.
            let inPlace = TimeAveraged.average(sorted, open: open, from: start, close: close, outcome: outcome)
            let viaSort = TimeAveraged.average(
                sorted.reversed().reversed() + [], open: open, from: start, close: close, outcome: outcome)
            #expect(inPlace == viaSort)
            let shuffled = Array(sorted.reversed())
            if zip(shuffled, shuffled.dropFirst()).contains(where: { $0.time > $1.time }) {
                // Out of order: only comparable when no two count from the same moment (entry order decides ties).
                if Set(sorted.filter { $0.time < close }.map { max($0.time, open) }).count
                    == sorted.filter({ $0.time < close }).count
                {
                    let a = TimeAveraged.average(shuffled, open: open, from: start, close: close, outcome: outcome)
                    #expect(a.map { abs($0 - inPlace!) < 1e-12 } ?? false)
                }
            }
        }
    }
}

extension FastPathTests {
    /// Wall-clock fields by arithmetic equal Calendar's, across DST changes and odd offsets.
    @Test(arguments: [
        "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
        "America/St_Johns", "UTC",
    ])
    func civilTimeMatchesCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var rng = SeededGenerator(seed: 11)
        let edges: [Double] = [0, -1, -86_400.5, 951_782_400, 1_774_746_000, 1_792_889_999.9]
        for seconds in edges
            + (0..<3000).map({ _ in Double(rng.below(8_000_000_000)) - 2_000_000_000 + Double(rng.below(1000)) / 1000 })
        {
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
            let t = CivilTime(date, timeZone: timeZone)
            let fast: [Int] = [t.year, t.month, t.day, t.hour, t.minute, t.weekday]
            let slow: [Int] = [c.year!, c.month!, c.day!, c.hour!, c.minute!, c.weekday!]
            #expect(fast == slow, "\(zone) \(seconds)")
        }
    }
}
