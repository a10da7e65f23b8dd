import CredenceCore
import CredenceStore

extension Context {
    /// The record of similar past forecasts, shown after a forecast is written: same forecaster,
    /// same confidence band, same tag when there is enough of it. Nil when switched off
    /// (`reference_hints = off`) or when the record is too thin to say anything.
    func referenceHint(_ journal: Journal, forecaster: String, probability: Double, claim: ClaimID) -> String? {
        guard config.referenceHints else { return nil }
        let band = ConfidenceBand(containing: probability)
        // A hint is a courtesy: if it cannot be read, the forecast still stands and nothing is said.
        guard let (tagged, overall) = try? journal.referenceRecords(forecaster: forecaster, band: band, claim: claim),
            let record = ReferenceRecord.choose(tagged: tagged, overall: overall)
        else { return nil }
        let whose = forecaster.lowercased() == owner.lowercased() ? "your" : "\(Format.safe(forecaster))'s"
        return Format.safe(record.sentence(whose: whose))
    }
}
