import CredenceCore
import Foundation
import Testing

@testable import CredenceStore

/// Each refusal is its own case, so callers match cases; the words people read are pinned here,
/// exactly as they were when each site wrote its own sentence.
@Suite struct JournalErrorTests {
    let clock = Clock.fixed(
        ISO8601DateFormatter().date(from: "2026-11-22T12:00:00Z")!, timeZone: TimeZone(identifier: "UTC")!)

    func p(_ text: String) -> Probability { try! ProbabilityParser.parse(text, allowCertain: true) }

    @Test func messagesAreTheSentencesUsersRead() {
        let cases: [(JournalError, String)] = [
            (
                .invisibleForecasterName,
                "the forecaster's name is empty or only invisible characters (such as U+200B ZERO WIDTH SPACE): give a visible name"
            ),
            (.constraintRefused("CHECK constraint failed"), "the journal refused the change: CHECK constraint failed"),
            (
                .backupExists(path: "/tmp/b.sqlite"),
                "/tmp/b.sqlite already exists: a backup never overwrites a file, so choose a new name"
            ),
            (
                .tooFewOptions,
                "a scenario set needs at least two options, e.g. --option \"fast=20%\" --option \"slow=80%\""
            ),
            (.emptyOptionName, "an option has an empty name"),
            (.repeatedOption("Fast"), "the option \"Fast\" appears twice"),
            (
                .optionsDoNotSum(
                    sum: 0.9, options: [.init(label: "fast", p: p("20%")), .init(label: "slow", p: p("70%"))]),
                "the options sum to 90%, not 100%: fast 20% + slow 70%. Mutually exclusive scenarios must cover every case; add an \"other\" option if needed"
            ),
            (
                .scenarioSetNeedsOptions(3, options: ["fast", "slow"]),
                "claim 3 is a scenario set: give each option a probability with --option, e.g. --option \"fast=…\" --option \"slow=…\""
            ),
            (.optionsForYesNoClaim(2), "claim 2 is a yes/no claim: give one probability, not options"),
            (
                .unknownForecastOption("medium", claim: 3, options: ["fast", "slow"]),
                "\"medium\" is not an option of claim 3: its options are fast, slow"
            ),
            (
                .missingOptionForecasts(3, missing: ["slow"]),
                "give every option of claim 3 a probability; missing: slow"
            ),
            (.optionForYesNoClaim("fast", claim: 2), "\"fast\" is not an outcome: claim 2 resolves yes, no or annul"),
            (
                .unknownResolutionOption("medium", claim: 3, options: ["fast", "slow"]),
                "\"medium\" is not an option of claim 3: resolve it to one of fast, slow or annul"
            ),
            (
                .yesNoForScenarioSet(3, options: ["fast", "slow"]),
                "claim 3 is a scenario set: resolve it to the option that happened (fast, slow) or annul"
            ),
            (
                .conditionNeverMet(on: 1, status: .no, required: true),
                "claim 1 already resolved no: a claim conditional on it resolving yes could never count"
            ),
            (.betOnScenarioSet(3), "bets are on yes/no claims; claim 3 is a scenario set"),
            (.betOnResolvedClaim(2, .yes), "claim 2 is already resolved (yes): too late to bet on it"),
            (.betNeedsTwoPeople, "a bet needs two different people"),
            (.nonPositiveStakes, "stakes must be positive amounts"),
            (
                .importedUnknownOption(claimText: "Launch", what: "a forecast on", label: "late"),
                "claim “Launch”: a forecast on \"late\", which is not one of its options"
            ),
        ]
        for (error, message) in cases {
            #expect(error.localizedDescription == message)
            #expect(error.isDataError)
        }
    }

    /// `resolve` tells "an option's name for a yes/no claim" from other refusals by its case.
    @Test func writesThrowTheirOwnCases() throws {
        let j = try Journal.inMemory(clock: clock)
        let binary = try j.write { w in (try w.addClaim(text: "Ships", resolveBy: nil, tags: []), "add") }
        #expect(throws: JournalError.optionForYesNoClaim("fast", claim: binary.id)) {
            _ = try j.write { w in
                (try w.resolve(binary.id, as: .option("fast"), at: nil, note: nil, by: "me", force: false), "r")
            }
        }
        #expect(throws: JournalError.betNeedsTwoPeople) {
            _ = try j.write { w in
                (
                    try w.addBet(claim: binary.id, yesSide: "ann", noSide: "Ann", yesStake: 1, noStake: 1, terms: ""),
                    "bet"
                )
            }
        }
        #expect(throws: JournalError.repeatedOption("Fast")) {
            try JournalWriter.checkDistribution([("fast", p("50%")), ("Fast", p("50%"))])
        }
    }
}
