import CredenceCore
import Foundation

/// Credence's own JSON: the whole journal, lossless and versioned. One claim per line, so big
/// exports stream and diff well.
package enum CredenceJSONCodec {
    package static let formatName = "credence-journal"
    package static let version = 1

    // MARK: - Writing (streaming)

    package static func header(exportedAt: Date) -> String {
        "{\"format\":\"\(formatName)\",\"version\":\(version),\"exported_at\":\(quote(JSONCodecTime.iso(exportedAt))),\"claims\":[\n"
    }

    package static func claim(_ c: InterchangeClaim, first: Bool) -> String {
        var s = first ? "" : ",\n"
        s +=
            "{\"uuid\":\(quote(c.uuid)),\"id\":\(c.id.map(String.init) ?? "null"),\"text\":\(quote(c.text)),\"kind\":\(quote(c.kind.rawValue))"
        s +=
            ",\"notes\":\(opt(c.notes)),\"created_at\":\(quote(JSONCodecTime.iso(c.createdAt))),\"resolve_by\":\(c.resolveBy.map { quote(JSONCodecTime.iso($0)) } ?? "null")"
        s +=
            ",\"options\":[\(c.options.map(quote).joined(separator: ","))],\"tags\":[\(c.tags.map(quote).joined(separator: ","))]"
        s +=
            ",\"condition\":"
            + (c.condition.map { "{\"claim_uuid\":\(quote($0.uuid)),\"requires\":\"\($0.required ? "yes" : "no")\"}" }
                ?? "null")
        s += ",\"forecasts\":["
        for (i, f) in c.forecasts.enumerated() {
            if i > 0 { s += "," }
            s +=
                "{\"forecaster\":\(quote(f.forecaster)),\"option\":\(opt(f.option)),\"probability\":\(number(f.probability)),\"typed\":\(quote(f.typed))"
            s +=
                ",\"form\":\"\(f.form.rawValue)\",\"reason\":\(opt(f.reason)),\"created_at\":\(quote(JSONCodecTime.iso(f.createdAt)))"
            s += ",\"caveats\":[\(f.caveats.map(quote).joined(separator: ","))]}"
        }
        s += "],\"resolutions\":["
        for (i, r) in c.resolutions.enumerated() {
            if i > 0 { s += "," }
            s +=
                "{\"status\":\"\(r.status.rawValue)\",\"option\":\(opt(r.option)),\"resolved_at\":\(quote(JSONCodecTime.iso(r.resolvedAt)))"
            s +=
                ",\"recorded_at\":\(quote(JSONCodecTime.iso(r.recordedAt))),\"note\":\(opt(r.note)),\"resolved_by\":\(opt(r.resolvedBy)),\"automatic\":\(r.automatic)}"
        }
        return s + "]}"
    }

    package static func footer(bets: [InterchangeBet]) -> String {
        var s = "\n],\"bets\":["
        for (i, b) in bets.enumerated() {
            s += i > 0 ? ",\n" : "\n"
            s +=
                "{\"claim_uuid\":\(quote(b.claimUUID)),\"yes\":\(quote(b.yesSide)),\"no\":\(quote(b.noSide)),\"yes_stake\":\(number(b.yesStake))"
            s +=
                ",\"no_stake\":\(number(b.noStake)),\"terms\":\(quote(b.terms)),\"created_at\":\(quote(JSONCodecTime.iso(b.createdAt)))"
            s +=
                ",\"settled_at\":\(b.settledAt.map { quote(JSONCodecTime.iso($0)) } ?? "null"),\"settlement\":\(opt(b.settlement?.rawValue))}"
        }
        return s + "]}\n"
    }

    static func opt(_ s: String?) -> String { s.map(quote) ?? "null" }

    /// Shortest round-trip form: the Double reads back exactly.
    static func number(_ x: Double) -> String { "\(x)" }

    static func quote(_ s: String) -> String { JSONString.quote(s) }

    // MARK: - Reading

    // Decoded with JSONDecoder, whose numbers read back exactly (JSONSerialization on Linux can be
    // an ulp off, and an import must not change a probability).
    struct DocumentDTO: Decodable {
        let format: String?
        let version: Int?
        let claims: [Lossy<ClaimDTO>]?
        let bets: [Lossy<BetDTO>]?
    }

    struct ClaimDTO: Decodable {
        let uuid: String, id: Int64?, text: String, kind: String?, notes: String?, created_at: String,
            resolve_by: String?
        let options: [String]?, tags: [String]?, condition: ConditionDTO?, forecasts: [ForecastDTO]?,
            resolutions: [ResolutionDTO]?
    }
    struct ConditionDTO: Decodable { let claim_uuid: String, requires: String }
    struct ForecastDTO: Decodable {
        let forecaster: String, option: String?, probability: Double, typed: String, form: String, reason: String?,
            created_at: String
        let caveats: [String]?
    }
    struct ResolutionDTO: Decodable {
        let status: String, option: String?, resolved_at: String, recorded_at: String, note: String?,
            resolved_by: String?, automatic: Bool?
    }
    struct BetDTO: Decodable {
        let claim_uuid: String, yes: String, no: String, yes_stake: Double, no_stake: Double, terms: String,
            created_at: String
        let settled_at: String?, settlement: String?
    }

    /// Decodes one element or keeps its error, so one bad record doesn't hide the rest.
    struct Lossy<T: Decodable>: Decodable {
        let result: Result<T, Error>
        init(from decoder: Decoder) throws { result = Result { try T(from: decoder) } }
    }

    static func describe(_ error: Error, place: String) -> InterchangeError {
        guard let e = error as? DecodingError else {
            return InterchangeError(line: nil, field: place, error.localizedDescription)
        }
        // The coding path is the whole path from the document's root: `place` only stands in
        // for an empty one.
        func path(_ keys: [CodingKey]) -> String {
            guard !keys.isEmpty else { return place.isEmpty ? "the document" : place }
            return keys.reduce("") { p, k in
                k.intValue.map { "\(p)[\($0)]" } ?? (p.isEmpty ? k.stringValue : "\(p).\(k.stringValue)")
            }
        }
        switch e {
        case .keyNotFound(let key, let c):
            return InterchangeError(line: nil, field: path(c.codingPath + [key]), "is missing")
        case .typeMismatch(let type, let c):
            return InterchangeError(line: nil, field: path(c.codingPath), "is not \(JSONErrors.expected(type))")
        case .valueNotFound(let type, let c):
            return InterchangeError(
                line: nil, field: path(c.codingPath), "is null; it must be \(JSONErrors.expected(type))")
        case .dataCorrupted(let c): return InterchangeError(line: nil, field: path(c.codingPath), c.debugDescription)
        @unknown default: return InterchangeError(line: nil, field: place, "\(e)")
        }
    }

    static func read(_ bytes: [UInt8], policy: inout RecordPolicy) throws -> InterchangeDocument {
        let root: DocumentDTO
        do { root = try JSONDecoder().decode(DocumentDTO.self, from: Data(bytes)) } catch {
            throw JSONErrors.syntaxError(bytes) ?? describe(error, place: "")
        }
        guard root.format == formatName else {
            throw InterchangeError(
                line: nil, field: "format", "a Credence journal export has \"format\": \"\(formatName)\"")
        }
        guard let v = root.version, v <= version else {
            throw InterchangeError(
                line: nil, field: "version",
                "this export is version \(root.version.map(String.init) ?? "?"); this credence reads up to version \(version): upgrade credence"
            )
        }
        var doc = InterchangeDocument()
        for (i, item) in (root.claims ?? []).enumerated() {
            do {
                doc.claims.append(try claim(item.result.get(), place: "claims[\(i)]", names: policy))
            } catch let e as InterchangeError {
                try policy.reject(e)
            } catch {
                try policy.reject(describe(error, place: ""))
            }
        }
        for (i, item) in (root.bets ?? []).enumerated() {
            do {
                doc.bets.append(try bet(item.result.get(), place: "bets[\(i)]", names: policy))
            } catch let e as InterchangeError {
                try policy.reject(e)
            } catch {
                try policy.reject(describe(error, place: ""))
            }
        }
        return doc
    }

    static func time(_ s: String, _ field: String) throws -> Date {
        guard let d = Timestamps.parse(s) else {
            throw InterchangeError(line: nil, field: field, "\"\(s)\" is not a timestamp")
        }
        return d
    }

    /// - names: the import's rule for forecasters' names.
    static func claim(_ o: ClaimDTO, place: String, names: RecordPolicy) throws -> InterchangeClaim {
        var c = InterchangeClaim(
            uuid: o.uuid, id: o.id, text: o.text, createdAt: try time(o.created_at, "\(place).created_at"))
        c.source = place
        guard let kind = ClaimKind(rawValue: o.kind ?? "binary") else {
            throw InterchangeError(line: nil, field: "\(place).kind", "is not binary or scenarios")
        }
        c.kind = kind
        c.notes = o.notes
        c.resolveBy = try o.resolve_by.map { try time($0, "\(place).resolve_by") }
        c.options = o.options ?? []
        c.tags = o.tags ?? []
        if let cond = o.condition {
            guard cond.requires == "yes" || cond.requires == "no" else {
                throw InterchangeError(line: nil, field: "\(place).condition.requires", "is not yes or no")
            }
            c.condition = (cond.claim_uuid, cond.requires == "yes")
        }
        for (i, f) in (o.forecasts ?? []).enumerated() {
            let field = "\(place).forecasts[\(i)]"
            guard f.probability >= 0, f.probability <= 1 else {
                throw InterchangeError(
                    line: nil, field: "\(field).probability", "\(f.probability) is not between 0 and 1")
            }
            guard let form = InputForm(rawValue: f.form) else {
                throw InterchangeError(line: nil, field: "\(field).form", "is not a known input form")
            }
            c.forecasts.append(
                InterchangeForecast(
                    forecaster: try names.forecaster(f.forecaster, line: nil, field: "\(field).forecaster"),
                    option: f.option, probability: f.probability, typed: f.typed, form: form,
                    reason: f.reason, createdAt: try time(f.created_at, "\(field).created_at"), caveats: f.caveats ?? []
                ))
        }
        for (i, r) in (o.resolutions ?? []).enumerated() {
            let field = "\(place).resolutions[\(i)]"
            guard let status = ClaimStatus(rawValue: r.status), status != .open else {
                throw InterchangeError(line: nil, field: "\(field).status", "is not yes, no, annulled or resolved")
            }
            c.resolutions.append(
                InterchangeResolution(
                    status: status, option: r.option, resolvedAt: try time(r.resolved_at, "\(field).resolved_at"),
                    recordedAt: try time(r.recorded_at, "\(field).recorded_at"), note: r.note,
                    resolvedBy: try names.optionalName(r.resolved_by, line: nil, field: "\(field).resolved_by"),
                    automatic: r.automatic ?? false))
        }
        return c
    }

    static func bet(_ o: BetDTO, place: String, names: RecordPolicy) throws -> InterchangeBet {
        guard o.settlement == nil || Settlement(rawValue: o.settlement!) != nil else {
            throw InterchangeError(line: nil, field: "\(place).settlement", "is not yes, no or refunded")
        }
        return InterchangeBet(
            claimUUID: o.claim_uuid, yesSide: try names.forecaster(o.yes, line: nil, field: "\(place).yes"),
            noSide: try names.forecaster(o.no, line: nil, field: "\(place).no"), yesStake: o.yes_stake,
            noStake: o.no_stake,
            terms: o.terms,
            createdAt: try time(o.created_at, "\(place).created_at"),
            settledAt: try o.settled_at.map { try time($0, "\(place).settled_at") },
            settlement: o.settlement.flatMap(Settlement.init(rawValue:)))
    }
}

extension CredenceJSONCodec: ImportFormat {
    static let format = InterchangeFormat.credence
    static let name = "Credence"
    static func recognises(_ sample: ImportSample) -> Bool { (sample.object?["format"] as? String) == formatName }
    static func reads(_ bytes: [UInt8]) -> Bool { Interchange.isJSON(bytes) }
    static func read(_ request: ImportRequest, policy: inout RecordPolicy) throws -> InterchangeDocument {
        try read(request.bytes, policy: &policy)
    }
}
