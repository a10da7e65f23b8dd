/// Everything the report shows about one set of forecasts, computed from its counts.
package struct CalibrationAnalysis: Sendable, Equatable {
    package let sample: Sample
    package let scores: Scores
    package let murphy: MurphyDecomposition
    package let corp: CORPDecomposition
    /// nil in a summary (`full: false`), which skips the resampled band and the smooth ECE.
    package let band: ConsistencyBand?
    package let spiegelhalter: SpiegelhalterTest
    package let smoothECE: SmoothECEResult?
    /// The CORP miscalibration test that gates every verdict (docs/statistics.md §15); nil for an empty sample.
    package let miscalibration: MiscalibrationTest?
}

package enum Calibration {
    /// nil for an empty sample: there is nothing to score. `full: false` gives a summary without
    /// the resampled consistency band and the smooth ECE, for one-row-per-group tables.
    package static func analyse(
        _ s: Sample, bins: Int = 10, seed: UInt64 = 20_240_229, full: Bool = true
    ) -> CalibrationAnalysis? {
        guard let scores = Scoring.scores(s), let murphy = Binning.murphy(s, bins: bins),
            let corp = CORP.decompose(s, scores: scores), let z = Spiegelhalter.test(s)
        else { return nil }
        return CalibrationAnalysis(
            sample: s, scores: scores, murphy: murphy, corp: corp,
            band: full ? ConsistencyBands.band(s, seed: seed) : nil, spiegelhalter: z,
            smoothECE: full ? SmoothECE.compute(s) : nil, miscalibration: MiscalibrationTests.test(s))
    }
}
