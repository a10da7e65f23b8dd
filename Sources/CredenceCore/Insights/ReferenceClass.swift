import Foundation

/// The confidence band a new forecast falls in: one of the report's ten equal-width bins, so the
/// hint at entry and the reliability diagram speak of the same forecasts.
package struct ConfidenceBand: Sendable, Equatable {
    package let lower: Double
    package let upper: Double
    /// The last band includes 100%; the others stop just below their upper edge.
    package let includesUpper: Bool

    package init(containing p: Double, bins: Int = 10) {
        let k = Binning.bin(of: p, count: bins)
        lower = Double(k) / Double(bins)
        upper = Double(k + 1) / Double(bins)
        includesUpper = k == bins - 1
    }

    package func contains(_ p: Double) -> Bool { p >= lower && (includesUpper ? p <= upper : p < upper) }

    /// "90–100%".
    package var label: String { "\(Int((lower * 100).rounded()))–\(Int((upper * 100).rounded()))%" }
}

/// How past forecasts like a new one turned out: same forecaster, same band, same tag if any.
package struct ReferenceRecord: Sendable, Equatable {
    package let band: ConfidenceBand
    package let tag: String?
    package let n: Int
    package let events: Int

    package init(band: ConfidenceBand, tag: String?, n: Int, events: Int) {
        (self.band, self.tag, self.n, self.events) = (band, tag, n, events)
    }

    /// Fewer than this many resolved forecasts say too little to be worth a line.
    package static let minimum = 5

    package var rate: Double { Double(events) / Double(n) }
    package var interval: Interval? { BinomialInterval.wilson(events: events, of: n) }

    /// "your 90–100% #work forecasts came true 71% of the time (n = 24, 95% CI 51–85%)".
    package func sentence(whose: String) -> String {
        let ci = interval.map { ", 95% CI \(Self.percent($0.lower))–\(Self.percent($0.upper))%" } ?? ""
        let tagText = tag.map { " #\($0)" } ?? ""
        return
            "\(whose) \(band.label)\(tagText) forecasts came true \(Self.percent(rate))% of the time (n = \(n.grouped)\(ci))"
    }

    static func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) }

    /// The record to show: the first of the claim's tags with enough forecasts, else all the
    /// forecaster's forecasts in the band when they are enough, else none.
    package static func choose(tagged: [ReferenceRecord], overall: ReferenceRecord) -> ReferenceRecord? {
        if let first = tagged.first(where: { $0.n >= minimum }) { return first }
        return overall.n >= minimum ? overall : nil
    }
}

extension Int {
    /// 17759 → "17,759": counts in sentences, the same whatever the locale.
    package var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return self < 0 ? "-" + out : out
    }
}
