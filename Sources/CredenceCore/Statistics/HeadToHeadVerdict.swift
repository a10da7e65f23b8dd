import Foundation

/// Which Brier score a head-to-head leads with.
package enum ScoringRule: String, CaseIterable, Sendable {
    /// Each forecaster's last forecast before resolution ("right in the end?").
    case final
    /// Each forecast carried forward until updated, over the common window ("how good was the belief over the claim's life?").
    case timeAveraged = "time-averaged"
}

/// "Who was more right" over two forecasters' shared claims (spec §9, §15): the one rule that
/// `vs`, `bets` and any other head-to-head judge by. A winner is named only from five claims
/// on, with a paired t-test p below 0.05 and a bootstrap interval that excludes 0.
package struct HeadToHeadVerdict: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The difference is larger than the noise: the better forecaster was more right.
        case moreRight(p: Double, interval: Interval)
        /// Every difference is the same non-zero number (no spread, so no t-test): more right
        /// each time.
        case moreRightEveryTime
        /// The mean difference is exactly zero.
        case same
        /// A difference within noise, or too few claims to tell.
        case withinNoise
    }

    /// Below five claims a t-test and a bootstrap say little, whatever their p: no verdict yet.
    package static let minimumClaims = 5
    package static let level = 0.05

    package let kind: Kind
    package let scoring: ScoringRule
    /// The comparison judged: final Brier, or time-averaged Brier when there is one.
    package let test: PairedComparison
    package let interval: Interval?
    /// A (the first forecaster) had the lower mean Brier.
    package var aIsBetter: Bool { test.meanDiff < 0 }

    package init(_ c: PairComparison, scoring: ScoringRule) {
        let test = scoring == .final ? c.brier : (c.timeAveraged ?? c.brier)
        let ci = scoring == .final ? c.bootstrap : c.timeAveragedBootstrap
        let enough = test.n >= Self.minimumClaims
        if enough, test.sdDiff == 0, test.meanDiff != 0 {
            kind = .moreRightEveryTime
        } else if enough, let p = test.pT, p < Self.level, let ci, ci.lower > 0 || ci.upper < 0 {
            kind = .moreRight(p: p, interval: ci)
        } else if test.meanDiff == 0 {
            kind = .same
        } else {
            kind = .withinNoise
        }
        (self.scoring, self.test, interval) = (scoring, test, ci)
    }
}
