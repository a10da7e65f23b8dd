import CredenceCore
import Foundation

/// Credence's own JSON: the whole journal, lossless and versioned. One claim per line, so big
/// exports stream and diff well.
public enum CredenceJSONCodec {
    public static let formatName = "credence-journal"
    public static let version = 1

    // MARK: - Writing (streaming)

    public static func header(exportedAt: Date) -> String {
        "{\"format\":\"\(formatName)\",\"version\":\(version),\"exported_at\":\(quote(JSONCodecTime.iso(exportedAt))),\"claims\":[\n"
    }

    public static func claim(_ c: InterchangeClaim, first: Bool) -> String {
        var s = first ? "" : ",\n"
        s += "{\"uuid\":\(quote(c.uuid)),\"id\":\(c.id.map(String.init) ?? "null"),\"text\":\(quote(c.text)),\"kind\":\(quote(c.kind.rawValue))"
        s += ",\"notes\":\(opt(c.notes)),\"created_at\":\(quote(JSONCodecTime.iso(c.createdAt))),\"resolve_by\":\(c.resolveBy.map { quote(JSONCodecTime.iso($0)) } ?? "null")"
        s += ",\"options\":[\(c.options.map(quote).joined(separator: ","))],\"tags\":[\(c.tags.map(quote).joined(separator: ","))]"
        s += ",\"condition\":" + (c.condition.map { "{\"claim_uuid\":\(quote($0.uuid)),\"requires\":\"\($0.required ? "yes" : "no")\"}" } ?? "null")
        s += ",\"forecasts\":["
        for (i, f) in c.forecasts.enumerated() {
            if i > 0 { s += "," }
            s += "{\"forecaster\":\(quote(f.forecaster)),\"option\":\(opt(f.option)),\"probability\":\(number(f.probability)),\"typed\":\(quote(f.typed))"
            s += ",\"form\":\"\(f.form.rawValue)\",\"reason\":\(opt(f.reason)),\"created_at\":\(quote(JSONCodecTime.iso(f.createdAt)))"
            s += ",\"caveats\":[\(f.caveats.map(quote).joined(separator: ","))]}"
        }
        s += "],\"resolutions\":["
        for (i, r) in c.resolutions.enumerated() {
            if i > 0 { s += "," }
            s += "{\"status\":\"\(r.status.rawValue)\",\"option\":\(opt(r.option)),\"resolved_at\":\(quote(JSONCodecTime.iso(r.resolvedAt)))"
            s += ",\"recorded_at\":\(quote(JSONCodecTime.iso(r.recordedAt))),\"note\":\(opt(r.note)),\"resolved_by\":\(opt(r.resolvedBy)),\"automatic\":\(r.automatic)}"
        }
        return s + "]}"
    }

    public static func footer(bets: [InterchangeBet]) -> String {
        var s = "\n],\"bets\":["
        for (i, b) in bets.enumerated() {
            s += i > 0 ? ",\n" : "\n"
            s += "{\"claim_uuid\":\(quote(b.claimUUID)),\"yes\":\(quote(b.yesSide)),\"no\":\(quote(b.noSide)),\"yes_stake\":\(number(b.yesStake))"
            s += ",\"no_stake\":\(number(b.noStake)),\"terms\":\(quote(b.terms)),\"created_at\":\(quote(JSONCodecTime.iso(b.createdAt)))"
            s += ",\"settled_at\":\(b.settledAt.map { quote(JSONCodecTime.iso($0)) } ?? "null"),\"settlement\":\(opt(b.settlement?.rawValue))}"
        }
        return s + "]}\n"
    }

    static func opt(_ s: String?) -> String { s.map(quote) ?? "null" }

    /// Shortest round-trip form: the Double reads back exactly.
    static func number(_ x: Double) -> String { "\(x)" }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 { out += String(format: "\\u%04x", scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    // MARK: - Reading

    static func read(_ bytes: [UInt8], policy: inout RecordPolicy) throws -> InterchangeDocument {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw InterchangeError(line: nil, "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription)")
        }
        guard let root = json as? [String: Any], root["format"] as? String == formatName else {
            throw InterchangeError(line: nil, field: "format", "a Credence journal export has \"format\": \"\(formatName)\"")
        }
        guard let v = root["version"] as? Int, v <= version else {
            throw InterchangeError(line: nil, field: "version", "this export is version \(root["version"] ?? "?"); this credence reads up to version \(version): upgrade credence")
        }
        var doc = InterchangeDocument()
        for (i, item) in (root["claims"] as? [Any] ?? []).enumerated() {
            do {
                doc.claims.append(try claim(item, place: "claims[\(i)]"))
            } catch let e as InterchangeError {
                try policy.reject(e)
            }
        }
        for (i, item) in (root["bets"] as? [Any] ?? []).enumerated() {
            do {
                doc.bets.append(try bet(item, place: "bets[\(i)]"))
            } catch let e as InterchangeError {
                try policy.reject(e)
            }
        }
        return doc
    }

    struct Fields {
        let o: [String: Any]
        let place: String
        func fail(_ key: String, _ message: String) -> InterchangeError { InterchangeError(line: nil, field: "\(place).\(key)", message) }
        func string(_ key: String) throws -> String {
            guard let s = o[key] as? String else { throw fail(key, "is missing or not a string") }
            return s
        }
        func optionalString(_ key: String) throws -> String? {
            switch o[key] {
            case nil, is NSNull: return nil
            case let s as String: return s
            default: throw fail(key, "is not a string")
            }
        }
        func time(_ key: String) throws -> Date {
            let s = try string(key)
            guard let d = Timestamps.parse(s) else { throw fail(key, "\"\(s)\" is not a timestamp") }
            return d
        }
        func optionalTime(_ key: String) throws -> Date? {
            guard let s = try optionalString(key) else { return nil }
            guard let d = Timestamps.parse(s) else { throw fail(key, "\"\(s)\" is not a timestamp") }
            return d
        }
        func number(_ key: String) throws -> Double {
            guard let n = o[key] as? NSNumber, !(o[key] is Bool) else { throw fail(key, "is missing or not a number") }
            return n.doubleValue
        }
        func strings(_ key: String) throws -> [String] {
            guard let a = o[key] as? [Any] else { return [] }
            return try a.map { guard let s = $0 as? String else { throw fail(key, "holds something that is not a string") }; return s }
        }
    }

    static func claim(_ item: Any, place: String) throws -> InterchangeClaim {
        guard let o = item as? [String: Any] else { throw InterchangeError(line: nil, field: place, "is not an object") }
        let f = Fields(o: o, place: place)
        var c = InterchangeClaim(uuid: try f.string("uuid"), id: (o["id"] as? NSNumber).map { $0.int64Value }, text: try f.string("text"),
                                 createdAt: try f.time("created_at"))
        c.source = place
        guard let kind = ClaimKind(rawValue: (try f.optionalString("kind")) ?? "binary") else { throw f.fail("kind", "is not binary or scenarios") }
        c.kind = kind
        c.notes = try f.optionalString("notes")
        c.resolveBy = try f.optionalTime("resolve_by")
        c.options = try f.strings("options")
        c.tags = try f.strings("tags")
        if let cond = o["condition"] as? [String: Any] {
            let cf = Fields(o: cond, place: "\(place).condition")
            let requires = try cf.string("requires")
            guard requires == "yes" || requires == "no" else { throw cf.fail("requires", "is not yes or no") }
            c.condition = (try cf.string("claim_uuid"), requires == "yes")
        }
        for (i, item) in (o["forecasts"] as? [Any] ?? []).enumerated() {
            guard let fo = item as? [String: Any] else { throw f.fail("forecasts[\(i)]", "is not an object") }
            let ff = Fields(o: fo, place: "\(place).forecasts[\(i)]")
            let p = try ff.number("probability")
            guard p >= 0, p <= 1 else { throw ff.fail("probability", "\(p) is not between 0 and 1") }
            guard let form = InputForm(rawValue: try ff.string("form")) else { throw ff.fail("form", "is not a known input form") }
            c.forecasts.append(InterchangeForecast(forecaster: try ff.string("forecaster"), option: try ff.optionalString("option"), probability: p,
                                                   typed: try ff.string("typed"), form: form, reason: try ff.optionalString("reason"),
                                                   createdAt: try ff.time("created_at"), caveats: try ff.strings("caveats")))
        }
        for (i, item) in (o["resolutions"] as? [Any] ?? []).enumerated() {
            guard let ro = item as? [String: Any] else { throw f.fail("resolutions[\(i)]", "is not an object") }
            let rf = Fields(o: ro, place: "\(place).resolutions[\(i)]")
            guard let status = ClaimStatus(rawValue: try rf.string("status")), status != .open else { throw rf.fail("status", "is not yes, no, annulled or resolved") }
            c.resolutions.append(InterchangeResolution(status: status, option: try rf.optionalString("option"), resolvedAt: try rf.time("resolved_at"),
                                                       recordedAt: try rf.time("recorded_at"), note: try rf.optionalString("note"),
                                                       resolvedBy: try rf.optionalString("resolved_by"), automatic: ro["automatic"] as? Bool ?? false))
        }
        return c
    }

    static func bet(_ item: Any, place: String) throws -> InterchangeBet {
        guard let o = item as? [String: Any] else { throw InterchangeError(line: nil, field: place, "is not an object") }
        let f = Fields(o: o, place: place)
        let settlement = try f.optionalString("settlement")
        guard settlement == nil || Settlement(rawValue: settlement!) != nil else { throw f.fail("settlement", "is not yes, no or refunded") }
        return InterchangeBet(claimUUID: try f.string("claim_uuid"), yesSide: try f.string("yes"), noSide: try f.string("no"),
                              yesStake: try f.number("yes_stake"), noStake: try f.number("no_stake"), terms: try f.string("terms"),
                              createdAt: try f.time("created_at"), settledAt: try f.optionalTime("settled_at"),
                              settlement: settlement.flatMap(Settlement.init(rawValue:)))
    }
}
