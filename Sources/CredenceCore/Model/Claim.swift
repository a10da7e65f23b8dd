import Foundation

package typealias ClaimID = Int64

/// Where a claim stands. `resolved` is for scenario sets, resolved by naming an option.
package enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    case open, yes, no, annulled, resolved

    package var isResolved: Bool { self != .open }
    /// The binary outcome, when there is one.
    package var outcome: Bool? { self == .yes ? true : self == .no ? false : nil }
}

package enum ClaimKind: String, Sendable, Codable {
    case binary, scenarios
}

/// A statement about the world that will resolve.
package struct Claim: Sendable, Equatable, Codable {
    package var id: ClaimID
    package var uuid: String
    package var text: String
    package var kind: ClaimKind
    package var notes: String?
    package var createdAt: Date
    package var resolveBy: Date?
    package var status: ClaimStatus
    package var resolvedAt: Date?

    package init(
        id: ClaimID, uuid: String, text: String, kind: ClaimKind = .binary, notes: String? = nil,
        createdAt: Date, resolveBy: Date?, status: ClaimStatus = .open, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.uuid = uuid
        self.text = text
        self.kind = kind
        self.notes = notes
        self.createdAt = createdAt
        self.resolveBy = resolveBy
        self.status = status
        self.resolvedAt = resolvedAt
    }
}

/// One forecaster's probability on one claim at one time. Forecasts are append-only.
package struct Forecast: Sendable, Equatable, Codable {
    package var id: Int64
    package var claimID: ClaimID
    package var forecaster: String
    package var probability: Double
    package var typed: String
    package var form: InputForm
    package var reason: String?
    package var createdAt: Date
    /// The forecast that counts for this forecaster on this claim (the last at or before resolution).
    package var isFinal: Bool
    package var caveats: [String]
    /// The scenario option this forecast is for; nil on binary claims.
    package var option: String?

    package init(
        id: Int64, claimID: ClaimID, forecaster: String, probability: Double, typed: String, form: InputForm,
        reason: String?, createdAt: Date, isFinal: Bool, caveats: [String], option: String? = nil
    ) {
        self.option = option
        self.id = id
        self.claimID = claimID
        self.forecaster = forecaster
        self.probability = probability
        self.typed = typed
        self.form = form
        self.reason = reason
        self.createdAt = createdAt
        self.isFinal = isFinal
        self.caveats = caveats
    }
}

/// One entry of a claim's resolution history; the newest is in force.
package struct Resolution: Sendable, Equatable, Codable {
    package var id: Int64
    package var status: ClaimStatus
    package var resolvedAt: Date
    package var recordedAt: Date
    package var note: String?
    package var resolvedBy: String?
    package var automatic: Bool
    /// The option a scenario set resolved to (status `resolved`).
    package var option: String?

    package init(
        id: Int64, status: ClaimStatus, resolvedAt: Date, recordedAt: Date, note: String?, resolvedBy: String?,
        automatic: Bool, option: String? = nil
    ) {
        self.option = option
        self.id = id
        self.status = status
        self.resolvedAt = resolvedAt
        self.recordedAt = recordedAt
        self.note = note
        self.resolvedBy = resolvedBy
        self.automatic = automatic
    }
}

/// A claim with everything attached to it, for `show`.
package struct ClaimDetail: Sendable, Equatable {
    package var claim: Claim
    /// What only a team journal records about the claim.
    package var team = TeamClaimFacts()
    package var tags: [String]
    package var forecasts: [Forecast]
    package var resolutions: [Resolution]
    package var options: [ScenarioOption]
    /// The option a scenario set resolved to.
    package var resolvedOption: String?
    package var condition: Condition?
    package var bets: [Bet]

    package init(
        claim: Claim, tags: [String], forecasts: [Forecast], resolutions: [Resolution],
        options: [ScenarioOption] = [], resolvedOption: String? = nil, condition: Condition? = nil, bets: [Bet] = []
    ) {
        self.claim = claim
        self.tags = tags
        self.forecasts = forecasts
        self.resolutions = resolutions
        self.options = options
        self.resolvedOption = resolvedOption
        self.condition = condition
        self.bets = bets
    }

    /// The forecasts that count, one per forecaster (binary claims) or per forecaster and option.
    package var finalForecasts: [Forecast] { forecasts.filter(\.isFinal) }
}

/// A row of `list`: the claim, its tags, and the owner's current forecast.
package struct ClaimSummary: Sendable, Equatable {
    package var claim: Claim
    package var tags: [String]
    package var current: Forecast?
    package var forecastCount: Int
    /// For a scenario set: the forecaster's current probability of each option, in the set's order
    /// (then `current` is nil: no one number stands for a set).
    package var options: [OptionProbability] = []

    package init(claim: Claim, tags: [String], current: Forecast?, forecastCount: Int) {
        self.claim = claim
        self.tags = tags
        self.current = current
        self.forecastCount = forecastCount
    }
}

/// One option of a scenario set with a forecaster's probability of it.
package struct OptionProbability: Sendable, Equatable {
    package let label: String
    package let probability: Double
    package init(label: String, probability: Double) { (self.label, self.probability) = (label, probability) }
}

/// What only a team journal records about a claim, as its reader may know it.
package struct TeamClaimFacts: Sendable, Equatable {
    /// Members see others' forecasts on it only once they forecast it, or once it resolves.
    package var blind = false
    /// Others' forecasts the reader may not see yet.
    package var hiddenForecasts = 0
    /// Forecasts an admin imported rather than their forecasters entered (ids).
    package var importedForecasts: Set<Int64> = []

    package init() {}
}
