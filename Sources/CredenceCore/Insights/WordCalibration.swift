import Foundation

/// What a forecaster's words of estimative probability turned out to mean: for each word, the
/// value it stands for, how often its claims came true, and the value the record suggests.
package struct WordRecord: Sendable, Equatable {
    package enum Verdict: String, Sendable {
        /// The miscalibration test (docs/statistics.md §15) did not reject: no evidence the word means otherwise.
        case noEvidence = "no_evidence"
        case happensLess = "happens_less"
        case happensMore = "happens_more"
        case tooFew = "too_few"
    }

    package let word: String
    /// The value the word stands for (count-weighted mean, should imports have mapped it differently).
    package let stated: Double
    package let n: Int
    package let events: Int
    /// The gate of docs/statistics.md §15 on this word's forecasts (nil below the minimum): a word's forecasts
    /// usually share one value, and then it tests whether that value is what happened.
    package private(set) var test: MiscalibrationTest?
    private let sample: Sample
    /// The level the words judged together share (`CalibrationVerdicts.sideBySide`); set by `judged`.
    package private(set) var alpha = CalibrationVerdict.level
    package private(set) var wordsJudged = 1
    /// Several forecasters pooled on shared claims: their outcomes are not independent, so not judged.
    package private(set) var sharedOutcomes = false

    package init(word: String, counts: [CountedForecast]) {
        self.word = word
        n = counts.reduce(0) { $0 + $1.n }
        events = counts.reduce(0) { $0 + $1.e }
        stated = n == 0 ? 0 : counts.reduce(0) { $0 + Double($1.n) * $1.x } / Double(n)
        sample = Sample(counts: counts)
        test = n >= Self.minimum ? MiscalibrationTests.test(sample) : nil
    }

    /// Every record judged beside the others, at the level the words tested share.
    package static func judged(_ records: [WordRecord], independentRows: Bool = true) -> [WordRecord] {
        let shared = CalibrationVerdicts.sideBySide(records.map { ($0.sample, independentRows ? $0.test : nil) })
        return records.indices.map { i in
            var r = records[i]
            r.sharedOutcomes = !independentRows
            r.wordsJudged = shared.groups
            r.alpha = shared.level
            if independentRows { r.test = shared.tests[i] }
            return r
        }
    }

    /// Fewer claims than this and a word's record is shown but not judged (docs/statistics.md §15's minimum).
    package static let minimum = CalibrationVerdict.minimum

    package var rate: Double { n == 0 ? 0 : Double(events) / Double(n) }
    package var interval: Interval? { BinomialInterval.wilson(events: events, of: n) }

    package var verdict: Verdict {
        guard let test, !sharedOutcomes else { return .tooFew }
        guard test.p < alpha else { return .noEvidence }
        return rate < stated ? .happensLess : .happensMore
    }

    /// "when you say “likely” (75%), it happens 57% of the time (n = 14, 95% CI 33–79%): …".
    /// `speaker` nil for the journal's owner ("you say", "your record"), else a forecaster's name.
    package func sentence(speaker: String? = nil) -> String {
        let whoSays = speaker.map { "\($0) says" } ?? "you say"
        let record = speaker.map { "\($0)'s record" } ?? "your record"
        let ci = interval.map { ", 95% CI \(Self.percent($0.lower))–\(Self.percent($0.upper))%" } ?? ""
        let head =
            "When \(whoSays) “\(word)” (\(Probability.percentText(stated))), it happens \(Self.percent(rate))% of the time (n = \(n.grouped)\(ci))"
        let shared =
            wordsJudged > 1 ? ", the \(wordsJudged) words share the level \(String(format: "%.3g", alpha))" : ""
        let p = test.map { Self.p($0.p) + shared } ?? ""
        switch verdict {
        case .noEvidence: return head + ": no evidence it means anything else (\(p))."
        case .happensLess:
            return head + ": less often than it means (\(p)); \(record) suggests about \(Self.percent(rate))%."
        case .happensMore:
            return head + ": more often than it means (\(p)); \(record) suggests about \(Self.percent(rate))%."
        case .tooFew:
            if sharedOutcomes { return head + ": not judged, since several forecasters share these claims." }
            return head + ": too few claims to judge yet (\(Self.minimum) needed)."
        }
    }

    static func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) }
    static func p(_ x: Double) -> String { x < 0.001 ? "p < 0.001" : String(format: "p = %.3f", x) }
}
