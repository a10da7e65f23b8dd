import CredenceCore
import Foundation

/// PredictionBook's `my_predictions` JSON: predictions with responses; each response with a
/// confidence (0–100) is a forecast by its user; withdrawn predictions are left out and counted.
enum PredictionBookCodec {
    static func read(_ bytes: [UInt8], now: Date, policy: inout RecordPolicy) throws -> InterchangeDocument {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw JSONErrors.syntaxError(bytes) ?? InterchangeError(line: nil, "not valid JSON")
        }
        guard let root = json as? [String: Any], let predictions = root["predictions"] as? [Any] else {
            throw InterchangeError(line: nil, field: "predictions", "PredictionBook JSON has a \"predictions\" array")
        }
        var doc = InterchangeDocument()
        var withdrawn = 0, bare = 0
        for (i, item) in predictions.enumerated() {
            let place = "predictions[\(i)]"
            guard let p = item as? [String: Any] else {
                try policy.reject(InterchangeError(line: nil, field: place, "is not an object"))
                continue
            }
            let pid = p["id"].map { "\($0)" } ?? "\(i)"
            let text = (p["description"] as? String ?? p["description_with_group"] as? String ?? "").trimmed
            if p["withdrawn"] as? Bool == true {
                withdrawn += 1
                doc.skipped.append("prediction \(pid) “\(text)”: withdrawn on PredictionBook")
                continue
            }
            guard !text.isEmpty else {
                try policy.reject(InterchangeError(line: nil, field: "\(place).description", "is empty"))
                continue
            }
            guard let createdText = p["created_at"] as? String, let created = Timestamps.parse(createdText) else {
                try policy.reject(InterchangeError(line: nil, field: "\(place).created_at", "is not a timestamp"))
                continue
            }
            let uuid =
                (p["uuid"] as? String).flatMap { $0.count == 36 ? $0.lowercased() : nil }
                ?? StableID.uuid(["predictionbook", pid])
            var claim = InterchangeClaim(uuid: uuid, text: text, createdAt: created)
            claim.source = place
            if let deadline = (p["deadline"] as? String).flatMap(Timestamps.parse) {
                claim.resolveBy = max(deadline, created)
            }
            var comments: [String] = []
            var bad = false
            for (j, r) in (p["responses"] as? [Any] ?? []).enumerated() {
                let field = "\(place).responses[\(j)]"
                guard let response = r as? [String: Any] else {
                    try policy.reject(InterchangeError(line: nil, field: field, "is not an object"))
                    bad = true
                    break
                }
                // A label with nothing visible is no label: --as NAME, then the user's id, stands in.
                let user =
                    (response["user_label"] as? String).flatMap(ForecasterName.clean) ?? policy.missingForecaster
                    ?? response["user_id"].map { "user \($0)" } ?? "predictionbook user"
                let comment = (response["comment"] as? String)?.trimmed
                guard let at = (response["created_at"] as? String).flatMap(Timestamps.parse) else {
                    try policy.reject(InterchangeError(line: nil, field: "\(field).created_at", "is not a timestamp"))
                    bad = true
                    break
                }
                guard let raw = response["confidence"], !(raw is NSNull) else {
                    if let comment, !comment.isEmpty {
                        comments.append("\(user), \(JSONCodecTime.iso(at)): \(comment)")
                        bare += 1
                    }
                    continue
                }
                // A string "70" or `true` is not a confidence: refused, never read as a comment or as 1%.
                guard !(raw is Bool), let confidence = raw as? NSNumber else {
                    try policy.reject(
                        InterchangeError(
                            line: nil, field: "\(field).confidence",
                            "is \(JSONErrors.kind(raw)); PredictionBook writes a number from 0 to 100, or null for a comment"
                        ))
                    bad = true
                    break
                }
                let c = confidence.doubleValue
                guard c >= 0, c <= 100 else {
                    try policy.reject(
                        InterchangeError(
                            line: nil, field: "\(field).confidence", "\(confidence) is not between 0 and 100"))
                    bad = true
                    break
                }
                let typed = c == c.rounded() ? "\(Int(c))%" : "\(c)%"
                claim.forecasts.append(
                    InterchangeForecast(
                        forecaster: user, probability: c / 100, typed: typed, form: .percent,
                        reason: comment.flatMap { $0.isEmpty ? nil : $0 }, createdAt: at))
            }
            if bad { continue }
            if !comments.isEmpty { claim.notes = "Comments on PredictionBook:\n" + comments.joined(separator: "\n") }
            switch p["outcome"] {
            case let o as Bool:
                let at =
                    (p["last_judgement_at"] as? String).flatMap(Timestamps.parse) ?? claim.forecasts.map(\.createdAt)
                    .max() ?? created
                claim.resolutions = [
                    InterchangeResolution(
                        status: o ? .yes : .no, resolvedAt: max(at, created), recordedAt: now,
                        note: "judged on PredictionBook")
                ]
            case nil, is NSNull: break
            default:
                try policy.reject(InterchangeError(line: nil, field: "\(place).outcome", "is not true, false or null"))
                continue
            }
            doc.claims.append(claim)
        }
        if withdrawn > 0 {
            doc.notes.append("\(withdrawn) withdrawn prediction\(withdrawn == 1 ? "" : "s") left out (listed below).")
        }
        if bare > 0 {
            doc.notes.append(
                "\(bare) response\(bare == 1 ? "" : "s") without a confidence kept as comments in the claims' notes.")
        }
        doc.notes.append("Not imported: PredictionBook's visibility settings.")
        return doc
    }
}

enum JSONCodecTime {
    /// ISO 8601 in UTC with milliseconds: lossless for the journal's millisecond times.
    static func iso(_ d: Date) -> String { Timestamp.iso(d) }
}

extension PredictionBookCodec: ImportFormat {
    static let format = InterchangeFormat.predictionbook
    static let name = "PredictionBook JSON"
    static func recognises(_ sample: ImportSample) -> Bool {
        guard let o = sample.object, let p = o["predictions"] as? [[String: Any]] else { return false }
        return p.first?["responses"] != nil || o["user"] != nil
    }
    static func read(_ request: ImportRequest, policy: inout RecordPolicy) throws -> InterchangeDocument {
        try read(request.bytes, now: request.now, policy: &policy)
    }
}
