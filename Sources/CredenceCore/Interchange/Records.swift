import Foundation

/// A claim with everything attached, as it travels between journals and other tools. Every
/// importer produces these and every exporter writes them, so one writer stores them all.
package struct InterchangeClaim: Sendable, Equatable {
    package var uuid: String
    /// The short id, kept when the importing journal has it free.
    package var id: ClaimID?
    package var text: String
    package var kind: ClaimKind = .binary
    package var notes: String?
    package var createdAt: Date
    package var resolveBy: Date?
    package var options: [String] = []
    package var tags: [String] = []
    /// Counts only if the claim with this UUID resolves `required`.
    package var condition: (uuid: String, required: Bool)?
    package var forecasts: [InterchangeForecast] = []
    /// Oldest first; the last is in force.
    package var resolutions: [InterchangeResolution] = []
    /// Where it came from, for error messages ("line 12").
    package var source: String?

    package init(uuid: String, id: ClaimID? = nil, text: String, createdAt: Date) {
        self.uuid = uuid
        self.id = id
        self.text = text
        self.createdAt = createdAt
    }

    package static func == (a: InterchangeClaim, b: InterchangeClaim) -> Bool {
        a.uuid == b.uuid && a.id == b.id && a.text == b.text && a.kind == b.kind && a.notes == b.notes
            && a.createdAt == b.createdAt
            && a.resolveBy == b.resolveBy && a.options == b.options && a.tags == b.tags
            && a.condition?.uuid == b.condition?.uuid
            && a.condition?.required == b.condition?.required && a.forecasts == b.forecasts
            && a.resolutions == b.resolutions
    }

    /// The resolution in force.
    package var status: ClaimStatus { resolutions.last?.status ?? .open }
}

package struct InterchangeForecast: Sendable, Equatable {
    package var forecaster: String
    package var option: String?
    package var probability: Double
    package var typed: String
    package var form: InputForm
    package var reason: String?
    package var createdAt: Date
    package var caveats: [String] = []

    package init(
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

package struct InterchangeResolution: Sendable, Equatable {
    package var status: ClaimStatus
    package var option: String?
    package var resolvedAt: Date
    package var recordedAt: Date
    package var note: String?
    package var resolvedBy: String?
    package var automatic = false

    package init(
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

package struct InterchangeBet: Sendable, Equatable {
    package var claimUUID: String
    package var yesSide: String
    package var noSide: String
    package var yesStake: Double
    package var noStake: Double
    package var terms: String
    package var createdAt: Date
    package var settledAt: Date?
    package var settlement: Settlement?

    package init(
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
package struct InterchangeDocument: Sendable, Equatable {
    package var claims: [InterchangeClaim] = []
    package var bets: [InterchangeBet] = []
    /// Records the importer left out on purpose, with why (withdrawn predictions, empty confidences).
    package var skipped: [String] = []
    /// Things worth telling the user that are not errors (Brier checks against the other tool).
    package var notes: [String] = []
    package init() {}
}

/// A record an importer could not read, and where.
package struct InterchangeError: Error, Equatable, LocalizedError, Sendable {
    package let line: Int?
    package let field: String?
    package let message: String
    /// One bad record, which --skip-bad could leave out (not a bad file).
    package var isRecord = false

    package init(line: Int?, field: String? = nil, _ message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    package var errorDescription: String? {
        var place = ""
        if let line { place += "line \(line)" }
        if let field { place += place.isEmpty ? "field \(field)" : " (\(field))" }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
