import CredenceCore
import Foundation

/// augur's predictions, JSON or CSV: `id,statement,probability,created_at,resolve_by,resolved_at,outcome,tags,note`,
/// outcome `open|yes|no|void`. One forecaster: the journal's owner.
enum AugurCodec {
    static let columns = [
        "id", "statement", "probability", "created_at", "resolve_by", "resolved_at", "outcome", "tags", "note",
    ]

    static func read(
        _ bytes: [UInt8], owner: String, now: Date, policy: inout RecordPolicy
    ) throws -> InterchangeDocument {
        var records: [(place: String, line: Int?, value: (String) -> String)] = []
        if Interchange.isJSON(bytes) {
            let items: [[String: JSONField]]
            do {
                if let array = try? JSONDecoder().decode([[String: JSONField]].self, from: Data(bytes)) {
                    items = array
                } else {
                    items =
                        try JSONDecoder().decode([String: [[String: JSONField]]].self, from: Data(bytes))["predictions"]
                        ?? []
                }
            } catch {
                if let syntax = JSONErrors.syntaxError(bytes) { throw syntax }
                throw InterchangeError(
                    line: nil,
                    "not augur's JSON (an array of predictions, or {\"predictions\": [...]}): \(error.localizedDescription)"
                )
            }
            for (i, o) in items.enumerated() {
                records.append(("[\(i)]", nil, { key in o[key]?.text ?? "" }))
            }
        } else {
            var reader = CSVReader(bytes: bytes)
            guard let header = reader.next()?.fields.map({ $0.trimmed.lowercased() }) else {
                throw InterchangeError(line: 1, "the file is empty")
            }
            for name in ["id", "statement", "probability", "outcome"] where !header.contains(name) {
                throw InterchangeError(line: 1, field: name, "augur's CSV has a \"\(name)\" column")
            }
            while let record = reader.next() {
                guard record.fields.count == header.count else {
                    try policy.reject(
                        InterchangeError(
                            line: record.line, "expected \(header.count) fields, found \(record.fields.count)"))
                    continue
                }
                let fields = record.fields
                records.append(
                    ("line \(record.line)", record.line, { key in header.firstIndex(of: key).map { fields[$0] } ?? "" })
                )
            }
            if let e = reader.error { throw InterchangeError(line: e.line, e.message) }
        }
        var doc = InterchangeDocument()
        for r in records {
            func reject(_ field: String, _ message: String) throws {
                try policy.reject(
                    InterchangeError(line: r.line, field: r.line == nil ? "\(r.place).\(field)" : field, message))
            }
            let id = r.value("id").trimmed
            let text = r.value("statement").trimmed
            guard !text.isEmpty else {
                try reject("statement", "is empty")
                continue
            }
            let typed = r.value("probability").trimmed
            guard let (p, form) = Interchange.probability(typed) else {
                try reject("probability", "\"\(typed)\" is not a probability from 0 to 1")
                continue
            }
            let createdText = r.value("created_at")
            guard let created = createdText.isEmpty ? now : Timestamps.parse(createdText) else {
                try reject("created_at", "\"\(createdText)\" is not a timestamp")
                continue
            }
            var claim = InterchangeClaim(
                uuid: StableID.uuid(["augur", id.isEmpty ? text : id]), text: text, createdAt: created)
            claim.source = r.place
            let by = r.value("resolve_by")
            if !by.isEmpty {
                guard let d = Timestamps.parse(by) else {
                    try reject("resolve_by", "\"\(by)\" is not a date")
                    continue
                }
                claim.resolveBy = max(d, created)
            }
            claim.tags = r.value("tags").split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).map { t in
                t.hasPrefix("#") ? String(t.dropFirst()) : String(t)
            }.filter { !$0.isEmpty }
            let note = r.value("note").trimmed
            claim.notes = note.isEmpty ? nil : note
            claim.forecasts = [
                InterchangeForecast(forecaster: owner, probability: p, typed: typed, form: form, createdAt: created)
            ]
            let outcome = r.value("outcome").trimmed.lowercased()
            let resolvedText = r.value("resolved_at")
            let resolvedAt = resolvedText.isEmpty ? max(now, created) : Timestamps.parse(resolvedText)
            switch outcome {
            case "open", "": break
            case "yes", "no", "void":
                guard let at = resolvedAt else {
                    try reject("resolved_at", "\"\(resolvedText)\" is not a timestamp")
                    continue
                }
                claim.resolutions = [
                    InterchangeResolution(
                        status: outcome == "yes" ? .yes : outcome == "no" ? .no : .annulled,
                        resolvedAt: max(at, created), recordedAt: now, note: "imported from augur")
                ]
            default:
                try reject("outcome", "\"\(outcome)\" is not open, yes, no or void")
                continue
            }
            doc.claims.append(claim)
        }
        return doc
    }
}

/// A JSON value as augur writes it, read with JSONDecoder so numbers keep their exact value.
enum JSONField: Decodable {
    case string(String), number(Double), list([String]), null, other

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let a = try? c.decode([String].self) {
            self = .list(a)
        } else {
            self = .other
        }
    }

    var text: String {
        switch self {
        case .string(let s): return s
        case .number(let d): return "\(d)"
        case .list(let a): return a.joined(separator: ";")
        case .null, .other: return ""
        }
    }
}

extension AugurCodec: ImportFormat {
    static let format = InterchangeFormat.augur
    static let name = "augur"
    /// Its JSON (an object with `predictions`, or a bare array) or CSV, by the `statement` field.
    static func recognises(_ sample: ImportSample) -> Bool {
        if let header = sample.header { return header.contains("statement") && header.contains("outcome") }
        if let p = sample.object?["predictions"] as? [[String: Any]] { return p.first?["statement"] != nil }
        return sample.array?.first?["statement"] != nil
    }
    static func read(_ request: ImportRequest, policy: inout RecordPolicy) throws -> InterchangeDocument {
        try read(request.bytes, owner: request.owner, now: request.now, policy: &policy)
    }
}
