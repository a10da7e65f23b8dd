import Foundation
import Testing

@testable import CredenceCore

@Suite struct InsightTests {
    static func sample(_ name: String, forecaster: String? = nil) throws -> Sample {
        Sample(
            rows: try Fixture.rows(name + ".csv").filter { forecaster == nil || $0.forecaster == forecaster }.map {
                ($0.p, $0.y)
            })
    }

    /// The bootstrap's quick Brier parts agree with the full CORP analysis on the shared vectors.
    @Test(arguments: ["tiny_hand", "edge_cases", "journal_100", "journal_1000"])
    func brierPartsMatchCORP(name: String) throws {
        for who in [nil, "calibrated", "overconfident"] {
            let s = try Self.sample(name, forecaster: who)
            guard s.n > 0 else { continue }
            let a = try #require(Calibration.analyse(s, full: false))
            let parts = try #require(BrierParts(s.values))
            #expect(abs(parts.brier - a.scores.brier) < 1e-12)
            #expect(abs(parts.mcb - a.corp.brier.mcb!) < 1e-12)
            #expect(abs(parts.dsc - a.corp.brier.dsc) < 1e-12)
        }
    }
}

@Suite struct InsightMathTests {
    /// Poisson draws have the right mean and variance across the two algorithms' ranges.
    @Test(arguments: [0.5, 3.0, 9.9, 10.0, 50.0, 1_000.0])
    func poissonMoments(lambda: Double) {
        var rng = SeededGenerator(seed: 7)
        let draws = 40_000
        let xs = (0..<draws).map { _ in Double(PoissonBootstrap.poisson(lambda, &rng)) }
        let mean = xs.reduce(0, +) / Double(draws)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws - 1)
        // Five standard errors: a wrong algorithm misses by far more; a right one essentially never.
        #expect(abs(mean - lambda) < 5 * (lambda / Double(draws)).squareRoot(), "mean \(mean)")
        #expect(abs(variance / lambda - 1) < 5 * (2.0 / Double(draws)).squareRoot() + 0.02, "variance \(variance)")
        #expect(xs.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
    }

    @Test func splitReplicatesKeepTheirMeans() {
        let s = Sample(counts: [CountedForecast(x: 0.2, n: 500, e: 300), CountedForecast(x: 0.9, n: 1_000, e: 100)])
        var rng = SeededGenerator(seed: 3)
        var first = 0.0
        for _ in 0..<400 { first += Double(PoissonBootstrap.split(s, share: 0.25, &rng).0.reduce(0) { $0 + $1.n }) }
        #expect(abs(first / 400 - 375) < 3)
    }

    @Test func pValueAndBiasCorrectedInterval() {
        #expect(PoissonBootstrap.pValue([1, 2, 3, 4], atLeast: 3) == 0.5)
        #expect(PoissonBootstrap.pValue([], atLeast: 3) == nil)
        // With the estimate at the replicates' median the correction vanishes: plain percentiles.
        let draws = (0..<1_001).map { Double($0) / 1_000 }
        let ci = PoissonBootstrap.interval95(draws, estimate: 0.5)!
        #expect(abs(ci.lower - 0.025) < 1e-9 && abs(ci.upper - 0.975) < 1e-9)
        // An estimate low in the replicates pulls the interval down.
        let low = PoissonBootstrap.interval95(draws, estimate: 0.3)!
        #expect(low.lower < 0.025 && low.upper < 0.975)
        #expect(abs(SpecialFunctions.normalQuantile(0.975) - SpecialFunctions.z975) < 1e-12)
        #expect(abs(SpecialFunctions.normalQuantile(0.05) + SpecialFunctions.z95) < 1e-12)
    }

    /// By hand: 10 at 80% (6 came true), 10 at 30% (5 came true: the favoured NO side 5 times),
    /// 2 at 50% (½ each): confidence (8 + 7 + 1) / 22, hits (6 + 5 + 1) / 22.
    @Test func overconfidenceByHand() {
        let v = [
            CountedForecast(x: 0.8, n: 10, e: 6), CountedForecast(x: 0.3, n: 10, e: 5),
            CountedForecast(x: 0.5, n: 2, e: 0),
        ]
        #expect(abs(Overconfidence.of(v)! - 4.0 / 22.0) < 1e-15)
        #expect(Overconfidence.of([]) == nil)
    }

    @Test func caveatAuditFindsARealDifferenceAndNoFalseOne() {
        // Bare forecasts calibrated; caveated ones say 90% for things that happen half the time.
        let bare = Sample(counts: [CountedForecast(x: 0.2, n: 200, e: 40), CountedForecast(x: 0.8, n: 200, e: 160)])
        let worse = Sample(counts: [CountedForecast(x: 0.1, n: 100, e: 50), CountedForecast(x: 0.9, n: 100, e: 50)])
        let audit = CaveatAudit(none: bare, one: worse, more: Sample(counts: []))
        #expect(audit.finding == .worse)
        #expect(audit.differenceP! < 0.01)
        let corp =
            Calibration.analyse(worse, full: false)!.corp.brier.mcb! - Calibration.analyse(bare, full: false)!.corp
            .brier.mcb!
        #expect(abs(audit.difference! - corp) < 1e-12)
        #expect(audit.groups.map(\.name) == ["no caveats", "1 caveat"])
        #expect(audit.groups[0].miscalibrationP! > 0.05 && audit.groups[1].miscalibrationP! < 0.01)
        #expect(
            audit.sentence(whose: "ryan's").hasPrefix(
                "Ryan's caveated forecasts are worse calibrated: MCB 0.160 vs 0.000 without (difference +0.160, p = "))
        // The same forecasts on both sides: no difference to find.
        let same = CaveatAudit(none: bare, one: bare, more: Sample(counts: []))
        #expect(same.finding == .noBetter && same.difference == 0 && same.differenceP! > 0.5)
        // Too few on one side: no comparison, and the sentence says why.
        let few = CaveatAudit(
            none: bare, one: Sample(counts: [CountedForecast(x: 0.6, n: 4, e: 3)]), more: Sample(counts: []))
        #expect(few.finding == .tooFew && few.difference == nil)
        #expect(
            few.sentence()
                == "Too few forecasts to compare yet: 4 with caveats and 400 without (at least 10 each are needed).")
    }

    @Test func wordsJudgedByTheGate() {
        let likely = WordRecord(word: "likely", counts: [CountedForecast(x: 0.75, n: 14, e: 8)])
        #expect(likely.rate == 8.0 / 14.0 && likely.verdict == .noEvidence)
        #expect(
            abs(likely.interval!.lower - 0.3259064457965074) < 1e-12
                && abs(likely.interval!.upper - 0.7861920109552588) < 1e-12)
        #expect(
            likely.sentence()
                == "When you say “likely” (75%), it happens 57% of the time (n = 14, 95% CI 33–79%): no evidence it means anything else (p = \(String(format: "%.3f", likely.test!.p)))."
        )
        let certain = WordRecord(word: "almost certain", counts: [CountedForecast(x: 0.93, n: 16, e: 10)])
        #expect(certain.verdict == .happensLess)
        #expect(
            certain.sentence(speaker: "ryan")
                == "When ryan says “almost certain” (93%), it happens 63% of the time (n = 16, 95% CI 39–82%): less often than it means (p < 0.001); ryan's record suggests about 63%."
        )
        let remote = WordRecord(word: "remote", counts: [CountedForecast(x: 0.07, n: 24, e: 17)])
        #expect(remote.verdict == .happensMore)
        #expect(WordRecord(word: "toss-up", counts: [CountedForecast(x: 0.5, n: 4, e: 4)]).verdict == .tooFew)
        // Imports may have stored a word at another value: the stated value is their weighted mean.
        let mixed = WordRecord(
            word: "likely", counts: [CountedForecast(x: 0.75, n: 3, e: 2), CountedForecast(x: 0.7, n: 1, e: 1)])
        #expect(abs(mixed.stated - 0.7375) < 1e-15)
    }

    @Test func confidenceBandsMatchTheReportBins() {
        #expect(ConfidenceBand(containing: 0.9).label == "90–100%")
        #expect(ConfidenceBand(containing: 1).label == "90–100%" && ConfidenceBand(containing: 1).includesUpper)
        #expect(ConfidenceBand(containing: 0.3).label == "30–40%" && !ConfidenceBand(containing: 0.3).contains(0.4))
        #expect(ConfidenceBand(containing: 0.35).contains(0.3) && ConfidenceBand(containing: 0).label == "0–10%")
        let band = ConfidenceBand(containing: 0.92)
        let tagged = [
            ReferenceRecord(band: band, tag: "work", n: 4, events: 3),
            ReferenceRecord(band: band, tag: "ai", n: 24, events: 17),
        ]
        let overall = ReferenceRecord(band: band, tag: nil, n: 40, events: 30)
        #expect(ReferenceRecord.choose(tagged: tagged, overall: overall)?.tag == "ai")
        #expect(ReferenceRecord.choose(tagged: [], overall: overall)?.tag == nil)
        #expect(
            ReferenceRecord.choose(tagged: [], overall: ReferenceRecord(band: band, tag: nil, n: 4, events: 4)) == nil)
        #expect(
            tagged[1].sentence(whose: "your")
                == "your 90–100% #ai forecasts came true 71% of the time (n = 24, 95% CI 51–85%)")
    }

    @Test func countsAreGroupedTheSameEverywhere() {
        #expect(
            [0, 999, 1_000, 17_759, 1_234_567, -1_234].map(\.grouped) == [
                "0", "999", "1,000", "17,759", "1,234,567", "-1,234",
            ])
    }

    @Test func periodsFollowTheTimeZone() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let quarters = Periods(calendar, by: .quarter)
        // 23:30 UTC on 31 March is 00:30 on 1 April in London (summer time): the second quarter.
        #expect(
            quarters.period(containing: ISO8601DateFormatter().date(from: "2026-03-31T23:30:00Z")!).name == "2026 Q2")
        #expect(
            quarters.period(containing: ISO8601DateFormatter().date(from: "2026-03-31T22:30:00Z")!).name == "2026 Q1")
        let span = quarters.covering(
            ISO8601DateFormatter().date(from: "2025-11-02T00:00:00Z")!,
            ISO8601DateFormatter().date(from: "2026-04-02T00:00:00Z")!)
        #expect(span.map(\.name) == ["2025 Q4", "2026 Q1", "2026 Q2"])
        #expect(
            Periods(calendar, by: .year).period(containing: ISO8601DateFormatter().date(from: "2026-12-31T23:59:59Z")!)
                .name == "2026")
    }
}

@Suite struct YearlyListTests {
    @Test func theFormsPostsUse() {
        let (items, errors) = YearlyList.parse([
            "# Predictions for 2027", "", "## US politics",
            "1. Biden approval rating is over 50%: 10%",
            "2) GDP grows 2-3% - 60%",
            "- A new model tops the leaderboard — 3:1",
            "* Rain on my birthday (likely)",
            "## Personal stuff!",
            "I read 30 books: .4",
        ])
        #expect(errors.isEmpty)
        #expect(
            items.map(\.text) == [
                "Biden approval rating is over 50%", "GDP grows 2-3%", "A new model tops the leaderboard",
                "Rain on my birthday", "I read 30 books",
            ])
        #expect(items.map(\.probability.value) == [0.1, 0.6, 0.75, 0.75, 0.4])
        #expect(items.map(\.probability.typed) == ["10%", "60%", "3:1", "likely", ".4"])
        #expect(
            items.map(\.section) == ["US politics", "US politics", "US politics", "US politics", "Personal stuff!"])
        #expect(items.map(\.line) == [4, 5, 6, 7, 9])
        #expect(YearlyList.tag(forSection: "US politics") == "us-politics")
        #expect(YearlyList.tag(forSection: "Personal stuff!") == "personal-stuff")
        #expect(YearlyList.tag(forSection: "!!!") == nil)
    }

    @Test func badLinesAreNamedNotGuessed() {
        let (items, errors) = YearlyList.parse(["Rain: 70%", "Snow: 70", "Hail", ": 30%", "Sun: 100%"])
        #expect(items.map(\.text) == ["Rain"])
        #expect(errors.map(\.line) == [2, 3, 4, 5])
        #expect(errors[0].message == "\"70\" is a bare number: did you mean 70%?")
        #expect(errors[1].message.hasPrefix("no probability found"))
        #expect(errors[2].message == "the prediction before 30% is empty")
        #expect(errors[3].message.hasPrefix("100% is certainty"))
        #expect(YearlyList.parse(["Sun: 100%"], allowCertain: true).items.count == 1)
    }

    @Test func gradeAnswers() {
        #expect(
            ["y", "Yes", "n", "no", "t", "x", "thrown out", "s", "", "b", "q"].map(GradeAnswer.init)
                == [.yes, .yes, .no, .no, .thrownOut, .thrownOut, .thrownOut, .skip, .skip, .back, .quit])
        #expect(GradeAnswer("maybe") == nil)
    }

    /// 30% on something that did not happen is a 70% prediction that came true.
    @Test func foldedAndUnfoldedTables() {
        let f: [(p: Double, yes: Bool)] = [(0.7, true), (0.3, false), (0.3, true), (0.5, true), (0.9, false)]
        let folded = ConfidenceTable(f, folded: true).rows
        #expect(
            folded.map(\.level) == [0.5, 0.7, 0.9] && folded.map(\.n) == [1, 3, 1] && folded.map(\.events) == [1, 2, 0])
        let written = ConfidenceTable(f, folded: false).rows
        #expect(written.map(\.level) == [0.3, 0.5, 0.7, 0.9] && written.map(\.events) == [1, 1, 1, 0])
    }
}
