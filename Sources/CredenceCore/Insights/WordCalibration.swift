import Foundation

/// What a forecaster's words of estimative probability turned out to mean: for each word, the
/// value it stands for, how often its claims came true, and the value the record suggests.
public struct WordRecord: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        /// The stated value lies inside the Wilson interval of what happened.
        case consistent
        case happensLess = "happens_less"
        case happensMore = "happens_more"
        case tooFew = "too_few"
    }

    public let word: String
    /// The value the word stands for (count-weighted mean, should imports have mapped it differently).
    public let stated: Double
    public let n: Int
    public let events: Int

    public init(word: String, counts: [CountedForecast]) {
        self.word = word
        n = counts.reduce(0) { $0 + $1.n }
        events = counts.reduce(0) { $0 + $1.e }
        stated = n == 0 ? 0 : counts.reduce(0) { $0 + Double($1.n) * $1.x } / Double(n)
    }

    /// Fewer claims than this and a word's record is shown but not judged.
    public static let minimum = 5

    public var rate: Double { n == 0 ? 0 : Double(events) / Double(n) }
    public var interval: Interval? { BinomialInterval.wilson(events: events, of: n) }

    public var verdict: Verdict {
        guard n >= Self.minimum, let ci = interval else { return .tooFew }
        if stated < ci.lower { return .happensMore }
        if stated > ci.upper { return .happensLess }
        return .consistent
    }

    /// "when you say “likely” (75%), it happens 57% of the time (n = 14, 95% CI 33–79%): less often than you mean".
    /// `speaker` nil for the journal's owner ("you say", "your record"), else a forecaster's name.
    public func sentence(speaker: String? = nil) -> String {
        let whoSays = speaker.map { "\($0) says" } ?? "you say"
        let record = speaker.map { "\($0)'s record" } ?? "your record"
        let ci = interval.map { ", 95% CI \(Self.percent($0.lower))–\(Self.percent($0.upper))%" } ?? ""
        let head =
            "When \(whoSays) “\(word)” (\(Probability.percentText(stated))), it happens \(Self.percent(rate))% of the time (n = \(n.grouped)\(ci))"
        switch verdict {
        case .consistent: return head + ": as often as it means."
        case .happensLess: return head + ": less often than it means; \(record) suggests about \(Self.percent(rate))%."
        case .happensMore: return head + ": more often than it means; \(record) suggests about \(Self.percent(rate))%."
        case .tooFew: return head + ": too few claims to judge yet."
        }
    }

    static func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) }
}
