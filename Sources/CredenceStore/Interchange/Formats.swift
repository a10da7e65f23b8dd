import CredenceCore
import Foundation

/// The file formats `import` reads.
public enum InterchangeFormat: String, Sendable, CaseIterable {
    case plain, fatebook, predictionbook, augur, credence

    public var name: String {
        switch self {
        case .plain: return "plain CSV"
        case .fatebook: return "Fatebook CSV"
        case .predictionbook: return "PredictionBook JSON"
        case .augur: return "augur"
        case .credence: return "Credence"
        }
    }
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

public enum Interchange {
    /// Reads a file in the given format, or the one its content shows.
    public static func read(
        _ bytes: [UInt8], format: InterchangeFormat?, namespace: String, owner: String, dates: DateGrammar,
        now: Date, skipBad: Bool, missingForecaster: String? = nil
    ) throws -> (InterchangeFormat, InterchangeDocument) {
        try refuseUnstorableBytes(bytes)
        guard let format = format ?? detect(bytes) else {
            if isJSON(bytes), let e = JSONErrors.syntaxError(bytes) { throw e }
            throw InterchangeError(
                line: 1,
                "this is not a format Credence recognises: a Fatebook CSV export, PredictionBook JSON, augur JSON or CSV, Credence's own CSV or JSON, or the plain CSV forecaster,question_id,probability,outcome (use --format to name one)"
            )
        }
        var policy = RecordPolicy(skipBad: skipBad, missingForecaster: missingForecaster)
        var doc: InterchangeDocument
        switch format {
        case .plain:
            doc = try PlainCSVCodec.read(bytes, namespace: namespace, dates: dates, now: now, policy: &policy)
        case .fatebook:
            doc = try FatebookCodec.read(bytes, now: now, policy: &policy)
        case .predictionbook:
            doc = try PredictionBookCodec.read(bytes, now: now, policy: &policy)
        case .augur:
            doc = try AugurCodec.read(bytes, owner: owner, now: now, policy: &policy)
        case .credence:
            doc =
                isJSON(bytes)
                ? try CredenceJSONCodec.read(bytes, policy: &policy) : try CredenceCSVCodec.read(bytes, policy: &policy)
        }
        // Credence's CSV keeps one claim per UUID as it reads; the other formats can repeat one.
        if format != .credence || isJSON(bytes) { try refuseConflictingDuplicates(&doc, policy: &policy) }
        doc.skipped = policy.skipped + doc.skipped
        try refuseNUL(in: doc)
        return (format, doc)
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

    /// Recognises a format by its content: JSON keys, or the CSV header.
    public static func detect(_ bytes: [UInt8]) -> InterchangeFormat? {
        if isJSON(bytes) {
            guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) else { return nil }
            if let o = json as? [String: Any] {
                if (o["format"] as? String) == CredenceJSONCodec.formatName { return .credence }
                if let p = o["predictions"] as? [[String: Any]] {
                    if p.first?["responses"] != nil || o["user"] != nil { return .predictionbook }
                    if p.first?["statement"] != nil { return .augur }
                }
            }
            if let a = json as? [[String: Any]], a.first?["statement"] != nil { return .augur }
            return nil
        }
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next()?.fields.map({ $0.trimmed }) else { return nil }
        if header == FatebookCodec.header { return .fatebook }
        if header.first == "record" && header.contains("claim_uuid") { return .credence }
        if header.contains("statement") && header.contains("outcome") { return .augur }
        // Close enough to the plain shape that its own error names what is missing.
        if header.contains("question_id") || header.contains("forecaster") { return .plain }
        return nil
    }

    /// Parses a probability written as a decimal in [0, 1] or a percent.
    static func probability(_ text: String) -> (Double, InputForm)? { PlainCSVCodec.probability(text) }
}
