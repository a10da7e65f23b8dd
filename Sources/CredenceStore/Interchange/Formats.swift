import CredenceCore
import Foundation

/// The file formats `import` reads, by the name `--format` takes (each read by an `ImportFormat`).
package enum InterchangeFormat: String, Sendable, CaseIterable {
    case plain, fatebook, predictionbook, augur, credence
}

/// How an importer treats a bad record: stop the import, or leave the record out and say so.
struct RecordPolicy {
    let skipBad: Bool
    /// `import --as NAME` in a format that names each forecast's forecaster: whose forecasts the
    /// ones with no (or an invisible) forecaster are.
    var missingForecaster: String? = nil
    var skipped: [String] = []

    /// A forecaster's name by the one rule (`ForecasterName`): the name, `--as NAME` for a missing
    /// one, or a record error naming the line and field and the fix.
    func forecaster(_ raw: String, line: Int?, field: String) throws -> String {
        if let name = ForecasterName.clean(raw) ?? missingForecaster { return name }
        throw InterchangeError(
            line: line, field: field,
            ForecasterName.emptyMessage
                + ": write the name, or import with --as NAME to take the forecasts with no forecaster as NAME's")
    }

    /// A name that may be absent (who resolved a claim): nil when the cell is empty, refused when
    /// it holds only invisible characters.
    func optionalName(_ raw: String?, line: Int?, field: String) throws -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let name = ForecasterName.clean(raw) else {
            throw InterchangeError(
                line: line, field: field, ForecasterName.emptyMessage + ": write the name or leave the cell empty")
        }
        return name
    }

    /// Throws unless bad records are being skipped, in which case it notes the record.
    mutating func reject(_ error: InterchangeError) throws {
        var error = error
        error.isRecord = true
        guard skipBad else { throw error }
        skipped.append(error.localizedDescription)
    }
}

package enum Interchange {
    /// Reads a file in the given format, or the one its content shows.
    package static func read(_ request: ImportRequest) throws -> (InterchangeFormat, InterchangeDocument) {
        try read(request, by: reader(for: request.bytes, format: request.format))
    }

    /// Reads a file with the reader chosen for it (nil: none recognised it).
    static func read(
        _ request: ImportRequest, by reader: (any ImportFormat.Type)?
    ) throws -> (InterchangeFormat, InterchangeDocument) {
        let bytes = request.bytes
        try refuseUnstorableBytes(bytes)
        guard let reader else {
            if isJSON(bytes), let e = JSONErrors.syntaxError(bytes) { throw e }
            throw InterchangeError(
                line: 1,
                "this is not a format Credence recognises: a Fatebook CSV export, PredictionBook JSON, augur JSON or CSV, Credence's own CSV or JSON, or the plain CSV forecaster,question_id,probability,outcome (use --format to name one)"
            )
        }
        var policy = RecordPolicy(skipBad: request.skipBad, missingForecaster: request.missingForecaster)
        var doc = try reader.read(request, policy: &policy)
        if !reader.keepsOneClaimPerID { try refuseConflictingDuplicates(&doc, policy: &policy) }
        doc.skipped = policy.skipped + doc.skipped
        try refuseNUL(in: doc)
        return (reader.format, doc)
    }

    /// Where the first NUL byte is (memchr: a byte at a time costs 0.1 s on a 250 MB file).
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { b in
            guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    static let nulMessage = "holds a NUL character, which a journal cannot keep (SQLite text ends at one)"

    /// A JSON file can spell a NUL as \u0000; text holding one would be cut short when stored.
    static func refuseNUL(in doc: InterchangeDocument) throws {
        func check(_ text: String?, _ claim: InterchangeClaim, _ field: String) throws {
            guard let text, text.utf8.contains(0) else { return }
            throw InterchangeError(
                line: nil,
                "\(claim.source ?? "claim \(claim.uuid)") (\(field)) \(nulMessage): remove the \\u0000 and import again"
            )
        }
        for claim in doc.claims {
            try check(claim.text, claim, "text")
            try check(claim.notes, claim, "notes")
            for tag in claim.tags { try check(tag, claim, "tag") }
            for option in claim.options { try check(option, claim, "option") }
            for f in claim.forecasts {
                try check(f.forecaster, claim, "forecaster")
                try check(f.reason, claim, "reason")
                for c in f.caveats { try check(c, claim, "caveat") }
            }
            for r in claim.resolutions {
                try check(r.note, claim, "resolution note")
                try check(r.resolvedBy, claim, "resolved by")
            }
        }
        for bet in doc.bets where [bet.yesSide, bet.noSide, bet.terms].contains(where: { $0.utf8.contains(0) }) {
            throw InterchangeError(
                line: nil, "a bet on claim \(bet.claimUUID) \(nulMessage): remove the \\u0000 and import again")
        }
    }

    static func isJSON(_ bytes: [UInt8]) -> Bool {
        let first = bytes.drop {
            $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09
        }.first
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// Parses a probability written as a decimal in [0, 1] or a percent.
    static func probability(_ text: String) -> (Double, InputForm)? { PlainCSVCodec.probability(text) }
}
