import Foundation

/// A claim with everything attached, as it travels between journals and other tools. Every
/// importer produces these and every exporter writes them, so one writer stores them all.
public struct InterchangeClaim: Sendable, Equatable {
    public var uuid: String
    /// The short id, kept when the importing journal has it free.
    public var id: ClaimID?
    public var text: String
    public var kind: ClaimKind = .binary
    public var notes: String?
    public var createdAt: Date
    public var resolveBy: Date?
    public var options: [String] = []
    public var tags: [String] = []
    /// Counts only if the claim with this UUID resolves `required`.
    public var condition: (uuid: String, required: Bool)?
    public var forecasts: [InterchangeForecast] = []
    /// Oldest first; the last is in force.
    public var resolutions: [InterchangeResolution] = []
    /// Where it came from, for error messages ("line 12").
    public var source: String?

    public init(uuid: String, id: ClaimID? = nil, text: String, createdAt: Date) {
        self.uuid = uuid
        self.id = id
        self.text = text
        self.createdAt = createdAt
    }

    public static func == (a: InterchangeClaim, b: InterchangeClaim) -> Bool {
        a.uuid == b.uuid && a.id == b.id && a.text == b.text && a.kind == b.kind && a.notes == b.notes
            && a.createdAt == b.createdAt
            && a.resolveBy == b.resolveBy && a.options == b.options && a.tags == b.tags
            && a.condition?.uuid == b.condition?.uuid
            && a.condition?.required == b.condition?.required && a.forecasts == b.forecasts
            && a.resolutions == b.resolutions
    }

    /// The resolution in force.
    public var status: ClaimStatus { resolutions.last?.status ?? .open }
}

public struct InterchangeForecast: Sendable, Equatable {
    public var forecaster: String
    public var option: String?
    public var probability: Double
    public var typed: String
    public var form: InputForm
    public var reason: String?
    public var createdAt: Date
    public var caveats: [String] = []

    public init(
        forecaster: String, option: String? = nil, probability: Double, typed: String, form: InputForm,
        reason: String? = nil, createdAt: Date, caveats: [String] = []
    ) {
        self.forecaster = forecaster
        self.option = option
        self.probability = probability
        self.typed = typed
        self.form = form
        self.reason = reason
        self.createdAt = createdAt
        self.caveats = caveats
    }
}

public struct InterchangeResolution: Sendable, Equatable {
    public var status: ClaimStatus
    public var option: String?
    public var resolvedAt: Date
    public var recordedAt: Date
    public var note: String?
    public var resolvedBy: String?
    public var automatic = false

    public init(
        status: ClaimStatus, option: String? = nil, resolvedAt: Date, recordedAt: Date, note: String? = nil,
        resolvedBy: String? = nil, automatic: Bool = false
    ) {
        self.status = status
        self.option = option
        self.resolvedAt = resolvedAt
        self.recordedAt = recordedAt
        self.note = note
        self.resolvedBy = resolvedBy
        self.automatic = automatic
    }
}

public struct InterchangeBet: Sendable, Equatable {
    public var claimUUID: String
    public var yesSide: String
    public var noSide: String
    public var yesStake: Double
    public var noStake: Double
    public var terms: String
    public var createdAt: Date
    public var settledAt: Date?
    public var settlement: Settlement?

    public init(
        claimUUID: String, yesSide: String, noSide: String, yesStake: Double, noStake: Double, terms: String,
        createdAt: Date, settledAt: Date? = nil, settlement: Settlement? = nil
    ) {
        self.claimUUID = claimUUID
        self.yesSide = yesSide
        self.noSide = noSide
        self.yesStake = yesStake
        self.noStake = noStake
        self.terms = terms
        self.createdAt = createdAt
        self.settledAt = settledAt
        self.settlement = settlement
    }
}

/// Everything one file holds.
public struct InterchangeDocument: Sendable, Equatable {
    public var claims: [InterchangeClaim] = []
    public var bets: [InterchangeBet] = []
    /// Records the importer left out on purpose, with why (withdrawn predictions, empty confidences).
    public var skipped: [String] = []
    /// Things worth telling the user that are not errors (Brier checks against the other tool).
    public var notes: [String] = []
    public init() {}
}

/// A record an importer could not read, and where.
public struct InterchangeError: Error, Equatable, LocalizedError, Sendable {
    public let line: Int?
    public let field: String?
    public let message: String
    /// One bad record, which --skip-bad could leave out (not a bad file).
    public var isRecord = false

    public init(line: Int?, field: String? = nil, _ message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var errorDescription: String? {
        var place = ""
        if let line { place += "line \(line)" }
        if let field { place += place.isEmpty ? "field \(field)" : " (\(field))" }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
