import Foundation

public typealias ClaimID = Int64

/// Where a claim stands. `resolved` is for scenario sets, resolved by naming an option.
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    case open, yes, no, annulled, resolved

    public var isResolved: Bool { self != .open }
    /// The binary outcome, when there is one.
    public var outcome: Bool? { self == .yes ? true : self == .no ? false : nil }
}

public enum ClaimKind: String, Sendable, Codable {
    case binary, scenarios
}

/// A statement about the world that will resolve.
public struct Claim: Sendable, Equatable, Codable {
    public var id: ClaimID
    public var uuid: String
    public var text: String
    public var kind: ClaimKind
    public var notes: String?
    public var createdAt: Date
    public var resolveBy: Date?
    public var status: ClaimStatus
    public var resolvedAt: Date?

    public init(
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
public struct Forecast: Sendable, Equatable, Codable {
    public var id: Int64
    public var claimID: ClaimID
    public var forecaster: String
    public var probability: Double
    public var typed: String
    public var form: InputForm
    public var reason: String?
    public var createdAt: Date
    /// The forecast that counts for this forecaster on this claim (the last at or before resolution).
    public var isFinal: Bool
    public var caveats: [String]
    /// The scenario option this forecast is for; nil on binary claims.
    public var option: String?

    public init(
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
public struct Resolution: Sendable, Equatable, Codable {
    public var id: Int64
    public var status: ClaimStatus
    public var resolvedAt: Date
    public var recordedAt: Date
    public var note: String?
    public var resolvedBy: String?
    public var automatic: Bool
    /// The option a scenario set resolved to (status `resolved`).
    public var option: String?

    public init(
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
public struct ClaimDetail: Sendable, Equatable {
    public var claim: Claim
    public var tags: [String]
    public var forecasts: [Forecast]
    public var resolutions: [Resolution]
    public var options: [ScenarioOption]
    /// The option a scenario set resolved to.
    public var resolvedOption: String?
    public var condition: Condition?
    public var bets: [Bet]

    public init(
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
    public var finalForecasts: [Forecast] { forecasts.filter(\.isFinal) }
}

/// A row of `list`: the claim, its tags, and the owner's current forecast.
public struct ClaimSummary: Sendable, Equatable {
    public var claim: Claim
    public var tags: [String]
    public var current: Forecast?
    public var forecastCount: Int
    /// For a scenario set: the forecaster's current probability of each option, in the set's order
    /// (then `current` is nil: no one number stands for a set).
    public var options: [OptionProbability] = []

    public init(claim: Claim, tags: [String], current: Forecast?, forecastCount: Int) {
        self.claim = claim
        self.tags = tags
        self.current = current
        self.forecastCount = forecastCount
    }
}

/// One option of a scenario set with a forecaster's probability of it.
public struct OptionProbability: Sendable, Equatable {
    public let label: String
    public let probability: Double
    public init(label: String, probability: Double) { (self.label, self.probability) = (label, probability) }
}
