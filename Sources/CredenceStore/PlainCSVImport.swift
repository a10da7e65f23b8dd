import CredenceCore
import Foundation
import GRDB

/// A record an import refused, and where it is.
public struct ImportError: Error, Equatable, LocalizedError {
    public let file: String
    public let line: Int?
    public let field: String?
    public let message: String

    public var errorDescription: String? {
        var place = file
        if let line { place += ":\(line)" }
        if let field { place += " (\(field))" }
        return "\(place): \(message). Nothing was imported"
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var claims = 0
    public var forecasts = 0
    public var resolved = 0
    public var forecasters: [String] = []
    /// Claims this file had already imported, left as they are.
    public var alreadyImported = 0
    public var alreadyImportedForecasts = 0
}

/// `forecaster,question_id,probability,outcome[,question,created,resolved]`: the shape of the
/// statistics test vectors. One claim per question_id; outcome 1/0, blank for open.
struct PlainCSV {
    static let required = ["forecaster", "question_id", "probability", "outcome"]
    static let optional = ["question", "created", "resolved"]

    struct Question {
        let id: String
        var text: String?
        var outcome: Bool?
        var outcomeLine: Int
        var created: Date?
        var resolved: Date?
        var resolvedSet: Bool
        var rows: [(forecaster: String, p: Double, typed: String, form: InputForm)] = []
    }

    static func parse(_ bytes: [UInt8], file: String, dates: DateGrammar) throws -> [Question] {
        var reader = CSVReader(bytes: bytes)
        func fail(_ line: Int?, _ field: String?, _ message: String) -> ImportError {
            ImportError(file: file, line: line, field: field, message: message)
        }
        guard let header = reader.next() else {
            if let e = reader.error { throw fail(e.line, nil, e.message) }
            throw fail(nil, nil, "the file is empty; the plain CSV starts with the header forecaster,question_id,probability,outcome")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            guard required.contains(name) || optional.contains(name) else {
                throw fail(1, name, "unknown column \"\(name)\"; the plain CSV has forecaster, question_id, probability, outcome and optionally question, created, resolved (use --format for other formats)")
            }
            if column[name] != nil { throw fail(1, name, "the column \"\(name)\" appears twice") }
            column[name] = i
        }
        for name in required where column[name] == nil {
            throw fail(1, name, "the header has no \"\(name)\" column (found: \(names.joined(separator: ",")))")
        }
        var questions: [String: Int] = [:]
        var out: [Question] = []
        while let record = reader.next() {
            let line = record.line
            guard record.fields.count == names.count else {
                throw fail(line, nil, "expected \(names.count) fields, found \(record.fields.count)")
            }
            func value(_ name: String) -> String? {
                column[name].map { record.fields[$0].trimmingCharacters(in: .whitespaces) }
            }
            let forecaster = value("forecaster")!, qid = value("question_id")!
            guard !forecaster.isEmpty else { throw fail(line, "forecaster", "the forecaster is empty") }
            guard !qid.isEmpty else { throw fail(line, "question_id", "the question id is empty") }
            let typed = value("probability")!
            let (p, form) = try probability(typed) ?? { throw fail(line, "probability", "\"\(typed)\" is not a probability from 0 to 1 (or 0% to 100%)") }()
            let outcomeText = value("outcome")!.lowercased()
            let outcome: Bool?
            switch outcomeText {
            case "1", "yes", "true", "y": outcome = true
            case "0", "no", "false", "n": outcome = false
            case "": outcome = nil
            default: throw fail(line, "outcome", "\"\(outcomeText)\" is not an outcome: use 1, 0, or leave it blank for an open question")
            }
            let text = value("question").flatMap { $0.isEmpty ? nil : $0 }
            let created = try value("created").flatMap { $0.isEmpty ? nil : $0 }.map { t in
                do { return try dates.periodStart(t) } catch { throw fail(line, "created", "\"\(t)\" is not a date (use 2026-03-05 or 2026-03-05T09:07)") }
            }
            let resolved = try value("resolved").flatMap { $0.isEmpty ? nil : $0 }.map { t in
                do { return try dates.periodEnd(t) } catch { throw fail(line, "resolved", "\"\(t)\" is not a date (use 2026-03-05 or 2026-03-05T09:07)") }
            }
            if resolved != nil && outcome == nil { throw fail(line, "resolved", "a resolution date but no outcome") }
            if let index = questions[qid] {
                var q = out[index]
                if q.outcome != outcome {
                    throw fail(line, "outcome", "question \(qid) has outcome \(show(q.outcome)) on line \(q.outcomeLine) but \(show(outcome)) here; a question has one outcome")
                }
                if let text, q.text != nil, q.text != text {
                    throw fail(line, "question", "question \(qid) has a different text than on line \(q.outcomeLine)")
                }
                q.text = q.text ?? text
                q.created = q.created ?? created
                q.resolved = q.resolved ?? resolved
                q.rows.append((forecaster, p, typed, form))
                out[index] = q
            } else {
                questions[qid] = out.count
                out.append(Question(id: qid, text: text, outcome: outcome, outcomeLine: line, created: created, resolved: resolved,
                                    resolvedSet: resolved != nil, rows: [(forecaster, p, typed, form)]))
            }
        }
        if let e = reader.error { throw fail(e.line, nil, e.message) }
        return out
    }

    static func show(_ o: Bool?) -> String { o.map { $0 ? "1" : "0" } ?? "blank (open)" }

    /// A data file's probability: a decimal in [0, 1] (a bare 0 or 1 is fine here: the column's
    /// scale is fixed) or a percent.
    static func probability(_ text: String) -> (Double, InputForm)? {
        if text.hasSuffix("%"), let v = Double(text.dropLast() + "e-2"), v >= 0, v <= 1 { return (v, .percent) }
        guard let v = Double(text), v.isFinite, v >= 0, v <= 1, !text.contains("e"), !text.contains("E") else { return nil }
        return (v, .decimal)
    }
}

extension JournalWriter {
    /// Imports a plain CSV in this transaction: every row or none.
    public func importPlainCSV(_ bytes: [UInt8], file: String, dates: DateGrammar) throws -> ImportSummary {
        let questions = try PlainCSV.parse(bytes, file: file, dates: dates)
        let namespace = (file as NSString).lastPathComponent
        var summary = ImportSummary()
        var forecasterIDs: [String: Int64] = [:]
        let insertClaim = try db.cachedStatement(sql: """
            INSERT INTO claim(uuid, text, created_at, status, outcome, resolved_at) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let insertResolution = try db.cachedStatement(sql: """
            INSERT INTO resolution(claim_id, status, resolved_at, recorded_at, note) VALUES (?, ?, ?, ?, ?)
            """)
        let insertForecast = try db.cachedStatement(sql: """
            INSERT INTO forecast(claim_id, forecaster_id, probability, typed, form, created_at, is_final) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM claim WHERE uuid = ?")
        for q in questions {
            let uuid = StableID.uuid(["plain-csv", namespace, q.id])
            if try Bool.fetchOne(exists, arguments: [uuid]) != nil {
                summary.alreadyImported += 1
                summary.alreadyImportedForecasts += q.rows.count
                continue
            }
            let created = q.created ?? now
            let resolvedAt = q.outcome == nil ? nil : (q.resolved ?? max(now, created))
            if let resolvedAt, resolvedAt < created {
                throw ImportError(file: file, line: q.outcomeLine, field: "resolved", message: "question \(q.id) resolves before it was created")
            }
            let status = q.outcome.map { $0 ? "yes" : "no" } ?? "open"
            try insertClaim.execute(arguments: [uuid, q.text ?? "Question \(q.id) (imported from \(namespace))", created.millis, status,
                                                q.outcome.map { $0 ? 1 : 0 }, resolvedAt?.millis])
            let claimID = db.lastInsertedRowID
            summary.claims += 1
            if let resolvedAt {
                try insertResolution.execute(arguments: [claimID, status, resolvedAt.millis, now.millis, "imported from \(namespace)"])
                summary.resolved += 1
            }
            // The last row of each forecaster on a question is the one that counts.
            var last: [String: Int] = [:]
            for (i, row) in q.rows.enumerated() { last[row.forecaster.lowercased()] = i }
            for (i, row) in q.rows.enumerated() {
                let key = row.forecaster.lowercased()
                if forecasterIDs[key] == nil {
                    forecasterIDs[key] = try forecasterID(row.forecaster)
                    summary.forecasters.append(row.forecaster)
                }
                try insertForecast.execute(arguments: [claimID, forecasterIDs[key]!, row.p, row.typed, row.form.rawValue, created.millis,
                                                       last[key] == i])
                summary.forecasts += 1
            }
        }
        return summary
    }
}
